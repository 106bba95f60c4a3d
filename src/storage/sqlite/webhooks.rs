//! The webhooks' outbox on SQLite: one process, whose writers' line keeps
//! two workers from taking the same row.
use std::{collections::HashMap, sync::atomic::Ordering};

use async_trait::async_trait;
use time::OffsetDateTime;
use uuid::Uuid;

use super::{SqliteStore, WriteTx, from_ms, ms};
use crate::{
    domain::Block,
    storage::{
        StoreError,
        webhooks::{
            CLAIM_LEASE, Delivery, FailedDelivery, FanOut, KEEP_DELIVERED, KEEP_FAILED,
            OutboxEvent, Plan, QueueStats, Redeliver, Settle, TEST_QUEUE_CAP, WebhookStore,
        },
    },
};

/// Writes event `kind` about verification `id` as it now stands.
pub(super) async fn status_event(
    tx: &mut WriteTx,
    id: &str,
    kind: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
         SELECT ?2, id, phone, country, client, tenant, status, ?3 FROM verifications WHERE id = ?1",
    )
    .bind(id)
    .bind(kind)
    .bind(ms(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Writes `pumping.flagged` for a block this send's admission recorded.
pub(super) async fn pumping_flagged(
    tx: &mut WriteTx,
    block: &Block,
    country: &str,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let detail = serde_json::json!({
        "scope": block.scope,
        "rule": block.rule.as_str(),
        "sends": block.sends,
        "verified": block.verified,
        "networks": block.networks,
        "until": crate::domain::timestamp(block.expires_at),
    });
    sqlx::query(
        "INSERT INTO webhook_events (type, country, detail, occurred_at)
         VALUES ('pumping.flagged', ?1, ?2, ?3)",
    )
    .bind(country)
    .bind(detail.to_string())
    .bind(ms(now))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

type EventRow = (
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
);

type DeliveryRow = (i64, String, String, String, String, i64);

fn attempts(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

#[async_trait]
impl WebhookStore for SqliteStore {
    fn set_events(&self, on: bool) {
        self.events.store(on, Ordering::Relaxed);
    }

    async fn report_expired(&self, now: OffsetDateTime, limit: i64) -> Result<u64, StoreError> {
        let mut tx = self.write_tx().await?;
        let expired: Vec<(String, i64)> = sqlx::query_as(
            "UPDATE verifications SET expiry_reported = expires_at
             WHERE id IN (
                SELECT id FROM verifications
                WHERE status = 'pending' AND expires_at <= ?1
                  AND expiry_reported IS NOT expires_at
                ORDER BY expires_at LIMIT ?2)
             RETURNING id, expires_at",
        )
        .bind(ms(now))
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        for (id, at) in &expired {
            sqlx::query(
                "INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
                 SELECT 'verification.expired', id, phone, country, client, tenant, 'expired', ?2
                 FROM verifications WHERE id = ?1",
            )
            .bind(id)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(expired.len() as u64)
    }

    async fn fan_out(
        &self,
        plan: Plan<'_>,
        now: OffsetDateTime,
        limit: i64,
    ) -> Result<FanOut, StoreError> {
        let mut tx = self.write_tx().await?;
        let rows: Vec<EventRow> = sqlx::query_as(
            "SELECT id, type, verification_id, phone, country, client, api_key, status, detail, occurred_at
             FROM webhook_events ORDER BY id LIMIT ?1",
        )
        .bind(limit)
        .fetch_all(&mut *tx)
        .await?;
        if rows.is_empty() {
            return Ok(FanOut::default());
        }
        let mut dropped = 0;
        let mut queued: HashMap<String, i64> = HashMap::new();
        let count = rows.len() as u64;
        for row in rows {
            let event = OutboxEvent {
                id: row.0,
                kind: row.1,
                verification_id: row.2.as_deref().and_then(|s| Uuid::parse_str(s).ok()),
                phone: row.3,
                country: row.4,
                client: row.5,
                api_key: row.6,
                status: row.7,
                detail: row.8,
                occurred_at: from_ms(row.9)?,
            };
            for d in plan(&event) {
                let depth = match queued.get(&d.endpoint) {
                    Some(n) => *n,
                    None => {
                        sqlx::query_scalar(
                            "SELECT count(*) FROM webhook_deliveries WHERE endpoint = ?1 AND status = 'pending'",
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
                     VALUES (?1, ?2, ?3, ?4, 'pending', 0, ?5, ?5, ?5)
                     ON CONFLICT (msg_id) DO NOTHING",
                )
                .bind(&d.msg_id)
                .bind(&d.endpoint)
                .bind(&d.event_type)
                .bind(&d.payload)
                .bind(ms(now))
                .execute(&mut *tx)
                .await?;
                queued.insert(d.endpoint, depth + 1);
            }
            sqlx::query("DELETE FROM webhook_events WHERE id = ?1")
                .bind(event.id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(FanOut {
            events: count,
            dropped,
        })
    }

    async fn claim_deliveries(
        &self,
        now: OffsetDateTime,
        endpoints: &[String],
        limit: i64,
    ) -> Result<Vec<Delivery>, StoreError> {
        let mut tx = self.write_tx().await?;
        let rows: Vec<DeliveryRow> = sqlx::query_as(
            "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?2, updated_at = ?1
             WHERE id IN (
                SELECT id FROM webhook_deliveries
                WHERE status = 'pending' AND next_attempt_at <= ?1
                  AND endpoint IN (SELECT value FROM json_each(?4))
                ORDER BY next_attempt_at LIMIT ?3)
             RETURNING id, msg_id, endpoint, event_type, payload, attempts",
        )
        .bind(ms(now))
        .bind(ms(now + CLAIM_LEASE))
        .bind(limit)
        .bind(serde_json::to_string(endpoints).unwrap_or_default())
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
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
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "UPDATE webhook_deliveries SET status = ?2, next_attempt_at = ?3, updated_at = ?4,
                last_error = coalesce(?5, last_error)
             WHERE id = ?1 AND status = 'pending' AND attempts = ?6",
        )
        .bind(id)
        .bind(status)
        .bind(ms(at))
        .bind(ms(now))
        .bind(error)
        .bind(i64::from(attempts))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn redeliver(&self, which: Redeliver, now: OffsetDateTime) -> Result<u64, StoreError> {
        let one = which.id();
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?1, updated_at = ?1
             WHERE status = 'failed' AND (?2 IS NULL OR id = ?2)",
        )
        .bind(ms(now))
        .bind(one)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }

    async fn failed_deliveries(&self, limit: i64) -> Result<Vec<FailedDelivery>, StoreError> {
        let rows: Vec<(i64, String, String, i64, Option<String>, i64)> = sqlx::query_as(
            "SELECT id, endpoint, event_type, attempts, last_error, updated_at FROM webhook_deliveries
             WHERE status = 'failed' ORDER BY updated_at DESC, id DESC LIMIT ?1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(FailedDelivery {
                    id: r.0,
                    endpoint: r.1,
                    event_type: r.2,
                    attempts: attempts(r.3),
                    last_error: r.4,
                    failed_at: from_ms(r.5)?,
                })
            })
            .collect()
    }

    async fn queue_stats(&self) -> Result<QueueStats, StoreError> {
        let (pending, oldest, failed): (i64, Option<i64>, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM webhook_deliveries WHERE status = 'pending')
                  + (SELECT count(*) FROM webhook_events),
                    (SELECT min(t) FROM (
                        SELECT min(created_at) AS t FROM webhook_deliveries WHERE status = 'pending'
                        UNION ALL SELECT min(occurred_at) FROM webhook_events)),
                    (SELECT count(*) FROM webhook_deliveries WHERE status = 'failed')",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(QueueStats {
            pending,
            oldest: oldest.map(from_ms).transpose()?,
            failed,
        })
    }

    async fn purge_deliveries(&self, now: OffsetDateTime) -> Result<u64, StoreError> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "DELETE FROM webhook_deliveries
             WHERE (status = 'delivered' AND updated_at < ?1) OR (status = 'failed' AND updated_at < ?2)",
        )
        .bind(ms(now - KEEP_DELIVERED))
        .bind(ms(now - KEEP_FAILED))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }
}
