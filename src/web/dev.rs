//! The dev outbox pages (outbox provider only).
use askama::Template;
use axum::{
    Json, Router,
    extract::{Query, State},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use serde::Deserialize;

use super::error::AppError;
use super::ui::Ui;
use crate::{sms::outbox::OutboxMessage, web::state::AppState};

pub fn router(state: &AppState) -> Router<AppState> {
    if state.outbox.is_none() {
        return Router::new();
    }
    Router::new()
        .route("/dev/outbox", get(outbox_page))
        .route("/dev/outbox.json", get(outbox_json))
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
    ui: &'a Ui,
    messages: Vec<OutboxMessage>,
}

async fn outbox_page(
    State(state): State<AppState>,
    ui: Ui,
    query: Result<Query<OutboxQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let page = OutboxPage {
        ui: &ui,
        messages: messages(&state, query),
    };
    let html = page
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    Ok(Html(html).into_response())
}
