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
    domain::{PhoneError, PhoneNumber, SendRefusal, digits::to_ascii_digits, phone::known_region},
    i18n::{Arg, CountryName},
    verification::VerifyError,
    web::state::AppState,
    web::{
        Form,
        challenge::{Proofs, Widget},
        error::AppError,
        journey::{self, Journey},
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
    /// The countries the list offers: every one, or `ALLOWED_COUNTRIES`'.
    countries: Vec<&'a CountryName>,
    /// "For example +20 100 123 4567", for the country first selected.
    hint: Option<String>,
    error: Option<String>,
    error_field: Option<&'static str>,
    notice: Option<String>,
    /// The notice is a warning (the code expired while the person was
    /// away): shown as one, and it takes the focus.
    warning: bool,
    /// The proof-of-work check, when sending needs one.
    challenge: Option<Widget>,
}

impl<'a> PhonePage<'a> {
    fn new(ui: &'a Ui, allowed: &[&str], csrf: String, phone: String, country: &'a str) -> Self {
        let countries = ui
            .countries()
            .iter()
            .filter(|c| allowed.is_empty() || allowed.contains(&c.code))
            .collect();
        let hint = crate::domain::phone::example(country)
            .map(|example| ui.args("phone-hint", &[("example", Arg::from(ui.ltr(&example)))]));
        Self {
            ui,
            title: ui.t("phone-title"),
            csrf,
            phone: phone.chars().take(40).collect(),
            country,
            countries,
            hint,
            error: None,
            error_field: None,
            notice: None,
            warning: false,
            challenge: None,
        }
    }

    /// Whether the number field takes the focus: not when an error, the
    /// warning or the check's notice should be read first.
    fn focus_field(&self) -> bool {
        self.error.is_none() && !self.warning && !self.challenge.as_ref().is_some_and(Widget::asks)
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
    /// `expired`: an app's flow came back after its code expired (the
    /// plain flow says it with its session's one-shot notice).
    notice: Option<String>,
}

/// The country the form starts on: the first of the one asked for, the
/// number's (typed before, or the app's `phone`), the reader's region
/// (`Accept-Language`) and their language's likely region that the list
/// offers (`allowed`: `ALLOWED_COUNTRIES`, empty for all); else the first
/// allowed one.
fn start_country(
    asked: Option<&str>,
    number: Option<&'static str>,
    ui: &Ui,
    allowed: &[&'static str],
) -> &'static str {
    [
        asked.and_then(known_region),
        number,
        ui.region,
        ui.tr.likely_region(),
    ]
    .into_iter()
    .flatten()
    .find(|code| allowed.is_empty() || allowed.contains(code))
    .or_else(|| allowed.first().copied())
    .unwrap_or("US")
}

pub(super) async fn form(
    State(state): State<AppState>,
    ui: Ui,
    journey: Journey,
    query: Result<Query<PhoneQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let flash = journey.take_flash().await?;
    let expired = flash.as_deref() == Some(journey::EXPIRED)
        || (matches!(journey, Journey::Client(_)) && query.notice.as_deref() == Some("expired"));
    // "Use a different number" comes back here with the number typed
    // before; so does a person whose code expired and was purged meanwhile
    // (the journey keeps the number), with its country.
    let typed_before = match query.phone {
        Some(_) => None,
        None => {
            let current = match journey.verification().await? {
                Some(id) => state.verifier.get(id, None).await.ok().map(|v| v.phone),
                None => None,
            };
            match current {
                Some(phone) => Some(phone),
                None => journey.number().await?,
            }
        }
    }
    .and_then(|e164| PhoneNumber::from_stored(&e164));
    // The app's `phone` (or `?phone=`) says its country when it is whole.
    let given = query
        .phone
        .as_deref()
        .and_then(|p| PhoneNumber::parse(p, None).ok());
    let number_region = typed_before
        .as_ref()
        .or(given.as_ref())
        .and_then(PhoneNumber::region);
    let allowed = &state.settings.abuse.allowed_countries;
    let country = start_country(query.country.as_deref(), number_region, &ui, allowed);
    let phone = query
        .phone
        .or(typed_before.map(|p| p.international()))
        .unwrap_or_default();
    let notice = if expired {
        // The number is back in its field: the notice says to check it.
        let id = if phone.is_empty() {
            journey::EXPIRED
        } else {
            "flash-expired-number"
        };
        Some(ui.t(id))
    } else {
        flash.map(|id| ui.t(&id))
    };
    let mut page = PhonePage::new(&ui, allowed, journey.csrf_token(&state), phone, country);
    page.notice = notice;
    page.warning = expired;
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
    let allowed = &state.settings.abuse.allowed_countries;
    // A national number is read in the country posted; without one, in
    // the country the form starts on.
    let region = form
        .country
        .as_deref()
        .and_then(known_region)
        .unwrap_or_else(|| start_country(None, None, &ui, allowed));
    let country = start_country(Some(region), None, &ui, allowed);
    let csrf = journey.csrf_token(&state);
    let refused = |status: StatusCode, error: String| {
        let mut page = PhonePage::new(&ui, allowed, csrf.clone(), form.phone.clone(), country)
            .with_error(error);
        page.challenge = Widget::always(&state, &ui, &journey, true);
        render(status, &page)
    };
    let phone = match state.verifier.parse_phone(&form.phone, Some(region)) {
        Ok(phone) => phone,
        Err(e) => {
            let message = match e {
                PhoneError::Empty => ui.t("error-empty-phone"),
                PhoneError::CannotReceiveSms => ui.t("error-not-mobile"),
                PhoneError::Unparseable | PhoneError::Invalid => {
                    invalid_number(&ui, &form.phone, region)
                }
            };
            return Ok(refused(StatusCode::BAD_REQUEST, message));
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
        let mut page = PhonePage::new(&ui, allowed, csrf.clone(), form.phone.clone(), country);
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
            journey.started(&state, v.id, phone.e164()).await?;
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

/// Why a number is not valid, naming the country it was read in
/// ("… for United Kingdom (+44)", as the list names it) when it was typed
/// as a national number: digits (any script) and the separators people
/// type, no country code. Anything else gets the general message.
fn invalid_number(ui: &Ui, typed: &str, region: &str) -> String {
    let typed = to_ascii_digits(typed.trim());
    let national = typed.bytes().any(|b| b.is_ascii_digit())
        && typed
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "-.()/".contains(c));
    match ui.country_named(region) {
        Some(country) if national => ui.args(
            "error-invalid-phone-country",
            &[("country", Arg::from(country))],
        ),
        _ => ui.t("error-invalid-phone"),
    }
}
