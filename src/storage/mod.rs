//! Persistence behind one trait, with a PostgreSQL and a SQLite
//! implementation chosen by the `DATABASE_URL` scheme. The rules in
//! `verification/` decide; these methods make each decision atomic.
use std::sync::Arc;

use async_trait::async_trait;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::domain::{
    Admitted, Answer, Block, CheckRecord, NewVerification, NumberKey, NumberWindow, PumpingRule,
    SendLimits, StatKind, Verification,
};

pub mod idempotency;
pub mod postgres;
pub mod privacy;
pub mod sessions;
pub mod sqlite;
pub mod webhooks;

/// An app's embedded flow ("flow" means only this): who asked, where to
/// return, and how far the person got. Its id travels in the page instead
/// of a cookie.
#[derive(Clone, PartialEq, Eq)]
pub struct AppFlow {
    pub id: String,
    pub client_id: String,
    pub return_to: String,
    pub state: Option<String>,
    pub embed: bool,
    pub lang: String,
    pub csrf: String,
    pub verification_id: Option<Uuid>,
    /// The number this flow last texted a code to, E.164 (the column
    /// `verified_phone`): kept when its verification is purged, so a person
    /// who comes back late finds it filled in; with `token`, the number
    /// verified. `forget` deletes the flow.
    pub phone: Option<String>,
    /// The signed proof, once the number is verified (for the iframe page).
    pub token: Option<String>,
    /// The host's OpenID-style nonce, copied into the token.
    pub nonce: Option<String>,
    /// The number the host supplied (`?phone=`, E.164): shown by its last
    /// digits only, since the person did not type it.
    pub phone_hint: Option<String>,
    pub expires_at: OffsetDateTime,
}

impl std::fmt::Debug for AppFlow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppFlow")
            .field("client_id", &self.client_id)
            .field("embed", &self.embed)
            .field("verification_id", &self.verification_id)
            .finish_non_exhaustive()
    }
}

/// One hourly counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatRow {
    pub hour: OffsetDateTime,
    pub country: String,
    pub kind: StatKind,
    pub count: i64,
}

/// An app's embedded flows.
#[async_trait]
pub trait FlowStore: Send + Sync {
    /// Saves a client flow (insert or update by id); with `replaces`, the
    /// flow of that id is deleted in the same transaction (the flow moves
    /// to a new id).
    async fn save_flow(&self, flow: &AppFlow, replaces: Option<&str>) -> Result<(), StoreError>;

    /// A client flow still in force at `now`.
    async fn get_flow(&self, id: &str, now: OffsetDateTime) -> Result<Option<AppFlow>, StoreError>;
}

/// The operator page's counters and the pumping breaker's blocks.
#[async_trait]
pub trait StatsStore: Send + Sync {
    /// Adds one to an hourly counter of the operator page.
    async fn bump_stat(
        &self,
        hour: OffsetDateTime,
        country: &str,
        kind: StatKind,
    ) -> Result<(), StoreError>;

    /// The hourly counters since `since`.
    async fn stats_since(&self, since: OffsetDateTime) -> Result<Vec<StatRow>, StoreError>;

    /// Every pumping block (or flag) in force at `now`.
    async fn blocks_in_force(&self, now: OffsetDateTime) -> Result<Vec<Block>, StoreError>;
}

/// A block's rule as stored.
pub(crate) fn rule(word: &str) -> Result<PumpingRule, StoreError> {
    PumpingRule::parse(word).ok_or_else(|| StoreError::Corrupt(format!("unknown rule {word:?}")))
}

/// A counter's kind as stored.
pub(crate) fn stat_kind(word: &str) -> Result<StatKind, StoreError> {
    StatKind::parse(word).ok_or_else(|| StoreError::Corrupt(format!("unknown counter {word:?}")))
}

/// What a purge deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub verifications: u64,
    pub sends: u64,
}

/// How long rows are kept, for both backends. Rows with their own
/// `expires_at` (send records, wrong codes, blocks, flows, spent
/// challenges, idempotency keys) go at it; an address's waited sends at
/// the end of their window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub now: OffsetDateTime,
    /// Verifications that expired before this: a verification is kept
    /// [`Retention::EXPIRED_GRACE`] after its expiry, so a late check still
    /// gets a clear "expired" rather than "not found".
    pub verifications_before: OffsetDateTime,
    /// The operator page's hourly counters before this.
    pub stats_before: OffsetDateTime,
    /// The global budget's hours before this.
    pub budget_before: OffsetDateTime,
}

impl Retention {
    pub const EXPIRED_GRACE: time::Duration = time::Duration::minutes(10);
    /// The operator page shows 24 hours; two days are kept.
    pub const STATS: time::Duration = time::Duration::hours(48);
    /// The current hour and the one before.
    pub const BUDGET: time::Duration = time::Duration::hours(2);

    pub fn at(now: OffsetDateTime) -> Self {
        Self {
            now,
            verifications_before: now - Self::EXPIRED_GRACE,
            stats_before: now - Self::STATS,
            budget_before: now - Self::BUDGET,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("the database did not answer in time")]
    Timeout,
}

/// SQLSTATEs of a database that is going away, starting or read-only for
/// now (PostgreSQL's classes 08, connection exception, and 57P, operator
/// intervention; 25006, a standby or a demoted primary refusing a write;
/// 53300, too many connections): the request may work again in a moment,
/// so it gets 503 with `Retry-After`, not 500.
fn failing_over(code: &str) -> bool {
    code.starts_with("08") || code.starts_with("57P") || code == "25006" || code == "53300"
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed
            // A connection torn in the middle of a message.
            | sqlx::Error::Protocol(_) => StoreError::Unavailable(e),
            // A server going away or not yet taking writes: a failover.
            sqlx::Error::Database(ref db) if db.code().as_deref().is_some_and(failing_over) => {
                StoreError::Unavailable(e)
            }
            other => StoreError::Database(other),
        }
    }
}

/// Where verifications and sends are kept and every limit is decided; a
/// store also keeps apps' flows and the operator page's counters.
#[async_trait]
pub trait Store:
    FlowStore
    + StatsStore
    + webhooks::WebhookStore
    + idempotency::IdempotencyStore
    + privacy::PrivacyStore
    + Send
    + Sync
    + 'static
{
    /// `postgres` or `sqlite`.
    fn backend(&self) -> &'static str;

    /// Readiness: one round trip.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Applies this backend's migrations (idempotent).
    async fn migrate(&self) -> Result<(), StoreError>;

    /// Atomically: admits the send to `new.phone` (wrong-guess budget,
    /// quota, cooldown, pumping breaker, global budget, in that order);
    /// replaces the number's pending verification (carrying over its
    /// attempts left); inserts `new` with at most what is left of the
    /// number's wrong-guess budget; records the send. Without `limits` (test
    /// numbers) nothing is checked or recorded.
    async fn create(
        &self,
        new: &NewVerification,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<Admitted<Verification>, StoreError>;

    /// Atomically, for a pending verification: admits the send as `create`
    /// does; stores a new code hash and expiry (the old code stops working;
    /// attempts stay); records the send. `None` when the verification is not
    /// pending.
    async fn replace_code(
        &self,
        id: Uuid,
        code_hash: &[u8],
        expires_at: OffsetDateTime,
        limits: Option<&SendLimits>,
        now: OffsetDateTime,
    ) -> Result<Option<Admitted<Verification>>, StoreError>;

    async fn get(&self, id: Uuid) -> Result<Option<Verification>, StoreError>;

    /// One conditional UPDATE: applies a check whose `answer` was computed
    /// against `seen_hash` (the current code's), only if the verification is
    /// still pending, unexpired, has attempts left and still has that hash
    /// (so no resend came between: an older code's expiry was judged at
    /// `now` on the same row, and older codes end before the current one). A right
    /// answer approves; a wrong one spends an attempt (and ends the
    /// verification at zero). `None` when the condition no longer held.
    /// A wrong answer also records a guess against the number's budget,
    /// kept until `check.guess_until`; a right one clears the number's
    /// guesses and adds to the operator page's `approved` counter of
    /// `check.hour` and the verification's country, in the same transaction.
    async fn record_check(
        &self,
        id: Uuid,
        seen_hash: &[u8],
        answer: Answer,
        now: OffsetDateTime,
        check: &CheckRecord,
    ) -> Result<Option<Verification>, StoreError>;

    /// Cancels a pending verification; `None` when it is not pending.
    async fn cancel(
        &self,
        id: Uuid,
        now: OffsetDateTime,
    ) -> Result<Option<Verification>, StoreError>;

    /// After a send that failed: cancels the verification (its code never
    /// arrived) and marks the send undelivered, so it counts toward the quota
    /// but not the cooldown.
    async fn send_failed(&self, id: Uuid, now: OffsetDateTime) -> Result<(), StoreError>;

    /// Records that a proof-of-work challenge's `nonce` was used, until the
    /// challenge's `expires_at`: `false` when it already was (a replay), on
    /// any instance.
    async fn spend_challenge(
        &self,
        nonce: &str,
        expires_at: OffsetDateTime,
    ) -> Result<bool, StoreError>;

    /// Counts a send that waited instead of solving the check (a browser
    /// without JavaScript) against `address` (a keyed hash of the client's
    /// address), at most `most` in a window of `window` from the address's
    /// first: `None` when counted, `Some(until)` when the address used them
    /// all (until its window ends), on every instance.
    async fn take_wait(
        &self,
        address: &str,
        most: u32,
        window: time::Duration,
        now: OffsetDateTime,
    ) -> Result<Option<OffsetDateTime>, StoreError>;

    /// The pending verification of `phone` that `tenant` started, if any.
    async fn find_pending(
        &self,
        phone: &str,
        tenant: Option<&str>,
    ) -> Result<Option<Verification>, StoreError>;

    /// The newest verification of `phone` that `tenant` started whose
    /// attempts are used up and whose code has not expired at `now`, if any
    /// (Twilio answers a check of one by number with 60202). A partial index
    /// holds only such rows, so the hot paths do not pay for it.
    async fn find_used_up(
        &self,
        phone: &str,
        tenant: Option<&str>,
        now: OffsetDateTime,
    ) -> Result<Option<Verification>, StoreError>;

    /// The number of `key`'s wrong codes and texts since `since`, and the
    /// oldest of each.
    async fn number_window(
        &self,
        key: &NumberKey,
        since: OffsetDateTime,
    ) -> Result<NumberWindow, StoreError>;

    /// When a start for the number of `key` would pass its wrong-code
    /// budget (`guess_budget` wrong codes) and its quota (`send_limit`
    /// texts) again, both over `window` before that time, as `create`
    /// judges them ([`NumberWindow::free_at`]); `None` when it would at
    /// `now`. The lock-out page says it.
    async fn number_free_at(
        &self,
        key: &NumberKey,
        window: time::Duration,
        guess_budget: u32,
        send_limit: u32,
        now: OffsetDateTime,
    ) -> Result<Option<OffsetDateTime>, StoreError> {
        Ok(self
            .number_window(key, now - window)
            .await?
            .free_at(window, guess_budget, send_limit))
    }

    /// When each text of verification `id` was sent, oldest first.
    async fn send_times(&self, id: Uuid) -> Result<Vec<OffsetDateTime>, StoreError>;

    /// Pending, unexpired verifications at `now` (for the metrics gauge).
    async fn count_pending(&self, now: OffsetDateTime) -> Result<i64, StoreError>;

    /// Deletes what is past its keeping time.
    async fn purge(&self, retention: &Retention) -> Result<Purged, StoreError>;
}

/// Connects to `DATABASE_URL`, picking the backend by its scheme, and
/// returns the verification store and the session store on the same database.
pub async fn connect(url: &str) -> anyhow::Result<(Arc<dyn Store>, sessions::SessionStoreAny)> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let store = postgres::PgStore::connect(url).await?;
        let sessions = sessions::SessionStoreAny::postgres(store.pool().clone());
        Ok((Arc::new(store), sessions))
    } else if url.starts_with("sqlite:") {
        let store = sqlite::SqliteStore::connect(url).await?;
        let sessions = sessions::SessionStoreAny::sqlite(store.pool().clone());
        Ok((Arc::new(store), sessions))
    } else {
        anyhow::bail!("DATABASE_URL must start with sqlite:// or postgres://")
    }
}

/// What every command does before it uses the database: connects, applies
/// both stores' migrations, and gives the rows kept from before numbers
/// were keyed their keys ([`privacy::PrivacyStore::key_numbers`]).
pub async fn open(
    url: &str,
    hasher: &crate::domain::CodeHasher,
) -> anyhow::Result<(Arc<dyn Store>, sessions::SessionStoreAny)> {
    let (store, sessions) = connect(url).await?;
    store
        .migrate()
        .await
        .map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
    sessions
        .migrate()
        .await
        .map_err(|e| anyhow::anyhow!("session table migration failed: {e}"))?;
    let keyed = store
        .key_numbers(hasher)
        .await
        .map_err(|e| anyhow::anyhow!("keying the logged numbers failed: {e}"))?;
    if keyed > 0 {
        tracing::info!(
            rows = keyed,
            "numbers in the send and wrong-code logs keyed"
        );
    }
    Ok((store, sessions))
}

#[cfg(test)]
mod tests {
    use super::failing_over;

    #[test]
    fn a_failover_is_unavailable_a_bug_is_not() {
        for code in ["08006", "08001", "57P01", "57P03", "25006", "53300"] {
            assert!(failing_over(code), "{code}");
        }
        for code in ["42883", "42703", "23505", "22001", "40001"] {
            assert!(!failing_over(code), "{code}");
        }
    }
}
