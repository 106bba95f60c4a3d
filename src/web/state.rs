//! What every handler can reach.
use std::sync::Arc;

use crate::{
    clock::Clock, config::Settings, i18n::I18n, metrics::Metrics, sms::Outbox, storage::Store,
    verification::Verifier,
};

use super::{
    admin::LoginThrottle,
    challenge::Gate,
    security::{ClientAddress, Signer},
};

#[derive(Clone)]
pub struct AppState {
    pub settings: Arc<Settings>,
    pub verifier: Arc<Verifier>,
    pub store: Arc<dyn Store>,
    pub i18n: Arc<I18n>,
    pub clock: Arc<dyn Clock>,
    /// Present when `SMS_PROVIDER=outbox`.
    pub outbox: Option<Arc<Outbox>>,
    pub brand: Arc<str>,
    /// The default Content-Security-Policy of pages.
    pub csp: Arc<str>,
    pub metrics: Arc<Metrics>,
    /// Signs what the server checks later without a row (form tokens).
    pub signer: Signer,
    /// How a request's client address is read (proxy headers, IPv6 prefix).
    pub client_address: ClientAddress,
    /// Failed operator logins per client.
    pub admin_logins: Arc<LoginThrottle>,
    /// The proof-of-work challenge: issues, checks, decides who needs one.
    pub gate: Arc<Gate>,
    /// The Twilio Verify–compatible API's settings, when it is on.
    pub twilio: Option<Arc<crate::config::TwilioConfig>>,
    /// When this instance took its configuration (a Twilio service's dates).
    pub started_at: time::OffsetDateTime,
}
