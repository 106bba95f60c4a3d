//! The webhooks' outbox on PostgreSQL: the workers of every instance take
//! rows with `FOR UPDATE SKIP LOCKED`, so none is taken twice.
use std::{collections::HashMap, sync::atomic::Ordering};

use async_trait::async_trait;
use time::OffsetDateTime;
use uuid::Uuid;

use super::PgStore;
use crate::storage::{
    StoreError,
    webhooks::{
        CLAIM_LEASE, Delivery, FailedDelivery, FanOut, KEEP_DELIVERED, KEEP_FAILED, OutboxEvent,
        Plan, QueueStats, Redeliver, Settle, TEST_QUEUE_CAP, WebhookStore,
    },
};

type EventRow = (
    i64,
    String,
    Option<Uuid>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    OffsetDateTime,
);

type DeliveryRow = (i64, String, String, String, String, i32);

fn attempts(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

#[async_trait]
impl WebhookStore for PgStore {
    fn set_events(&self, on: bool) {
        self.events.store(on, Ordering::Relaxed);
    }

    async fn report_expired(&self, now: OffsetDateTime, limit: i64) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "WITH changed AS (
                UPDATE verifications SET expiry_reported = expires_at
                WHERE id IN (
                    SELECT id FROM verifications
                    WHERE status = 'pending' AND expires_at <= $1
                      AND expiry_reported IS DISTINCT FROM expires_at
                    ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
                  AND status = 'pending'
                RETURNING id, phone, country, client, tenant, expires_at
             )
             INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
             SELECT 'verification.expired', id, phone, country, client, tenant, 'expired', expires_at FROM changed",
        )
        .bind(now)
        .bind(limit)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    async fn fan_out(
        &self,
        plan: Plan<'_>,
        now: OffsetDateTime,
        limit: i64,
    ) -> Result<FanOut, StoreError> {
        let mut tx = self.pool.begin().await?;
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT id, type, verification_id, phone, country, client, api_key, status, detail, occurred_at
             FROM webhook_events ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
        )
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        if rows.is_empty() {
            return Ok(FanOut::default());
        }
        let mut dropped = 0;
        let mut queued: HashMap<String, i64> = HashMap::new();
        let mut ids = Vec::with_capacity(rows.len());
        for row in rows {
            ids.push(row.0);
            let event = OutboxEvent {
                id: row.0,
                kind: row.1,
                verification_id: row.2,
                phone: row.3,
                country: row.4,
                client: row.5,
                api_key: row.6,
                status: row.7,
                detail: row.8,
                occurred_at: row.9,
            };
            for d in plan(&event) {
                let depth = match queued.get(&d.endpoint) {
                    Some(n) => *n,
                    None => {
                        sqlx::query_scalar(
                            "SELECT count(*) FROM webhook_deliveries WHERE endpoint = $1 AND status = 'pending'",
                        )
                        .bind(&d.endpoint)
                        .fetch_one(&mut *tx)
                        .await?
                    }
                };
                if d.test && depth >= TEST_QUEUE_CAP {
                    dropped += 1;
                    continue;
                }
                sqlx::query(
                    "INSERT INTO webhook_deliveries (msg_id, endpoint, event_type, payload, status, attempts,
                        next_attempt_at, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, 'pending', 0, $5, $5, $5)
                     ON CONFLICT (msg_id) DO NOTHING",
                )
                .bind(&d.msg_id)
                .bind(&d.endpoint)
                .bind(&d.event_type)
                .bind(&d.payload)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                queued.insert(d.endpoint, depth + 1);
            }
        }
        sqlx::query("DELETE FROM webhook_events WHERE id = ANY($1)")
            .bind(&ids)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(FanOut {
            events: ids.len() as u64,
            dropped,
        })
    }

    async fn claim_deliveries(
        &self,
        now: OffsetDateTime,
        endpoints: &[String],
        limit: i64,
    ) -> Result<Vec<Delivery>, StoreError> {
        let rows: Vec<DeliveryRow> = sqlx::query_as(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = $2, updated_at = $1
             WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE status = 'pending' AND next_attempt_at <= $1 AND endpoint = ANY($4)
                ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
             RETURNING id, msg_id, endpoint, event_type, payload, attempts",
        )
        .bind(now)
        .bind(now + CLAIM_LEASE)
        .bind(limit)
        .bind(endpoints)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| Delivery {
                id: r.0,
                msg_id: r.1,
                endpoint: r.2,
                event_type: r.3,
                payload: r.4,
                attempts: attempts(r.5),
            })
            .collect())
    }

    async fn settle_delivery(
        &self,
        id: i64,
        attempts: u32,
        outcome: &Settle,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        let (status, at, error) = outcome.row(now);
        sqlx::query(
            "UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, updated_at = $4,
                last_error = COALESCE($5, last_error)
             WHERE id = $1 AND status = 'pending' AND attempts = $6",
        )
        .bind(id)
        .bind(status)
        .bind(at)
        .bind(now)
        .bind(error)
        .bind(i32::try_from(attempts).unwrap_or(i32::MAX))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn redeliver(&self, which: Redeliver, now: OffsetDateTime) -> Result<u64, StoreError> {
        let one = which.id();
        let done = sqlx::query(
            "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = $1, updated_at = $1
             WHERE status = 'failed' AND ($2::BIGINT IS NULL OR id = $2)",
        )
        .bind(now)
        .bind(one)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    async fn failed_deliveries(&self, limit: i64) -> Result<Vec<FailedDelivery>, StoreError> {
        let rows: Vec<(i64, String, String, i32, Option<String>, OffsetDateTime)> = sqlx::query_as(
            "SELECT id, endpoint, event_type, attempts, last_error, updated_at FROM webhook_deliveries
             WHERE status = 'failed' ORDER BY updated_at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| FailedDelivery {
                id: r.0,
                endpoint: r.1,
                event_type: r.2,
                attempts: attempts(r.3),
                last_error: r.4,
                failed_at: r.5,
            })
            .collect())
    }

    async fn queue_stats(&self) -> Result<QueueStats, StoreError> {
        let (pending, oldest, failed): (i64, Option<OffsetDateTime>, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending')
                  + (SELECT count(*) FROM webhook_events),
                    LEAST((SELECT min(created_at) FROM webhook_deliveries WHERE status = 'pending'),
                          (SELECT min(occurred_at) FROM webhook_events)),
                    (SELECT count(*) FROM webhook_deliveries WHERE status = 'failed')",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(QueueStats {
            pending,
            oldest,
            failed,
        })
    }

    async fn purge_deliveries(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "DELETE FROM webhook_deliveries
             WHERE (status = 'delivered' AND updated_at < $1) OR (status = 'failed' AND updated_at < $2)",
        )
        .bind(now - KEEP_DELIVERED)
        .bind(now - KEEP_FAILED)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }
}
