//! Keys for the logs kept only to count, and `forget`, in SQLite.
use async_trait::async_trait;

use super::SqliteStore;
use crate::{
    domain::{CodeHasher, NumberKey},
    storage::{
        StoreError,
        privacy::{Forgotten, PrivacyStore, packed_str},
    },
};

impl SqliteStore {
    /// A deleted or rewritten row's bytes stay in the free space of its
    /// page (every delete's: a webhook event fanned out, a purge). VACUUM
    /// writes the file anew without them, and the checkpoint empties the
    /// write-ahead log that held the old pages.
    async fn scrub(&self) -> Result<(), StoreError> {
        let _turn = self.writers.lock().await;
        sqlx::query("VACUUM").execute(&self.pool).await?;
        // A reader of another process may hold the log a moment: try again,
        // and say so if it never lets go.
        for _ in 0..50 {
            let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await?;
            if busy == 0 {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Err(StoreError::Corrupt(
            "the rows are gone, but a reader kept the write-ahead log that held them: run the command again"
                .into(),
        ))
    }
}

/// Whether `text` holds `digits` not inside a longer run of digits.
fn names_digits(text: &str, digits: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(digits).any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(at + digits.len()).copied();
        !before.is_some_and(|b| b.is_ascii_digit()) && !after.is_some_and(|b| b.is_ascii_digit())
    })
}

#[async_trait]
impl PrivacyStore for SqliteStore {
    async fn key_numbers(&self, hasher: &CodeHasher) -> Result<u64, StoreError> {
        // (which numbers wait, the statement that keys one)
        let steps = [
            (
                "SELECT DISTINCT phone FROM verifications WHERE phone_key IS NULL LIMIT 1000",
                "UPDATE verifications SET phone_key = ?2 WHERE phone = ?1 AND phone_key IS NULL",
            ),
            (
                "SELECT DISTINCT unkeyed_phone FROM sms_sends WHERE unkeyed_phone IS NOT NULL LIMIT 1000",
                "UPDATE sms_sends SET phone_key = ?2, unkeyed_phone = NULL WHERE unkeyed_phone = ?1",
            ),
            (
                "SELECT DISTINCT unkeyed_phone FROM guesses WHERE unkeyed_phone IS NOT NULL LIMIT 1000",
                "UPDATE guesses SET phone_key = ?2, unkeyed_phone = NULL WHERE unkeyed_phone = ?1",
            ),
        ];
        let mut changed = 0;
        for (waiting, keying) in steps {
            loop {
                let phones: Vec<String> = sqlx::query_scalar(waiting).fetch_all(&self.pool).await?;
                if phones.is_empty() {
                    break;
                }
                let mut tx = self.write_tx().await?;
                for phone in &phones {
                    changed += sqlx::query(keying)
                        .bind(phone)
                        .bind(hasher.number_key(phone).as_bytes())
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                tx.commit().await?;
            }
        }
        if changed > 0 {
            // The numbers just keyed are still in the free space.
            self.scrub().await?;
        }
        Ok(changed)
    }

    async fn forget(&self, e164: &str, key: &NumberKey) -> Result<Forgotten, StoreError> {
        let mut tx = self.write_tx().await?;
        let ids: Vec<String> =
            sqlx::query_scalar("DELETE FROM verifications WHERE phone = ?1 RETURNING id")
                .bind(e164)
                .fetch_all(&mut *tx)
                .await?;
        let digits = e164.trim_start_matches('+');
        let mut found = Forgotten {
            verifications: ids.len() as u64,
            ..Forgotten::default()
        };
        let mut run = async |sql: &str, value: &str| -> Result<u64, StoreError> {
            Ok(sqlx::query(sql)
                .bind(value)
                .execute(&mut *tx)
                .await?
                .rows_affected())
        };
        found.flows += run("DELETE FROM flows WHERE verified_phone = ?1", e164).await?;
        // A flow the app opened with this number that went on with another:
        // only the hint goes.
        found.flows += run(
            "UPDATE flows SET phone_hint = NULL WHERE phone_hint = ?1",
            e164,
        )
        .await?;
        found.webhook_events += run("DELETE FROM webhook_events WHERE phone = ?1", e164).await?;
        for id in &ids {
            found.flows += run("DELETE FROM flows WHERE verification_id = ?1", id).await?;
            found.webhook_events +=
                run("DELETE FROM webhook_events WHERE verification_id = ?1", id).await?;
        }
        // Text that names the number (its digits, not inside a longer run
        // of digits) or one of its verifications: SQLite has no regular
        // expressions, so the candidates are read and judged here.
        let doomed = |rows: Vec<(i64, Option<String>, Option<String>)>| -> Vec<i64> {
            rows.into_iter()
                .filter(|(_, a, b)| {
                    [a, b].into_iter().flatten().any(|text| {
                        names_digits(text, digits)
                            || ids.iter().any(|id| text.contains(id.as_str()))
                    })
                })
                .map(|(rowid, _, _)| rowid)
                .collect()
        };
        // Only rows that hold the digits or an id somewhere are read.
        let needles: Vec<&str> = std::iter::once(digits)
            .chain(ids.iter().map(String::as_str))
            .collect();
        let holding = |columns: &[&str]| {
            let mut any = Vec::new();
            for column in columns {
                for n in 1..=needles.len() {
                    any.push(format!("instr({column}, ?{n}) > 0"));
                }
            }
            any.join(" OR ")
        };
        let sql = format!(
            "SELECT id, payload, NULL FROM webhook_deliveries WHERE {}",
            holding(&["payload"])
        );
        let mut query = sqlx::query_as::<_, (i64, Option<String>, Option<String>)>(&sql);
        for n in &needles {
            query = query.bind(*n);
        }
        let deliveries = doomed(query.fetch_all(&mut *tx).await?);
        let sql2 = format!(
            "SELECT rowid, response_body, key FROM idempotency_keys WHERE {}",
            holding(&["response_body", "key"])
        );
        let mut query = sqlx::query_as::<_, (i64, Option<String>, Option<String>)>(&sql2);
        for n in &needles {
            query = query.bind(*n);
        }
        let answers = doomed(query.fetch_all(&mut *tx).await?);
        for rowid in deliveries {
            found.webhook_deliveries += sqlx::query("DELETE FROM webhook_deliveries WHERE id = ?1")
                .bind(rowid)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        for rowid in answers {
            found.idempotency_keys += sqlx::query("DELETE FROM idempotency_keys WHERE rowid = ?1")
                .bind(rowid)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        // A session keeps the number as MessagePack writes it.
        let packed = packed_str(e164);
        let mut sessions: Vec<Vec<u8>> = ids.iter().map(|id| id.as_bytes().to_vec()).collect();
        sessions.push(packed);
        for value in sessions {
            found.sessions += sqlx::query("DELETE FROM tower_sessions WHERE instr(data, ?1) > 0")
                .bind(value)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        let (sends, guesses): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT count(*) FROM sms_sends WHERE phone_key = ?1),
                    (SELECT count(*) FROM guesses WHERE phone_key = ?1)",
        )
        .bind(key.as_bytes())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        self.scrub().await?;
        found.keyed_sends = sends.unsigned_abs();
        found.keyed_guesses = guesses.unsigned_abs();
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::names_digits;

    #[test]
    fn a_number_is_named_only_as_a_whole_run_of_digits() {
        let n = "14155552671";
        assert!(names_digits(r#"{"phone":"+14155552671"}"#, n));
        assert!(names_digits("To=%2B14155552671&Channel=sms", n));
        assert!(names_digits("signup-+14155552671", n));
        assert!(!names_digits(r#"{"phone":"+141555526712"}"#, n));
        assert!(!names_digits(r#"{"phone":"+914155552671"}"#, n));
        assert!(!names_digits("nothing", n));
    }
}
