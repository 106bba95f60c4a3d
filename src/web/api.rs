//! The JSON API (`/api/v1`) for servers with their own UI: the same rules
//! and limits as the pages (one `Verifier`), bearer keys, the SPEC's error
//! objects, and an OpenAPI 3.1 document generated from these handlers.
use std::sync::OnceLock;

use axum::{
    Json, Router,
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Path, Request, State},
    http::{HeaderValue, StatusCode, header, request::Parts},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{
    Modify, OpenApi, ToSchema,
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
};
use utoipa_axum::{router::OpenApiRouter, routes};
use uuid::Uuid;

use super::{
    callers,
    outcome::{self, Outcome},
};
use crate::{
    domain::{PhoneError, Status, Verification},
    i18n::{Asked, Tr},
    verification::{CheckOutcome, Requester, VerifyError},
    web::state::AppState,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "phone-verify API",
        version = "1",
        description = "Start a phone verification (a code is texted), check the code the person typed, read or cancel it."
    ),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("One of API_KEYS"))
                    .build(),
            ),
        );
    }
}

fn parts() -> (Router<AppState>, utoipa::openapi::OpenApi) {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(create_verification))
        .routes(routes!(get_verification))
        .routes(routes!(check_verification))
        .routes(routes!(cancel_verification))
        .routes(routes!(openapi_document))
        .split_for_parts()
}

/// The API's routes (absent when `API_KEYS` is empty).
pub fn router() -> Router<AppState> {
    parts().0
}

/// The OpenAPI document, built from the same `routes!` as the router.
pub fn openapi() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(|| parts().1)
}

// ---------- wire types ----------

/// Where a verification stands.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApiStatus {
    Pending,
    Approved,
    Expired,
    Canceled,
    MaxAttemptsReached,
}

impl From<Status> for ApiStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Pending => ApiStatus::Pending,
            Status::Approved => ApiStatus::Approved,
            Status::Expired => ApiStatus::Expired,
            Status::Canceled => ApiStatus::Canceled,
            Status::MaxAttemptsReached => ApiStatus::MaxAttemptsReached,
        }
    }
}

/// A verification.
#[derive(Debug, Serialize, ToSchema)]
pub struct VerificationBody {
    id: Uuid,
    status: ApiStatus,
    /// E.164.
    #[schema(example = "+14155552671")]
    phone: String,
    /// When the current code stops working.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    expires_at: OffsetDateTime,
    attempts_left: u32,
    /// When a new code may be sent to this number.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    resend_after: OffsetDateTime,
}

impl VerificationBody {
    fn new(state: &AppState, v: &Verification) -> Self {
        let now = state.verifier.now();
        Self {
            id: v.id,
            status: v.status_at(now).into(),
            phone: v.phone.clone(),
            expires_at: v.expires_at,
            attempts_left: v.attempts_left,
            resend_after: state.verifier.resend_at(v),
        }
    }
}

/// Start a verification.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateRequest {
    /// E.164, or national format with `country`.
    #[schema(example = "+14155552671")]
    phone: String,
    /// ISO 3166 alpha-2 region for a national-format `phone`.
    #[schema(example = "US")]
    country: Option<String>,
    /// The SMS language: a BCP 47 tag or one of Twilio Verify's locale
    /// codes, any case (`es`, `pt-BR`, `zh-HK` → zh-Hant, `tl` → fil), mapped
    /// to the nearest available locale. A language not available, or no
    /// locale: the main language of the number's country when available,
    /// else the default. Not a language tag: 400 `invalid_request`.
    #[schema(example = "es")]
    locale: Option<String>,
    /// The person's IP address (IPv4 or IPv6), as your server saw it: the
    /// per-address limit, the pumping breaker's client networks and the bot
    /// check's burst count this send for that address. Without it, all of
    /// your sends count as one network.
    #[schema(example = "203.0.113.7")]
    client_ip: Option<String>,
}

/// Check a code.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    #[schema(example = "123456")]
    code: String,
}

/// An error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// One of: invalid_phone, country_not_allowed, rate_limited, budget_exhausted,
    /// incorrect_code, expired, max_attempts_reached, not_found, canceled, approved,
    /// sms_failed, unavailable, unauthorized, unsupported_media_type,
    /// invalid_request.
    code: &'static str,
    message: String,
    /// With `incorrect_code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    attempts_left: Option<u32>,
}

// ---------- errors ----------

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    attempts_left: Option<u32>,
    retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            attempts_left: None,
            retry_after: None,
        }
    }

    pub fn unauthorized() -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "A valid `Authorization: Bearer <key>` header is required.",
        )
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "No such verification.")
    }

    pub fn rate_limited(wait_seconds: u64) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many requests: wait for Retry-After seconds.",
        );
        e.retry_after = Some(wait_seconds.max(1));
        e
    }

    /// 400, 409 or 422 `invalid_request` (a malformed or reused
    /// `Idempotency-Key`).
    pub(crate) fn invalid_request(status: StatusCode, message: String) -> Self {
        Self::new(status, "invalid_request", message)
    }

    /// 409 `invalid_request`: a request with the same `Idempotency-Key` is
    /// running; retry after a second.
    pub(crate) fn in_progress(message: &str) -> Self {
        let mut e = Self::new(StatusCode::CONFLICT, "invalid_request", message);
        e.retry_after = Some(1);
        e
    }

    /// The database failed: 503 as any other request's.
    pub(crate) fn store_failed(state: &AppState, e: crate::storage::StoreError) -> Self {
        Self::from_verify(VerifyError::Store(e), &english(state))
    }

    /// The outcome table's answer, worded in English.
    fn from_outcome(outcome: &Outcome, tr: &Tr) -> Self {
        let mut e = Self::new(outcome.status, outcome.code, outcome.message(tr));
        e.retry_after = outcome.retry_after.map(outcome::retry_seconds);
        e
    }

    fn from_verify(e: VerifyError, tr: &Tr) -> Self {
        if let VerifyError::Store(store) = &e {
            tracing::error!(error = %store, "api request failed");
        }
        Self::from_outcome(&outcome::of(&e), tr)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody {
            error: ErrorDetail {
                code: self.code,
                message: self.message,
                attempts_left: self.attempts_left,
            },
        };
        let mut response = (self.status, Json(body)).into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
        response
    }
}

// ---------- extractors ----------

/// A request that carried one of `API_KEYS` (compared in constant time by
/// [`callers::gate`]): the key's name, its tenant.
pub struct ApiKey(pub String);

impl ApiKey {
    /// The requester of this tenant's verifications: its tenant, and the
    /// network it counts for (the person's, else the tenant as one).
    pub fn requester(&self, person: Option<std::net::IpAddr>) -> Requester {
        Requester {
            tenant: Some(self.0.clone()),
            network: Some(callers::network_for(&self.0, person)),
            ..Requester::default()
        }
    }

    pub fn tenant(&self) -> Option<&str> {
        Some(&self.0)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ApiKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        match parts.extensions.get::<callers::Tenant>() {
            Some(tenant) => Ok(ApiKey(tenant.0.clone())),
            None => Err(ApiError::unauthorized()),
        }
    }
}

/// A JSON body: 415 unless `Content-Type: application/json`, 400 when it
/// does not parse, 413 past the body limit.
pub struct ApiJson<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
        if !json {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "The body must be JSON (Content-Type: application/json).",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "invalid_request",
                    "The body is larger than 16 KiB.",
                )
            } else {
                ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "The body could not be read.",
                )
            }
        })?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                format!("Invalid JSON body: {e}"),
            )
        })
    }
}

/// A verification id from the path; anything else is simply not found.
pub struct VerificationId(Uuid);

impl FromRequestParts<AppState> for VerificationId {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::not_found())?;
        Uuid::parse_str(&raw)
            .map(VerificationId)
            .map_err(|_| ApiError::not_found())
    }
}

fn english(state: &AppState) -> Tr {
    Tr::new(state.i18n.clone(), "en", state.brand.clone())
}

// ---------- handlers ----------

/// Start a verification: a code is texted to the number.
///
/// A pending verification of the same number that your tenant (your keys'
/// name) started is replaced (its codes stop working); other tenants' and
/// the pages' are not. The same per-number limits apply as in the web flow.
/// Authenticated calls are limited per tenant, not per address; pass the
/// person's `client_ip` so the per-address limit and the pumping breaker
/// see the person.
#[utoipa::path(
    post,
    path = "/api/v1/verifications",
    tag = "verifications",
    params(
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 255, pattern = "^[!-~]{1,255}$",
            description = "Makes a retry safe: 1 to 255 visible ASCII characters, per tenant, kept 24 hours. A repeat of the same request (method, path and body) with the same key answers the first answer again (`Idempotent-Replayed: true`) and does nothing; the same key with another request is 422, and while the first still runs 409. Answers 429 and 5xx are not kept: a retry with the key runs again."),
    ),
    request_body = CreateRequest,
    responses(
        (status = 201, description = "Code sent", body = VerificationBody),
        (status = 400, description = "invalid_phone or invalid_request (a locale that is not a language tag, a malformed client_ip or Idempotency-Key)", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 403, description = "country_not_allowed", body = ErrorBody),
        (status = 409, description = "invalid_request: a request with this Idempotency-Key is in progress (Retry-After)", body = ErrorBody),
        (status = 413, description = "invalid_request: body too large", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody),
        (status = 422, description = "invalid_request: this Idempotency-Key was used with another request", body = ErrorBody),
        (status = 429, description = "rate_limited (cooldown, quota, the tenant's rate, client_ip's address or pumping guard)", body = ErrorBody),
        (status = 503, description = "budget_exhausted, sms_failed or unavailable", body = ErrorBody),
    )
)]
async fn create_verification(
    State(state): State<AppState>,
    axum::Extension(callers): axum::Extension<std::sync::Arc<callers::Callers>>,
    key: ApiKey,
    ApiJson(body): ApiJson<CreateRequest>,
) -> Result<Response, ApiError> {
    let tr = english(&state);
    let person = match body.client_ip.as_deref() {
        None => None,
        Some(raw) => Some(callers::parse_person_ip(raw).ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "client_ip must be an IPv4 or IPv6 address.",
            )
        })?),
    };
    let region = body
        .country
        .as_deref()
        .and_then(crate::domain::phone::known_region);
    let phone = state
        .verifier
        .parse_phone(&body.phone, region)
        .map_err(|e| {
            let id = if e == PhoneError::CannotReceiveSms {
                "error-not-mobile"
            } else {
                "error-invalid-phone"
            };
            ApiError::new(StatusCode::BAD_REQUEST, "invalid_phone", tr.t(id))
        })?;
    // The same mapping as Twilio's Locale (i18n/codes.rs); a language tag
    // for a language not available here falls back, a malformed one is
    // refused.
    let asked = match body.locale.as_deref() {
        None => None,
        Some(code) => match state.i18n.asked_locale(code) {
            Asked::Locale(locale) => Some(locale),
            Asked::Unavailable | Asked::Unknown => None,
            Asked::Malformed => {
                return Err(ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "locale must be a language tag such as es, pt-BR or zh-HK.",
                ));
            }
        },
    };
    let locale = asked
        .or_else(|| phone.region().and_then(|r| state.i18n.locale_for_region(r)))
        .unwrap_or(state.i18n.default_locale());
    if let Some(person) = person {
        callers::count_person(&state, &callers, person)
            .map_err(|callers::Limited(wait)| ApiError::rate_limited(wait))?;
    }
    let v = state
        .verifier
        .start(&phone, locale, &key.requester(person))
        .await
        .map_err(|e| ApiError::from_verify(e, &tr))?;
    Ok((StatusCode::CREATED, Json(VerificationBody::new(&state, &v))).into_response())
}

/// Read a verification.
#[utoipa::path(
    get,
    path = "/api/v1/verifications/{id}",
    tag = "verifications",
    params(("id" = Uuid, Path, description = "The verification id")),
    responses(
        (status = 200, description = "The verification", body = VerificationBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 429, description = "rate_limited: the tenant's rate, or this address's failed authentication", body = ErrorBody),
        (status = 503, description = "unavailable", body = ErrorBody),
    )
)]
async fn get_verification(
    State(state): State<AppState>,
    key: ApiKey,
    VerificationId(id): VerificationId,
) -> Result<Json<VerificationBody>, ApiError> {
    let v = state
        .verifier
        .get(id, key.tenant())
        .await
        .map_err(|e| ApiError::from_verify(e, &english(&state)))?;
    Ok(Json(VerificationBody::new(&state, &v)))
}

/// Check the code the person typed.
///
/// Each wrong code uses one attempt. A verification that is no longer
/// pending answers 400 with its state as the error code.
#[utoipa::path(
    post,
    path = "/api/v1/verifications/{id}/check",
    tag = "verifications",
    params(
        ("id" = Uuid, Path, description = "The verification id"),
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 255, pattern = "^[!-~]{1,255}$",
            description = "Makes a retry safe: 1 to 255 visible ASCII characters, per tenant, kept 24 hours. A repeat of the same request (method, path and body) with the same key answers the first answer again (`Idempotent-Replayed: true`) and does nothing; the same key with another request is 422, and while the first still runs 409. Answers 429 and 5xx are not kept: a retry with the key runs again."),
    ),
    request_body = CheckRequest,
    responses(
        (status = 200, description = "Approved", body = VerificationBody),
        (status = 400, description = "incorrect_code (with attempts_left), expired, approved, canceled, max_attempts_reached or invalid_request (also a malformed Idempotency-Key)", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "invalid_request: a request with this Idempotency-Key is in progress (Retry-After)", body = ErrorBody),
        (status = 413, description = "invalid_request: body too large", body = ErrorBody),
        (status = 415, description = "unsupported_media_type", body = ErrorBody),
        (status = 422, description = "invalid_request: this Idempotency-Key was used with another request", body = ErrorBody),
        (status = 429, description = "rate_limited", body = ErrorBody),
        (status = 503, description = "unavailable", body = ErrorBody),
    )
)]
async fn check_verification(
    State(state): State<AppState>,
    key: ApiKey,
    VerificationId(id): VerificationId,
    ApiJson(body): ApiJson<CheckRequest>,
) -> Result<Json<VerificationBody>, ApiError> {
    let tr = english(&state);
    match state
        .verifier
        .check(id, &body.code, key.tenant())
        .await
        .map_err(|e| ApiError::from_verify(e, &tr))?
    {
        CheckOutcome::Approved(v) => Ok(Json(VerificationBody::new(&state, &v))),
        // The wrong code that spent the last attempt.
        CheckOutcome::Incorrect(v) if v.status == Status::MaxAttemptsReached => Err(
            ApiError::from_outcome(&outcome::not_pending(Status::MaxAttemptsReached), &tr),
        ),
        CheckOutcome::Incorrect(v) => {
            let mut e = ApiError::new(
                StatusCode::BAD_REQUEST,
                "incorrect_code",
                "The code is not right.",
            );
            e.attempts_left = Some(v.attempts_left);
            Err(e)
        }
        CheckOutcome::NotPending(status) => {
            Err(ApiError::from_outcome(&outcome::not_pending(status), &tr))
        }
        // Not a code of the right length: nothing spent.
        CheckOutcome::Malformed(_) => Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            tr.args(
                "error-code-format",
                &[(
                    "length",
                    crate::i18n::Arg::from(u32::from(state.verifier.policy().otp.length)),
                )],
            ),
        )),
    }
}

/// Cancel a pending verification.
#[utoipa::path(
    post,
    path = "/api/v1/verifications/{id}/cancel",
    tag = "verifications",
    params(
        ("id" = Uuid, Path, description = "The verification id"),
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 255, pattern = "^[!-~]{1,255}$",
            description = "Makes a retry safe: 1 to 255 visible ASCII characters, per tenant, kept 24 hours. A repeat of the same request (method, path and body) with the same key answers the first answer again (`Idempotent-Replayed: true`) and does nothing; the same key with another request is 422, and while the first still runs 409. Answers 429 and 5xx are not kept: a retry with the key runs again."),
    ),
    responses(
        (status = 200, description = "Canceled", body = VerificationBody),
        (status = 400, description = "expired, approved, canceled or max_attempts_reached; invalid_request for a malformed Idempotency-Key", body = ErrorBody),
        (status = 401, description = "unauthorized", body = ErrorBody),
        (status = 404, description = "not_found", body = ErrorBody),
        (status = 409, description = "invalid_request: a request with this Idempotency-Key is in progress (Retry-After)", body = ErrorBody),
        (status = 413, description = "invalid_request: a body over 16 KiB with an Idempotency-Key", body = ErrorBody),
        (status = 422, description = "invalid_request: this Idempotency-Key was used with another request", body = ErrorBody),
        (status = 429, description = "rate_limited", body = ErrorBody),
        (status = 503, description = "unavailable", body = ErrorBody),
    )
)]
async fn cancel_verification(
    State(state): State<AppState>,
    key: ApiKey,
    VerificationId(id): VerificationId,
) -> Result<Json<VerificationBody>, ApiError> {
    let v = state
        .verifier
        .cancel(id, key.tenant())
        .await
        .map_err(|e| ApiError::from_verify(e, &english(&state)))?;
    Ok(Json(VerificationBody::new(&state, &v)))
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "meta",
    security(()),
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json"))
)]
async fn openapi_document() -> Response {
    Json(openapi()).into_response()
}
