//! An app's embedded flows, in SQLite.
use async_trait::async_trait;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{SqliteStore, from_ms, ms};
use crate::storage::{AppFlow, FlowStore, StoreError};

#[async_trait]
impl FlowStore for SqliteStore {
    async fn save_flow(&self, flow: &AppFlow, replaces: Option<&str>) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        if let Some(old) = replaces {
            sqlx::query("DELETE FROM flows WHERE id = ?1")
                .bind(old)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO flows (id, client_id, return_to, state, embed, lang, csrf, verification_id, verified_phone, token, expires_at, nonce, phone_hint)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (id) DO UPDATE SET lang = ?6, verification_id = ?8, verified_phone = ?9, token = ?10, expires_at = ?11",
        )
        .bind(&flow.id)
        .bind(&flow.client_id)
        .bind(&flow.return_to)
        .bind(&flow.state)
        .bind(flow.embed)
        .bind(&flow.lang)
        .bind(&flow.csrf)
        .bind(flow.verification_id.map(|v| v.to_string()))
        .bind(&flow.phone)
        .bind(&flow.token)
        .bind(ms(flow.expires_at))
        .bind(&flow.nonce)
        .bind(&flow.phone_hint)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn get_flow(&self, id: &str, now: OffsetDateTime) -> Result<Option<AppFlow>, StoreError> {
        type FlowRow = (
            String,
            String,
            String,
            Option<String>,
            bool,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            i64,
            Option<String>,
            Option<String>,
        );
        let row: Option<FlowRow> = sqlx::query_as(
            "SELECT id, client_id, return_to, state, embed, lang, csrf, verification_id, verified_phone, token, expires_at, nonce, phone_hint
             FROM flows WHERE id = ?1 AND expires_at > ?2",
        )
        .bind(id)
        .bind(ms(now))
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let verification_id = match r.7 {
            Some(v) => Some(
                Uuid::parse_str(&v)
                    .map_err(|_| StoreError::Corrupt("bad flow verification id".into()))?,
            ),
            None => None,
        };
        Ok(Some(AppFlow {
            id: r.0,
            client_id: r.1,
            return_to: r.2,
            state: r.3,
            embed: r.4,
            lang: r.5,
            csrf: r.6,
            verification_id,
            phone: r.8,
            token: r.9,
            expires_at: from_ms(r.10)?,
            nonce: r.11,
            phone_hint: r.12,
        }))
    }
}
