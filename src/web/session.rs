//! A browser's state: the typed session (constant keys, typed values,
//! nothing else touches the raw session) for the verification in progress,
//! and the form token, which lives in a cookie and needs no row: showing a
//! form writes nothing to the database (a one-time notice, once shown, is
//! removed from the session).
use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use axum::{extract::FromRequestParts, http::request::Parts};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;
use uuid::Uuid;

use super::error::AppError;
use super::security::{Signer, new_token};

/// The session key of the verification in progress (kept as it was).
const IN_PROGRESS: &str = "flow";
const VERIFIED: &str = "verified";
const FLASH: &str = "flash";
/// The number this browser last asked a code for (E.164, a string: `forget`
/// finds the session by it).
const NUMBER: &str = "number";

/// The verification this browser is in the middle of.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct InProgress {
    pub verification_id: Uuid,
}

/// The number this browser proved it controls.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Verified {
    pub phone: String,
}

/// The form token of one browser (signed double-submit): a random value in
/// an HttpOnly cookie, and in each form its MAC under the server key. A
/// form posted without the cookie, or with a token made for another
/// cookie, is refused.
#[derive(Clone)]
pub struct CsrfCookie {
    seed: Arc<str>,
    /// The request brought no cookie: this seed is new, and is set on the
    /// response if a form used it.
    fresh: bool,
    used: Arc<AtomicBool>,
    signer: Signer,
}

impl std::fmt::Debug for CsrfCookie {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsrfCookie")
            .field("fresh", &self.fresh)
            .finish_non_exhaustive()
    }
}

impl CsrfCookie {
    /// The browser's cookie value, or a new one when it sent none (or junk).
    pub fn from_cookie(value: Option<&str>, signer: Signer) -> Self {
        let sent = value.filter(|v| v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()));
        Self {
            seed: sent.map_or_else(new_token, str::to_owned).into(),
            fresh: sent.is_none(),
            used: Arc::default(),
            signer,
        }
    }

    /// The token for this browser's forms.
    pub fn token(&self) -> String {
        self.used.store(true, Ordering::Relaxed);
        self.signer.sign("csrf", &[&self.seed])
    }

    /// Whether `submitted` was made for the cookie this request carried.
    pub fn check(&self, submitted: Option<&str>) -> Result<(), AppError> {
        match submitted {
            Some(token) if !self.fresh && self.signer.verify("csrf", &[&self.seed], token) => {
                Ok(())
            }
            _ => Err(AppError::Csrf),
        }
    }

    /// The cookie value to set on the response: a new seed that a form used.
    pub fn to_set(&self) -> Option<&str> {
        (self.fresh && self.used.load(Ordering::Relaxed)).then_some(&*self.seed)
    }
}

pub struct BrowserSession(Session);

impl<S: Send + Sync> FromRequestParts<S> for BrowserSession {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::Internal(anyhow::anyhow!("session layer missing")))?;
        Ok(Self(session))
    }
}

impl BrowserSession {
    pub fn new(session: Session) -> Self {
        Self(session)
    }

    pub async fn in_progress(&self) -> Result<Option<InProgress>, AppError> {
        Ok(self.0.get(IN_PROGRESS).await?)
    }

    pub async fn set_in_progress(&self, flow: &InProgress) -> Result<(), AppError> {
        self.0.remove_value(VERIFIED).await?;
        Ok(self.0.insert(IN_PROGRESS, flow).await?)
    }

    /// The number this browser last asked a code for: it outlives its
    /// verification (purged 10 minutes after the code expired), so the
    /// phone form can offer it again to a person who comes back late.
    pub async fn number(&self) -> Result<Option<String>, AppError> {
        Ok(self.0.get(NUMBER).await?)
    }

    pub async fn set_number(&self, e164: &str) -> Result<(), AppError> {
        Ok(self.0.insert(NUMBER, e164).await?)
    }

    pub async fn clear_in_progress(&self) -> Result<(), AppError> {
        self.0.remove_value(IN_PROGRESS).await?;
        Ok(())
    }

    pub async fn verified(&self) -> Result<Option<Verified>, AppError> {
        Ok(self.0.get(VERIFIED).await?)
    }

    /// Marks the number verified under a fresh session id, so an id known
    /// before verification (fixation) is worth nothing after it.
    pub async fn set_verified(&self, verified: &Verified) -> Result<(), AppError> {
        self.0.remove_value(IN_PROGRESS).await?;
        self.0.remove_value(NUMBER).await?;
        self.0.insert(VERIFIED, verified).await?;
        self.0.cycle_id().await?;
        Ok(())
    }

    /// A one-shot notice (a message id) for the next page.
    pub async fn set_flash(&self, message_id: &str) -> Result<(), AppError> {
        Ok(self.0.insert(FLASH, message_id).await?)
    }

    /// The notice, if any (removing it writes only a session that exists).
    pub async fn take_flash(&self) -> Result<Option<String>, AppError> {
        if self.0.get::<String>(FLASH).await?.is_none() {
            return Ok(None);
        }
        Ok(self.0.remove(FLASH).await?)
    }
}
