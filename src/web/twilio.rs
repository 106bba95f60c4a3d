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
    extract::{Extension, Form, Path, State, rejection::FormRejection},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
    routing::{MethodRouter, get},
};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use time::{OffsetDateTime, format_description::BorrowedFormatItem, macros::format_description};
use uuid::Uuid;

use super::{
    callers::{self, Tenant},
    outcome::retry_seconds,
};
use crate::{
    config::{TwilioConfig, TwilioService, twilio::is_sid},
    domain::{PhoneError, SendRefusal, Status, Verification},
    i18n::Asked,
    sms::SmsError,
    verification::{CheckOutcome, Requester, VerifyError},
    web::state::AppState,
};

/// The parameters of Twilio's create call whose meaning phone-verify does
/// not implement: each is refused by name (60204) rather than silently
/// ignored. `DeviceIp`, `Tags`, `RiskCheck` and `EnableSnaClientToken=false`
/// are taken (twilio-oai `spec/json/twilio_verify_v2.json`, the create
/// call's form).
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
];

/// Twilio's limits on `Tags` (the create call's description): a JSON map of
/// at most 10 tags, keys and values of at most 128 characters.
const MAX_TAGS: usize = 10;
const MAX_TAG_CHARS: usize = 128;

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
        // Its POSTs take `I-Twilio-Idempotency-Token`.
        .route_layer(axum::middleware::from_fn_with_state(
            (state.clone(), callers::Door::Twilio),
            super::idempotency::layer,
        ))
        .route("/v2/{*rest}", axum::routing::any(not_supported))
        .route("/v2", axum::routing::any(not_supported_root))
        .route("/v2/", axum::routing::any(not_supported_root))
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

    /// A `Locale` that is not on Twilio's list and names no language
    /// available here: 404, as Twilio's supported-languages page says of an
    /// unsupported locale ("a 404 error will be returned"), with the code
    /// of Twilio's 404s; its advice, to retry without `Locale`, works here.
    fn unsupported_locale(code: &str) -> Self {
        let shown: String = code
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .take(35)
            .collect();
        Self::new(
            StatusCode::NOT_FOUND,
            20404,
            format!("Locale not supported: {shown}"),
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

    /// 409: a request with the same `I-Twilio-Idempotency-Token` is
    /// running; retry after a second.
    pub(crate) fn in_progress(message: &str) -> Self {
        Self {
            retry_after: Some(1),
            ..Self::new(StatusCode::CONFLICT, 60200, message)
        }
    }

    /// The database failed: 503 (20503) as any other request's.
    pub(crate) fn store_failed(e: crate::storage::StoreError) -> Self {
        tracing::error!(error = %e, "Twilio API request failed");
        from_verify(VerifyError::Store(e))
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
        VerifyError::NotPending(Status::MaxAttemptsReached) => max_check_attempts(),
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

/// A verification whose attempts are used up: Twilio answers further
/// checks with 429 and 60202 ("Max check attempts reached",
/// twilio.com/docs/api/errors/60202); one approved, canceled or expired is
/// deleted there, so 404 (20404).
fn max_check_attempts() -> TwilioError {
    TwilioError::new(
        StatusCode::TOO_MANY_REQUESTS,
        60202,
        "Max check attempts reached",
    )
}

async fn method_not_allowed() -> TwilioError {
    TwilioError::new(StatusCode::METHOD_NOT_ALLOWED, 20004, "Method not allowed")
}

async fn not_supported_root() -> TwilioError {
    not_supported(Path(String::new())).await
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
    /// The API key's name: its tenant, limited and counted as one.
    key: String,
    /// The API key's name and the service: a verification is seen only
    /// through both.
    tenant: String,
}

/// HTTP Basic as the SDKs send it (the account SID or an `SK…` key SID,
/// and one of `API_KEYS`), checked by [`callers::gate`]; then the service
/// in the path.
fn caller<'a>(
    state: &'a AppState,
    tenant: Option<&Extension<Tenant>>,
    service_sid: &str,
) -> Result<Caller<'a>, TwilioError> {
    let config = state
        .twilio
        .as_deref()
        .ok_or_else(TwilioError::unauthorized)?;
    let Some(Extension(Tenant(key))) = tenant else {
        tracing::info!("Twilio API: authentication failed");
        return Err(TwilioError::unauthorized());
    };
    let service = config
        .service(service_sid)
        .ok_or_else(|| TwilioError::not_found(&format!("/Services/{service_sid}")))?;
    Ok(Caller {
        config,
        service,
        key: key.clone(),
        tenant: format!("{key}@{}", service.sid),
    })
}

impl Caller<'_> {
    fn tenant(&self) -> Option<&str> {
        Some(&self.tenant)
    }

    fn requester(&self, create: &CreateParams) -> Requester {
        Requester {
            tenant: Some(self.tenant.clone()),
            network: Some(callers::network_for(&self.key, create.device_ip)),
            brand: Some(
                create
                    .brand
                    .clone()
                    .unwrap_or_else(|| self.service.friendly_name.clone()),
            ),
            app_hash: create.app_hash.clone(),
            client: self.service.client.clone(),
            tags: create.tags.clone(),
            skip_pumping: create.skip_risk_check,
            ..Requester::default()
        }
    }

    /// `VE…` → the verification's id.
    fn verification_id(&self, sid: &str) -> Result<Uuid, TwilioError> {
        // Echoes a SID, never what else was sent (a phone number, say).
        let shown = if is_sid(sid, "VE") { sid } else { "{Sid}" };
        let not_found = || {
            TwilioError::not_found(&format!(
                "/Services/{}/Verifications/{shown}",
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

/// The form, or Twilio's answer to one that does not parse: 413 past the
/// body limit, 400 (60200) naming a parameter given twice.
fn params(
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<HashMap<String, String>, TwilioError> {
    let pairs = match form {
        Ok(Form(pairs)) => pairs,
        Err(r) if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return Err(TwilioError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                60200,
                format!(
                    "Invalid parameter: the body is larger than {} KiB",
                    super::BODY_LIMIT / 1024
                ),
            ));
        }
        Err(_) => {
            return Err(TwilioError::new(
                StatusCode::BAD_REQUEST,
                60200,
                "Invalid parameter",
            ));
        }
    };
    let mut params = HashMap::with_capacity(pairs.len());
    for (name, value) in pairs {
        if params.contains_key(&name) {
            return Err(TwilioError::new(
                StatusCode::BAD_REQUEST,
                60200,
                format!("Invalid parameter: {name} is given more than once"),
            ));
        }
        params.insert(name, value);
    }
    Ok(params)
}

/// A create's optional parameters, checked.
struct CreateParams {
    brand: Option<String>,
    app_hash: Option<String>,
    device_ip: Option<std::net::IpAddr>,
    tags: Option<String>,
    skip_risk_check: bool,
}

impl CreateParams {
    fn read(p: &HashMap<String, String>, caller: &Caller<'_>) -> Result<Self, TwilioError> {
        if let Some(name) = UNSUPPORTED.iter().find(|n| p.contains_key(**n)) {
            return Err(TwilioError::unsupported(name));
        }
        let skip_risk_check = match p.get("RiskCheck").map(String::as_str) {
            None | Some("enable") => false,
            Some("disable")
                if caller
                    .service
                    .allow_risk_check_disable
                    .contains(&caller.key) =>
            {
                true
            }
            Some("disable") => {
                return Err(TwilioError::unsupported(
                    "RiskCheck=disable (for this key and service; an operator allows it with allow_risk_check_disable)",
                ));
            }
            Some(_) => return Err(TwilioError::invalid("RiskCheck")),
        };
        match p.get("EnableSnaClientToken").map(String::as_str) {
            None | Some("false") => {}
            Some("true") => return Err(TwilioError::unsupported("EnableSnaClientToken")),
            Some(_) => return Err(TwilioError::invalid("EnableSnaClientToken")),
        }
        let brand = match p.get("CustomFriendlyName").map(|n| n.trim()) {
            None | Some("") => None,
            Some(n) if n.chars().count() <= 30 && !n.chars().any(is_control_or_format) => {
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
        let device_ip = match p.get("DeviceIp") {
            None => None,
            Some(raw) => Some(
                callers::parse_person_ip(raw).ok_or_else(|| TwilioError::invalid("DeviceIp"))?,
            ),
        };
        let tags = match p.get("Tags") {
            None => None,
            Some(raw) => Some(tags(raw).ok_or_else(|| TwilioError::invalid("Tags"))?),
        };
        Ok(Self {
            brand,
            app_hash,
            device_ip,
            tags,
            skip_risk_check,
        })
    }
}

/// Control and format characters (U+202E, U+200B, U+FEFF and the like),
/// which would reorder or hide the text's words.
fn is_control_or_format(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
            | '\u{115F}' | '\u{1160}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}')
}

/// `Tags` as Twilio takes them: a JSON object of at most 10 string values,
/// keys and values of at most 128 characters; kept in its compact form.
fn tags(raw: &str) -> Option<String> {
    let map: serde_json::Map<String, Value> = serde_json::from_str(raw).ok()?;
    let fits = |s: &str| s.chars().count() <= MAX_TAG_CHARS;
    (map.len() <= MAX_TAGS
        && map
            .iter()
            .all(|(k, v)| fits(k) && v.as_str().is_some_and(fits)))
    .then(|| Value::Object(map).to_string())
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
        // Twilio's `Tags` as the create sent them.
        "tags": v.tags.as_deref().and_then(|t| serde_json::from_str::<Value>(t).ok()),
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
    tenant: Option<Extension<Tenant>>,
    Path(service): Path<String>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, tenant.as_ref(), &service)?;
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
        // A service is configured, not created through the API: its dates
        // are when this instance took its configuration.
        "date_created": date(state.started_at),
        "date_updated": date(state.started_at),
        "url": url,
        // Only the resources phone-verify answers for.
        "links": {
            "verification_checks": link("VerificationCheck"),
            "verifications": link("Verifications"),
        },
    }))
    .into_response())
}

/// `POST …/Verifications`: texts a code to `To`. A pending verification
/// of the same number under this key and service gets a new code, as with
/// Twilio (the same `sid`; the cooldown and quota apply).
async fn create(
    State(state): State<AppState>,
    Extension(callers): Extension<std::sync::Arc<callers::Callers>>,
    tenant: Option<Extension<Tenant>>,
    Path(service): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, tenant.as_ref(), &service)?;
    let p = params(form)?;
    let create = CreateParams::read(&p, &caller)?;
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
    // Twilio's codes map to the nearest available locale; one Twilio lists
    // in a language not available here is as no Locale (i18n/codes.rs).
    let asked = match p.get("Locale") {
        None => None,
        Some(code) => match state.i18n.asked_locale(code) {
            Asked::Locale(locale) => Some(locale),
            Asked::Unavailable => None,
            Asked::Unknown | Asked::Malformed => return Err(TwilioError::unsupported_locale(code)),
        },
    };
    let locale = asked
        .or_else(|| phone.region().and_then(|r| state.i18n.locale_for_region(r)))
        .unwrap_or(state.i18n.default_locale());
    if let Some(person) = create.device_ip {
        callers::count_person(&state, &callers, person)
            .map_err(|callers::Limited(wait)| TwilioError::too_many(wait))?;
    }
    let requester = caller.requester(&create);
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
    tenant: Option<Extension<Tenant>>,
    Path((service, sid)): Path<(String, String)>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, tenant.as_ref(), &service)?;
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
    tenant: Option<Extension<Tenant>>,
    Path((service, sid)): Path<(String, String)>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, tenant.as_ref(), &service)?;
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
    tenant: Option<Extension<Tenant>>,
    Path(service): Path<String>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, TwilioError> {
    let caller = caller(&state, tenant.as_ref(), &service)?;
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
            let phone = state
                .verifier
                .parse_phone(to, None)
                .map_err(|_| TwilioError::invalid("To"))?;
            match state
                .verifier
                .pending_for(&phone, caller.tenant())
                .await
                .map_err(from_verify)?
            {
                Some(v) => v.id,
                None => {
                    let used_up = state
                        .verifier
                        .used_up_for(&phone, caller.tenant())
                        .await
                        .map_err(from_verify)?;
                    return Err(if used_up.is_some() {
                        max_check_attempts()
                    } else {
                        gone()
                    });
                }
            }
        }
        // Twilio's "Recipient invalid or not provided"
        // (twilio.com/docs/api/errors/60436).
        (None, None) => {
            return Err(TwilioError::new(
                StatusCode::BAD_REQUEST,
                60436,
                "Recipient invalid or not provided: give To or VerificationSid",
            ));
        }
    };
    let outcome = state
        .verifier
        .check(id, code, caller.tenant())
        .await
        .map_err(|e| match e {
            VerifyError::NotPending(Status::MaxAttemptsReached) => max_check_attempts(),
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
        CheckOutcome::NotPending(Status::MaxAttemptsReached) => return Err(max_check_attempts()),
        CheckOutcome::NotPending(_) => return Err(gone()),
    };
    Ok(Json(check_json(&caller, &v, status)).into_response())
}
