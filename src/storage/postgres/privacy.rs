//! Keys for the logs kept only to count, and `forget`, in PostgreSQL.
use async_trait::async_trait;
use uuid::Uuid;

use super::PgStore;
use crate::{
    domain::{CodeHasher, NumberKey},
    storage::{
        StoreError,
        privacy::{Forgotten, PrivacyStore, packed_str},
    },
};

/// How many numbers one statement of `key_numbers` keys.
const BATCH: i64 = 1000;

#[async_trait]
impl PrivacyStore for PgStore {
    async fn key_numbers(&self, hasher: &CodeHasher) -> Result<u64, StoreError> {
        // (which rows wait, the statement that keys them)
        let steps = [
            (
                "SELECT DISTINCT phone FROM verifications WHERE phone_key IS NULL LIMIT $1",
                "UPDATE verifications v SET phone_key = k.key
                   FROM unnest($1::text[], $2::bytea[]) AS k(phone, key)
                  WHERE v.phone = k.phone AND v.phone_key IS NULL",
            ),
            (
                "SELECT DISTINCT unkeyed_phone FROM sms_sends WHERE unkeyed_phone IS NOT NULL LIMIT $1",
                "UPDATE sms_sends s SET phone_key = k.key, unkeyed_phone = NULL
                   FROM unnest($1::text[], $2::bytea[]) AS k(phone, key)
                  WHERE s.unkeyed_phone = k.phone",
            ),
            (
                "SELECT DISTINCT unkeyed_phone FROM guesses WHERE unkeyed_phone IS NOT NULL LIMIT $1",
                "UPDATE guesses g SET phone_key = k.key, unkeyed_phone = NULL
                   FROM unnest($1::text[], $2::bytea[]) AS k(phone, key)
                  WHERE g.unkeyed_phone = k.phone",
            ),
        ];
        let mut changed = 0;
        for (waiting, keying) in steps {
            loop {
                let phones: Vec<String> = sqlx::query_scalar(waiting)
                    .bind(BATCH)
                    .fetch_all(&self.pool)
                    .await?;
                if phones.is_empty() {
                    break;
                }
                let keys: Vec<Vec<u8>> = phones
                    .iter()
                    .map(|p| hasher.number_key(p).as_bytes().to_vec())
                    .collect();
                changed += sqlx::query(keying)
                    .bind(&phones)
                    .bind(&keys)
                    .execute(&self.pool)
                    .await?
                    .rows_affected();
            }
        }
        Ok(changed)
    }

    async fn forget(&self, e164: &str, key: &NumberKey) -> Result<Forgotten, StoreError> {
        let mut tx = self.pool.begin().await?;
        // The number's lock, as a send takes it: no send of it runs meanwhile.
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(e164)
            .execute(&mut *tx)
            .await?;
        let ids: Vec<Uuid> =
            sqlx::query_scalar("DELETE FROM verifications WHERE phone = $1 RETURNING id")
                .bind(e164)
                .fetch_all(&mut *tx)
                .await?;
        let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
        // The number's digits in any text, not inside a longer run of digits
        // (`"+1…"` in JSON, `%2B1…` in a form, a key that embeds them).
        let digits = format!("(^|[^0-9]){}([^0-9]|$)", e164.trim_start_matches('+'));
        let packed = packed_str(e164);
        let mut found = Forgotten {
            verifications: ids.len() as u64,
            ..Forgotten::default()
        };
        found.flows = sqlx::query(
            "DELETE FROM flows WHERE verified_phone = $1 OR verification_id::text = ANY($2)",
        )
        .bind(e164)
        .bind(&ids)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // A flow the app opened with this number that went on with another:
        // only the hint goes.
        found.flows += sqlx::query("UPDATE flows SET phone_hint = NULL WHERE phone_hint = $1")
            .bind(e164)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        found.webhook_events = sqlx::query(
            "DELETE FROM webhook_events WHERE phone = $1 OR verification_id::text = ANY($2)",
        )
        .bind(e164)
        .bind(&ids)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        // A text column that names the number or one of its verifications.
        let names = |column: &str| {
            format!(
                "{column} ~ $1
                 OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS i(id) WHERE strpos({column}, i.id) > 0)"
            )
        };
        found.webhook_deliveries = sqlx::query(&format!(
            "DELETE FROM webhook_deliveries WHERE {}",
            names("payload")
        ))
        .bind(&digits)
        .bind(&ids)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        found.idempotency_keys = sqlx::query(&format!(
            "DELETE FROM idempotency_keys WHERE key ~ $1 OR {}",
            names("response_body")
        ))
        .bind(&digits)
        .bind(&ids)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        found.sessions = sqlx::query(
            "DELETE FROM tower_sessions.session WHERE position($1 IN data) > 0
                OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS i(id)
                            WHERE position(convert_to(i.id, 'UTF8') IN data) > 0)",
        )
        .bind(&packed)
        .bind(&ids)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let (sends, guesses): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM sms_sends WHERE phone_key = $1),
                    (SELECT count(*) FROM guesses WHERE phone_key = $1)",
        )
        .bind(key.as_bytes())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        found.keyed_sends = sends.unsigned_abs();
        found.keyed_guesses = guesses.unsigned_abs();
        Ok(found)
    }
}
