//! Idempotency keys, in SQLite: a claim reads and writes the key's row in
//! one `BEGIN IMMEDIATE` transaction, so of two racing requests exactly one
//! takes it.
use async_trait::async_trait;
use uuid::Uuid;

use super::{SqliteStore, ms};
use crate::storage::{
    StoreError,
    idempotency::{Claimed, IdempotencyStore, KeptAnswer, KeyClaim, found},
};

#[async_trait]
impl IdempotencyStore for SqliteStore {
    async fn claim_key(&self, c: &KeyClaim<'_>) -> Result<Claimed, StoreError> {
        let mut tx = self.write_tx().await?;
        type KeyRow = (Vec<u8>, String, Option<i64>, Option<String>, i64, i64);
        let row: Option<KeyRow> = sqlx::query_as(
            "SELECT request_hash, status, response_status, response_body, created_at, expires_at
             FROM idempotency_keys WHERE tenant = ?1 AND key = ?2",
        )
        .bind(c.tenant)
        .bind(c.key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((hash, status, code, body, created_at, expires_at)) = row {
            let free = expires_at <= ms(c.now)
                || (status == "in_flight"
                    && created_at < ms(c.stale_before)
                    && hash == c.request_hash);
            if !free {
                return found(c.request_hash, &hash, &status, code, body);
            }
        }
        sqlx::query(
            "INSERT OR REPLACE INTO idempotency_keys (tenant, key, request_hash, claim, status, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, 'in_flight', ?5, ?6)",
        )
        .bind(c.tenant)
        .bind(c.key)
        .bind(c.request_hash)
        .bind(c.claim.to_string())
        .bind(ms(c.now))
        .bind(ms(c.expires_at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Claimed::Yours)
    }

    async fn finish_key(
        &self,
        tenant: &str,
        key: &str,
        claim: Uuid,
        answer: &KeptAnswer,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "UPDATE idempotency_keys SET status = 'done', response_status = ?4, response_body = ?5
             WHERE tenant = ?1 AND key = ?2 AND claim = ?3 AND status = 'in_flight'",
        )
        .bind(tenant)
        .bind(key)
        .bind(claim.to_string())
        .bind(i64::from(answer.status))
        .bind(&answer.body)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn release_key(&self, tenant: &str, key: &str, claim: Uuid) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "DELETE FROM idempotency_keys
             WHERE tenant = ?1 AND key = ?2 AND claim = ?3 AND status = 'in_flight'",
        )
        .bind(tenant)
        .bind(key)
        .bind(claim.to_string())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
