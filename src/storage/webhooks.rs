//! The webhooks' outbox: events written in the transaction of the state
//! change they report, turned into one delivery per endpoint, claimed by
//! the delivery workers of every instance and settled after each attempt.
use async_trait::async_trait;
use time::OffsetDateTime;
use uuid::Uuid;

use super::StoreError;

/// An event as the state change wrote it.
#[derive(Clone, PartialEq, Eq)]
pub struct OutboxEvent {
    pub id: i64,
    /// `verification.approved`, …
    pub kind: String,
    pub verification_id: Option<Uuid>,
    /// E.164.
    pub phone: Option<String>,
    pub country: String,
    pub client: Option<String>,
    /// The API key's name (a tenant) that started the verification.
    pub api_key: Option<String>,
    pub status: Option<String>,
    /// JSON of what else the event carries (a pumping flag's figures).
    pub detail: Option<String>,
    pub occurred_at: OffsetDateTime,
}

impl std::fmt::Debug for OutboxEvent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxEvent")
            .field("id", &self.id)
            .field("kind", &self.kind)
            .field("verification_id", &self.verification_id)
            .finish_non_exhaustive()
    }
}

/// A delivery to write: one event for one endpoint. (Its `Debug` leaves
/// out the payload, which holds the number.)
#[derive(Clone, PartialEq, Eq)]
pub struct NewDelivery {
    /// The `webhook-id`, the same for every attempt.
    pub msg_id: String,
    pub endpoint: String,
    pub event_type: String,
    /// The signed body.
    pub payload: String,
    /// About a `TEST_NUMBERS` verification: dropped past [`TEST_QUEUE_CAP`].
    pub test: bool,
}

impl std::fmt::Debug for NewDelivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewDelivery")
            .field("msg_id", &self.msg_id)
            .field("event_type", &self.event_type)
            .finish_non_exhaustive()
    }
}

/// A delivery a worker claimed for one attempt.
#[derive(Clone, PartialEq, Eq)]
pub struct Delivery {
    pub id: i64,
    pub msg_id: String,
    pub endpoint: String,
    pub event_type: String,
    pub payload: String,
    /// Attempts so far, this one included: the claim's token (a settle
    /// applies only to the attempt it is about).
    pub attempts: u32,
}

impl std::fmt::Debug for Delivery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Delivery")
            .field("id", &self.id)
            .field("event_type", &self.event_type)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

/// What a fan-out did: events taken, and deliveries not written because
/// their endpoint's queue was full.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FanOut {
    pub events: u64,
    pub dropped: u64,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Settle {
    Delivered,
    /// Try again at this time.
    Retry {
        at: OffsetDateTime,
        error: String,
    },
    /// No attempt left (or the endpoint said 410 Gone).
    Failed {
        error: String,
    },
}

impl Settle {
    /// The row's new `status`, its `next_attempt_at`, and its `last_error`
    /// (`None`: kept as it was).
    pub fn row(&self, now: OffsetDateTime) -> (&'static str, OffsetDateTime, Option<&str>) {
        match self {
            Settle::Delivered => ("delivered", now, None),
            Settle::Retry { at, error } => ("pending", *at, Some(error)),
            Settle::Failed { error } => ("failed", now, Some(error)),
        }
    }
}

/// A delivery that gave up, for the operator page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailedDelivery {
    pub id: i64,
    pub endpoint: String,
    pub event_type: String,
    pub attempts: u32,
    pub last_error: Option<String>,
    pub failed_at: OffsetDateTime,
}

/// The queue, for the metrics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QueueStats {
    /// Deliveries waiting (or being attempted), and events not yet fanned out.
    pub pending: i64,
    /// When the oldest of them was written.
    pub oldest: Option<OffsetDateTime>,
    pub failed: i64,
}

/// Which deliveries to send again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Redeliver {
    One(i64),
    AllFailed,
}

impl Redeliver {
    /// The one delivery's id; `None` for every failed one.
    pub fn id(self) -> Option<i64> {
        match self {
            Redeliver::One(id) => Some(id),
            Redeliver::AllFailed => None,
        }
    }
}

/// How long a claimed delivery is left to its worker before another may
/// take it (an attempt takes at most 10 s; a worker that died leaves it).
pub const CLAIM_LEASE: time::Duration = time::Duration::seconds(60);

/// Pending deliveries past which an endpoint gets no more deliveries of
/// `TEST_NUMBERS` verifications (dropped, counted and logged), so test
/// traffic, which no limit counts, cannot fill its queue. A real
/// verification's delivery is never dropped: the send budget bounds them.
pub const TEST_QUEUE_CAP: i64 = 1_000;

/// Delivered rows are kept a day, failed ones a week.
pub const KEEP_DELIVERED: time::Duration = time::Duration::days(1);
pub const KEEP_FAILED: time::Duration = time::Duration::days(7);

/// What the fan-out writes for each event (a delivery per endpoint that
/// wants it).
pub type Plan<'a> = &'a (dyn Fn(&OutboxEvent) -> Vec<NewDelivery> + Sync);

#[async_trait]
pub trait WebhookStore: Send + Sync {
    /// Whether state changes write events (only when endpoints are
    /// configured: otherwise nothing would read them).
    fn set_events(&self, on: bool);

    /// Writes `verification.expired` for pending verifications whose code
    /// ran out by `now` (each expiry once), at most `limit`.
    async fn report_expired(&self, now: OffsetDateTime, limit: i64) -> Result<u64, StoreError>;

    /// In one transaction: takes up to `limit` events, writes their
    /// deliveries as `plan` says (due at `now`; a test number's none past an
    /// endpoint's [`TEST_QUEUE_CAP`]), and deletes the events. Safe on many instances.
    async fn fan_out(
        &self,
        plan: Plan<'_>,
        now: OffsetDateTime,
        limit: i64,
    ) -> Result<FanOut, StoreError>;

    /// Claims up to `limit` due deliveries to `endpoints` (the ones this
    /// instance knows) for one attempt each (counted), leaving each to this
    /// worker for [`CLAIM_LEASE`]. No two workers claim the same delivery
    /// while its lease runs.
    async fn claim_deliveries(
        &self,
        now: OffsetDateTime,
        endpoints: &[String],
        limit: i64,
    ) -> Result<Vec<Delivery>, StoreError>;

    /// Records how the attempt `attempts` of delivery `id` ended (nothing,
    /// if another worker has taken it since).
    async fn settle_delivery(
        &self,
        id: i64,
        attempts: u32,
        outcome: &Settle,
        now: OffsetDateTime,
    ) -> Result<(), StoreError>;

    /// Sends failed deliveries again (from their first attempt); the
    /// number made due.
    async fn redeliver(&self, which: Redeliver, now: OffsetDateTime) -> Result<u64, StoreError>;

    /// The latest failed deliveries, newest first.
    async fn failed_deliveries(&self, limit: i64) -> Result<Vec<FailedDelivery>, StoreError>;

    async fn queue_stats(&self) -> Result<QueueStats, StoreError>;

    /// Deletes delivered rows older than [`KEEP_DELIVERED`] and failed ones
    /// older than [`KEEP_FAILED`].
    async fn purge_deliveries(&self, now: OffsetDateTime) -> Result<u64, StoreError>;
}
