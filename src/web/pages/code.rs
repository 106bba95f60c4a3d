//! The code step: the form, checking a code, and asking for a new one.
//! A slip (a code of the wrong length, letters) costs nothing and stays in
//! the field; a whole text message pasted there gives its code
//! (`OtpCode::find`); an early resend comes back to the code page (303)
//! with the wait as a warning beside the resend button, never as an error
//! on the code; an expired code leads to the new-code button; the lock-out
//! says when the number can be tried again.
use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{render, send_failure, shown_number, wait_seconds};
use crate::{
    domain::{SendRefusal, Status, Verification},
    i18n::Arg,
    verification::{CheckOutcome, VerifyError},
    web::state::AppState,
    web::{
        Form,
        challenge::{Proofs, WaitNote, Widget},
        error::AppError,
        journey::Journey,
        outcome::Outcome,
        security::PageRequester,
        ui::{Sentence, Ui},
    },
};

#[derive(Template)]
#[template(path = "code.html")]
struct CodePage<'a> {
    ui: &'a Ui,
    title: String,
    csrf: String,
    heading: String,
    intro: Sentence,
    lifetime: String,
    code_label: String,
    /// The code step's length, for the script's paste handling.
    length: u8,
    /// What was typed, shown again in the field after a slip or a wrong code.
    typed: String,
    error: Option<String>,
    /// `code` when the error is about what was typed.
    error_field: Option<&'static str>,
    attempts: Option<String>,
    can_check: bool,
    can_resend: bool,
    /// The code expired: asking for a new one is the way on.
    resend_primary: bool,
    /// Why a new code was not sent (too early, too many), beside the button.
    resend_warning: Option<String>,
    /// When a new code may be asked for, worded for a page without
    /// JavaScript ("… 30 seconds after we sent it").
    wait: Option<String>,
    /// The same as a live countdown, `{time}` standing for `m:ss`.
    countdown: String,
    wait_seconds: i64,
    notice: Option<String>,
    /// The attempts are used up: no help about texts that did not come.
    locked: bool,
    /// The page's way back to the phone step: "Use a different number",
    /// or "Start again" where a new start for the number can work.
    back_link: String,
    support_url: Option<&'a str>,
    /// The proof-of-work check on the resend form, when sending needs one.
    challenge: Option<Widget>,
}

impl CodePage<'_> {
    /// Whether the code field takes the focus: not when an error or the
    /// check's notice should be read first.
    fn focus_field(&self) -> bool {
        self.error.is_none()
            && self.resend_warning.is_none()
            && !self.challenge.as_ref().is_some_and(Widget::asks)
    }
}

/// The most of what was typed that the field shows again (its `maxlength`:
/// room for a whole one-segment text message).
const TYPED_SHOWN: usize = 200;

/// What went wrong, for the page.
enum Trouble {
    None,
    /// About the code typed: shown on the field.
    Field(String),
    /// About the verification: shown at the top.
    Page(String),
}

/// The code page for a verification at `now`.
async fn code_page<'a>(
    state: &'a AppState,
    ui: &'a Ui,
    journey: &Journey,
    v: &Verification,
    now: OffsetDateTime,
    trouble: Trouble,
) -> Result<CodePage<'a>, AppError> {
    let policy = state.verifier.policy();
    let status = v.status_at(now);
    let phone = shown_number(ui, journey, &v.phone);
    let mut start_again = status != Status::Pending;
    let (heading, intro) = match status {
        Status::Expired => (
            ui.t("code-expired-title"),
            ui.around_number("code-expired-intro", phone),
        ),
        // The lock-out: when the number can be tried again, if a new start
        // would be refused until then (the number's wrong codes, or its
        // texts, used up); else a new start is the way on.
        Status::MaxAttemptsReached => {
            let intro = match state.verifier.number_free_at(v).await? {
                Some(at) => {
                    start_again = false;
                    let minutes = crate::web::outcome::retry_seconds(at - now).div_ceil(60);
                    ui.args(
                        "code-locked-retry",
                        &[("minutes", Arg::from(minutes as i64))],
                    )
                }
                None => ui.t("error-no-longer-valid"),
            };
            (ui.t("code-locked-title"), Sentence::plain(intro))
        }
        _ => (ui.t("code-title"), ui.around_number("code-intro", phone)),
    };
    // The time left, to the second, stated as the text states the whole
    // lifetime: seconds under a minute, else whole minutes rounded down.
    let lifetime = crate::i18n::lifetime(
        wait_seconds(v.expires_at - now),
        "code-lifetime",
        "code-lifetime-seconds",
    );
    let wait = wait_seconds(state.verifier.resend_at(v) - now);
    let cooldown = i64::from(policy.send.resend_cooldown_seconds);
    let (error, error_field) = match trouble {
        Trouble::None => (None, None),
        Trouble::Field(e) => (Some(e), Some("code")),
        Trouble::Page(e) => (Some(e), None),
    };
    let title = match &error {
        Some(_) => ui.error_title(heading.clone()),
        None => heading.clone(),
    };
    Ok(CodePage {
        ui,
        title,
        csrf: journey.csrf_token(state),
        heading,
        intro,
        lifetime: ui.args(lifetime.0, &[lifetime.1]),
        code_label: ui.args(
            "code-label",
            &[("length", Arg::from(u32::from(policy.otp.length)))],
        ),
        length: policy.otp.length,
        typed: String::new(),
        attempts: (v.attempts_left < policy.otp.max_attempts && error.is_none()).then(|| {
            ui.args(
                "code-attempts-left",
                &[("count", Arg::from(v.attempts_left))],
            )
        }),
        error,
        error_field,
        can_check: status == Status::Pending,
        can_resend: matches!(status, Status::Pending | Status::Expired),
        resend_primary: status == Status::Expired,
        resend_warning: None,
        wait: (wait > 0).then(|| ui.args("code-resend-after", &[("seconds", Arg::from(cooldown))])),
        countdown: ui.args("code-resend-wait", &[("time", Arg::from("{time}"))]),
        wait_seconds: wait,
        notice: None,
        locked: status == Status::MaxAttemptsReached,
        back_link: ui.t(if start_again {
            "start-over"
        } else {
            "code-change-number"
        }),
        support_url: state.settings.support_url.as_deref(),
        challenge: Widget::always(state, ui, journey, status == Status::Expired),
    })
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
            Ok(Err(journey.expired().await?))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct CodeQuery {
    /// `early`: back from a resend asked for inside the cooldown.
    resend: Option<String>,
}

/// The code page's address after a resend asked for too early.
const EARLY: &str = "resend=early";

pub(super) async fn form(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
    query: Result<Query<CodeQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let v = match current(&state, &mut journey).await? {
        Ok(v) => v,
        Err(redirect) => return Ok(redirect),
    };
    let now = state.verifier.now();
    if matches!(v.status_at(now), Status::Approved | Status::Canceled) {
        journey.set_verification(&state, None).await?;
        return Ok(journey.redirect("/verify"));
    }
    let notice = journey.take_flash().await?.map(|id| ui.t(&id));
    let mut page = code_page(&state, &ui, &journey, &v, now, Trouble::None).await?;
    page.notice = notice;
    // Back from an early resend: how long is left, while it still is.
    let early = query.is_ok_and(|Query(q)| q.resend.as_deref() == Some("early"));
    if early && page.can_resend && page.wait_seconds > 0 {
        page.resend_warning = Some(ui.args(
            "error-cooldown",
            &[("seconds", Arg::from(page.wait_seconds))],
        ));
    }
    Ok(render(StatusCode::OK, &page))
}

#[derive(Debug, Deserialize)]
pub(super) struct CodeForm {
    csrf_token: Option<String>,
    #[serde(default)]
    code: String,
}

pub(super) async fn check(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    journey.check_csrf(&state, form.csrf_token.as_deref())?;
    let Some(id) = journey.verification().await? else {
        return Ok(journey.redirect("/verify"));
    };
    let outcome = match state.verifier.check_typed(id, &form.code).await {
        Ok(outcome) => outcome,
        Err(VerifyError::NotFound) => {
            journey.set_verification(&state, None).await?;
            return journey.expired().await;
        }
        Err(e) => return Err(e.into()),
    };
    let now = state.verifier.now();
    let (v, trouble) = match outcome {
        CheckOutcome::Approved(v) => return journey.approved(&state, v.phone).await,
        CheckOutcome::Incorrect(v) if v.status == Status::MaxAttemptsReached => (v, Trouble::None),
        CheckOutcome::Incorrect(v) => {
            let error = ui.args(
                "error-incorrect-code",
                &[("count", Arg::from(v.attempts_left))],
            );
            (v, Trouble::Field(error))
        }
        CheckOutcome::Malformed(v) => {
            let error = if form.code.trim().is_empty() {
                ui.t("error-empty-code")
            } else {
                let length = u32::from(state.verifier.policy().otp.length);
                ui.args("error-code-format", &[("length", Arg::from(length))])
            };
            (v, Trouble::Field(error))
        }
        CheckOutcome::NotPending(status) => {
            let v = state.verifier.get(id, None).await?;
            let trouble = match status {
                Status::Expired | Status::MaxAttemptsReached => Trouble::None,
                _ => Trouble::Page(ui.t("error-no-longer-valid")),
            };
            (v, trouble)
        }
    };
    let shown_again = matches!(trouble, Trouble::Field(_));
    let mut page = code_page(&state, &ui, &journey, &v, now, trouble).await?;
    if shown_again && page.can_check {
        page.typed = form.code.chars().take(TYPED_SHOWN).collect();
    }
    Ok(render(StatusCode::BAD_REQUEST, &page))
}

#[derive(Debug, Deserialize)]
pub(super) struct ResendForm {
    csrf_token: Option<String>,
    /// The proof-of-work payload, when the page carried the check.
    altcha: Option<String>,
    /// Without JavaScript: the check's wait pass.
    wait_token: Option<String>,
}

pub(super) async fn resend(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
    PageRequester(mut requester): PageRequester,
    Form(form): Form<ResendForm>,
) -> Result<Response, AppError> {
    journey.check_csrf(&state, form.csrf_token.as_deref())?;
    let v = match current(&state, &mut journey).await? {
        Ok(v) => v,
        Err(redirect) => return Ok(redirect),
    };
    let proofs = Proofs {
        altcha: form.altcha.as_deref(),
        wait_token: form.wait_token.as_deref(),
    };
    let screened = state
        .gate
        .screen(&state, proofs, &journey, &mut requester)
        .await?;
    if let Some((level, why)) = screened.demand {
        if let Some(phone) = crate::domain::PhoneNumber::from_stored(&v.phone) {
            state.verifier.challenged(why, &phone).await;
        }
        let now = state.verifier.now();
        return asked_to_prove(&state, &ui, &journey, (&v, now), level, &screened.wait).await;
    }
    let refusal = match state.verifier.resend(v.id, &requester).await {
        Ok(_) => {
            journey.set_flash("code-sent").await?;
            return Ok(journey.redirect("/verify/code"));
        }
        Err(VerifyError::NotPending(_)) | Err(VerifyError::NotFound) => {
            journey.set_verification(&state, None).await?;
            return Ok(journey.redirect("/verify"));
        }
        // Too early (a browser without the script's countdown): back to
        // the code page, which says how long is left (post/redirect/get).
        Err(VerifyError::Refused(SendRefusal::Cooldown { .. })) => {
            let url = journey.url("/verify/code");
            let sep = if url.contains('?') { '&' } else { '?' };
            return Ok(Redirect::to(&format!("{url}{sep}{EARLY}")).into_response());
        }
        Err(VerifyError::Refused(SendRefusal::Challenge { level, .. })) => {
            let now = state.verifier.now();
            return asked_to_prove(&state, &ui, &journey, (&v, now), level, &screened.wait).await;
        }
        Err(e) => match send_failure(&e) {
            Some(outcome) => (e, outcome),
            None => return Err(e.into()),
        },
    };
    // A failed text canceled the verification: show it as it now stands.
    let v = state.verifier.get(v.id, None).await.unwrap_or(v);
    let now = state.verifier.now();
    refused_resend(&state, &ui, &journey, &v, now, refusal).await
}

/// The code page after a resend that needs a proof-of-work check first:
/// the check on the resend form, which sends it again once solved (or,
/// without JavaScript, once the person presses it after the wait).
async fn asked_to_prove(
    state: &AppState,
    ui: &Ui,
    journey: &Journey,
    (v, now): (&Verification, OffsetDateTime),
    level: crate::challenge::Level,
    wait: &WaitNote,
) -> Result<Response, AppError> {
    let widget = Widget::asked(state, ui, journey, level, wait);
    let status = widget.status();
    let mut page = code_page(state, ui, journey, v, now, Trouble::None).await?;
    page.challenge = Some(widget);
    let mut response = render(status, &page);
    page.challenge.iter().for_each(|w| w.stamp(&mut response));
    Ok(response)
}

/// The code page after a resend that did not happen: a refusal (too many
/// texts or wrong codes, the budget) is a warning beside the resend button;
/// a failed text is the page's error.
async fn refused_resend(
    state: &AppState,
    ui: &Ui,
    journey: &Journey,
    v: &Verification,
    now: OffsetDateTime,
    (error, outcome): (VerifyError, Outcome),
) -> Result<Response, AppError> {
    let message = outcome.message(ui);
    let mut page = match error {
        VerifyError::Refused(_) => {
            let mut page = code_page(state, ui, journey, v, now, Trouble::None).await?;
            page.resend_warning = Some(message);
            page
        }
        _ => code_page(state, ui, journey, v, now, Trouble::Page(message)).await?,
    };
    page.can_check &= v.status_at(now) == Status::Pending;
    let mut response = render(outcome.status, &page);
    outcome.stamp(&mut response);
    Ok(response)
}
