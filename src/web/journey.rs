//! Where a person's progress lives: the cookie session for the plain flow,
//! or, for an app's embedded flow, a server-side record whose unguessable id
//! travels in the page's links and forms (so it works in an iframe when the
//! browser blocks third-party cookies). Handlers see one type.
//!
//! An app's flow is stored only when the person starts a verification: its
//! first page carries the app's parameters in its links and a signed form
//! token, so a page view writes nothing.
use axum::{
    extract::FromRequestParts,
    http::request::Parts,
    response::{IntoResponse, Redirect, Response},
};
use uuid::Uuid;

use super::error::AppError;
use super::{
    embed,
    security::new_token,
    session::{BrowserSession, CsrfCookie, InProgress, Verified},
};
use crate::{storage::AppFlow, web::state::AppState};

/// The notice of a verification purged before the person came back.
pub const EXPIRED: &str = "flash-expired";

/// A `?flow=` that named no flow in force (unknown or expired).
#[derive(Debug, Clone, Copy)]
pub struct StaleAppFlow;

/// A `?client_id=` whose app or `return_to` is not registered.
#[derive(Debug, Clone, Copy)]
pub struct BadAppFlow;

/// An app's flow that is not stored yet (from the page's query).
#[derive(Debug, Clone)]
pub struct PendingAppFlow(pub AppFlow);

pub enum Journey {
    Browser {
        session: BrowserSession,
        csrf: CsrfCookie,
    },
    /// An app's flow, stored.
    Client(Box<AppFlow>),
    /// An app's flow before its first verification: nothing stored yet.
    NewClient(Box<AppFlow>),
}

impl FromRequestParts<AppState> for Journey {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if parts.extensions.get::<StaleAppFlow>().is_some() {
            return Err(AppError::FlowExpired);
        }
        if parts.extensions.get::<BadAppFlow>().is_some() {
            return Err(AppError::BadClient);
        }
        if let Some(flow) = parts.extensions.get::<AppFlow>() {
            return Ok(Journey::Client(Box::new(flow.clone())));
        }
        if let Some(PendingAppFlow(flow)) = parts.extensions.get::<PendingAppFlow>() {
            return Ok(Journey::NewClient(Box::new(flow.clone())));
        }
        let csrf = parts
            .extensions
            .get::<CsrfCookie>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("UI context layer missing")))?;
        Ok(Journey::Browser {
            session: BrowserSession::from_request_parts(parts, state).await?,
            csrf,
        })
    }
}

impl Journey {
    /// The app whose flow this is (`None` for the service's own pages).
    pub fn client_id(&self) -> Option<&str> {
        match self {
            Journey::Browser { .. } => None,
            Journey::Client(flow) | Journey::NewClient(flow) => Some(&flow.client_id),
        }
    }

    /// `path` with this journey's flow, for links, form actions and redirects.
    pub fn url(&self, path: &str) -> String {
        match self {
            Journey::Browser { .. } => path.to_owned(),
            // The language rides in the URL: a page view never writes it
            // to the stored flow.
            Journey::Client(flow) => format!("{path}?flow={}&lang={}", flow.id, flow.lang),
            Journey::NewClient(flow) => {
                format!("{path}{}&lang={}", embed::pending_query(flow), flow.lang)
            }
        }
    }

    pub fn redirect(&self, path: &str) -> Response {
        Redirect::to(&self.url(path)).into_response()
    }

    /// The form token for a page, masked afresh for each page
    /// ([`super::security::mask_token`]); `check_csrf` takes it back.
    pub fn csrf_token(&self, state: &AppState) -> String {
        super::security::mask_token(&match self {
            Journey::Browser { csrf, .. } => csrf.token(),
            Journey::Client(flow) => flow.csrf.clone(),
            Journey::NewClient(flow) => embed::pending_csrf(state, flow),
        })
    }

    /// What a proof-of-work challenge is bound to: a value that stays the
    /// same for this journey from the page that fetched the challenge to
    /// the post that spends it (the browser's form token; a stored flow's;
    /// for a flow not stored yet, a MAC of its parameters — its form token
    /// carries the time and changes every second).
    pub fn challenge_binding(&self, state: &AppState) -> String {
        match self {
            Journey::Browser { csrf, .. } => csrf.token(),
            Journey::Client(flow) => flow.csrf.clone(),
            Journey::NewClient(flow) => embed::pending_binding(state, flow),
        }
    }

    pub fn check_csrf(&self, state: &AppState, submitted: Option<&str>) -> Result<(), AppError> {
        let submitted = submitted.and_then(super::security::unmask_token);
        let submitted = submitted.as_deref();
        let ok = match self {
            Journey::Browser { csrf, .. } => return csrf.check(submitted),
            Journey::Client(flow) => {
                submitted.is_some_and(|token| super::security::tokens_match(&flow.csrf, token))
            }
            Journey::NewClient(flow) => embed::check_pending_csrf(state, flow, submitted),
        };
        if ok { Ok(()) } else { Err(AppError::Csrf) }
    }

    /// The verification in progress.
    pub async fn verification(&self) -> Result<Option<Uuid>, AppError> {
        match self {
            Journey::Browser { session, .. } => {
                Ok(session.in_progress().await?.map(|f| f.verification_id))
            }
            Journey::Client(flow) => Ok(flow.verification_id),
            Journey::NewClient(_) => Ok(None),
        }
    }

    /// Records the verification in progress. An app's flow not stored yet
    /// is stored now, under a new id (and a form token of its own).
    pub async fn set_verification(
        &mut self,
        state: &AppState,
        id: Option<Uuid>,
    ) -> Result<(), AppError> {
        match self {
            Journey::Browser { session, .. } => match id {
                Some(verification_id) => {
                    session
                        .set_in_progress(&InProgress { verification_id })
                        .await
                }
                None => session.clear_in_progress().await,
            },
            Journey::Client(flow) => {
                flow.verification_id = id;
                Ok(state.store.save_flow(flow, None).await?)
            }
            Journey::NewClient(flow) => {
                if id.is_none() {
                    return Ok(());
                }
                let mut stored = (**flow).clone();
                stored.id = new_token();
                stored.csrf = new_token();
                stored.verification_id = id;
                state.store.save_flow(&stored, None).await?;
                *self = Journey::Client(Box::new(stored));
                Ok(())
            }
        }
    }

    /// Records a verification just started for `e164`: the one in
    /// progress, and the number, which outlives it (see [`Journey::number`]).
    pub async fn started(
        &mut self,
        state: &AppState,
        id: Uuid,
        e164: &str,
    ) -> Result<(), AppError> {
        match self {
            Journey::Browser { session, .. } => session.set_number(e164).await?,
            Journey::Client(flow) | Journey::NewClient(flow) => flow.phone = Some(e164.to_owned()),
        }
        self.set_verification(state, Some(id)).await
    }

    /// The number this journey last asked a code for (E.164), kept after
    /// its verification is purged: a person who comes back late finds it on
    /// the phone form, not an empty field (WCAG 3.3.7).
    pub async fn number(&self) -> Result<Option<String>, AppError> {
        match self {
            Journey::Browser { session, .. } => session.number().await,
            Journey::Client(flow) => Ok(flow.phone.clone()),
            Journey::NewClient(_) => Ok(None),
        }
    }

    /// Back to the phone form after the verification was purged (the code
    /// expired long ago), with the notice that says so: the plain flow's
    /// one-shot notice, or in an app's flow `notice=expired` in the URL
    /// (its record keeps no notice, and a page view writes nothing).
    pub async fn expired(&self) -> Result<Response, AppError> {
        match self {
            Journey::Browser { session, .. } => {
                session.set_flash(EXPIRED).await?;
                Ok(self.redirect("/verify"))
            }
            Journey::Client(_) | Journey::NewClient(_) => Ok(Redirect::to(&format!(
                "{}&notice=expired",
                self.url("/verify")
            ))
            .into_response()),
        }
    }

    /// Whether `e164` was supplied by the host app rather than typed by the
    /// person: then it is shown by its last digits only.
    pub fn number_is_hidden(&self, e164: &str) -> bool {
        match self {
            Journey::Client(flow) | Journey::NewClient(flow) => {
                flow.phone_hint.as_deref() == Some(e164)
            }
            Journey::Browser { .. } => false,
        }
    }

    /// A one-shot notice for the next page (the plain flow only; an
    /// embedded flow keeps no more than its record).
    pub async fn set_flash(&self, message_id: &str) -> Result<(), AppError> {
        match self {
            Journey::Browser { session, .. } => session.set_flash(message_id).await,
            Journey::Client(_) | Journey::NewClient(_) => Ok(()),
        }
    }

    pub async fn take_flash(&self) -> Result<Option<String>, AppError> {
        match self {
            Journey::Browser { session, .. } => session.take_flash().await,
            Journey::Client(_) | Journey::NewClient(_) => Ok(None),
        }
    }

    /// The number is verified: the plain flow rotates the session id and
    /// shows the done page; an app's flow gets its signed token, by redirect
    /// to `return_to`, or on the done page for an iframe. The iframe's flow
    /// continues under a new id that only this answer carries, so whoever
    /// else knew the flow's id (from its links) cannot fetch the token.
    pub async fn approved(
        &mut self,
        state: &AppState,
        phone: String,
    ) -> Result<Response, AppError> {
        match self {
            Journey::Browser { session, .. } => {
                session.set_verified(&Verified { phone }).await?;
                Ok(Redirect::to("/verify/done").into_response())
            }
            Journey::Client(flow) => {
                let client = embed::client(state, &flow.client_id).ok_or(AppError::FlowExpired)?;
                let token = embed::mint_token(state, client, &phone, flow.nonce.as_deref())?;
                flow.verification_id = None;
                if flow.embed {
                    let previous = std::mem::replace(&mut flow.id, new_token());
                    flow.phone = Some(phone);
                    flow.token = Some(token);
                    state.store.save_flow(flow, Some(&previous)).await?;
                    Ok(self.redirect("/verify/done"))
                } else {
                    // Single use: the flow ends here.
                    flow.expires_at = state.verifier.now();
                    state.store.save_flow(flow, None).await?;
                    Ok(Redirect::to(&embed::return_url(flow, &token)).into_response())
                }
            }
            Journey::NewClient(_) => Err(AppError::FlowExpired),
        }
    }

    /// The verified number, and for an iframe flow its hand-off to the
    /// parent. The hand-off is shown once: the flow ends with this call.
    pub async fn take_verified(
        &self,
        state: &AppState,
    ) -> Result<Option<(String, Option<embed::Handoff>)>, AppError> {
        match self {
            Journey::Browser { session, .. } => {
                Ok(session.verified().await?.map(|v| (v.phone, None)))
            }
            Journey::Client(flow) => {
                let (Some(phone), Some(token)) = (&flow.phone, &flow.token) else {
                    return Ok(None);
                };
                let handoff = embed::Handoff::new(flow, token);
                let mut ended = (**flow).clone();
                ended.token = None;
                ended.expires_at = state.verifier.now();
                state.store.save_flow(&ended, None).await?;
                Ok(Some((phone.clone(), Some(handoff))))
            }
            Journey::NewClient(_) => Ok(None),
        }
    }
}
