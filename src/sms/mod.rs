//! Sending texts: one trait, the dev outbox and Amazon SNS.
use async_trait::async_trait;

use crate::domain::PhoneNumber;

pub mod outbox;
pub mod sns;

pub use outbox::Outbox;

pub use crate::domain::segments::{self, with_webotp_line};

/// One text message. `Debug` shows neither the body (it holds the code) nor
/// the full number.
#[derive(Clone)]
pub struct SmsMessage {
    pub to: PhoneNumber,
    pub body: String,
}

impl std::fmt::Debug for SmsMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsMessage")
            .field("to", &self.to)
            .field(
                "body",
                &format_args!("<{} chars>", self.body.chars().count()),
            )
            .finish()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SmsError {
    /// The provider refused this number (invalid or unsupported).
    #[error("the provider refused the number: {0}")]
    InvalidNumber(String),
    /// The number replied STOP to an earlier text.
    #[error("the number has opted out of SMS")]
    OptedOut,
    /// The provider asked us to slow down.
    #[error("the provider is throttling sends")]
    Throttled,
    /// The provider could not be used (credentials, permissions, KMS, outage, timeout).
    #[error("the provider is unavailable: {0}")]
    Unavailable(String),
}

#[async_trait]
pub trait SmsSender: Send + Sync + 'static {
    /// `outbox` or `sns`, for logs and metrics.
    fn name(&self) -> &'static str;

    async fn send(&self, message: &SmsMessage) -> Result<(), SmsError>;
}
