//! The HTML flow: phone → code → verified. Every form carries the session's
//! CSRF token; every successful POST answers 303.
use askama::Template;
use axum::{
    Router,
    body::Body,
    extract::{Query, State},
    http::{HeaderValue, StatusCode, header},
    response::{Html, IntoResponse, Redirect, Response},
    routing::{get, post},
};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{
    Form, embed,
    error::{AppError, ErrorPage},
    journey::Journey,
    outcome::{self, Outcome},
    security::PageRequester,
    ui::Ui,
};
use crate::{
    domain::{PhoneError, phone::known_region},
    domain::{Status, Verification},
    i18n::Arg,
    state::AppState,
    verification::{CheckOutcome, VerifyError},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/verify") }))
        .route("/verify", get(phone_form).post(start))
        .route("/verify/code", get(code_form).post(check))
        .route("/verify/resend", post(resend))
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

// ---------- phone step ----------

#[derive(Template)]
#[template(path = "verify.html")]
struct PhonePage<'a> {
    ui: &'a Ui,
    csrf: String,
    phone: String,
    country: &'a str,
    error: Option<String>,
    notice: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
struct PhoneQuery {
    phone: Option<String>,
    country: Option<String>,
}

async fn phone_form(
    State(state): State<AppState>,
    ui: Ui,
    journey: Journey,
    query: Result<Query<PhoneQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let notice = journey.take_flash().await?.map(|id| ui.t(&id));
    let country = query
        .country
        .as_deref()
        .and_then(known_region)
        .or_else(|| ui.home_region())
        .unwrap_or("US");
    let page = PhonePage {
        ui: &ui,
        csrf: journey.csrf_token(&state),
        phone: query
            .phone
            .as_deref()
            .unwrap_or_default()
            .chars()
            .take(40)
            .collect(),
        country,
        error: None,
        notice,
    };
    Ok(render(StatusCode::OK, &page))
}

#[derive(Debug, Deserialize)]
struct PhoneForm {
    csrf_token: Option<String>,
    #[serde(default)]
    phone: String,
    country: Option<String>,
}

async fn start(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
    PageRequester(requester): PageRequester,
    Form(form): Form<PhoneForm>,
) -> Result<Response, AppError> {
    journey.check_csrf(&state, form.csrf_token.as_deref())?;
    let region = form
        .country
        .as_deref()
        .and_then(known_region)
        .or_else(|| ui.home_region());
    let country = region.unwrap_or("US");
    let csrf = journey.csrf_token(&state);
    let phone_page = |status: StatusCode, error: String| {
        render(
            status,
            &PhonePage {
                ui: &ui,
                csrf: csrf.clone(),
                phone: form.phone.chars().take(40).collect(),
                country,
                error: Some(error),
                notice: None,
            },
        )
    };
    let phone = match state.verifier.parse_phone(&form.phone, region) {
        Ok(phone) => phone,
        Err(e) => {
            let id = match e {
                PhoneError::Empty => "error-empty-phone",
                PhoneError::CannotReceiveSms => "error-not-mobile",
                PhoneError::Unparseable | PhoneError::Invalid => "error-invalid-phone",
            };
            return Ok(phone_page(StatusCode::BAD_REQUEST, ui.t(id)));
        }
    };
    match state.verifier.start(&phone, ui.lang, &requester).await {
        Ok(v) => {
            journey.set_verification(&state, Some(v.id)).await?;
            Ok(journey.redirect("/verify/code"))
        }
        Err(e) => match send_failure(&e) {
            Some(outcome) => {
                let mut page = phone_page(outcome.status, outcome.message(&ui));
                outcome.stamp(&mut page);
                Ok(page)
            }
            None => Err(e.into()),
        },
    }
}

// ---------- code step ----------

#[derive(Template)]
#[template(path = "code.html")]
struct CodePage<'a> {
    ui: &'a Ui,
    csrf: String,
    intro: String,
    code_label: String,
    code_length: usize,
    attempts: String,
    can_check: bool,
    can_resend: bool,
    /// The wait message around a live countdown: before, `m:ss`, after.
    resend_wait: Option<(String, String, String)>,
    wait_seconds: i64,
    error: Option<String>,
    notice: Option<String>,
}

/// What the code page shows for a verification at `now`.
fn code_page(
    state: &AppState,
    ui: &Ui,
    csrf: String,
    v: &Verification,
    now: OffsetDateTime,
    error: Option<String>,
    notice: Option<String>,
) -> Response {
    let policy = state.verifier.policy();
    let status = v.status_at(now);
    let masked = crate::domain::phone::mask_stored(&v.phone, &v.country);
    let wait = wait_seconds(state.verifier.resend_at(v) - now);
    let page = CodePage {
        ui,
        csrf,
        intro: ui.args("code-intro", &[("phone", Arg::from(masked))]),
        code_label: ui.args(
            "code-label",
            &[("length", Arg::from(u32::from(policy.otp.length)))],
        ),
        code_length: usize::from(policy.otp.length),
        attempts: ui.args(
            "code-attempts-left",
            &[("count", Arg::from(v.attempts_left))],
        ),
        can_check: status == Status::Pending,
        can_resend: matches!(status, Status::Pending | Status::Expired),
        resend_wait: (wait > 0).then(|| {
            // Format around a marker, then split, so the countdown can live in
            // its own element wherever the language puts it.
            const MARK: &str = "\u{E000}";
            let text = ui.args("code-resend-wait", &[("time", Arg::from(MARK))]);
            let (before, after) = text.split_once(MARK).unwrap_or((text.as_str(), ""));
            (
                before.to_owned(),
                format!("{}:{:02}", wait / 60, wait % 60),
                after.to_owned(),
            )
        }),
        wait_seconds: wait,
        error: error.clone(),
        notice,
    };
    let code = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    render(code, &page)
}

/// The verification of this journey, or where to send the browser instead.
async fn current(
    state: &AppState,
    journey: &mut Journey,
) -> Result<Result<Verification, Response>, AppError> {
    let Some(id) = journey.verification().await? else {
        return Ok(Err(journey.redirect("/verify")));
    };
    match state.verifier.get(id, None).await {
        Ok(v) => Ok(Ok(v)),
        Err(VerifyError::NotFound) => {
            journey.set_verification(state, None).await?;
            journey.set_flash("flash-expired").await?;
            Ok(Err(journey.redirect("/verify")))
        }
        Err(e) => Err(e.into()),
    }
}

async fn code_form(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
) -> Result<Response, AppError> {
    let v = match current(&state, &mut journey).await? {
        Ok(v) => v,
        Err(redirect) => return Ok(redirect),
    };
    let now = state.verifier.now();
    let error = match v.status_at(now) {
        Status::Pending => None,
        Status::Expired => Some(ui.t("error-expired")),
        Status::MaxAttemptsReached => Some(ui.t("error-max-attempts")),
        Status::Approved | Status::Canceled => {
            journey.set_verification(&state, None).await?;
            return Ok(journey.redirect("/verify"));
        }
    };
    let notice = journey.take_flash().await?.map(|id| ui.t(&id));
    let mut response = code_page(
        &state,
        &ui,
        journey.csrf_token(&state),
        &v,
        now,
        error,
        notice,
    );
    // Showing an expired or used-up verification is not a bad request.
    *response.status_mut() = StatusCode::OK;
    Ok(response)
}

#[derive(Debug, Deserialize)]
struct CodeForm {
    csrf_token: Option<String>,
    #[serde(default)]
    code: String,
}

async fn check(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    journey.check_csrf(&state, form.csrf_token.as_deref())?;
    let Some(id) = journey.verification().await? else {
        return Ok(journey.redirect("/verify"));
    };
    let outcome = match state.verifier.check(id, &form.code, None).await {
        Ok(outcome) => outcome,
        Err(VerifyError::NotFound) => {
            journey.set_verification(&state, None).await?;
            journey.set_flash("flash-expired").await?;
            return Ok(journey.redirect("/verify"));
        }
        Err(e) => return Err(e.into()),
    };
    let now = state.verifier.now();
    let csrf = journey.csrf_token(&state);
    match outcome {
        CheckOutcome::Approved(v) => journey.approved(&state, v.phone).await,
        CheckOutcome::Incorrect(v) => {
            let error = if v.status == Status::MaxAttemptsReached {
                ui.t("error-max-attempts")
            } else {
                ui.args(
                    "error-incorrect-code",
                    &[("count", Arg::from(v.attempts_left))],
                )
            };
            Ok(code_page(&state, &ui, csrf, &v, now, Some(error), None))
        }
        CheckOutcome::NotPending(status) => {
            let v = state.verifier.get(id, None).await?;
            let error = match status {
                Status::Expired => ui.t("error-expired"),
                Status::MaxAttemptsReached => ui.t("error-max-attempts"),
                _ => ui.t("error-no-longer-valid"),
            };
            Ok(code_page(&state, &ui, csrf, &v, now, Some(error), None))
        }
    }
}

#[derive(Debug, Deserialize)]
struct ResendForm {
    csrf_token: Option<String>,
}

async fn resend(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
    PageRequester(requester): PageRequester,
    Form(form): Form<ResendForm>,
) -> Result<Response, AppError> {
    journey.check_csrf(&state, form.csrf_token.as_deref())?;
    let v = match current(&state, &mut journey).await? {
        Ok(v) => v,
        Err(redirect) => return Ok(redirect),
    };
    match state.verifier.resend(v.id, &requester).await {
        Ok(_) => {
            journey.set_flash("code-sent").await?;
            Ok(journey.redirect("/verify/code"))
        }
        Err(VerifyError::NotPending(_)) | Err(VerifyError::NotFound) => {
            journey.set_verification(&state, None).await?;
            Ok(journey.redirect("/verify"))
        }
        Err(e) => match send_failure(&e) {
            Some(outcome) => {
                // A failed SMS canceled the verification: show it as it now stands.
                let v = state.verifier.get(v.id, None).await.unwrap_or(v);
                let now = state.verifier.now();
                let csrf = journey.csrf_token(&state);
                let message = outcome.message(&ui);
                let mut page = code_page(&state, &ui, csrf, &v, now, Some(message), None);
                *page.status_mut() = outcome.status;
                outcome.stamp(&mut page);
                Ok(page)
            }
            None => Err(e.into()),
        },
    }
}

// ---------- done ----------

#[derive(Template)]
#[template(path = "done.html")]
struct DonePage<'a> {
    ui: &'a Ui,
    body: String,
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
    let body = ui.args("done-body", &[("phone", Arg::from(phone))]);
    Ok(render(
        StatusCode::OK,
        &DonePage {
            ui: &ui,
            body,
            handoff,
        },
    ))
}
