//! The phone step: the form, and starting a verification.
use askama::Template;
use axum::{
    extract::{Query, State},
    http::StatusCode,
    response::Response,
};
use serde::Deserialize;

use super::{render, send_failure};
use crate::{
    domain::{PhoneError, PhoneNumber, SendRefusal, phone::known_region},
    i18n::Arg,
    state::AppState,
    verification::VerifyError,
    web::{
        Form,
        challenge::{Proofs, Widget},
        error::AppError,
        journey::Journey,
        security::PageRequester,
        ui::Ui,
    },
};

#[derive(Template)]
#[template(path = "verify.html")]
struct PhonePage<'a> {
    ui: &'a Ui,
    title: String,
    csrf: String,
    phone: String,
    country: &'a str,
    /// "For example +20 100 123 4567", for the country first selected.
    hint: Option<String>,
    error: Option<String>,
    error_field: Option<&'static str>,
    notice: Option<String>,
    /// The proof-of-work check, when sending needs one.
    challenge: Option<Widget>,
}

impl<'a> PhonePage<'a> {
    fn new(ui: &'a Ui, csrf: String, phone: String, country: &'a str) -> Self {
        let hint = crate::domain::phone::example(country)
            .map(|example| ui.args("phone-hint", &[("example", Arg::from(ui.ltr(&example)))]));
        Self {
            ui,
            title: ui.t("phone-title"),
            csrf,
            phone: phone.chars().take(40).collect(),
            country,
            hint,
            error: None,
            error_field: None,
            notice: None,
            challenge: None,
        }
    }

    /// Whether the number field takes the focus: not when an error or the
    /// check's notice should be read first.
    fn focus_field(&self) -> bool {
        self.error.is_none() && !self.challenge.as_ref().is_some_and(Widget::asks)
    }

    /// The page again with an error on the number field.
    fn with_error(mut self, error: String) -> Self {
        self.title = self.ui.error_title(self.title);
        self.error = Some(error);
        self.error_field = Some("phone");
        self
    }
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct PhoneQuery {
    phone: Option<String>,
    country: Option<String>,
}

/// The country the form starts on: asked for, else the reader's region.
fn start_country<'a>(asked: Option<&str>, ui: &Ui) -> &'a str {
    asked
        .and_then(known_region)
        .or_else(|| ui.home_region())
        .unwrap_or("US")
}

pub(super) async fn form(
    State(state): State<AppState>,
    ui: Ui,
    journey: Journey,
    query: Result<Query<PhoneQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let notice = journey.take_flash().await?.map(|id| ui.t(&id));
    // "Use a different number" comes back here with the number typed before.
    let typed_before = match (&query.phone, journey.verification().await?) {
        (None, Some(id)) => state
            .verifier
            .get(id, None)
            .await
            .ok()
            .and_then(|v| PhoneNumber::from_stored(&v.phone))
            .map(|p| p.international()),
        _ => None,
    };
    let country = start_country(query.country.as_deref(), &ui);
    let phone = query.phone.or(typed_before).unwrap_or_default();
    let mut page = PhonePage::new(&ui, journey.csrf_token(&state), phone, country);
    page.notice = notice;
    page.challenge = Widget::always(&state, &ui, &journey, true);
    Ok(render(StatusCode::OK, &page))
}

#[derive(Debug, Deserialize)]
pub(super) struct PhoneForm {
    csrf_token: Option<String>,
    #[serde(default)]
    phone: String,
    country: Option<String>,
    /// The proof-of-work payload, when the page carried the check.
    altcha: Option<String>,
    /// Without JavaScript: the check's wait pass.
    wait_token: Option<String>,
}

pub(super) async fn start(
    State(state): State<AppState>,
    ui: Ui,
    mut journey: Journey,
    PageRequester(mut requester): PageRequester,
    Form(form): Form<PhoneForm>,
) -> Result<Response, AppError> {
    journey.check_csrf(&state, form.csrf_token.as_deref())?;
    requester.client = journey.client_id().map(str::to_owned);
    let region = form
        .country
        .as_deref()
        .and_then(known_region)
        .or_else(|| ui.home_region());
    let country = region.unwrap_or("US");
    let csrf = journey.csrf_token(&state);
    let refused = |status: StatusCode, error: String| {
        let mut page =
            PhonePage::new(&ui, csrf.clone(), form.phone.clone(), country).with_error(error);
        page.challenge = Widget::always(&state, &ui, &journey, true);
        render(status, &page)
    };
    let phone = match state.verifier.parse_phone(&form.phone, region) {
        Ok(phone) => phone,
        Err(e) => {
            let id = match e {
                PhoneError::Empty => "error-empty-phone",
                PhoneError::CannotReceiveSms => "error-not-mobile",
                PhoneError::Unparseable | PhoneError::Invalid => "error-invalid-phone",
            };
            return Ok(refused(StatusCode::BAD_REQUEST, ui.t(id)));
        }
    };
    // The proof-of-work check: what this form proved, and whether it must
    // prove more first.
    let proofs = Proofs {
        altcha: form.altcha.as_deref(),
        wait_token: form.wait_token.as_deref(),
    };
    let screened = state
        .gate
        .screen(&state, proofs, &journey, &mut requester)
        .await?;
    let asked = |level| {
        let widget = Widget::asked(&state, &ui, &journey, level, &screened.wait);
        let status = widget.status();
        let mut page = PhonePage::new(&ui, csrf.clone(), form.phone.clone(), country);
        page.challenge = Some(widget);
        let mut response = render(status, &page);
        page.challenge.iter().for_each(|w| w.stamp(&mut response));
        response
    };
    if let Some((level, why)) = screened.demand {
        state.verifier.challenged(why, &phone).await;
        return Ok(asked(level));
    }
    match state.verifier.start(&phone, ui.lang, &requester).await {
        Ok(v) => {
            journey.set_verification(&state, Some(v.id)).await?;
            Ok(journey.redirect("/verify/code"))
        }
        Err(VerifyError::Refused(SendRefusal::Challenge { level, .. })) => Ok(asked(level)),
        Err(e) => match send_failure(&e) {
            Some(outcome) => {
                let mut page = refused(outcome.status, outcome.message(&ui));
                outcome.stamp(&mut page);
                Ok(page)
            }
            None => Err(e.into()),
        },
    }
}
