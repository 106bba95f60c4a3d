//! PostgreSQL: many instances share it, so every limit is checked under a
//! per-number advisory lock inside the transaction that records the send.
//!
//! No row is written by every send: a row that all transactions update
//! makes them queue behind its lock until each commit is flushed, which
//! capped throughput at a third of what the other statements allow. The
//! hourly counters are sharded, and the global budget is granted to each
//! instance in small reservations ([`Lease`]).
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use async_trait::async_trait;
use sqlx::{
    PgPool, Postgres, Transaction,
    postgres::{PgArguments, PgPoolOptions},
    query::QueryAs,
};
use time::OffsetDateTime;
use uuid::Uuid;

use super::{
    Block, ClientFlow, NewVerification, Purged, SendGate, SendLimits, SendStats, StatRow, Status,
    Store, StoreError, Verification, budget_refusal, gate,
};

#[derive(Debug, Clone)]
pub struct PgStore {
    pool: PgPool,
    lease: Arc<Mutex<Lease>>,
}

/// The largest grant of the global budget one instance reserves at a time.
const GRANT_MAX: i32 = 500;
/// A grant is at most this fraction of what is left of the hour's budget, so
/// near the end of the budget grants shrink to one send and instances cannot
/// sit on much of it.
const GRANT_DIVISOR: i32 = 64;

/// The first grant of an hour's budget of `limit` sends.
fn first_grant(limit: i32) -> i32 {
    (limit / GRANT_DIVISOR).clamp(1, GRANT_MAX).min(limit)
}

/// The units of a grant beyond the send that took it (0 when no grant was
/// taken).
fn spare(granted: i32) -> u32 {
    u32::try_from(granted - 1).unwrap_or(0)
}

/// This instance's unused reservation of the hour's global SMS budget.
///
/// The database counts every unit granted to any instance, so the sends of
/// all instances together never pass the limit. A reservation left unused
/// when the hour ends or the instance stops is lost (counted as sent): the
/// budget errs on the side of sending less.
#[derive(Debug, Default)]
struct Lease {
    hour: Option<OffsetDateTime>,
    left: u32,
}

impl Lease {
    /// Takes one unit reserved for `hour`, if any is left.
    fn take(&mut self, hour: OffsetDateTime) -> bool {
        if self.hour == Some(hour) && self.left > 0 {
            self.left -= 1;
            true
        } else {
            false
        }
    }

    /// Adds units granted for `hour`; a grant for a past hour is dropped.
    fn credit(&mut self, hour: OffsetDateTime, units: u32) {
        match self.hour {
            Some(current) if current > hour => {}
            Some(current) if current == hour => self.left += units,
            _ => {
                self.hour = Some(hour);
                self.left = units;
            }
        }
    }
}

/// What the gate and the budget said about one send.
enum Admission {
    Refused(super::SendRefusal),
    /// Allowed; the units of a fresh grant beyond this send, to add to the
    /// lease once the transaction that took them commits.
    Allowed {
        spare: u32,
    },
}

/// A new verification for a test number (no lock, no gate, no send), in
/// one statement: the number's pending one is canceled and its attempts
/// left carried over (never more than `$4`), and the new one inserted. The
/// data dependency orders the two, so the one-pending-per-number index sees
/// the old row canceled first. Real sends go through `pv_create_and_send`.
static CREATE_WITHOUT_SEND: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH carried AS (
            UPDATE verifications SET status = 'canceled', updated_at = $6
            WHERE phone = $2 AND status = 'pending' RETURNING attempts_left
         ), created AS (
            INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at, updated_at, last_sent_at, expires_at)
            SELECT $1, $2, $3, 'pending', LEAST($4, COALESCE(min(attempts_left), $4)), $5, $6, $6, $6, $7 FROM carried
            RETURNING {COLUMNS}
         )
         SELECT {COLUMNS} FROM created"
    )
});

/// What `pv_create_and_send` answers: the gate's figures, the size of the
/// budget grant it took (0 when none was asked for), and the new
/// verification's attempts; `attempts_left` is `None` when it refused.
#[derive(sqlx::FromRow)]
struct CreateAndSend {
    last_delivered: Option<OffsetDateTime>,
    sends: i64,
    oldest: Option<OffsetDateTime>,
    granted: Option<i32>,
    attempts_left: Option<i32>,
}

/// Binds `$1`–`$7` of both create statements: the new verification.
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
    code_hash: Vec<u8>,
    status: String,
    attempts_left: i32,
    locale: String,
    created_at: OffsetDateTime,
    last_sent_at: OffsetDateTime,
    expires_at: OffsetDateTime,
}

impl TryFrom<Row> for Verification {
    type Error = StoreError;
    fn try_from(r: Row) -> Result<Self, StoreError> {
        Ok(Verification {
            id: r.id,
            phone: r.phone,
            code_hash: r.code_hash,
            status: Status::parse(&r.status)?,
            attempts_left: u32::try_from(r.attempts_left)
                .map_err(|_| StoreError::Corrupt("negative attempts".into()))?,
            locale: r.locale,
            created_at: r.created_at,
            last_sent_at: r.last_sent_at,
            expires_at: r.expires_at,
        })
    }
}

const COLUMNS: &str =
    "id, phone, code_hash, status, attempts_left, locale, created_at, last_sent_at, expires_at";

/// A `send_blocks` row.
type BlockRow = (String, String, i64, i64, OffsetDateTime);

fn block((scope, rule, sends, verified, expires_at): BlockRow) -> Block {
    Block {
        scope,
        rule,
        sends,
        verified,
        expires_at,
    }
}

fn one(row: Option<Row>) -> Result<Option<Verification>, StoreError> {
    row.map(Verification::try_from).transpose()
}

impl PgStore {
    pub async fn connect(url: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(std::time::Duration::from_secs(2))
            // sqlx pings every connection when it goes back to the pool and,
            // by default, again when it is taken out: a round trip more per
            // query. Only a connection idle for a while is pinged on the way
            // out (a database restart or a proxy may have cut it).
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                Box::pin(async move {
                    if meta.idle_for > std::time::Duration::from_secs(1) {
                        sqlx::Connection::ping(conn).await?;
                    }
                    Ok(true)
                })
            })
            .connect(url)
            .await
            .map_err(|e| anyhow::anyhow!("cannot connect to PostgreSQL: {e}"))?;
        Ok(Self {
            pool,
            lease: Arc::default(),
        })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Takes the per-number lock and asks the send log whether a send is allowed.
    async fn lock_and_gate(
        tx: &mut Transaction<'_, Postgres>,
        phone: &str,
        limits: &SendLimits,
        now: OffsetDateTime,
    ) -> Result<Option<super::SendRefusal>, StoreError> {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(phone)
            .execute(&mut **tx)
            .await?;
        let cooldown_start = now - limits.cooldown;
        let window_start = now - limits.window;
        let (last, count, oldest): (Option<OffsetDateTime>, i64, Option<OffsetDateTime>) =
            sqlx::query_as(
                "SELECT max(sent_at) FILTER (WHERE delivered AND sent_at > $2),
                    count(*) FILTER (WHERE sent_at > $3),
                    min(sent_at) FILTER (WHERE sent_at > $3)
             FROM sms_sends WHERE phone = $1 AND sent_at > LEAST($2, $3)",
            )
            .bind(phone)
            .bind(cooldown_start)
            .bind(window_start)
            .fetch_one(&mut **tx)
            .await?;
        Ok(gate(limits, now, last, count, oldest))
    }

    fn lease(&self) -> std::sync::MutexGuard<'_, Lease> {
        self.lease.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes one unit of the hour's budget: from this instance's lease, or
    /// else from a fresh grant in the transaction. `None` when it is spent;
    /// otherwise the grant's units beyond this send.
    async fn take_budget(
        &self,
        tx: &mut Transaction<'_, Postgres>,
        limits: &SendLimits,
    ) -> Result<Option<u32>, StoreError> {
        if self.lease().take(limits.hour) {
            return Ok(Some(0));
        }
        let limit = i32::try_from(limits.global_limit).unwrap_or(i32::MAX);
        let granted: Option<i32> = sqlx::query_scalar("SELECT pv_grant($1, $2, $3, $4, $5)")
            .bind(limits.hour)
            .bind(limit)
            .bind(first_grant(limit))
            .bind(GRANT_MAX)
            .bind(GRANT_DIVISOR)
            .fetch_one(&mut **tx)
            .await?;
        Ok(granted.map(spare))
    }

    /// The per-number gate and then the global budget; nothing for test numbers.
    async fn admit(
        &self,
        tx: &mut Transaction<'_, Postgres>,
        phone: &str,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<Admission, StoreError> {
        let Some(limits) = limits else {
            return Ok(Admission::Allowed { spare: 0 });
        };
        if let Some(refusal) = Self::lock_and_gate(tx, phone, limits, now).await? {
            return Ok(Admission::Refused(refusal));
        }
        Ok(match self.take_budget(tx, limits).await? {
            Some(spare) => Admission::Allowed { spare },
            None => Admission::Refused(budget_refusal(limits, now)),
        })
    }

    /// Commits a send's transaction, then adds its grant's spare units to
    /// the lease (never before: a rolled-back grant was never counted).
    async fn commit_send(
        &self,
        tx: Transaction<'_, Postgres>,
        limits: Option<&SendLimits>,
        spare: u32,
    ) -> Result<(), StoreError> {
        tx.commit().await?;
        if let (Some(limits), 1..) = (limits, spare) {
            self.lease().credit(limits.hour, spare);
        }
        Ok(())
    }

    async fn record_send(
        tx: &mut Transaction<'_, Postgres>,
        phone: &str,
        id: Uuid,
        limits: &SendLimits,
        now: OffsetDateTime,
    ) -> Result<(), StoreError> {
        // The send and the operator page's hourly counter, in one round trip.
        sqlx::query(&format!(
            "WITH sent AS (
                INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country)
                VALUES ($1, $2, $3, TRUE, $4, $5, $6)
             )
             INSERT INTO stats_hourly (hour, country, kind, shard, count) VALUES ($7, $6, 'sent', {SHARD}, 1)
             ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1",
        ))
        .bind(phone)
        .bind(id)
        .bind(now)
        .bind(limits.record_until)
        .bind(&limits.prefix)
        .bind(&limits.country)
        .bind(limits.hour)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl Store for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations/postgres")
            .run(&self.pool)
            .await
            .map_err(|e| StoreError::Database(e.into()))
    }

    async fn create(
        &self,
        new: &NewVerification,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<SendGate<Verification>, StoreError> {
        let max = i32::try_from(new.max_attempts).unwrap_or(i32::MAX);
        let Some(limits) = limits else {
            let row: Row = bind_new(sqlx::query_as(&CREATE_WITHOUT_SEND), new, max, now)
                .fetch_one(&self.pool)
                .await?;
            return Ok(Ok(row.try_into()?));
        };
        // One round trip, one implicit transaction (see the migration).
        let from_lease = self.lease().take(limits.hour);
        let budget = i32::try_from(limits.global_limit).unwrap_or(i32::MAX);
        let answer: CreateAndSend = bind_new(
            sqlx::query_as(
                "SELECT last_delivered, sends, oldest, granted, attempts_left FROM pv_create_and_send(
                    $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)",
            ),
            new,
            max,
            now,
        )
        .bind(now - limits.cooldown)
        .bind(now - limits.window)
        .bind(i32::try_from(limits.limit).unwrap_or(i32::MAX))
        .bind(limits.record_until)
        .bind(&limits.prefix)
        .bind(&limits.country)
        .bind(limits.hour)
        .bind(!from_lease)
        .bind(budget)
        .bind(first_grant(budget))
        .bind(GRANT_MAX)
        .bind(GRANT_DIVISOR)
        .fetch_one(&self.pool)
        .await?;
        let Some(attempts_left) = answer.attempts_left else {
            if from_lease {
                self.lease().credit(limits.hour, 1);
            }
            let refusal = gate(
                limits,
                now,
                answer.last_delivered,
                answer.sends,
                answer.oldest,
            )
            .unwrap_or_else(|| budget_refusal(limits, now));
            return Ok(Err(refusal));
        };
        if let Some(granted) = answer.granted {
            self.lease().credit(limits.hour, spare(granted));
        }
        Ok(Ok(Verification {
            id: new.id,
            phone: new.phone.clone(),
            code_hash: new.code_hash.clone(),
            status: Status::Pending,
            attempts_left: u32::try_from(attempts_left)
                .map_err(|_| StoreError::Corrupt("negative attempts".into()))?,
            locale: new.locale.clone(),
            created_at: as_stored(now),
            last_sent_at: as_stored(now),
            expires_at: as_stored(new.expires_at),
        }))
    }

    async fn replace_code(
        &self,
        id: Uuid,
        code_hash: &[u8],
        expires_at: OffsetDateTime,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<Option<SendGate<Verification>>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let phone: Option<String> = sqlx::query_scalar(
            "SELECT phone FROM verifications WHERE id = $1 AND status = 'pending'",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(phone) = phone else { return Ok(None) };
        let spare = match self.admit(&mut tx, &phone, limits, now).await? {
            Admission::Refused(refusal) => return Ok(Some(Err(refusal))),
            Admission::Allowed { spare } => spare,
        };
        let row: Option<Row> = sqlx::query_as(&format!(
            "UPDATE verifications SET code_hash = $2, expires_at = $3, last_sent_at = $4, updated_at = $4
             WHERE id = $1 AND status = 'pending' RETURNING {COLUMNS}"
        ))
        .bind(id)
        .bind(code_hash)
        .bind(expires_at)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else { return Ok(None) };
        if let Some(limits) = limits {
            Self::record_send(&mut tx, &phone, id, limits, now).await?;
        }
        self.commit_send(tx, limits, spare).await?;
        Ok(Some(Ok(row.try_into()?)))
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
        correct: bool,
        now: OffsetDateTime,
        approved_stat: Option<(OffsetDateTime, &str)>,
    ) -> Result<Option<Verification>, StoreError> {
        // One statement: the conditional update, and on approval the send
        // records marked verified for the pumping statistics and the
        // operator page's counter.
        one(sqlx::query_as(&format!(
            "WITH checked AS (
                UPDATE verifications SET
                    status = CASE WHEN $3 THEN 'approved'
                                  WHEN attempts_left <= 1 THEN 'max_attempts_reached'
                                  ELSE 'pending' END,
                    attempts_left = CASE WHEN $3 THEN attempts_left ELSE attempts_left - 1 END,
                    updated_at = $4
                WHERE id = $1 AND status = 'pending' AND expires_at > $4 AND attempts_left > 0 AND code_hash = $2
                RETURNING {COLUMNS}
             ), marked AS (
                UPDATE sms_sends SET verified = TRUE
                WHERE verification_id = (SELECT id FROM checked WHERE status = 'approved')
             ), counted AS (
                INSERT INTO stats_hourly (hour, country, kind, shard, count)
                SELECT $5, $6, 'approved', {SHARD}, 1 FROM checked
                WHERE status = 'approved' AND $5::TIMESTAMPTZ IS NOT NULL
                ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1
             )
             SELECT {COLUMNS} FROM checked"
        ))
        .bind(id)
        .bind(seen_hash)
        .bind(correct)
        .bind(now)
        .bind(approved_stat.map(|(hour, _)| hour))
        .bind(approved_stat.map(|(_, country)| country))
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn cancel(
        &self,
        id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Option<Verification>, StoreError> {
        one(sqlx::query_as(&format!(
            "UPDATE verifications SET status = 'canceled', updated_at = $2
             WHERE id = $1 AND status = 'pending' RETURNING {COLUMNS}"
        ))
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn send_failed(&self, id: Uuid, now: OffsetDateTime) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE verifications SET status = 'canceled', updated_at = $2 WHERE id = $1 AND status = 'pending'")
            .bind(id)
            .bind(now)
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

    async fn send_stats(
        &self,
        prefix: &str,
        country: &str,
        since: OffsetDateTime,
    ) -> Result<(SendStats, SendStats), StoreError> {
        let (ps, pv, cs, cv): (i64, i64, i64, i64) = sqlx::query_as(
            "SELECT
                (SELECT count(*) FROM sms_sends WHERE prefix = $1 AND sent_at > $3),
                (SELECT count(*) FROM sms_sends WHERE prefix = $1 AND sent_at > $3 AND verified),
                (SELECT count(*) FROM sms_sends WHERE country = $2 AND sent_at > $3),
                (SELECT count(*) FROM sms_sends WHERE country = $2 AND sent_at > $3 AND verified)",
        )
        .bind(prefix)
        .bind(country)
        .bind(since)
        .fetch_one(&self.pool)
        .await?;
        Ok((
            SendStats {
                sends: ps,
                verified: pv,
            },
            SendStats {
                sends: cs,
                verified: cv,
            },
        ))
    }

    async fn active_blocks(
        &self,
        scopes: &[String],
        now: OffsetDateTime,
    ) -> Result<Vec<Block>, StoreError> {
        let rows: Vec<BlockRow> = sqlx::query_as(
            "SELECT scope, rule, sends, verified, expires_at FROM send_blocks WHERE scope = ANY($1) AND expires_at > $2",
        )
        .bind(scopes)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(block).collect())
    }

    async fn add_block(&self, block: &Block, now: OffsetDateTime) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO send_blocks (scope, rule, sends, verified, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (scope) DO UPDATE SET rule = $2, sends = $3, verified = $4, created_at = $5, expires_at = $6
             WHERE send_blocks.expires_at <= $5",
        )
        .bind(&block.scope)
        .bind(&block.rule)
        .bind(block.sends)
        .bind(block.verified)
        .bind(now)
        .bind(block.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn bump_stat(
        &self,
        hour: OffsetDateTime,
        country: &str,
        kind: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(&format!(
            "INSERT INTO stats_hourly (hour, country, kind, shard, count) VALUES ($1, $2, $3, {SHARD}, 1)
             ON CONFLICT (hour, country, kind, shard) DO UPDATE SET count = stats_hourly.count + 1",
        ))
        .bind(hour)
        .bind(country)
        .bind(kind)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn stats_since(&self, since: OffsetDateTime) -> Result<Vec<StatRow>, StoreError> {
        let rows: Vec<(OffsetDateTime, String, String, i64)> = sqlx::query_as(
            "SELECT hour, country, kind, sum(count)::BIGINT FROM stats_hourly WHERE hour >= $1
             GROUP BY hour, country, kind ORDER BY hour",
        )
        .bind(since)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(hour, country, kind, count)| StatRow {
                hour,
                country,
                kind,
                count,
            })
            .collect())
    }

    async fn blocks_in_force(&self, now: OffsetDateTime) -> Result<Vec<Block>, StoreError> {
        let rows: Vec<BlockRow> = sqlx::query_as(
            "SELECT scope, rule, sends, verified, expires_at FROM send_blocks WHERE expires_at > $1 ORDER BY expires_at DESC",
        )
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(block).collect())
    }

    async fn count_pending(&self, now: OffsetDateTime) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM verifications WHERE status = 'pending' AND expires_at > $1",
        )
        .bind(now)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn save_flow(&self, flow: &ClientFlow) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO flows (id, client_id, return_to, state, embed, lang, csrf, verification_id, verified_phone, token, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
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
        .bind(&flow.verified_phone)
        .bind(&flow.token)
        .bind(flow.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn get_flow(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<Option<ClientFlow>, StoreError> {
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
        );
        let row: Option<FlowRow> = sqlx::query_as(
            "SELECT id, client_id, return_to, state, embed, lang, csrf, verification_id, verified_phone, token, expires_at
             FROM flows WHERE id = $1 AND expires_at > $2",
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| ClientFlow {
            id: r.0,
            client_id: r.1,
            return_to: r.2,
            state: r.3,
            embed: r.4,
            lang: r.5,
            csrf: r.6,
            verification_id: r.7,
            verified_phone: r.8,
            token: r.9,
            expires_at: r.10,
        }))
    }

    async fn purge(
        &self,
        verifications_before: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Result<Purged, StoreError> {
        let verifications = sqlx::query("DELETE FROM verifications WHERE expires_at < $1")
            .bind(verifications_before)
            .execute(&self.pool)
            .await?
            .rows_affected();
        let sends = sqlx::query("DELETE FROM sms_sends WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM stats_hourly WHERE hour < $1")
            .bind(now - time::Duration::hours(48))
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM flows WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        let blocks = sqlx::query("DELETE FROM send_blocks WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM sms_budget WHERE hour < $1")
            .bind(now - time::Duration::hours(2))
            .execute(&self.pool)
            .await?;

        Ok(Purged {
            verifications,
            sends,
            blocks,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Lease;
    use time::{Duration, macros::datetime};

    #[test]
    fn a_lease_hands_out_its_units_for_its_hour_only() {
        let hour = datetime!(2026-11-26 16:00 UTC);
        let mut lease = Lease::default();
        assert!(!lease.take(hour), "an empty lease has nothing");
        lease.credit(hour, 2);
        assert!(lease.take(hour));
        assert!(lease.take(hour));
        assert!(!lease.take(hour), "two units, two sends");

        lease.credit(hour, 3);
        let next = hour + Duration::hours(1);
        assert!(!lease.take(next), "units do not carry into the next hour");
        lease.credit(next, 1);
        lease.credit(hour, 5);
        assert!(lease.take(next));
        assert!(!lease.take(next), "a late grant for a past hour is dropped");
        assert!(!lease.take(hour), "the past hour's units are gone");
    }
}
