//! Idempotency keys (`Idempotency-Key`, Twilio's `I-Twilio-Idempotency-Token`):
//! which request of a tenant holds a key, and the answer it got. The web
//! layer (`web/idempotency.rs`) decides what is kept; these methods make the
//! claim atomic across instances.
use async_trait::async_trait;
use time::OffsetDateTime;
use uuid::Uuid;

use super::StoreError;

/// A request's claim on a key.
#[derive(Debug, Clone, Copy)]
pub struct KeyClaim<'a> {
    pub tenant: &'a str,
    pub key: &'a str,
    /// SHA-256 of the request (method, path, body).
    pub request_hash: &'a [u8],
    /// This claim's token: only its holder finishes or releases the key.
    pub claim: Uuid,
    pub now: OffsetDateTime,
    /// When the key may be used anew (24 hours on).
    pub expires_at: OffsetDateTime,
    /// A claim still in flight that began before this is taken over by the
    /// same request (its instance died before it answered).
    pub stale_before: OffsetDateTime,
}

/// A kept answer: its status and its (JSON) body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptAnswer {
    pub status: u16,
    pub body: String,
}

/// What a claim found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claimed {
    /// The key is this request's now: run it, then finish or release it.
    Yours,
    /// The same request answered before: its answer.
    Answered(KeptAnswer),
    /// The same request is still running.
    InFlight,
    /// The key was used with another request.
    OtherRequest,
}

#[async_trait]
pub trait IdempotencyStore: Send + Sync {
    /// Claims `claim.key` for `claim.tenant` in one atomic step: a key not
    /// held (or past its `expires_at`, or a stale claim of the same
    /// request) becomes this request's; otherwise what holds it.
    async fn claim_key(&self, claim: &KeyClaim<'_>) -> Result<Claimed, StoreError>;

    /// Keeps the answer of the request that holds the key under `claim`.
    async fn finish_key(
        &self,
        tenant: &str,
        key: &str,
        claim: Uuid,
        answer: &KeptAnswer,
    ) -> Result<(), StoreError>;

    /// Lets the key go (the request's answer is not kept): a repeat runs again.
    async fn release_key(&self, tenant: &str, key: &str, claim: Uuid) -> Result<(), StoreError>;
}

/// What a claim that did not take the key found in the row.
pub(crate) fn found(
    request_hash: &[u8],
    stored_hash: &[u8],
    status: &str,
    response_status: Option<i64>,
    response_body: Option<String>,
) -> Result<Claimed, StoreError> {
    if stored_hash != request_hash {
        return Ok(Claimed::OtherRequest);
    }
    match (status, response_status, response_body) {
        ("in_flight", _, _) => Ok(Claimed::InFlight),
        ("done", Some(code), Some(body)) => Ok(Claimed::Answered(KeptAnswer {
            status: u16::try_from(code)
                .map_err(|_| StoreError::Corrupt(format!("answer status {code}")))?,
            body,
        })),
        (other, _, _) => Err(StoreError::Corrupt(format!(
            "idempotency key in state {other:?}"
        ))),
    }
}
