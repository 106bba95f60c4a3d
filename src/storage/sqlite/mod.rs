//! SQLite for one machine: WAL mode, and every write in a `BEGIN IMMEDIATE`
//! transaction, so writers queue instead of failing and the limits hold.
use std::{
    ops::{Deref, DerefMut},
    str::FromStr,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
};

use async_trait::async_trait;
use sqlx::{
    Sqlite, SqliteConnection, SqlitePool, Transaction,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};
use time::OffsetDateTime;
use uuid::Uuid;

mod admission;
mod flows;
mod idempotency;
mod privacy;
mod stats;
mod webhooks;

use admission::Admission;

use super::{Purged, Retention, Store, StoreError, rule};
use crate::domain::{
    Admitted, Answer, Block, CheckRecord, NewVerification, NumberKey, NumberWindow, OlderCodes,
    SendLimits, StatKind, Status, Verification,
};

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// This process's writers' line: SQLite lets one writer in at a time
    /// and makes the others retry in sleeps of up to 100 ms (its busy
    /// handler), so under load the unlucky ones waited far longer than the
    /// write takes. Waiting here, in order, keeps that tail short; the busy
    /// timeout still covers other processes on the same file.
    writers: Arc<tokio::sync::Mutex<()>>,
    /// Whether state changes write webhook events.
    events: Arc<AtomicBool>,
}

/// A write transaction holding the writers' turn until it ends.
struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTx {
    async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl Deref for WriteTx {
    type Target = SqliteConnection;
    fn deref(&self) -> &SqliteConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut SqliteConnection {
        &mut self.tx
    }
}

/// Milliseconds since the epoch: what the SQLite schema keeps.
fn ms(t: OffsetDateTime) -> i64 {
    (t.unix_timestamp_nanos() / 1_000_000) as i64
}

fn from_ms(v: i64) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(v) * 1_000_000)
        .map_err(|_| StoreError::Corrupt(format!("timestamp {v} out of range")))
}

#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    phone: String,
    country: String,
    code_hash: Vec<u8>,
    older_codes: Option<Vec<u8>>,
    status: String,
    attempts_left: i64,
    locale: String,
    created_at: i64,
    updated_at: i64,
    last_sent_at: i64,
    expires_at: i64,
    tenant: Option<String>,
    tags: Option<String>,
}

impl TryFrom<Row> for Verification {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Verification {
            id: Uuid::parse_str(&r.id).map_err(|_| StoreError::Corrupt("bad id".into()))?,
            phone: r.phone,
            country: r.country,
            code_hash: r.code_hash,
            older_codes: OlderCodes::from_stored(r.older_codes),
            status: Status::parse(&r.status)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown status {:?}", r.status)))?,
            attempts_left: u32::try_from(r.attempts_left)
                .map_err(|_| StoreError::Corrupt("bad attempts".into()))?,
            locale: r.locale,
            created_at: from_ms(r.created_at)?,
            updated_at: from_ms(r.updated_at)?,
            last_sent_at: from_ms(r.last_sent_at)?,
            expires_at: from_ms(r.expires_at)?,
            tenant: r.tenant,
            tags: r.tags,
        })
    }
}

const COLUMNS: &str = "id, phone, country, code_hash, older_codes, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at, tenant, tags";

/// A `send_blocks` row and its columns.
type BlockRow = (String, String, i64, i64, i64, i64);
const BLOCK_COLUMNS: &str = "scope, rule, sends, verified, networks, expires_at";

fn block(
    (scope, word, sends, verified, networks, expires_at): BlockRow,
) -> Result<Block, StoreError> {
    Ok(Block {
        scope,
        rule: rule(&word)?,
        sends,
        verified,
        networks,
        expires_at: from_ms(expires_at)?,
    })
}

fn one(row: Option<Row>) -> Result<Option<Verification>, StoreError> {
    row.map(Verification::try_from).transpose()
}

impl SqliteStore {
    /// Opens (creating the file and its folder if missing) in WAL mode.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| anyhow::anyhow!("DATABASE_URL is not a SQLite URL: {e}"))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(std::time::Duration::from_secs(10))
            .foreign_keys(true);
        let file = options.get_filename().to_path_buf();
        if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| anyhow::anyhow!("cannot create the folder {}: {e}", dir.display()))?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            // An in-process file does not drop connections; sqlx's default
            // ping before each use is a hop to the connection's thread.
            .test_before_acquire(false)
            .acquire_timeout(std::time::Duration::from_secs(10))
            .connect_with(options)
            .await
            .map_err(|e| anyhow::anyhow!("cannot open SQLite database {}: {e}", file.display()))?;
        Ok(Self {
            pool,
            writers: Arc::default(),
            events: Arc::default(),
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    fn events(&self) -> bool {
        self.events.load(Ordering::Relaxed)
    }

    /// Adds one to an hourly counter of the operator page.
    async fn count(
        tx: &mut WriteTx,
        hour: OffsetDateTime,
        country: &str,
        kind: StatKind,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO stats_hourly (hour, country, kind, count) VALUES (?1, ?2, ?3, 1)
             ON CONFLICT (hour, country, kind) DO UPDATE SET count = count + 1",
        )
        .bind(ms(hour))
        .bind(country)
        .bind(kind.as_str())
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    async fn write_tx(&self) -> Result<WriteTx, StoreError> {
        let turn = self.writers.clone().lock_owned().await;
        Ok(WriteTx {
            tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
            _turn: turn,
        })
    }

    async fn record_send(
        tx: &mut WriteTx,
        key: &NumberKey,
        id: Uuid,
        limits: &SendLimits,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sms_sends (phone_key, verification_id, sent_at, delivered, expires_at, prefix, country, network)
             VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7)",
        )
        .bind(key.as_bytes())
        .bind(id.to_string())
        .bind(ms(now))
        .bind(ms(limits.record_until))
        .bind(&limits.prefix)
        .bind(&limits.country)
        .bind(&limits.network)
        .execute(&mut **tx)
        .await?;
        // The operator page's hourly counter, in the same transaction.
        Self::count(tx, limits.hour, &limits.country, StatKind::Sent).await
    }
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations/sqlite")
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Database(e.into()))
    }

    async fn create(
        &self,
        new: &NewVerification,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<Admitted<Verification>, StoreError> {
        let mut tx = self.write_tx().await?;
        let admission = match limits {
            Some(limits) => {
                Self::admit(&mut tx, &new.phone_key, limits, now, self.events()).await?
            }
            None => Admission::default(),
        };
        if let Some(refusal) = admission.refusal {
            // A block the admission recorded stays.
            tx.commit().await?;
            return Ok(Admitted {
                result: Err(refusal),
                new_block: admission.new_block,
            });
        }
        let replaced: Option<(String, i64)> = sqlx::query_as(
            "UPDATE verifications SET status = 'canceled', updated_at = ?2
             WHERE phone = ?1 AND status = 'pending' AND tenant IS ?3 RETURNING id, attempts_left",
        )
        .bind(&new.phone)
        .bind(ms(now))
        .bind(&new.tenant)
        .fetch_optional(&mut *tx)
        .await?;
        let carried = replaced.as_ref().map(|r| r.1);
        if self.events()
            && let Some((old, _)) = &replaced
        {
            webhooks::status_event(&mut tx, old, "verification.canceled", now).await?;
        }
        let max = i64::from(new.max_attempts);
        let left_of_budget = limits.map_or(max, |l| i64::from(l.guess_budget) - admission.guessed);
        let attempts = carried.map_or(max, |c| c.min(max)).min(left_of_budget);
        let row: Row = sqlx::query_as(&format!(
            "INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at, tenant, country, client, tags, phone_key)
             VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?6, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING {COLUMNS}"
        ))
        .bind(new.id.to_string())
        .bind(&new.phone)
        .bind(&new.code_hash)
        .bind(attempts)
        .bind(&new.locale)
        .bind(ms(now))
        .bind(ms(new.expires_at))
        .bind(&new.tenant)
        .bind(&new.country)
        .bind(&new.client)
        .bind(&new.tags)
        .bind(new.phone_key.as_bytes())
        .fetch_one(&mut *tx)
        .await?;
        if self.events() {
            webhooks::status_event(&mut tx, &new.id.to_string(), "verification.started", now)
                .await?;
        }
        if let Some(limits) = limits {
            Self::record_send(&mut tx, &new.phone_key, new.id, limits, now).await?;
        }
        tx.commit().await?;
        Ok(Admitted {
            result: Ok(row.try_into()?),
            new_block: admission.new_block,
        })
    }

    async fn replace_code(
        &self,
        id: Uuid,
        code_hash: &[u8],
        expires_at: OffsetDateTime,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<Option<Admitted<Verification>>, StoreError> {
        let mut tx = self.write_tx().await?;
        let current: Option<(Vec<u8>, Vec<u8>, i64, Option<Vec<u8>>)> = sqlx::query_as(
            "SELECT phone_key, code_hash, expires_at, older_codes FROM verifications
             WHERE id = ?1 AND status = 'pending'",
        )
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let Some((key, replaced, replaced_until, older)) = current else {
            return Ok(None);
        };
        let key = NumberKey::from_stored(&key)
            .ok_or_else(|| StoreError::Corrupt("a verification without its number's key".into()))?;
        let admission = match limits {
            Some(limits) => Self::admit(&mut tx, &key, limits, now, self.events()).await?,
            None => Admission::default(),
        };
        if let Some(refusal) = admission.refusal {
            tx.commit().await?;
            return Ok(Some(Admitted {
                result: Err(refusal),
                new_block: admission.new_block,
            }));
        }
        let row: Row = sqlx::query_as(&format!(
            "UPDATE verifications SET older_codes = ?5,
                code_hash = ?2, expires_at = ?3, last_sent_at = ?4, updated_at = ?4
             WHERE id = ?1 RETURNING {COLUMNS}"
        ))
        .bind(id.to_string())
        .bind(code_hash)
        .bind(ms(expires_at))
        .bind(ms(now))
        .bind(
            OlderCodes::from_stored(older)
                .after_resend(&replaced, from_ms(replaced_until)?, code_hash, now)
                .as_bytes()
                .to_vec(),
        )
        .fetch_one(&mut *tx)
        .await?;
        if let Some(limits) = limits {
            Self::record_send(&mut tx, &key, id, limits, now).await?;
        }
        tx.commit().await?;
        Ok(Some(Admitted {
            result: Ok(row.try_into()?),
            new_block: admission.new_block,
        }))
    }

    async fn get(&self, id: Uuid) -> Result<Option<Verification>, StoreError> {
        one(sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM verifications WHERE id = ?1"
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn record_check(
        &self,
        id: Uuid,
        seen_hash: &[u8],
        answer: Answer,
        now: OffsetDateTime,
        check: &CheckRecord,
    ) -> Result<Option<Verification>, StoreError> {
        let mut tx = self.write_tx().await?;
        let row = one(sqlx::query_as(&format!(
            "UPDATE verifications SET
                status = CASE WHEN ?3 THEN 'approved'
                              WHEN attempts_left <= 1 OR {spent} THEN 'max_attempts_reached'
                              ELSE 'pending' END,
                attempts_left = CASE WHEN ?3 THEN attempts_left WHEN {spent} THEN 0
                                     ELSE attempts_left - 1 END,
                updated_at = ?4
             WHERE id = ?1 AND status = 'pending' AND expires_at > ?4 AND attempts_left > 0 AND code_hash = ?2
             RETURNING {COLUMNS}",
            spent = "(SELECT count(*) FROM guesses g WHERE g.phone_key = verifications.phone_key AND g.at > ?5) + 1 >= ?6",
        ))
        .bind(id.to_string())
        .bind(seen_hash)
        .bind(answer != Answer::Wrong)
        .bind(ms(now))
        .bind(ms(check.guess_since))
        .bind(i64::from(check.guess_budget))
        .fetch_optional(&mut *tx)
        .await?)?;
        // An approval's side effects (sends marked verified, wrong codes
        // cleared, the hour's counter) are the trigger `verification_approved`'s.
        debug_assert_eq!(check.hour, crate::domain::clock_hour(now));
        match &row {
            Some(v) if v.status != Status::Approved => {
                sqlx::query(
                    "INSERT INTO guesses (phone_key, at, expires_at)
                     SELECT phone_key, ?2, ?3 FROM verifications WHERE id = ?1",
                )
                .bind(v.id.to_string())
                .bind(ms(now))
                .bind(ms(check.guess_until))
                .execute(&mut *tx)
                .await?;
            }
            _ => {}
        }
        if self.events()
            && let Some(v) = row.as_ref().filter(|v| v.status != Status::Pending)
        {
            let kind = format!("verification.{}", v.status.as_str());
            webhooks::status_event(&mut tx, &v.id.to_string(), &kind, now).await?;
        }
        tx.commit().await?;
        Ok(row)
    }

    async fn cancel(
        &self,
        id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Option<Verification>, StoreError> {
        let mut tx = self.write_tx().await?;
        let row = one(sqlx::query_as(&format!(
            "UPDATE verifications SET status = 'canceled', updated_at = ?2
             WHERE id = ?1 AND status = 'pending' RETURNING {COLUMNS}"
        ))
        .bind(id.to_string())
        .bind(ms(now))
        .fetch_optional(&mut *tx)
        .await?)?;
        if self.events() && row.is_some() {
            webhooks::status_event(&mut tx, &id.to_string(), "verification.canceled", now).await?;
        }
        tx.commit().await?;
        Ok(row)
    }

    async fn find_pending(
        &self,
        phone: &str,
        tenant: Option<&str>,
    ) -> Result<Option<Verification>, StoreError> {
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM verifications
             WHERE phone = ?1 AND status = 'pending' AND tenant IS ?2"
        ))
        .bind(phone)
        .bind(tenant)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Verification::try_from).transpose()
    }

    async fn find_used_up(
        &self,
        phone: &str,
        tenant: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Option<Verification>, StoreError> {
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM verifications
             WHERE phone = ?1 AND status = 'max_attempts_reached' AND tenant IS ?2
               AND expires_at > ?3
             ORDER BY updated_at DESC LIMIT 1"
        ))
        .bind(phone)
        .bind(tenant)
        .bind(ms(now))
        .fetch_optional(&self.pool)
        .await?;
        row.map(Verification::try_from).transpose()
    }

    async fn number_window(
        &self,
        key: &NumberKey,
        since: OffsetDateTime,
    ) -> Result<NumberWindow, StoreError> {
        // The figures `admit` judges by: counts in the window and the oldest.
        let (guesses, oldest_guess, sends, oldest_send): (i64, Option<i64>, i64, Option<i64>) =
            sqlx::query_as(
                "SELECT (SELECT count(*) FROM guesses WHERE phone_key = ?1 AND at > ?2),
                        (SELECT min(at) FROM guesses WHERE phone_key = ?1 AND at > ?2),
                        (SELECT count(*) FROM sms_sends WHERE phone_key = ?1 AND sent_at > ?2),
                        (SELECT min(sent_at) FROM sms_sends WHERE phone_key = ?1 AND sent_at > ?2)",
            )
            .bind(key.as_bytes())
            .bind(ms(since))
            .fetch_one(&self.pool)
            .await?;
        Ok(NumberWindow {
            guesses,
            oldest_guess: oldest_guess.map(from_ms).transpose()?,
            sends,
            oldest_send: oldest_send.map(from_ms).transpose()?,
        })
    }

    async fn send_times(&self, id: Uuid) -> Result<Vec<OffsetDateTime>, StoreError> {
        let times: Vec<i64> = sqlx::query_scalar(
            "SELECT sent_at FROM sms_sends WHERE verification_id = ?1 ORDER BY sent_at",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        times.into_iter().map(from_ms).collect()
    }

    async fn spend_challenge(
        &self,
        nonce: &str,
        expires_at: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let first = sqlx::query(
            "INSERT INTO challenges_spent (nonce, expires_at) VALUES (?1, ?2)
             ON CONFLICT (nonce) DO NOTHING",
        )
        .bind(nonce)
        .bind(ms(expires_at))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        tx.commit().await?;
        Ok(first)
    }

    async fn take_wait(
        &self,
        address: &str,
        most: u32,
        window: time::Duration,
        now: OffsetDateTime,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        let mut tx = self.write_tx().await?;
        let counted = sqlx::query_scalar::<_, i64>(
            "INSERT INTO challenge_waits (address, window_ends, used) VALUES (?1, ?2, 1)
             ON CONFLICT (address) DO UPDATE SET
                 used = CASE WHEN window_ends <= ?3 THEN 1 ELSE used + 1 END,
                 window_ends = CASE WHEN window_ends <= ?3 THEN excluded.window_ends
                                    ELSE window_ends END
             WHERE window_ends <= ?3 OR used < ?4
             RETURNING used",
        )
        .bind(address)
        .bind(ms(now + window))
        .bind(ms(now))
        .bind(i64::from(most))
        .fetch_optional(&mut *tx)
        .await?;
        let until = match counted {
            Some(_) => None,
            None => Some(
                sqlx::query_scalar::<_, i64>(
                    "SELECT window_ends FROM challenge_waits WHERE address = ?1",
                )
                .bind(address)
                .fetch_optional(&mut *tx)
                .await?
                .map(from_ms)
                .transpose()?
                .unwrap_or(now + window),
            ),
        };
        tx.commit().await?;
        Ok(until)
    }

    async fn send_failed(&self, id: Uuid, now: OffsetDateTime) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let canceled = sqlx::query("UPDATE verifications SET status = 'canceled', updated_at = ?2 WHERE id = ?1 AND status = 'pending'")
            .bind(id.to_string())
            .bind(ms(now))
            .execute(&mut *tx)
            .await?
            .rows_affected();
        // Its code never arrived: `sms.failed` (not `verification.canceled`).
        if self.events() && canceled == 1 {
            webhooks::status_event(&mut tx, &id.to_string(), "sms.failed", now).await?;
        }
        let failed: Option<(i64, String)> = sqlx::query_as(
            "UPDATE sms_sends SET delivered = 0 WHERE id =
                (SELECT id FROM sms_sends WHERE verification_id = ?1 ORDER BY sent_at DESC, id DESC LIMIT 1)
             RETURNING sent_at, country",
        )
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((sent_at, country)) = failed {
            sqlx::query("UPDATE stats_hourly SET count = count - 1 WHERE kind = 'sent' AND country = ?1 AND hour = ?2")
                .bind(country)
                .bind(sent_at - sent_at.rem_euclid(3_600_000))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn count_pending(&self, now: OffsetDateTime) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM verifications WHERE status = 'pending' AND expires_at > ?1",
        )
        .bind(ms(now))
        .fetch_one(&self.pool)
        .await?)
    }

    async fn purge(&self, retention: &Retention) -> Result<Purged, StoreError> {
        let mut tx = self.write_tx().await?;
        let mut deleted = async |sql: &'static str, before: OffsetDateTime| {
            sqlx::query(sql)
                .bind(ms(before))
                .execute(&mut *tx)
                .await
                .map(|done| done.rows_affected())
        };
        // With webhooks, a pending one waits until its expiry is reported.
        let events = self.events();
        let verifications = deleted(
            if events {
                "DELETE FROM verifications WHERE expires_at < ?1
                 AND (status <> 'pending' OR expiry_reported IS expires_at)"
            } else {
                "DELETE FROM verifications WHERE expires_at < ?1"
            },
            retention.verifications_before,
        )
        .await?;
        let sends = deleted("DELETE FROM sms_sends WHERE expires_at < ?1", retention.now).await?;
        deleted("DELETE FROM guesses WHERE expires_at < ?1", retention.now).await?;
        deleted("DELETE FROM flows WHERE expires_at < ?1", retention.now).await?;
        deleted(
            "DELETE FROM idempotency_keys WHERE expires_at < ?1",
            retention.now,
        )
        .await?;
        deleted(
            "DELETE FROM challenges_spent WHERE expires_at < ?1",
            // Kept a while past their expiry: another instance's clock may
            // run behind.
            retention.verifications_before,
        )
        .await?;
        deleted(
            "DELETE FROM challenge_waits WHERE window_ends < ?1",
            retention.now,
        )
        .await?;
        deleted(
            "DELETE FROM send_blocks WHERE expires_at < ?1",
            retention.now,
        )
        .await?;
        deleted(
            "DELETE FROM stats_hourly WHERE hour < ?1",
            retention.stats_before,
        )
        .await?;
        deleted(
            "DELETE FROM sms_budget WHERE hour < ?1",
            retention.budget_before,
        )
        .await?;
        tx.commit().await?;
        use super::webhooks::WebhookStore as _;
        self.purge_deliveries(retention.now).await?;
        Ok(Purged {
            verifications,
            sends,
        })
    }
}
