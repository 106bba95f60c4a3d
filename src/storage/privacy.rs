//! What the store keeps about a number, and how it lets go of it: the logs
//! kept only to count a number's sends and wrong codes know it by its key
//! (`domain::NumberKey`), never by the number, and `forget` removes the
//! number from every table that holds it.
use async_trait::async_trait;

use super::StoreError;
use crate::domain::CodeHasher;

/// What `forget` removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    pub verifications: u64,
    pub flows: u64,
    pub sessions: u64,
    pub webhook_events: u64,
    pub webhook_deliveries: u64,
    pub idempotency_keys: u64,
    /// Sends and wrong codes still counted under the number's key (until
    /// each one's own expiry), so its limits hold.
    pub keyed_sends: u64,
    pub keyed_guesses: u64,
}

#[async_trait]
pub trait PrivacyStore {
    /// Gives the rows kept from before numbers were keyed (a verification
    /// without `phone_key`, a send or wrong code with `unkeyed_phone`)
    /// their number's key, and empties `unkeyed_phone`. Run after the
    /// migrations; returns how many rows changed (0 once done).
    async fn key_numbers(&self, hasher: &CodeHasher) -> Result<u64, StoreError>;

    /// Removes the number `e164` from every table that holds it, or holds
    /// one of its verifications' ids: its verifications, the app flows
    /// that carry it, browser sessions, webhook events and deliveries
    /// (pending ones too), and idempotency keys whose kept answer names it.
    /// The send log and wrong-code log rows stay, under `key`: they hold
    /// no number, and the number's limits still count them.
    async fn forget(
        &self,
        e164: &str,
        key: &crate::domain::NumberKey,
    ) -> Result<Forgotten, StoreError>;
}

/// `text` as a browser session keeps it (tower-sessions' sqlx stores write
/// MessagePack): its length first, so a search for one number never
/// matches a longer number that begins with it.
pub(crate) fn packed_str(text: &str) -> Vec<u8> {
    rmp_serde::to_vec(text).unwrap_or_default()
}
