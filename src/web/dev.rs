//! The dev outbox pages (outbox provider only) and the health probes.
use askama::Template;
use axum::{
    Json, Router,
    extract::{Query, State},
    http::StatusCode,
    response::{Html, IntoResponse, Response},
    routing::get,
};
use serde::Deserialize;

use crate::{error::AppError, i18n::Tr, sms::outbox::OutboxMessage, state::AppState};

pub fn router(state: &AppState) -> Router<AppState> {
    if state.outbox.is_none() {
        return Router::new();
    }
    Router::new()
        .route("/dev/outbox", get(outbox_page))
        .route("/dev/outbox.json", get(outbox_json))
}

/// Liveness and readiness sit outside the session layer: probes carry no cookie.
pub fn health_router() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
}

/// Prometheus text (OpenMetrics) exposition.
async fn metrics(State(state): State<AppState>) -> Response {
    match state.store.count_pending(state.verifier.now()).await {
        Ok(n) => {
            state.metrics.pending.set(n);
        }
        Err(e) => tracing::warn!(error = %e, "pending verifications not counted"),
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

async fn ready(State(state): State<AppState>) -> Response {
    let ping = tokio::time::timeout(std::time::Duration::from_secs(1), state.store.ping()).await;
    match ping.unwrap_or_else(|_| {
        Err(crate::storage::StoreError::Corrupt(
            "no answer within 1 s".into(),
        ))
    }) {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct OutboxQuery {
    to: Option<String>,
}

/// `?to=+1…` arrives as `?to= 1…` when the plus was not percent-encoded.
fn normalize_to(to: Option<String>) -> Option<String> {
    to.map(|t| {
        let digits: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
        format!("+{digits}")
    })
}

fn messages(
    state: &AppState,
    query: Result<Query<OutboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Vec<OutboxMessage> {
    let to = normalize_to(query.map(|Query(q)| q).unwrap_or_default().to);
    state
        .outbox
        .as_ref()
        .map(|o| o.list(to.as_deref()))
        .unwrap_or_default()
}

async fn outbox_json(
    State(state): State<AppState>,
    query: Result<Query<OutboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Json<Vec<OutboxMessage>> {
    Json(messages(&state, query))
}

#[derive(Template)]
#[template(path = "outbox.html")]
struct OutboxPage<'a> {
    tr: &'a Tr,
    messages: Vec<OutboxMessage>,
}

async fn outbox_page(
    State(state): State<AppState>,
    tr: Tr,
    query: Result<Query<OutboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let page = OutboxPage {
        tr: &tr,
        messages: messages(&state, query),
    };
    let html = page
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    Ok(Html(html).into_response())
}
