//! Idempotency keys, in PostgreSQL: a claim is one `INSERT … ON CONFLICT`,
//! so of two instances racing for a key exactly one takes it.
use async_trait::async_trait;
use uuid::Uuid;

use super::PgStore;
use crate::storage::{
    StoreError,
    idempotency::{Claimed, IdempotencyStore, KeptAnswer, KeyClaim, found},
};

/// How often a claim looks again when the key's row went away between its
/// insert and its read (released, or purged).
const TRIES: usize = 3;

#[async_trait]
impl IdempotencyStore for PgStore {
    async fn claim_key(&self, c: &KeyClaim<'_>) -> Result<Claimed, StoreError> {
        for _ in 0..TRIES {
            // Takes a free key, one past its keeping time, or a stale claim
            // of the same request; waits for a racing insert to commit.
            let taken: Option<Uuid> = sqlx::query_scalar(
                "INSERT INTO idempotency_keys AS k (tenant, key, request_hash, claim, status, created_at, expires_at)
                 VALUES ($1, $2, $3, $4, 'in_flight', $5, $6)
                 ON CONFLICT (tenant, key) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, claim = EXCLUDED.claim, status = 'in_flight',
                        response_status = NULL, response_body = NULL,
                        created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                  WHERE k.expires_at <= $5
                     OR (k.status = 'in_flight' AND k.created_at < $7 AND k.request_hash = EXCLUDED.request_hash)
                 RETURNING claim",
            )
            .bind(c.tenant)
            .bind(c.key)
            .bind(c.request_hash)
            .bind(c.claim)
            .bind(c.now)
            .bind(c.expires_at)
            .bind(c.stale_before)
            .fetch_optional(&self.pool)
            .await?;
            if taken.is_some() {
                return Ok(Claimed::Yours);
            }
            // A statement of its own, so it sees the row the insert waited for.
            let row: Option<(Vec<u8>, String, Option<i16>, Option<String>)> = sqlx::query_as(
                "SELECT request_hash, status, response_status, response_body FROM idempotency_keys
                 WHERE tenant = $1 AND key = $2 AND expires_at > $3",
            )
            .bind(c.tenant)
            .bind(c.key)
            .bind(c.now)
            .fetch_optional(&self.pool)
            .await?;
            if let Some((hash, status, code, body)) = row {
                return found(c.request_hash, &hash, &status, code.map(i64::from), body);
            }
        }
        Ok(Claimed::InFlight)
    }

    async fn finish_key(
        &self,
        tenant: &str,
        key: &str,
        claim: Uuid,
        answer: &KeptAnswer,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE idempotency_keys SET status = 'done', response_status = $4, response_body = $5
             WHERE tenant = $1 AND key = $2 AND claim = $3 AND status = 'in_flight'",
        )
        .bind(tenant)
        .bind(key)
        .bind(claim)
        .bind(i16::try_from(answer.status).unwrap_or(i16::MAX))
        .bind(&answer.body)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn release_key(&self, tenant: &str, key: &str, claim: Uuid) -> Result<(), StoreError> {
        sqlx::query(
            "DELETE FROM idempotency_keys
             WHERE tenant = $1 AND key = $2 AND claim = $3 AND status = 'in_flight'",
        )
        .bind(tenant)
        .bind(key)
        .bind(claim)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
