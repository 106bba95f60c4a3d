//! Where a person's progress lives: the cookie session for the plain flow,
//! or, for an app's embedded flow, a server-side record whose unguessable id
//! travels in the page's links and forms (so it works in an iframe when the
//! browser blocks third-party cookies). Handlers see one type.
use axum::{
    extract::FromRequestParts,
    http::request::Parts,
    response::{IntoResponse, Redirect, Response},
};
use uuid::Uuid;

use super::{
    embed,
    session::{Flow, FlowSession, Verified},
};
use crate::{error::AppError, state::AppState, storage::ClientFlow};

/// A `?flow=` that named no flow in force (unknown or expired).
#[derive(Debug, Clone, Copy)]
pub struct StaleFlow;

pub enum Journey {
    Browser(FlowSession),
    Client(Box<ClientFlow>),
}

impl FromRequestParts<AppState> for Journey {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if parts.extensions.get::<StaleFlow>().is_some() {
            return Err(AppError::FlowExpired);
        }
        if let Some(flow) = parts.extensions.get::<ClientFlow>() {
            return Ok(Journey::Client(Box::new(flow.clone())));
        }
        Ok(Journey::Browser(
            FlowSession::from_request_parts(parts, state).await?,
        ))
    }
}

impl Journey {
    /// `path` with this journey's flow id, for links, form actions and redirects.
    pub fn url(&self, path: &str) -> String {
        match self {
            Journey::Browser(_) => path.to_owned(),
            Journey::Client(flow) => format!("{path}?flow={}", flow.id),
        }
    }

    pub fn redirect(&self, path: &str) -> Response {
        Redirect::to(&self.url(path)).into_response()
    }

    pub async fn csrf_token(&self) -> Result<String, AppError> {
        match self {
            Journey::Browser(s) => s.csrf_token().await,
            Journey::Client(flow) => Ok(flow.csrf.clone()),
        }
    }

    pub async fn check_csrf(&self, submitted: Option<&str>) -> Result<(), AppError> {
        match self {
            Journey::Browser(s) => s.check_csrf(submitted).await,
            Journey::Client(flow) => match submitted {
                Some(token) if super::security::tokens_match(&flow.csrf, token) => Ok(()),
                _ => Err(AppError::Csrf),
            },
        }
    }

    /// The verification in progress.
    pub async fn verification(&self) -> Result<Option<Uuid>, AppError> {
        match self {
            Journey::Browser(s) => Ok(s.flow().await?.map(|f| f.verification_id)),
            Journey::Client(flow) => Ok(flow.verification_id),
        }
    }

    pub async fn set_verification(
        &mut self,
        state: &AppState,
        id: Option<Uuid>,
    ) -> Result<(), AppError> {
        match self {
            Journey::Browser(s) => match id {
                Some(verification_id) => s.set_flow(&Flow { verification_id }).await,
                None => s.clear_flow().await,
            },
            Journey::Client(flow) => {
                flow.verification_id = id;
                Ok(state.store.save_flow(flow).await?)
            }
        }
    }

    /// A one-shot notice for the next page (the plain flow only; an
    /// embedded flow keeps no more than its record).
    pub async fn set_flash(&self, message_id: &str) -> Result<(), AppError> {
        match self {
            Journey::Browser(s) => s.set_flash(message_id).await,
            Journey::Client(_) => Ok(()),
        }
    }

    pub async fn take_flash(&self) -> Result<Option<String>, AppError> {
        match self {
            Journey::Browser(s) => s.take_flash().await,
            Journey::Client(_) => Ok(None),
        }
    }

    /// The number is verified: the plain flow rotates the session id and
    /// shows the done page; an app's flow gets its signed token, by redirect
    /// to `return_to`, or on the done page for an iframe.
    pub async fn approved(
        &mut self,
        state: &AppState,
        phone: String,
    ) -> Result<Response, AppError> {
        match self {
            Journey::Browser(s) => {
                s.set_verified(&Verified { phone }).await?;
                Ok(Redirect::to("/verify/done").into_response())
            }
            Journey::Client(flow) => {
                let client = embed::client(state, &flow.client_id).ok_or(AppError::FlowExpired)?;
                let token = embed::mint_token(state, client, &phone)?;
                if flow.embed {
                    flow.verification_id = None;
                    flow.verified_phone = Some(phone);
                    flow.token = Some(token);
                    state.store.save_flow(flow).await?;
                    Ok(self.redirect("/verify/done"))
                } else {
                    // Single use: the flow ends here.
                    flow.verification_id = None;
                    flow.expires_at = state.verifier.now();
                    state.store.save_flow(flow).await?;
                    Ok(Redirect::to(&embed::return_url(flow, &token)).into_response())
                }
            }
        }
    }

    /// The verified number, and for an iframe flow its hand-off to the parent.
    pub async fn verified(&self) -> Result<Option<(String, Option<embed::Handoff>)>, AppError> {
        match self {
            Journey::Browser(s) => Ok(s.verified().await?.map(|v| (v.phone, None))),
            Journey::Client(flow) => Ok(match (&flow.verified_phone, &flow.token) {
                (Some(phone), Some(token)) => {
                    Some((phone.clone(), Some(embed::Handoff::new(flow, token))))
                }
                _ => None,
            }),
        }
    }
}
