//! An app's embedded flows, in PostgreSQL.
use async_trait::async_trait;
use time::OffsetDateTime;
use uuid::Uuid;

use super::PgStore;
use crate::storage::{AppFlow, FlowStore, StoreError};

#[async_trait]
impl FlowStore for PgStore {
    async fn save_flow(&self, flow: &AppFlow, replaces: Option<&str>) -> Result<(), StoreError> {
        sqlx::query(
            "WITH replaced AS (DELETE FROM flows WHERE id = $13)
             INSERT INTO flows (id, client_id, return_to, state, embed, lang, csrf, verification_id, verified_phone, token, expires_at, nonce, phone_hint)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14)
             ON CONFLICT (id) DO UPDATE SET lang = $6, verification_id = $8, verified_phone = $9, token = $10, expires_at = $11",
        )
        .bind(&flow.id)
        .bind(&flow.client_id)
        .bind(&flow.return_to)
        .bind(&flow.state)
        .bind(flow.embed)
        .bind(&flow.lang)
        .bind(&flow.csrf)
        .bind(flow.verification_id)
        .bind(&flow.phone)
        .bind(&flow.token)
        .bind(flow.expires_at)
        .bind(&flow.nonce)
        .bind(replaces)
        .bind(&flow.phone_hint)
        .execute(&self.pool)
        .await?;
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
            Option<Uuid>,
            Option<String>,
            Option<String>,
            OffsetDateTime,
            Option<String>,
            Option<String>,
        );
        let row: Option<FlowRow> = sqlx::query_as(
            "SELECT id, client_id, return_to, state, embed, lang, csrf, verification_id, verified_phone, token, expires_at, nonce, phone_hint
             FROM flows WHERE id = $1 AND expires_at > $2",
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| AppFlow {
            id: r.0,
            client_id: r.1,
            return_to: r.2,
            state: r.3,
            embed: r.4,
            lang: r.5,
            csrf: r.6,
            verification_id: r.7,
            phone: r.8,
            token: r.9,
            expires_at: r.10,
            nonce: r.11,
            phone_hint: r.12,
        }))
    }
}
