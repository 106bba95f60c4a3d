//! The Twilio Verify v2–compatible API, for apps that use Twilio's SDKs:
//! `/v2/Services/{ServiceSid}` with `Verifications`, `Verifications/{Sid}`
//! and `VerificationCheck`, form-encoded as the SDKs send, answered in the
//! resource and error shapes of Twilio's OpenAPI description of Verify v2.
//! The same `Verifier` as the pages and `/api/v1`: the same rules, limits
//! and texts. HTTP Basic: the account SID (or an `SK…` key SID) and one of
//! `API_KEYS`; a verification belongs to the key and the service.
use std::collections::HashMap;

use axum::{
    Json, Router,
    extract::{Form, Path, State, rejection::FormRejection},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{MethodRouter, get},
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::{OffsetDateTime, format_description::BorrowedFormatItem, macros::format_description};
use uuid::Uuid;

use super::{api::key_name, outcome::retry_seconds};
use crate::{
    config::{TwilioConfig, TwilioService, twilio::is_sid},
    domain::{PhoneError, PhoneNumber, SendRefusal, Status, Verification},
    i18n::shipped_locale,
    sms::SmsError,
    state::AppState,
    verification::{CheckOutcome, Requester, VerifyError},
};

/// The parameters of Twilio's create call that phone-verify does not
/// implement: each is refused by name rather than silently ignored.
const UNSUPPORTED: &[&str] = &[
    "CustomCode",
    "CustomMessage",
    "SendDigits",
    "Amount",
    "Payee",
    "RateLimits",
    "ChannelConfiguration",
    "TemplateSid",
    "TemplateCustomSubstitutions",
    "DeviceIp",
    "EnableSnaClientToken",
    "Tags",
];

/// Channels Twilio has that phone-verify does not (it texts).
const OTHER_CHANNELS: &[&str] = &["call", "email", "whatsapp", "sna", "auto", "rcs"];

const DATE: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// The API's routes: none (so 404) unless the Twilio settings are on.
pub fn router(state: &AppState) -> Router<AppState> {
    if state.twilio.is_none() {
        return Router::new();
    }
    let only = |route: MethodRouter<AppState>| route.fallback(method_not_allowed);
    Router::new()
        .route("/v2/Services/{service}", only(get(fetch_service)))
        .route(
            "/v2/Services/{service}/Verifications",
            only(axum::routing::post(create)),
        )
        .route(
            "/v2/Services/{service}/Verifications/{sid}",
            only(get(fetch).post(update)),
        )
        .route(
            "/v2/Services/{service}/VerificationCheck",
            only(axum::routing::post(check)),
        )
        .route("/v2/{*rest}", axum::routing::any(not_supported))
}

// ---------- errors ----------

/// An error as Twilio writes it: `code`, `message`, `more_info`, `status`.
#[derive(Debug)]
pub struct TwilioError {
    status: StatusCode,
    code: u32,
    message: String,
    retry_after: Option<u64>,
}

impl TwilioError {
    pub fn new(status: StatusCode, code: u32, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
        }
    }

    fn invalid(parameter: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            60200,
            format!("Invalid parameter: {parameter}"),
        )
    }

    fn not_found(resource: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            20404,
            format!("The requested resource {resource} was not found"),
        )
    }

    fn unsupported(what: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            60204,
            format!(
                "Service does not support this feature: {what} is not supported by phone-verify"
            ),
        )
    }

    pub fn too_many(retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after.max(1)),
            ..Self::new(StatusCode::TOO_MANY_REQUESTS, 20429, "Too many requests")
        }
    }

    fn unauthorized() -> Self {
        Self::new(StatusCode::UNAUTHORIZED, 20003, "Authenticate")
    }

    fn retry(mut self, after: time::Duration) -> Self {
        self.retry_after = Some(retry_seconds(after));
        self
    }
}

impl IntoResponse for TwilioError {
    fn into_response(self) -> Response {
        let body = json!({
            "code": self.code,
            "message": self.message,
            "more_info": format!("https://www.twilio.com/docs/errors/{}", self.code),
            "status": self.status.as_u16(),
        });
        let mut response = (self.status, Json(body)).into_response();
        if let Some(after) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(after));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"phone-verify Twilio Verify API\""),
            );
        }
        response
    }
}

/// A refused or failed verification in Twilio's codes.
fn from_verify(e: VerifyError) -> TwilioError {
    use StatusCode as S;
    match e {
        VerifyError::Refused(refusal) => {
            let after = refusal.retry_after();
            match refusal {
                SendRefusal::Cooldown { .. } => TwilioError::new(
                    S::TOO_MANY_REQUESTS,
                    60212,
                    "Too many concurrent requests for phone number",
                )
                .retry(after),
                SendRefusal::Quota { .. } => {
                    TwilioError::new(S::TOO_MANY_REQUESTS, 60203, "Max send attempts reached")
                        .retry(after)
                }
                SendRefusal::Guesses { .. } => {
                    TwilioError::new(S::TOO_MANY_REQUESTS, 60202, "Max check attempts reached")
                        .retry(after)
                }
                SendRefusal::Budget { .. } => TwilioError::too_many(retry_seconds(after)),
                // The API is never asked for a challenge; a flagged prefix
                // is refused.
                SendRefusal::Pumping { .. } | SendRefusal::Challenge { .. } => {
                    TwilioError::new(S::FORBIDDEN, 60410, "Verification delivery attempt blocked")
                }
            }
        }
        VerifyError::CountryNotAllowed => {
            TwilioError::new(S::FORBIDDEN, 60605, "Verification delivery attempt blocked")
        }
        VerifyError::NotFound | VerifyError::NotPending(_) => {
            TwilioError::new(S::NOT_FOUND, 20404, "The requested resource was not found")
        }
        VerifyError::SmsFailed(SmsError::InvalidNumber(_)) => TwilioError::invalid("To"),
        VerifyError::SmsFailed(SmsError::OptedOut) => TwilioError::new(
            S::BAD_REQUEST,
            21610,
            "Attempt to send to unsubscribed recipient",
        ),
        VerifyError::SmsFailed(_) | VerifyError::Store(_) => {
            TwilioError::new(S::SERVICE_UNAVAILABLE, 20503, "Service unavailable")
                .retry(super::outcome::UNAVAILABLE_RETRY)
        }
    }
}

async fn method_not_allowed() -> TwilioError {
    TwilioError::new(StatusCode::METHOD_NOT_ALLOWED, 20004, "Method not allowed")
}

async fn not_supported(Path(rest): Path<String>) -> TwilioError {
    TwilioError::new(
        StatusCode::NOT_FOUND,
        20404,
        format!(
            "The requested resource /{rest} was not found: phone-verify answers for Services/{{ServiceSid}}, its Verifications and VerificationCheck only"
        ),
    )
}

// ---------- who is calling ----------

/// An authenticated call for one of our services.
struct Caller<'a> {
    config: &'a TwilioConfig,
    service: &'a TwilioService,
    /// The API key's name and the service: a verification is seen only
    /// through both.
    tenant: String,
}

/// HTTP Basic as the SDKs send it: the account SID (or an `SK…` key SID)
/// and one of `API_KEYS`; then the service in the path.
fn caller<'a>(
    state: &'a AppState,
    headers: &HeaderMap,
    service_sid: &str,
) -> Result<Caller<'a>, TwilioError> {
    let config = state
        .twilio
        .as_deref()
        .ok_or_else(TwilioError::unauthorized)?;
    let (user, password) =
        super::security::basic_credentials(headers).ok_or_else(TwilioError::unauthorized)?;
    let key = key_name(&state.settings.api_keys, &password);
    let user_ok = user == config.account_sid || is_sid(&user, "SK");
    let Some(key) = key.filter(|_| user_ok) else {
        tracing::info!("Twilio API: authentication failed");
        return Err(TwilioError::unauthorized());
    };
    tracing::Span::current().record("api_key", key);
    state.metrics.api_request(key);
    let service = config
        .service(service_sid)
        .ok_or_else(|| TwilioError::not_found(&format!("/Services/{service_sid}")))?;
    Ok(Caller {
        config,
        service,
        tenant: format!("{key}@{}", service.sid),
    })
}

impl Caller<'_> {
    fn tenant(&self) -> Option<&str> {
        Some(&self.tenant)
    }

    fn requester(&self, brand: Option<String>, app_hash: Option<String>) -> Requester {
        Requester {
            tenant: Some(self.tenant.clone()),
            brand: Some(brand.unwrap_or_else(|| self.service.friendly_name.clone())),
            app_hash,
            client: self.service.client.clone(),
            ..Requester::default()
        }
    }

    /// `VE…` → the verification's id.
    fn verification_id(&self, sid: &str) -> Result<Uuid, TwilioError> {
        let not_found = || {
            TwilioError::not_found(&format!(
                "/Services/{}/Verifications/{sid}",
                self.service.sid
            ))
        };
        if !is_sid(sid, "VE") {
            return Err(not_found());
        }
        Uuid::parse_str(&sid[2..]).map_err(|_| not_found())
    }

    fn verification_url(&self, state: &AppState, v: &Verification) -> String {
        format!(
            "{}/v2/Services/{}/Verifications/{}",
            base(state),
            self.service.sid,
            ve(v.id)
        )
    }
}

/// `PUBLIC_URL` without a trailing slash (the base of a resource's `url`).
fn base(state: &AppState) -> String {
    super::embed::issuer(state)
}

fn ve(id: Uuid) -> String {
    format!("VE{}", id.simple())
}

fn date(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(DATE)
        .unwrap_or_default()
}

/// The form, or Twilio's answer to one that does not parse.
fn params(
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<HashMap<String, String>, TwilioError> {
    form.map(|Form(f)| f)
        .map_err(|_| TwilioError::new(StatusCode::BAD_REQUEST, 60200, "Invalid parameter"))
}

// ---------- resources ----------

async fn verification_json(
    state: &AppState,
    caller: &Caller<'_>,
    v: &Verification,
) -> Result<Value, TwilioError> {
    let status = v.status_at(state.verifier.now());
    let sends = state.verifier.sends_of(v.id).await.map_err(from_verify)?;
    let attempts: Vec<Value> = sends
        .iter()
        .enumerate()
        .map(|(i, at)| {
            let digest = Sha256::new()
                .chain_update(v.id.as_bytes())
                .chain_update((i as u64).to_be_bytes())
                .finalize();
            json!({
                "time": date(*at),
                "channel": "sms",
                "attempt_sid": format!("VL{}", hex::encode(&digest[..16])),
            })
        })
        .collect();
    Ok(json!({
        "sid": ve(v.id),
        "service_sid": caller.service.sid,
        "account_sid": caller.config.account_sid,
        "to": v.phone,
        "channel": "sms",
        "status": status.as_str(),
        "valid": status == Status::Approved,
        "lookup": {},
        "amount": null,
        "payee": null,
        "send_code_attempts": attempts,
        "date_created": date(v.created_at),
        "date_updated": date(v.updated_at),
        "sna": null,
        "url": caller.verification_url(state, v),
    }))
}

fn check_json(caller: &Caller<'_>, v: &Verification, status: Status) -> Value {
    json!({
        "sid": ve(v.id),
        "service_sid": caller.service.sid,
        "account_sid": caller.config.account_sid,
        "to": v.phone,
        "channel": "sms",
        "status": status.as_str(),
        "valid": status == Status::Approved,
        "amount": null,
        "payee": null,
        "sna_attempts_error_codes": [],
        "date_created": date(v.created_at),
        "date_updated": date(v.updated_at),
    })
}

// ---------- handlers ----------

/// `GET /v2/Services/{ServiceSid}`: the service, as far as it maps.
async fn fetch_service(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(service): Path<String>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, &headers, &service)?;
    let url = format!("{}/v2/Services/{}", base(&state), caller.service.sid);
    let link = |what: &str| format!("{url}/{what}");
    Ok(Json(json!({
        "sid": caller.service.sid,
        "account_sid": caller.config.account_sid,
        "friendly_name": caller.service.friendly_name,
        "code_length": state.verifier.policy().otp.length,
        "lookup_enabled": false,
        "psd2_enabled": false,
        "skip_sms_to_landlines": true,
        "dtmf_input_required": false,
        "tts_name": null,
        "do_not_share_warning_enabled": false,
        "custom_code_enabled": false,
        "push": {"include_date": false, "apn_credential_sid": null, "fcm_credential_sid": null},
        "totp": {"issuer": null, "time_step": null, "code_length": null, "skew": null},
        "whatsapp": {"msg_service_sid": null, "from": null},
        "passkeys": null,
        "default_template_sid": null,
        "verify_event_subscription_enabled": false,
        "date_created": null,
        "date_updated": null,
        "url": url,
        "links": {
            "verification_checks": link("VerificationCheck"),
            "verifications": link("Verifications"),
            "rate_limits": link("RateLimits"),
            "messaging_configurations": link("MessagingConfigurations"),
            "entities": link("Entities"),
            "webhooks": link("Webhooks"),
            "access_tokens": link("AccessTokens"),
        },
    }))
    .into_response())
}

/// `POST …/Verifications`: texts a code to `To`. A pending verification
/// of the same number under this key and service gets a new code, as with
/// Twilio (the same `sid`; the cooldown and quota apply).
async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(service): Path<String>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, &headers, &service)?;
    let p = params(form)?;
    if let Some(name) = UNSUPPORTED.iter().find(|n| p.contains_key(**n)) {
        return Err(TwilioError::unsupported(name));
    }
    if p.get("RiskCheck").is_some_and(|r| r != "enable") {
        return Err(TwilioError::unsupported("RiskCheck=disable"));
    }
    let channel = p.get("Channel").map(|c| c.to_ascii_lowercase());
    match channel.as_deref() {
        Some("sms") => {}
        Some(other) if OTHER_CHANNELS.contains(&other) => {
            return Err(TwilioError::new(
                StatusCode::BAD_REQUEST,
                60223,
                format!(
                    "Delivery channel disabled: {other} (phone-verify texts codes by SMS only)"
                ),
            ));
        }
        _ => return Err(TwilioError::invalid("Channel")),
    }
    let to = p.get("To").map(String::as_str).unwrap_or("");
    if !to.starts_with('+') {
        return Err(TwilioError::invalid("To"));
    }
    let phone = state.verifier.parse_phone(to, None).map_err(|e| match e {
        PhoneError::CannotReceiveSms => TwilioError::new(
            StatusCode::FORBIDDEN,
            60205,
            "SMS is not supported by landline phone number",
        ),
        _ => TwilioError::invalid("To"),
    })?;
    let brand = match p.get("CustomFriendlyName").map(|n| n.trim()) {
        None | Some("") => None,
        Some(n) if n.chars().count() <= 30 && !n.chars().any(char::is_control) => {
            Some(n.to_owned())
        }
        Some(_) => return Err(TwilioError::invalid("CustomFriendlyName")),
    };
    let app_hash = match p.get("AppHash") {
        None => None,
        Some(h)
            if h.len() == 11
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/') =>
        {
            Some(h.clone())
        }
        Some(_) => return Err(TwilioError::invalid("AppHash")),
    };
    let locale = p
        .get("Locale")
        .and_then(|l| shipped_locale(l))
        .or_else(|| phone.region().and_then(crate::i18n::locale_for_region))
        .unwrap_or(state.i18n.default_locale());
    let requester = caller.requester(brand, app_hash);
    let pending = state
        .verifier
        .pending_for(&phone, caller.tenant())
        .await
        .map_err(from_verify)?;
    let sent = match pending {
        Some(v) => state.verifier.resend(v.id, &requester).await,
        None => state.verifier.start(&phone, locale, &requester).await,
    }
    .map_err(from_verify)?;
    let body = verification_json(&state, &caller, &sent).await?;
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// `GET …/Verifications/{Sid}`: a pending verification; one that was
/// approved, canceled, used up or has expired is gone (404), as with Twilio.
async fn fetch(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((service, sid)): Path<(String, String)>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, &headers, &service)?;
    let id = caller.verification_id(&sid)?;
    let gone = || TwilioError::not_found(&format!("/Services/{service}/Verifications/{sid}"));
    let v = state
        .verifier
        .get(id, caller.tenant())
        .await
        .map_err(|_| gone())?;
    if v.status_at(state.verifier.now()) != Status::Pending {
        return Err(gone());
    }
    Ok(Json(verification_json(&state, &caller, &v).await?).into_response())
}

/// `POST …/Verifications/{Sid}` with `Status=canceled` or `approved`.
async fn update(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((service, sid)): Path<(String, String)>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, &headers, &service)?;
    let id = caller.verification_id(&sid)?;
    let p = params(form)?;
    let gone = || TwilioError::not_found(&format!("/Services/{service}/Verifications/{sid}"));
    let done = match p.get("Status").map(String::as_str) {
        Some("canceled") => state.verifier.cancel(id, caller.tenant()).await,
        Some("approved") => state.verifier.approve(id, caller.tenant()).await,
        _ => return Err(TwilioError::invalid("Status")),
    };
    let v = done.map_err(|e| match e {
        VerifyError::NotFound | VerifyError::NotPending(_) => gone(),
        other => from_verify(other),
    })?;
    Ok(Json(verification_json(&state, &caller, &v).await?).into_response())
}

/// `POST …/VerificationCheck` with `Code` and `To` or `VerificationSid`:
/// 200 with `approved`, or `pending` for a wrong code (an attempt spent);
/// a verification that is gone is 404, as with Twilio.
async fn check(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(service): Path<String>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, &headers, &service)?;
    let p = params(form)?;
    for name in ["Amount", "Payee", "SnaClientToken"] {
        if p.contains_key(name) {
            return Err(TwilioError::unsupported(name));
        }
    }
    let code = p.get("Code").map(String::as_str).unwrap_or("");
    if !(4..=10).contains(&code.chars().count()) {
        return Err(TwilioError::invalid("Code"));
    }
    let gone = || TwilioError::not_found(&format!("/Services/{service}/VerificationCheck"));
    let id = match (p.get("VerificationSid"), p.get("To")) {
        (Some(sid), _) => {
            if !is_sid(sid, "VE") {
                return Err(TwilioError::invalid("VerificationSid"));
            }
            caller.verification_id(sid).map_err(|_| gone())?
        }
        (None, Some(to)) => {
            let phone = PhoneNumber::parse(to, None).map_err(|_| TwilioError::invalid("To"))?;
            state
                .verifier
                .pending_for(&phone, caller.tenant())
                .await
                .map_err(from_verify)?
                .ok_or_else(gone)?
                .id
        }
        (None, None) => return Err(TwilioError::invalid("To")),
    };
    let outcome = state
        .verifier
        .check(id, code, caller.tenant())
        .await
        .map_err(|e| match e {
            VerifyError::NotFound | VerifyError::NotPending(_) => gone(),
            other => from_verify(other),
        })?;
    let (v, status) = match outcome {
        CheckOutcome::Approved(v) => (v, Status::Approved),
        CheckOutcome::Incorrect(v) => {
            let status = v.status;
            (v, status)
        }
        // Not a code of our length: nothing spent, and not approved.
        CheckOutcome::Malformed(v) => (v, Status::Pending),
        CheckOutcome::NotPending(_) => return Err(gone()),
    };
    Ok(Json(check_json(&caller, &v, status)).into_response())
}
