//! One error type for every handler. It becomes a status code and a marker
//! that the UI middleware renders as a localized page; internals (SQL, error
//! chains) go to the log once and never into the response.
use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};

use crate::{sms::SmsError, storage::StoreError, verification::VerifyError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("missing or invalid CSRF token")]
    Csrf,
    #[error("not found")]
    NotFound,
    #[error("unknown client or unregistered return_to")]
    BadClient,
    #[error("unknown or expired flow")]
    FlowExpired,
    #[error("bad request")]
    BadRequest,
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("database unavailable")]
    Unavailable(String),
    #[error("sms not sent: {0}")]
    Sms(SmsError),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Which localized message an error page shows; set on error responses and
/// read by the UI middleware.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorPage {
    pub message_id: &'static str,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadClient | AppError::FlowExpired => StatusCode::BAD_REQUEST,
            AppError::BadRequest => StatusCode::BAD_REQUEST,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::Sms(e) => sms_status(e),
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message_id(&self) -> &'static str {
        match self {
            AppError::Csrf => "error-csrf",
            AppError::NotFound => "error-not-found",
            AppError::BadClient => "error-bad-client",
            AppError::FlowExpired => "error-flow-expired",
            AppError::BadRequest => "error-bad-request",
            AppError::PayloadTooLarge => "error-too-large",
            AppError::Unavailable(_) => "error-unavailable",
            AppError::Sms(e) => sms_message_id(e),
            AppError::Internal(_) => "error-internal",
        }
    }
}

/// 400 when the number cannot be texted, 503 when the provider cannot be used.
pub fn sms_status(e: &SmsError) -> StatusCode {
    match e {
        SmsError::InvalidNumber(_) | SmsError::OptedOut => StatusCode::BAD_REQUEST,
        SmsError::Throttled | SmsError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// The localized message for an SMS that was not sent.
pub fn sms_message_id(e: &SmsError) -> &'static str {
    match e {
        SmsError::InvalidNumber(_) => "error-invalid-phone",
        SmsError::OptedOut => "error-opted-out",
        SmsError::Throttled | SmsError::Unavailable(_) => "error-sms-failed",
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(_) => AppError::Unavailable(e.to_string()),
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<VerifyError> for AppError {
    fn from(e: VerifyError) -> Self {
        match e {
            VerifyError::Store(e) => e.into(),
            VerifyError::SmsFailed(e) => AppError::Sms(e),
            VerifyError::NotFound => AppError::NotFound,
            other => AppError::Internal(anyhow::anyhow!("unhandled verification outcome: {other}")),
        }
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(e: tower_sessions::session::Error) -> Self {
        match e {
            // The session lives in the database: its store failing is the database failing.
            tower_sessions::session::Error::Store(e) => {
                AppError::Unavailable(format!("session store: {e}"))
            }
            other => AppError::Internal(anyhow::anyhow!("session: {other}")),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status();
        match &self {
            AppError::Internal(e) => tracing::error!(error = format!("{e:#}"), "request failed"),
            AppError::Unavailable(e) => tracing::error!(error = %e, "database unavailable"),
            other => tracing::info!(status = status.as_u16(), "{other}"),
        }
        let mut response = status.into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        }
        response.extensions_mut().insert(ErrorPage {
            message_id: self.message_id(),
        });
        response
    }
}
