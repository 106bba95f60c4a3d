//! One error type for every page handler. It becomes a status code and a
//! marker that the UI middleware renders as a localized page; internals (SQL,
//! error chains) go to the log once and never into the response. What a
//! verification's refusal or failure answers is decided in [`super::outcome`].
use axum::{
    http::StatusCode,
    response::{IntoResponse, Response},
};

use super::outcome::{self, Outcome};
use crate::{storage::StoreError, verification::VerifyError};

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
    /// A verification's refusal or failure, answered as the outcome table says.
    #[error("verification not done: {}", .0.code)]
    Verify(Outcome),
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
            AppError::Verify(outcome) => outcome.status,
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
            AppError::Verify(outcome) => outcome.message_id,
            AppError::Internal(_) => "error-internal",
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(_) | StoreError::Timeout => {
                AppError::Unavailable(e.to_string())
            }
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<VerifyError> for AppError {
    fn from(e: VerifyError) -> Self {
        match e {
            VerifyError::Store(e) => e.into(),
            VerifyError::NotFound => AppError::NotFound,
            other => AppError::Verify(outcome::of(&other)),
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
        match &self {
            AppError::Verify(outcome) => outcome.stamp(&mut response),
            _ if status == StatusCode::SERVICE_UNAVAILABLE => {
                outcome::set_retry_after(&mut response, outcome::UNAVAILABLE_RETRY)
            }
            _ => {}
        }
        response.extensions_mut().insert(ErrorPage {
            message_id: self.message_id(),
        });
        response
    }
}
