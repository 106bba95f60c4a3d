//! The typed session: constant keys, typed values, nothing else touches the
//! raw session.
use axum::{extract::FromRequestParts, http::request::Parts};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use uuid::Uuid;

use crate::error::AppError;

const CSRF: &str = "csrf";
const LANG: &str = "lang";
const FLOW: &str = "flow";
const VERIFIED: &str = "verified";
const FLASH: &str = "flash";

/// The verification this browser is in the middle of.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Flow {
    pub verification_id: Uuid,
}

/// The number this browser proved it controls.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Verified {
    pub phone: String,
}

pub struct FlowSession(Session);

impl<S: Send + Sync> FromRequestParts<S> for FlowSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("session layer missing")))?;
        Ok(Self(session))
    }
}

impl FlowSession {
    pub fn new(session: Session) -> Self {
        Self(session)
    }

    /// The form token of this session, made on first use.
    pub async fn csrf_token(&self) -> Result<String, AppError> {
        if let Some(token) = self.0.get::<String>(CSRF).await? {
            return Ok(token);
        }
        let token = super::security::new_token();
        self.0.insert(CSRF, &token).await?;
        Ok(token)
    }

    /// Whether `submitted` is this session's form token (constant time).
    pub async fn check_csrf(&self, submitted: Option<&str>) -> Result<(), AppError> {
        let expected = self.0.get::<String>(CSRF).await?;
        match (expected, submitted) {
            (Some(expected), Some(submitted))
                if super::security::tokens_match(&expected, submitted) =>
            {
                Ok(())
            }
            _ => Err(AppError::Csrf),
        }
    }

    pub async fn lang(&self) -> Option<String> {
        self.0.get::<String>(LANG).await.ok().flatten()
    }

    pub async fn set_lang(&self, lang: &str) -> Result<(), AppError> {
        if self.lang().await.as_deref() != Some(lang) {
            self.0.insert(LANG, lang).await?;
        }
        Ok(())
    }

    pub async fn flow(&self) -> Result<Option<Flow>, AppError> {
        Ok(self.0.get(FLOW).await?)
    }

    pub async fn set_flow(&self, flow: &Flow) -> Result<(), AppError> {
        self.0.remove_value(VERIFIED).await?;
        Ok(self.0.insert(FLOW, flow).await?)
    }

    pub async fn clear_flow(&self) -> Result<(), AppError> {
        self.0.remove_value(FLOW).await?;
        Ok(())
    }

    pub async fn verified(&self) -> Result<Option<Verified>, AppError> {
        Ok(self.0.get(VERIFIED).await?)
    }

    /// Marks the number verified under a fresh session id, so an id known
    /// before verification (fixation) is worth nothing after it.
    pub async fn set_verified(&self, verified: &Verified) -> Result<(), AppError> {
        self.0.remove_value(FLOW).await?;
        self.0.insert(VERIFIED, verified).await?;
        self.0.cycle_id().await?;
        Ok(())
    }

    /// A one-shot notice (a message id) for the next page.
    pub async fn set_flash(&self, message_id: &str) -> Result<(), AppError> {
        Ok(self.0.insert(FLASH, message_id).await?)
    }

    pub async fn take_flash(&self) -> Result<Option<String>, AppError> {
        Ok(self.0.remove(FLASH).await?)
    }
}
