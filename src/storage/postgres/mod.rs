//! PostgreSQL: many instances share it, so every limit is checked under a
//! per-number advisory lock inside the transaction that records the send.
//!
//! No row is written by every send: a row that all transactions update
//! makes them queue behind its lock until each commit is flushed, which
//! capped throughput at a third of what the other statements allow. The
//! hourly counters are sharded, and the global budget is granted to each
//! instance in small reservations ([`Lease`]).
use std::sync::{
    Arc, LazyLock, Mutex, PoisonError,
    atomic::{AtomicBool, Ordering},
};

use async_trait::async_trait;
use sqlx::{
    PgPool, Postgres,
    postgres::{PgArguments, PgPoolOptions},
    query::QueryAs,
};
use time::OffsetDateTime;
use uuid::Uuid;

mod admission;
mod flows;
pub mod hosts;
mod idempotency;
mod privacy;
mod stats;
mod webhooks;

use admission::{Admission, Created, Lease, Resent, admission_args, bind_admission, spare};

use super::{Purged, Retention, Store, StoreError, rule};
use crate::domain::{
    Admitted, Answer, Block, CheckRecord, NewVerification, NumberKey, NumberWindow, OlderCodes,
    SendLimits, Status, Verification,
};

#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    lease: Arc<Mutex<Lease>>,
    /// Whether state changes write webhook events.
    events: Arc<AtomicBool>,
    /// With several hosts or `target_session_attrs`: which host, and the
    /// watch that moves to another.
    follower: Option<Arc<hosts::Follower>>,
}

/// A new verification for a test number (no lock, no gate, no send), in
/// one statement: the number's pending one of the same tenant is canceled and its attempts
/// left carried over (never more than `$4`), and the new one inserted. The
/// data dependency orders the two, so the one-pending-per-number index sees
/// the old row canceled first. Real sends go through `pv_create_and_send`.
/// (`$12`: Twilio's tags; `$13`: the number's key.)
static CREATE_WITHOUT_SEND: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH carried AS (
            UPDATE verifications SET status = 'canceled', updated_at = $6
            WHERE phone = $2 AND status = 'pending' AND tenant IS NOT DISTINCT FROM $8
            RETURNING id, phone, country, client, tenant, attempts_left
         ), created AS (
            INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at, tenant, client, country, tags, phone_key)
            SELECT $1, $2, $3, 'pending', LEAST($4, COALESCE(min(attempts_left), $4)), $5, $6, $6, $6, $7, $8, $9, $10, $12, $13 FROM carried
            RETURNING {COLUMNS}, client
         ), events AS (
            INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
            SELECT 'verification.canceled', id, phone, country, client, tenant, 'canceled', $6 FROM carried WHERE $11
            UNION ALL
            SELECT 'verification.started', id, phone, country, client, tenant, 'pending', $6 FROM created WHERE $11
         )
         SELECT {COLUMNS} FROM created"
    )
});

/// The CTE by which a check or cancel writes its webhook event, from the
/// statement's `changed` rows (timestamp `at`): only while events are on,
/// since even an insert of no rows costs the statement a lock and a
/// relation to open.
fn status_events(on: bool, at: &str) -> String {
    if !on {
        return String::new();
    }
    format!(
        ", events AS (
            INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
            SELECT 'verification.' || status, id, phone, country, client, tenant, status, {at} FROM changed
            WHERE status <> 'pending'
         )"
    )
}

/// Binds `$1`–`$9` of both create statements: the new verification.
fn bind_new<'q, O>(
    query: QueryAs<'q, Postgres, O, PgArguments>,
    new: &'q NewVerification,
    max_attempts: i32,
    now: OffsetDateTime,
) -> QueryAs<'q, Postgres, O, PgArguments> {
    query
        .bind(new.id)
        .bind(&new.phone)
        .bind(&new.code_hash)
        .bind(max_attempts)
        .bind(&new.locale)
        .bind(now)
        .bind(new.expires_at)
        .bind(&new.tenant)
        .bind(&new.client)
}

/// A timestamp as PostgreSQL keeps it (whole microseconds, as sqlx sends it).
fn as_stored(t: OffsetDateTime) -> OffsetDateTime {
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .unwrap_or(t)
}

/// The shard of a sharded counter row this connection writes: the backend
/// pid, so the open transactions of one instance never share a row.
const SHARD: &str = "pg_backend_pid() % 64";

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    phone: String,
    country: String,
    code_hash: Vec<u8>,
    older_codes: Option<Vec<u8>>,
    status: String,
    attempts_left: i32,
    locale: String,
    created_at: OffsetDateTime,
    updated_at: OffsetDateTime,
    last_sent_at: OffsetDateTime,
    expires_at: OffsetDateTime,
    tenant: Option<String>,
    tags: Option<String>,
}

impl TryFrom<Row> for Verification {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Verification {
            id: r.id,
            phone: r.phone,
            country: r.country,
            code_hash: r.code_hash,
            older_codes: OlderCodes::from_stored(r.older_codes),
            status: Status::parse(&r.status)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown status {:?}", r.status)))?,
            attempts_left: u32::try_from(r.attempts_left)
                .map_err(|_| StoreError::Corrupt("negative attempts".into()))?,
            locale: r.locale,
            created_at: r.created_at,
            updated_at: r.updated_at,
            last_sent_at: r.last_sent_at,
            expires_at: r.expires_at,
            tenant: r.tenant,
            tags: r.tags,
        })
    }
}

const COLUMNS: &str = "id, phone, country, code_hash, older_codes, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at, tenant, tags";

/// A `send_blocks` row.
type BlockRow = (String, String, i64, i64, i64, OffsetDateTime);

/// The columns of a [`BlockRow`].
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
        expires_at,
    })
}

fn one(row: Option<Row>) -> Result<Option<Verification>, StoreError> {
    row.map(Verification::try_from).transpose()
}

/// Each SQL function's current definition, one file each
/// (`migrations/postgres/functions/`), with its version, in the order they
/// are created. Raise a version whenever its file changes (a test holds
/// each text to its version).
const FUNCTIONS: [(&str, i32, &str); 5] = [
    (
        "pv_grant",
        1,
        include_str!("../../../migrations/postgres/functions/pv_grant.sql"),
    ),
    (
        "pv_live_codes",
        1,
        include_str!("../../../migrations/postgres/functions/pv_live_codes.sql"),
    ),
    (
        "pv_admit",
        1,
        include_str!("../../../migrations/postgres/functions/pv_admit.sql"),
    ),
    (
        "pv_create_and_send",
        1,
        include_str!("../../../migrations/postgres/functions/pv_create_and_send.sql"),
    ),
    (
        "pv_resend_and_send",
        1,
        include_str!("../../../migrations/postgres/functions/pv_resend_and_send.sql"),
    ),
];

impl PgStore {
    /// Puts in force each function of [`FUNCTIONS`] whose version is newer
    /// than the database's (`CREATE OR REPLACE`, under a lock so instances
    /// starting together do it once) and records the version. An older
    /// instance starting later leaves a newer version alone.
    async fn apply_functions(&self) -> Result<(), StoreError> {
        use sha2::{Digest, Sha256};
        let mut tx = self.pool.begin().await?;
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('pv_functions', 0))")
            .execute(&mut *tx)
            .await?;
        let applied: Vec<(String, i32)> = sqlx::query_as("SELECT name, version FROM pv_functions")
            .fetch_all(&mut *tx)
            .await?;
        for (name, version, text) in FUNCTIONS {
            if applied.iter().any(|(n, v)| n == name && *v >= version) {
                continue;
            }
            sqlx::query(text).execute(&mut *tx).await?;
            sqlx::query(
                "INSERT INTO pv_functions (name, version, sha256) VALUES ($1, $2, $3)
                 ON CONFLICT (name) DO UPDATE SET version = EXCLUDED.version, sha256 = EXCLUDED.sha256",
            )
            .bind(name)
            .bind(version)
            .bind(Sha256::digest(text.as_bytes()).to_vec())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Connects to `url`: one host, or several with `target_session_attrs`
    /// as libpq takes them (`hosts.rs`), then the first host that fits, and
    /// follows a failover while the store lives.
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let hosts = hosts::parse(url).map_err(|e| anyhow::anyhow!("DATABASE_URL: {e}"))?;
        let options = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(2))
            // sqlx pings every connection when it goes back to the pool and,
            // by default, again when it is taken out: a round trip more per
            // query. Only a connection idle for a while is pinged on the way
            // out (a database restart or a proxy may have cut it).
            .test_before_acquire(false);
        if hosts.is_plain() {
            let pool = options
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for > std::time::Duration::from_secs(1) {
                            sqlx::Connection::ping(conn).await?;
                        }
                        Ok(true)
                    })
                })
                .connect_with(hosts.targets[0].1.clone())
                .await
                .map_err(|e| anyhow::anyhow!("cannot connect to PostgreSQL: {e}"))?;
            return Ok(Self::with_pool(pool, None));
        }
        let Some(first) = hosts::find(&hosts).await else {
            anyhow::bail!(
                "cannot connect to PostgreSQL: none of the {} hosts of DATABASE_URL answers as target_session_attrs asks",
                hosts.targets.len()
            );
        };
        let target = hosts.targets[first].1.clone();
        let follower = hosts::Follower::new(hosts, first);
        let pool = follower
            .pool_options(options)
            .connect_with(target)
            .await
            .map_err(|e| anyhow::anyhow!("cannot connect to PostgreSQL: {e}"))?;
        follower.watch(pool.clone());
        Ok(Self::with_pool(pool, Some(follower)))
    }

    fn with_pool(pool: PgPool, follower: Option<Arc<hosts::Follower>>) -> Self {
        Self {
            pool,
            lease: Arc::default(),
            events: Arc::default(),
            follower,
        }
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    fn events(&self) -> bool {
        self.events.load(Ordering::Relaxed)
    }

    fn lease(&self) -> std::sync::MutexGuard<'_, Lease> {
        self.lease.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// After an admission: gives back the unit taken from the lease when the
    /// send did not happen, and adds a fresh grant's spare units (the call
    /// committed, so the database counted them).
    fn settle(&self, limits: &SendLimits, from_lease: bool, admission: &Admission, sent: bool) {
        let granted = admission.granted.unwrap_or(0);
        let unused = match (sent, granted) {
            (true, 1..) => spare(granted),
            (true, _) => 0,
            (false, 1..) => u32::try_from(granted).unwrap_or(0),
            (false, _) => u32::from(from_lease),
        };
        if unused > 0 {
            self.lease().credit(limits.hour, unused);
        }
    }
}

#[async_trait]
impl Store for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> Result<(), StoreError> {
        let Some(follower) = &self.follower else {
            sqlx::query("SELECT 1").execute(&self.pool).await?;
            return Ok(());
        };
        // Ready only on a host that fits (a writable one, say).
        let mut conn = self.pool.acquire().await?;
        if follower.attrs().fits(&mut conn).await? {
            Ok(())
        } else {
            Err(StoreError::Unavailable(hosts::unfit()))
        }
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations/postgres")
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Database(e.into()))?;
        self.apply_functions().await
    }

    async fn create(
        &self,
        new: &NewVerification,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<Admitted<Verification>, StoreError> {
        let max = i32::try_from(new.max_attempts).unwrap_or(i32::MAX);
        let Some(limits) = limits else {
            let row: Row = bind_new(sqlx::query_as(&CREATE_WITHOUT_SEND), new, max, now)
                .bind(&new.country)
                .bind(self.events())
                .bind(&new.tags)
                .bind(new.phone_key.as_bytes())
                .fetch_one(&self.pool)
                .await?;
            return Ok(Admitted {
                result: Ok(row.try_into()?),
                new_block: None,
            });
        };
        // One round trip, one implicit transaction (see the migrations).
        let from_lease = self.lease().take(limits.hour);
        let answer: Created = bind_admission(
            bind_new(
                sqlx::query_as(&format!(
                    "SELECT * FROM pv_create_and_send($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, {}, $35, $36)",
                    admission_args(12)
                )),
                new,
                max,
                now,
            )
            .bind(&limits.network)
            .bind(limits.record_until),
            limits,
            now,
            !from_lease,
            self.events(),
        )
        .bind(&new.tags)
        .bind(new.phone_key.as_bytes())
        .fetch_one(&self.pool)
        .await?;
        let admission = &answer.admission;
        let new_block = admission.new_block(limits);
        let attempts_left = match (admission.refusal(now), answer.attempts_left) {
            (None, Some(attempts)) => attempts,
            (refusal, _) => {
                self.settle(limits, from_lease, admission, false);
                let refusal = refusal.ok_or_else(|| {
                    StoreError::Corrupt("pv_create_and_send gave no verification".into())
                })?;
                return Ok(Admitted {
                    result: Err(refusal),
                    new_block,
                });
            }
        };
        self.settle(limits, from_lease, admission, true);
        Ok(Admitted {
            result: Ok(Verification {
                id: new.id,
                phone: new.phone.clone(),
                country: new.country.clone(),
                code_hash: new.code_hash.clone(),
                older_codes: OlderCodes::default(),
                status: Status::Pending,
                attempts_left: u32::try_from(attempts_left)
                    .map_err(|_| StoreError::Corrupt("negative attempts".into()))?,
                locale: new.locale.clone(),
                created_at: as_stored(now),
                updated_at: as_stored(now),
                last_sent_at: as_stored(now),
                expires_at: as_stored(new.expires_at),
                tenant: new.tenant.clone(),
                tags: new.tags.clone(),
            }),
            new_block,
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
        let Some(limits) = limits else {
            let row: Option<Row> = sqlx::query_as(&format!(
                "UPDATE verifications SET older_codes = CASE WHEN code_hash = $2 THEN pv_live_codes(older_codes, $4)
                        ELSE pv_live_codes(older_codes, $4) || code_hash
                             || int8send(floor(extract(epoch FROM expires_at) * 1000)::bigint) END,
                    code_hash = $2, expires_at = $3, last_sent_at = $4, updated_at = $4
                 WHERE id = $1 AND status = 'pending' RETURNING {COLUMNS}"
            ))
            .bind(id)
            .bind(code_hash)
            .bind(expires_at)
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
            return Ok(one(row)?.map(|v| Admitted {
                result: Ok(v),
                new_block: None,
            }));
        };
        let from_lease = self.lease().take(limits.hour);
        let answer: Resent = bind_admission(
            sqlx::query_as(&format!(
                "SELECT * FROM pv_resend_and_send($1, $2, $3, $4, $5, $6, {})",
                admission_args(7)
            ))
            .bind(id)
            .bind(code_hash)
            .bind(expires_at)
            .bind(now)
            .bind(&limits.network)
            .bind(limits.record_until),
            limits,
            now,
            !from_lease,
            self.events(),
        )
        .fetch_one(&self.pool)
        .await?;
        let admission = &answer.admission;
        let new_block = admission.new_block(limits);
        if admission.refusal.as_deref() == Some("not_pending") {
            self.settle(limits, from_lease, admission, false);
            return Ok(None);
        }
        if let Some(refusal) = admission.refusal(now) {
            self.settle(limits, from_lease, admission, false);
            return Ok(Some(Admitted {
                result: Err(refusal),
                new_block,
            }));
        }
        self.settle(limits, from_lease, admission, true);
        let missing = || StoreError::Corrupt("pv_resend_and_send gave no verification".into());
        let attempts_left = answer.attempts_left.ok_or_else(missing)?;
        Ok(Some(Admitted {
            result: Ok(Verification {
                id,
                phone: answer.phone.ok_or_else(missing)?,
                country: limits.country.clone(),
                code_hash: code_hash.to_vec(),
                older_codes: OlderCodes::from_stored(answer.older_codes),
                status: Status::Pending,
                attempts_left: u32::try_from(attempts_left)
                    .map_err(|_| StoreError::Corrupt("negative attempts".into()))?,
                locale: answer.locale.ok_or_else(missing)?,
                created_at: answer.created_at.ok_or_else(missing)?,
                updated_at: as_stored(now),
                last_sent_at: as_stored(now),
                expires_at: as_stored(expires_at),
                tenant: answer.tenant,
                tags: answer.tags,
            }),
            new_block,
        }))
    }

    async fn get(&self, id: Uuid) -> Result<Option<Verification>, StoreError> {
        one(sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM verifications WHERE id = $1"
        ))
        .bind(id)
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
        // One statement: the conditional update; a wrong answer's guess
        // against the number's budget; on approval the send records marked
        // verified for the pumping statistics, the number's guesses cleared
        // and the operator page's counter.
        one(sqlx::query_as(&format!(
            "WITH changed AS (
                UPDATE verifications SET
                    status = CASE WHEN $3 THEN 'approved'
                                  WHEN attempts_left <= 1 OR {spent} THEN 'max_attempts_reached'
                                  ELSE 'pending' END,
                    attempts_left = CASE WHEN $3 THEN attempts_left WHEN {spent} THEN 0
                                         ELSE attempts_left - 1 END,
                    updated_at = $4
                WHERE id = $1 AND status = 'pending' AND expires_at > $4 AND attempts_left > 0 AND code_hash = $2
                RETURNING {COLUMNS}, client, phone_key
             ){events}, marked AS (
                UPDATE sms_sends SET verified = TRUE
                WHERE verification_id = (SELECT id FROM changed WHERE status = 'approved')
             ), counted AS (
                INSERT INTO stats_hourly (hour, country, kind, shard, count)
                SELECT $5, country, 'approved', {SHARD}, 1 FROM changed
                WHERE status = 'approved'
                ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1
             ), guessed AS (
                INSERT INTO guesses (phone_key, at, expires_at)
                SELECT phone_key, $4, $6 FROM changed WHERE NOT $3
             ), cleared AS (
                DELETE FROM guesses WHERE phone_key = (SELECT phone_key FROM changed WHERE status = 'approved')
             )
             SELECT {COLUMNS} FROM changed",
            events = status_events(self.events(), "$4"),
            // The number's budget spent by this guess (see `CheckRecord`).
            spent = "(SELECT count(*) FROM guesses g WHERE g.phone_key = verifications.phone_key AND g.at > $7) + 1 >= $8",
        ))
        .bind(id)
        .bind(seen_hash)
        .bind(answer != Answer::Wrong)
        .bind(now)
        .bind(check.hour)
        .bind(check.guess_until)
        .bind(check.guess_since)
        .bind(i64::from(check.guess_budget))
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn cancel(
        &self,
        id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Option<Verification>, StoreError> {
        one(sqlx::query_as(&format!(
            "WITH changed AS (
                UPDATE verifications SET status = 'canceled', updated_at = $2
                WHERE id = $1 AND status = 'pending' RETURNING {COLUMNS}, client
             ){events}
             SELECT {COLUMNS} FROM changed",
            events = status_events(self.events(), "$2"),
        ))
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn send_failed(&self, id: Uuid, now: OffsetDateTime) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        // Its code never arrived: `sms.failed` (not `verification.canceled`).
        sqlx::query(
            "WITH changed AS (
                UPDATE verifications SET status = 'canceled', updated_at = $2
                WHERE id = $1 AND status = 'pending' RETURNING id, phone, country, client, tenant
             )
             INSERT INTO webhook_events (type, verification_id, phone, country, client, api_key, status, occurred_at)
             SELECT 'sms.failed', id, phone, country, client, tenant, 'canceled', $2 FROM changed WHERE $3",
        )
        .bind(id)
        .bind(now)
        .bind(self.events())
        .execute(&mut *tx)
        .await?;
        // The send no longer counts as sent: -1 on this connection's shard
        // (the +1 may sit on another; the page sums the shards).
        sqlx::query(&format!(
            "WITH failed AS (
                UPDATE sms_sends SET delivered = FALSE WHERE id =
                    (SELECT id FROM sms_sends WHERE verification_id = $1 ORDER BY sent_at DESC, id DESC LIMIT 1)
                RETURNING sent_at, country
             )
             INSERT INTO stats_hourly (hour, country, kind, shard, count)
             SELECT date_trunc('hour', sent_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', country, 'sent', {SHARD}, -1
             FROM failed
             ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count - 1",
        ))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn count_pending(&self, now: OffsetDateTime) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM verifications WHERE status = 'pending' AND expires_at > $1",
        )
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn find_pending(
        &self,
        phone: &str,
        tenant: Option<&str>,
    ) -> Result<Option<Verification>, StoreError> {
        let row: Option<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM verifications
             WHERE phone = $1 AND status = 'pending' AND tenant IS NOT DISTINCT FROM $2"
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
             WHERE phone = $1 AND status = 'max_attempts_reached' AND tenant IS NOT DISTINCT FROM $2
               AND expires_at > $3
             ORDER BY updated_at DESC LIMIT 1"
        ))
        .bind(phone)
        .bind(tenant)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(Verification::try_from).transpose()
    }

    async fn number_window(
        &self,
        key: &NumberKey,
        since: OffsetDateTime,
    ) -> Result<NumberWindow, StoreError> {
        // The figures `pv_admit` judges by: counts in the window and the oldest.
        type Figures = (i64, Option<OffsetDateTime>, i64, Option<OffsetDateTime>);
        let (guesses, oldest_guess, sends, oldest_send): Figures = sqlx::query_as(
            "SELECT (SELECT count(*) FROM guesses WHERE phone_key = $1 AND at > $2),
                    (SELECT min(at) FROM guesses WHERE phone_key = $1 AND at > $2),
                    (SELECT count(*) FROM sms_sends WHERE phone_key = $1 AND sent_at > $2),
                    (SELECT min(sent_at) FROM sms_sends WHERE phone_key = $1 AND sent_at > $2)",
        )
        .bind(key.as_bytes())
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok(NumberWindow {
            guesses,
            oldest_guess,
            sends,
            oldest_send,
        })
    }

    async fn send_times(&self, id: Uuid) -> Result<Vec<OffsetDateTime>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT sent_at FROM sms_sends WHERE verification_id = $1 ORDER BY sent_at",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn spend_challenge(
        &self,
        nonce: &str,
        expires_at: OffsetDateTime,
    ) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO challenges_spent (nonce, expires_at) VALUES ($1, $2)
             ON CONFLICT (nonce) DO NOTHING",
        )
        .bind(nonce)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn take_wait(
        &self,
        address: &str,
        most: u32,
        window: time::Duration,
        now: OffsetDateTime,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        // One statement: a new window, one more in the current one, or
        // nothing (the address used them all).
        let counted = sqlx::query_scalar::<_, i32>(
            "INSERT INTO challenge_waits (address, window_ends, used) VALUES ($1, $2, 1)
             ON CONFLICT (address) DO UPDATE SET
                 used = CASE WHEN challenge_waits.window_ends <= $3 THEN 1
                             ELSE challenge_waits.used + 1 END,
                 window_ends = CASE WHEN challenge_waits.window_ends <= $3 THEN EXCLUDED.window_ends
                                    ELSE challenge_waits.window_ends END
             WHERE challenge_waits.window_ends <= $3 OR challenge_waits.used < $4
             RETURNING used",
        )
        .bind(address)
        .bind(now + window)
        .bind(now)
        .bind(i32::try_from(most).unwrap_or(i32::MAX))
        .fetch_optional(&self.pool)
        .await?;
        if counted.is_some() {
            return Ok(None);
        }
        let until: Option<OffsetDateTime> =
            sqlx::query_scalar("SELECT window_ends FROM challenge_waits WHERE address = $1")
                .bind(address)
                .fetch_optional(&self.pool)
                .await?;
        Ok(Some(until.unwrap_or(now + window)))
    }

    async fn purge(&self, retention: &Retention) -> Result<Purged, StoreError> {
        let deleted = |sql: &'static str, before: OffsetDateTime| {
            sqlx::query(sql).bind(before).execute(&self.pool)
        };
        // With webhooks, a pending one waits until its expiry is reported.
        let verifications = deleted(
            if self.events() {
                "DELETE FROM verifications WHERE expires_at < $1
                 AND (status <> 'pending' OR expiry_reported IS NOT DISTINCT FROM expires_at)"
            } else {
                "DELETE FROM verifications WHERE expires_at < $1"
            },
            retention.verifications_before,
        )
        .await?
        .rows_affected();
        let sends = deleted("DELETE FROM sms_sends WHERE expires_at < $1", retention.now)
            .await?
            .rows_affected();
        deleted("DELETE FROM guesses WHERE expires_at < $1", retention.now).await?;
        deleted("DELETE FROM flows WHERE expires_at < $1", retention.now).await?;
        deleted(
            "DELETE FROM idempotency_keys WHERE expires_at < $1",
            retention.now,
        )
        .await?;
        deleted(
            "DELETE FROM challenges_spent WHERE expires_at < $1",
            // Kept a while past their expiry: another instance's clock may
            // run behind.
            retention.verifications_before,
        )
        .await?;
        deleted(
            "DELETE FROM challenge_waits WHERE window_ends < $1",
            retention.now,
        )
        .await?;
        deleted(
            "DELETE FROM send_blocks WHERE expires_at < $1",
            retention.now,
        )
        .await?;
        deleted(
            "DELETE FROM stats_hourly WHERE hour < $1",
            retention.stats_before,
        )
        .await?;
        deleted(
            "DELETE FROM sms_budget WHERE hour < $1",
            retention.budget_before,
        )
        .await?;
        use super::webhooks::WebhookStore as _;
        self.purge_deliveries(retention.now).await?;
        Ok(Purged {
            verifications,
            sends,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::FUNCTIONS;

    /// Each function's text as of its version. A file changed without a
    /// new version would not reach a database that has the old one: raise
    /// the version in `FUNCTIONS`, then record the new text's SHA-256 here.
    const RECORDED: [(&str, i32, &str); 5] = [
        (
            "pv_grant",
            1,
            "34c2294df382d027be34e8f70dffef7f3520cbbcfc47eb6f777434c1e6baa82f",
        ),
        (
            "pv_live_codes",
            1,
            "32afd5d05eccb35cdc35afe1d49a6161b393cd2d4cf96d794239b100632423f3",
        ),
        (
            "pv_admit",
            1,
            "e89fa23eaeb2d5fa7d049e756967c02b670f5703d7a5bc86f664a6bdbf1a8dc3",
        ),
        (
            "pv_create_and_send",
            1,
            "6c23b54bd16287c861e97244c863033e0f3016689f90575387b356fb00e62efb",
        ),
        (
            "pv_resend_and_send",
            1,
            "b0c2d88782300f90ed5b7b97422d133dc006a6ad1f2a2248f6ab9cb75d664c34",
        ),
    ];

    #[test]
    fn each_function_text_has_its_own_version() {
        use sha2::{Digest, Sha256};
        for ((name, version, text), (r_name, r_version, r_digest)) in FUNCTIONS.iter().zip(RECORDED)
        {
            let digest: String = Sha256::digest(text.as_bytes())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            assert_eq!((*name, *version), (r_name, r_version));
            assert_eq!(
                digest, r_digest,
                "migrations/postgres/functions/{name}.sql changed: raise its version in FUNCTIONS and record {digest} here"
            );
        }
    }
}
