//! Persistence behind one trait, with a PostgreSQL and a SQLite
//! implementation chosen by the `DATABASE_URL` scheme. The rules in
//! `verification.rs` decide; these methods make each decision atomic.
use std::sync::Arc;

use async_trait::async_trait;
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

pub mod postgres;
pub mod sessions;
pub mod sqlite;

/// Where a verification stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    Approved,
    Expired,
    Canceled,
    MaxAttemptsReached,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::Expired => "expired",
            Status::Canceled => "canceled",
            Status::MaxAttemptsReached => "max_attempts_reached",
        }
    }

    pub fn parse(s: &str) -> Result<Self, StoreError> {
        Ok(match s {
            "pending" => Status::Pending,
            "approved" => Status::Approved,
            "expired" => Status::Expired,
            "canceled" => Status::Canceled,
            "max_attempts_reached" => Status::MaxAttemptsReached,
            other => return Err(StoreError::Corrupt(format!("unknown status {other:?}"))),
        })
    }
}

/// A verification as stored. `code_hash` is the HMAC, never the code.
#[derive(Clone, PartialEq, Eq)]
pub struct Verification {
    pub id: Uuid,
    /// E.164.
    pub phone: String,
    pub code_hash: Vec<u8>,
    pub status: Status,
    pub attempts_left: u32,
    pub locale: String,
    pub created_at: OffsetDateTime,
    pub last_sent_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    /// The API key (its name) that created it; `None` for the pages.
    pub tenant: Option<String>,
}

impl std::fmt::Debug for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verification")
            .field("id", &self.id)
            .field("status", &self.status)
            .field("attempts_left", &self.attempts_left)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl Verification {
    /// The status as of `now`: a pending verification past its expiry is expired.
    pub fn status_at(&self, now: OffsetDateTime) -> Status {
        if self.status == Status::Pending && self.expires_at <= now {
            Status::Expired
        } else {
            self.status
        }
    }
}

/// A verification about to be created.
#[derive(Debug, Clone)]
pub struct NewVerification {
    pub id: Uuid,
    pub phone: String,
    pub code_hash: Vec<u8>,
    pub locale: String,
    pub max_attempts: u32,
    pub expires_at: OffsetDateTime,
    pub tenant: Option<String>,
}

/// The limits a send must pass, checked and recorded atomically, and what
/// the send record keeps about its destination.
#[derive(Debug, Clone)]
pub struct SendLimits {
    pub cooldown: Duration,
    pub limit: u32,
    pub window: Duration,
    /// When the record of this send may be deleted.
    pub record_until: OffsetDateTime,
    /// Sends allowed per clock hour across all numbers and instances.
    pub global_limit: u32,
    /// The start of the current clock hour (the budget's bucket).
    pub hour: OffsetDateTime,
    /// The number's prefix and country, for the pumping statistics.
    pub prefix: String,
    pub country: String,
    /// Wrong codes allowed for the number in `window`, over all its
    /// verifications; a start is refused once they are spent.
    pub guess_budget: u32,
    /// The client network that asked for the send (`203.0.113.0/24`);
    /// `None` for an API caller, whose sends each count as their own source.
    pub network: Option<String>,
    /// The pumping breaker's thresholds; `None` when it is off.
    pub pumping: Option<PumpingLimits>,
}

/// What the pumping breaker checks, in the transaction that records a send.
#[derive(Debug, Clone)]
pub struct PumpingLimits {
    /// Refuse sends to a blocked prefix or country (else only record the flag).
    pub refuse: bool,
    /// The start of the breaker's window.
    pub since: OffsetDateTime,
    pub prefix_min_sends: u32,
    pub country_min_sends: u32,
    pub max_unverified_percent: u32,
    /// Distinct client networks among the unverified sends before a rule fires.
    pub prefix_min_networks: u32,
    pub country_min_networks: u32,
    /// When a block recorded now ends.
    pub block_until: OffsetDateTime,
}

/// Sends and approved sends to one prefix or country in a window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SendStats {
    pub sends: i64,
    pub verified: i64,
}

/// A prefix or country whose sends the pumping breaker stopped (or flagged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// `prefix:+447700` or `country:GB`.
    pub scope: String,
    pub rule: String,
    pub sends: i64,
    pub verified: i64,
    /// Distinct client networks among the unverified sends (counted up to
    /// the rule's threshold).
    pub networks: i64,
    pub expires_at: OffsetDateTime,
}

/// What a send's admission decided, and a pumping block (or flag) it
/// recorded, to be announced once.
#[derive(Debug, Clone)]
pub struct Admitted<T> {
    pub result: SendGate<T>,
    pub new_block: Option<Block>,
}

/// Why a send to one number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendRefusal {
    /// The last delivered send was too recent.
    Cooldown { retry_after: Duration },
    /// Too many sends in the window.
    Quota { retry_after: Duration },
    /// The global hourly budget is spent.
    Budget { retry_after: Duration },
    /// The number's wrong codes in the window are spent.
    Guesses { retry_after: Duration },
    /// The pumping breaker blocks the number's prefix or country.
    Pumping { retry_after: Duration },
}

impl SendRefusal {
    pub fn retry_after(self) -> Duration {
        match self {
            SendRefusal::Cooldown { retry_after }
            | SendRefusal::Quota { retry_after }
            | SendRefusal::Budget { retry_after }
            | SendRefusal::Guesses { retry_after }
            | SendRefusal::Pumping { retry_after } => retry_after,
        }
    }

    /// The refusal a backend names, with when to try again (at least a second).
    pub fn named(name: &str, retry_at: OffsetDateTime, now: OffsetDateTime) -> Option<Self> {
        let retry_after = (retry_at - now).max(Duration::SECOND);
        Some(match name {
            "cooldown" => SendRefusal::Cooldown { retry_after },
            "quota" => SendRefusal::Quota { retry_after },
            "budget" => SendRefusal::Budget { retry_after },
            "guesses" => SendRefusal::Guesses { retry_after },
            "pumping" => SendRefusal::Pumping { retry_after },
            _ => return None,
        })
    }
}

/// A send that passed the per-number limits, or why it did not.
pub type SendGate<T> = Result<T, SendRefusal>;

/// An embedded (client) flow: who asked, where to return, and how far the
/// person got. Its id travels in the page instead of a cookie.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientFlow {
    pub id: String,
    pub client_id: String,
    pub return_to: String,
    pub state: Option<String>,
    pub embed: bool,
    pub lang: String,
    pub csrf: String,
    pub verification_id: Option<Uuid>,
    pub verified_phone: Option<String>,
    /// The signed proof, once the number is verified (for the iframe page).
    pub token: Option<String>,
    /// The host's OpenID-style nonce, copied into the token.
    pub nonce: Option<String>,
    pub expires_at: OffsetDateTime,
}

impl std::fmt::Debug for ClientFlow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientFlow")
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
    pub kind: String,
    pub count: i64,
}

/// What a purge deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub verifications: u64,
    pub sends: u64,
    pub blocks: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(e),
            other => StoreError::Database(other),
        }
    }
}

#[async_trait]
pub trait Store: Send + Sync + 'static {
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

    /// One conditional UPDATE: applies a check whose answer (`correct`) was
    /// computed against `seen_hash`, only if the verification is still
    /// pending, unexpired, has attempts left and still has that hash. A right
    /// answer approves; a wrong one spends an attempt (and ends the
    /// verification at zero). `None` when the condition no longer held.
    /// A wrong answer also records a guess against the number's budget,
    /// kept until `check.guess_until`; a right one clears the number's
    /// guesses and counts the operator page's `approved` counter for
    /// `check.approved_stat` (hour, country), in the same transaction.
    async fn record_check(
        &self,
        id: Uuid,
        seen_hash: &[u8],
        correct: bool,
        now: OffsetDateTime,
        check: &CheckRecord<'_>,
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

    /// The blocks among `scopes` still in force at `now`.
    async fn active_blocks(
        &self,
        scopes: &[String],
        now: OffsetDateTime,
    ) -> Result<Vec<Block>, StoreError>;

    /// Adds one to an hourly counter of the operator page.
    async fn bump_stat(
        &self,
        hour: OffsetDateTime,
        country: &str,
        kind: &str,
    ) -> Result<(), StoreError>;

    /// The hourly counters since `since`.
    async fn stats_since(&self, since: OffsetDateTime) -> Result<Vec<StatRow>, StoreError>;

    /// Every pumping block (or flag) in force at `now`.
    async fn blocks_in_force(&self, now: OffsetDateTime) -> Result<Vec<Block>, StoreError>;

    /// Pending, unexpired verifications at `now` (for the metrics gauge).
    async fn count_pending(&self, now: OffsetDateTime) -> Result<i64, StoreError>;

    /// Saves a client flow (insert or update by id); with `replaces`, the
    /// flow of that id is deleted in the same transaction (the flow moves
    /// to a new id).
    async fn save_flow(&self, flow: &ClientFlow, replaces: Option<&str>) -> Result<(), StoreError>;

    /// A client flow still in force at `now`.
    async fn get_flow(
        &self,
        id: &str,
        now: OffsetDateTime,
    ) -> Result<Option<ClientFlow>, StoreError>;

    /// Deletes verifications that expired before `verifications_before`, and
    /// send records, blocks and budget hours past their time at `now`.
    async fn purge(
        &self,
        verifications_before: OffsetDateTime,
        now: OffsetDateTime,
    ) -> Result<Purged, StoreError>;
}

/// What a check records beside the verification itself.
#[derive(Debug, Clone, Copy)]
pub struct CheckRecord<'a> {
    /// Until when a wrong guess counts against the number's budget.
    pub guess_until: OffsetDateTime,
    /// The operator page's counter for an approval: its hour and country.
    pub approved_stat: Option<(OffsetDateTime, &'a str)>,
}

impl SendStats {
    /// The breaker's rule on one scope's window: at least `min_sends` sends
    /// never verified, making up at least `percent` of the window's sends.
    pub fn mostly_unverified(self, min_sends: u32, percent: u32) -> bool {
        let unverified = self.sends - self.verified;
        unverified >= i64::from(min_sends) && unverified * 100 >= i64::from(percent) * self.sends
    }
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
