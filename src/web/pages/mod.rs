//! The HTML flow: phone → code → verified. Every form carries a CSRF
//! token; every successful POST answers 303. The phone step is in
//! [`phone`], the code step (check, resend) in [`code`].
use askama::Template;
use axum::{
    Router,
    body::Body,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};

use super::{
    embed,
    error::{AppError, ErrorPage},
    journey::Journey,
    outcome::{self, Outcome},
    ui::{Sentence, ShownNumber, Ui},
};
use crate::{i18n::Arg, verification::VerifyError, web::state::AppState};

mod code;
mod phone;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/verify") }))
        .route("/verify", get(phone::form).post(phone::start))
        .route("/verify/code", get(code::form).post(code::check))
        .route("/verify/resend", post(code::resend))
        .route("/verify/done", get(done))
        .merge(super::assets::router())
}

/// Renders a template with a status; a template error is a 500, logged.
fn render(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => AppError::Internal(anyhow::anyhow!("template: {e}")).into_response(),
    }
}

/// Whole seconds until `d` has passed (0 when it has).
fn wait_seconds(d: time::Duration) -> i64 {
    if d <= time::Duration::ZERO {
        0
    } else {
        outcome::retry_seconds(d) as i64
    }
}

/// A send that did not happen, as the person is told on the form they
/// posted; `None` for errors that are not about the send (error pages).
fn send_failure(error: &VerifyError) -> Option<Outcome> {
    matches!(
        error,
        VerifyError::Refused(_) | VerifyError::CountryNotAllowed | VerifyError::SmsFailed(_)
    )
    .then(|| outcome::of(error))
}

// ---------- error pages ----------

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    ui: &'a Ui,
    message: String,
}

/// Replaces an error response's body with the localized page, keeping its
/// status and headers (such as `Retry-After`).
pub fn error_page(response: Response, ui: &Ui, page: ErrorPage) -> Response {
    let (mut parts, _) = response.into_parts();
    let html = ErrorTemplate {
        ui,
        message: ui.t(page.message_id),
    }
    .render()
    .unwrap_or_else(|_| ui.t(page.message_id));
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html))
}

/// How a verified number is shown: in full, formatted for reading
/// (`+1 415-555-2671`), or, when a host app supplied it, by its last digits.
fn shown_number(ui: &Ui, journey: &Journey, e164: &str) -> ShownNumber {
    match crate::domain::PhoneNumber::from_stored(e164) {
        Some(phone) if journey.number_is_hidden(e164) => ShownNumber {
            text: ui.args(
                "number-ending-in",
                &[("last", Arg::from(phone.last_digits()))],
            ),
            whole: false,
        },
        phone => ShownNumber {
            text: ui.ltr(&phone.map_or_else(|| e164.to_owned(), |p| p.international())),
            whole: true,
        },
    }
}

// ---------- done ----------

#[derive(Template)]
#[template(path = "done.html")]
struct DonePage<'a> {
    ui: &'a Ui,
    body: Sentence,
    handoff: Option<embed::Handoff>,
}

async fn done(
    State(state): State<AppState>,
    ui: Ui,
    journey: Journey,
) -> Result<Response, AppError> {
    let Some((phone, handoff)) = journey.take_verified(&state).await? else {
        return Ok(journey.redirect("/verify"));
    };
    let shown = shown_number(&ui, &journey, &phone);
    let body = ui.around_number("done-body", shown);
    Ok(render(
        StatusCode::OK,
        &DonePage {
            ui: &ui,
            body,
            handoff,
        },
    ))
}
