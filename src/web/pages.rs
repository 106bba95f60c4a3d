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
use time::{Duration, OffsetDateTime};

use super::{Form, embed, journey::Journey, security::PageRequester};
use crate::{
    domain::{PhoneError, PhoneNumber, phone::known_region},
    error::{AppError, ErrorPage, sms_message_id, sms_status},
    i18n::{Arg, Tr},
    state::AppState,
    storage::{SendRefusal, Status, Verification},
    verification::{CheckOutcome, VerifyError},
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { Redirect::to("/verify") }))
        .route("/verify", get(phone_form).post(start))
        .route("/verify/code", get(code_form).post(check))
        .route("/verify/resend", post(resend))
        .route("/verify/done", get(done))
        .route("/static/style.css", get(stylesheet))
        .route("/static/embed.js", get(embed_script))
        .route("/static/verify.js", get(verify_script))
        .route("/static/brand.css", get(brand_stylesheet))
}

/// The files of `static/`, compiled in: the app runs from any folder.
const CSS: &str = "text/css; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";

/// A static asset, cacheable for an hour.
fn asset(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn stylesheet() -> Response {
    asset(CSS, include_str!("../../static/style.css"))
}

async fn embed_script() -> Response {
    asset(JS, include_str!("../../static/embed.js"))
}

async fn verify_script() -> Response {
    asset(JS, include_str!("../../static/verify.js"))
}

/// `BRAND_ACCENT_COLOR` as CSS custom properties, with a lighter shade for
/// dark mode and, for each, the text colour that keeps WCAG AA contrast.
async fn brand_stylesheet(State(state): State<AppState>) -> Response {
    let Some(accent) = state.settings.brand_accent else {
        return AppError::NotFound.into_response();
    };
    let dark = mix(accent, [255, 255, 255], 0.45);
    let css = format!(
        ":root{{--accent:{};--accent-text:{}}}\n@media (prefers-color-scheme: dark){{:root{{--accent:{};--accent-text:{}}}}}\n",
        hex(accent),
        text_on(accent),
        hex(dark),
        text_on(dark)
    );
    asset(CSS, css)
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn mix(a: [u8; 3], b: [u8; 3], share_of_b: f64) -> [u8; 3] {
    let m = |x: u8, y: u8| {
        (f64::from(x) * (1.0 - share_of_b) + f64::from(y) * share_of_b).round() as u8
    };
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

/// WCAG relative luminance.
fn luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// White or near-black, whichever contrasts more with the background.
fn text_on(background: [u8; 3]) -> &'static str {
    let l = luminance(background);
    let white = 1.05 / (l + 0.05);
    let black = (l + 0.05) / (luminance([17, 17, 17]) + 0.05);
    if white >= black { "#ffffff" } else { "#111111" }
}

/// Renders a template with a status; a template error is a 500, logged.
fn render(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => AppError::Internal(anyhow::anyhow!("template: {e}")).into_response(),
    }
}

fn seconds_up(d: Duration) -> i64 {
    let ms = d.whole_milliseconds().max(0) as i64;
    (ms + 999) / 1000
}

fn with_retry_after(mut response: Response, after: Duration) -> Response {
    let secs = seconds_up(after).max(1);
    if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

/// The localized text of a cooldown or quota refusal.
fn refusal_message(tr: &Tr, refusal: SendRefusal) -> String {
    let secs = seconds_up(refusal.retry_after()).max(1);
    match refusal {
        SendRefusal::Cooldown { .. } => tr.args("error-cooldown", &[("seconds", Arg::from(secs))]),
        SendRefusal::Quota { .. } => {
            tr.args("error-quota", &[("minutes", Arg::from((secs + 59) / 60))])
        }
        SendRefusal::Budget { .. } => tr.t("error-budget"),
        SendRefusal::Pumping { .. } => tr.t("error-blocked"),
        SendRefusal::Guesses { .. } => tr.args(
            "error-wrong-code-limit",
            &[("minutes", Arg::from((secs + 59) / 60))],
        ),
    }
}

/// A send that did not happen, as the person is told: status, localized
/// message and when to try again. `None` for errors that are not about the send.
fn send_failure(tr: &Tr, error: &VerifyError) -> Option<(StatusCode, String, Option<Duration>)> {
    Some(match error {
        VerifyError::Refused(refusal @ SendRefusal::Budget { .. }) => (
            StatusCode::SERVICE_UNAVAILABLE,
            refusal_message(tr, *refusal),
            Some(refusal.retry_after()),
        ),
        VerifyError::Refused(refusal) => (
            StatusCode::TOO_MANY_REQUESTS,
            refusal_message(tr, *refusal),
            Some(refusal.retry_after()),
        ),
        VerifyError::CountryNotAllowed => (
            StatusCode::FORBIDDEN,
            tr.t("error-country-not-allowed"),
            None,
        ),
        VerifyError::SmsFailed(e) => {
            let status = sms_status(e);
            let retry = (status == StatusCode::SERVICE_UNAVAILABLE).then_some(Duration::seconds(5));
            (status, tr.t(sms_message_id(e)), retry)
        }
        _ => return None,
    })
}

// ---------- error pages ----------

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorTemplate<'a> {
    tr: &'a Tr,
    message: String,
}

/// Replaces an error response's body with the localized page, keeping its
/// status and headers (such as `Retry-After`).
pub fn error_page(response: Response, tr: &Tr, page: ErrorPage) -> Response {
    let (mut parts, _) = response.into_parts();
    let html = ErrorTemplate {
        tr,
        message: tr.t(page.message_id),
    }
    .render()
    .unwrap_or_else(|_| tr.t(page.message_id));
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
    tr: &'a Tr,
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
    tr: Tr,
    journey: Journey,
    query: Result<Query<PhoneQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let notice = journey.take_flash().await?.map(|id| tr.t(&id));
    let country = query
        .country
        .as_deref()
        .and_then(known_region)
        .or_else(|| tr.home_region())
        .unwrap_or("US");
    let page = PhonePage {
        tr: &tr,
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
    tr: Tr,
    mut journey: Journey,
    PageRequester(requester): PageRequester,
    Form(form): Form<PhoneForm>,
) -> Result<Response, AppError> {
    journey.check_csrf(&state, form.csrf_token.as_deref())?;
    let region = form
        .country
        .as_deref()
        .and_then(known_region)
        .or_else(|| tr.home_region());
    let country = region.unwrap_or("US");
    let csrf = journey.csrf_token(&state);
    let phone_page = |status: StatusCode, error: String| {
        render(
            status,
            &PhonePage {
                tr: &tr,
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
            return Ok(phone_page(StatusCode::BAD_REQUEST, tr.t(id)));
        }
    };
    match state.verifier.start(&phone, tr.lang, &requester).await {
        Ok(v) => {
            journey.set_verification(&state, Some(v.id)).await?;
            Ok(journey.redirect("/verify/code"))
        }
        Err(e) => match send_failure(&tr, &e) {
            Some((status, message, retry)) => {
                let page = phone_page(status, message);
                Ok(match retry {
                    Some(after) => with_retry_after(page, after),
                    None => page,
                })
            }
            None => Err(e.into()),
        },
    }
}

// ---------- code step ----------

#[derive(Template)]
#[template(path = "code.html")]
struct CodePage<'a> {
    tr: &'a Tr,
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
    tr: &Tr,
    csrf: String,
    v: &Verification,
    now: OffsetDateTime,
    error: Option<String>,
    notice: Option<String>,
) -> Response {
    let policy = state.verifier.policy();
    let status = v.status_at(now);
    let masked = PhoneNumber::from_stored(&v.phone)
        .map(|p| p.masked())
        .unwrap_or_default();
    let cooldown = Duration::seconds(i64::from(policy.send.resend_cooldown_seconds));
    let wait = seconds_up(v.last_sent_at + cooldown - now);
    let page = CodePage {
        tr,
        csrf,
        intro: tr.args("code-intro", &[("phone", Arg::from(masked))]),
        code_label: tr.args(
            "code-label",
            &[("length", Arg::from(u32::from(policy.otp.length)))],
        ),
        code_length: usize::from(policy.otp.length),
        attempts: tr.args(
            "code-attempts-left",
            &[("count", Arg::from(v.attempts_left))],
        ),
        can_check: status == Status::Pending,
        can_resend: matches!(status, Status::Pending | Status::Expired),
        resend_wait: (wait > 0).then(|| {
            // Format around a marker, then split, so the countdown can live in
            // its own element wherever the language puts it.
            const MARK: &str = "\u{E000}";
            let text = tr.args("code-resend-wait", &[("time", Arg::from(MARK))]);
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
    tr: Tr,
    mut journey: Journey,
) -> Result<Response, AppError> {
    let v = match current(&state, &mut journey).await? {
        Ok(v) => v,
        Err(redirect) => return Ok(redirect),
    };
    let now = state.verifier.now();
    let error = match v.status_at(now) {
        Status::Pending => None,
        Status::Expired => Some(tr.t("error-expired")),
        Status::MaxAttemptsReached => Some(tr.t("error-max-attempts")),
        Status::Approved | Status::Canceled => {
            journey.set_verification(&state, None).await?;
            return Ok(journey.redirect("/verify"));
        }
    };
    let notice = journey.take_flash().await?.map(|id| tr.t(&id));
    let mut response = code_page(
        &state,
        &tr,
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
    tr: Tr,
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
                tr.t("error-max-attempts")
            } else {
                tr.args(
                    "error-incorrect-code",
                    &[("count", Arg::from(v.attempts_left))],
                )
            };
            Ok(code_page(&state, &tr, csrf, &v, now, Some(error), None))
        }
        CheckOutcome::NotPending(status) => {
            let v = state.verifier.get(id, None).await?;
            let error = match status {
                Status::Expired => tr.t("error-expired"),
                Status::MaxAttemptsReached => tr.t("error-max-attempts"),
                _ => tr.t("error-no-longer-valid"),
            };
            Ok(code_page(&state, &tr, csrf, &v, now, Some(error), None))
        }
    }
}

#[derive(Debug, Deserialize)]
struct ResendForm {
    csrf_token: Option<String>,
}

async fn resend(
    State(state): State<AppState>,
    tr: Tr,
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
        Err(e) => match send_failure(&tr, &e) {
            Some((status, message, retry)) => {
                // A failed SMS canceled the verification: show it as it now stands.
                let v = state.verifier.get(v.id, None).await.unwrap_or(v);
                let now = state.verifier.now();
                let csrf = journey.csrf_token(&state);
                let mut page = code_page(&state, &tr, csrf, &v, now, Some(message), None);
                *page.status_mut() = status;
                Ok(match retry {
                    Some(after) => with_retry_after(page, after),
                    None => page,
                })
            }
            None => Err(e.into()),
        },
    }
}

// ---------- done ----------

#[derive(Template)]
#[template(path = "done.html")]
struct DonePage<'a> {
    tr: &'a Tr,
    body: String,
    handoff: Option<embed::Handoff>,
}

async fn done(
    State(state): State<AppState>,
    tr: Tr,
    journey: Journey,
) -> Result<Response, AppError> {
    let Some((phone, handoff)) = journey.take_verified(&state).await? else {
        return Ok(journey.redirect("/verify"));
    };
    let body = tr.args("done-body", &[("phone", Arg::from(phone))]);
    Ok(render(
        StatusCode::OK,
        &DonePage {
            tr: &tr,
            body,
            handoff,
        },
    ))
}
