//! Retries made safe: `Idempotency-Key` on the JSON API's POSTs,
//! `I-Twilio-Idempotency-Token` on the Twilio door's (Stripe's design).
//!
//! A key is 1–255 visible ASCII characters, scoped to the tenant (the
//! name of the caller's key, [`Tenant`]) and kept 24 hours. The first
//! request with a key claims it in the database and runs; its answer is
//! kept. A repeat of the same request (SHA-256 of method, path and body)
//! gets that answer again (status and JSON body, `Idempotent-Replayed:
//! true`) and does nothing; the same key with another request is 422; a
//! repeat while the first still runs is 409 (retry it). An answer that
//! invites a retry (429, any 5xx, among them `sms_failed`) is not kept: the
//! key is let go and a retry runs again.
//!
//! The request runs in a task of its own, so a client that hangs up does
//! not cut it short: its answer is still kept for the retry. A claim whose
//! instance died before answering is taken over by the same request after
//! [`IN_FLIGHT_LEASE`].
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use hmac::{Hmac, Mac};
use http_body_util::BodyExt as _;
use sha2::Sha256;
use time::Duration;
use uuid::Uuid;

use super::{
    api::ApiError,
    callers::{Door, Tenant},
    twilio::TwilioError,
};
use crate::{
    storage::{
        StoreError,
        idempotency::{Claimed, KeptAnswer, KeyClaim},
    },
    web::state::AppState,
};

/// The JSON API's header.
pub const API_HEADER: &str = "idempotency-key";
/// The Twilio door's header.
pub const TWILIO_HEADER: &str = "i-twilio-idempotency-token";
/// How long a key and its answer are kept.
pub const KEEP: Duration = Duration::hours(24);
/// A claim older than this whose request never answered (its instance
/// died) may be taken over by the same request: longer than any request
/// runs (the SMS provider's timeout is at most 60 s).
pub const IN_FLIGHT_LEASE: Duration = Duration::minutes(5);
/// The longest key.
pub const MAX_KEY_CHARS: usize = 255;
/// The largest answer kept (the API's own JSON is far smaller).
const MAX_KEPT_BODY: usize = 64 * 1024;
/// The header marking a replayed answer.
pub const REPLAYED: &str = "idempotent-replayed";

/// Why a request with a key is not run.
enum Refusal {
    /// Not 1–255 visible ASCII characters, or given twice.
    BadKey,
    /// The key was used with another request.
    OtherRequest,
    /// The same request is still running.
    InFlight,
    /// A body past the limit (it is not read, so it cannot be compared).
    TooLarge,
    /// The database did not answer.
    Unavailable(StoreError),
}

fn header_name(door: Door) -> &'static str {
    match door {
        Door::Api => API_HEADER,
        Door::Twilio => TWILIO_HEADER,
    }
}

/// The door's answer to a refusal.
fn refuse(state: &AppState, door: Door, refusal: Refusal) -> Response {
    match door {
        Door::Api => {
            let invalid = |status, message: &str| {
                ApiError::invalid_request(status, message.to_owned()).into_response()
            };
            match refusal {
                Refusal::BadKey => invalid(
                    StatusCode::BAD_REQUEST,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, given once.",
                ),
                Refusal::OtherRequest => invalid(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "This Idempotency-Key was used with another request in the last 24 hours: use a new key for a new request.",
                ),
                Refusal::InFlight => ApiError::in_progress(
                    "A request with this Idempotency-Key is in progress: retry it shortly.",
                )
                .into_response(),
                Refusal::TooLarge => invalid(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "The body is larger than 16 KiB.",
                ),
                Refusal::Unavailable(e) => ApiError::store_failed(state, e).into_response(),
            }
        }
        Door::Twilio => match refusal {
            Refusal::BadKey => TwilioError::new(
                StatusCode::BAD_REQUEST,
                60200,
                "Invalid parameter: I-Twilio-Idempotency-Token must be 1 to 255 visible ASCII characters, given once",
            )
            .into_response(),
            Refusal::OtherRequest => TwilioError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                60200,
                "Invalid parameter: this I-Twilio-Idempotency-Token was used with another request in the last 24 hours",
            )
            .into_response(),
            Refusal::InFlight => TwilioError::in_progress(
                "A request with this I-Twilio-Idempotency-Token is in progress: retry it shortly",
            )
            .into_response(),
            Refusal::TooLarge => TwilioError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                60200,
                format!(
                    "Invalid parameter: the body is larger than {} KiB",
                    super::BODY_LIMIT / 1024
                ),
            )
            .into_response(),
            Refusal::Unavailable(e) => TwilioError::store_failed(e).into_response(),
        },
    }
}

/// The request's key: `Ok(None)` without one, `Err` for one that is not
/// 1–255 visible ASCII characters or is given twice.
fn key_of(request: &Request, name: &str) -> Result<Option<String>, ()> {
    let mut values = request.headers().get_all(name).iter();
    let Some(value) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(());
    }
    let bytes = value.as_bytes();
    if bytes.is_empty()
        || bytes.len() > MAX_KEY_CHARS
        || !bytes.iter().all(|b| (b'!'..=b'~').contains(b))
    {
        return Err(());
    }
    // Visible ASCII is UTF-8.
    String::from_utf8(bytes.to_vec()).map(Some).map_err(|_| ())
}

/// What makes a request the same request — its method, path (with query)
/// and body — as HMAC-SHA256 under the server key: a body names a phone
/// number, and a plain hash of so few possible bodies could be reversed.
fn request_hash(key: &[u8], method: &Method, path: &str, body: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(b"idempotency\0");
    mac.update(method.as_str().as_bytes());
    mac.update(&[0]);
    mac.update(path.as_bytes());
    mac.update(&[0]);
    mac.update(body);
    mac.finalize().into_bytes().into()
}

/// A kept answer, as first given: its status and JSON body.
fn replay(answer: KeptAnswer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let mut response = (status, answer.body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(REPLAYED, HeaderValue::from_static("true"));
    response
}

/// Whether an answer is kept for the key: final, JSON, and small. 429 and
/// 5xx invite a retry (nothing was done, or what failed may work next
/// time), so they are not.
fn keeps(response: &Response) -> bool {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    json && !status.is_server_error() && status != StatusCode::TOO_MANY_REQUESTS
}

/// Around a server door's POST routes (inside [`super::callers::gate`], so
/// the tenant is known): a request with the door's key header runs once per
/// key. Without the header, or unauthenticated (the route answers 401), the
/// request goes on as it is.
pub async fn layer(
    State((state, door)): State<(AppState, Door)>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let key = match key_of(&request, header_name(door)) {
        Ok(Some(key)) => key,
        Ok(None) => return next.run(request).await,
        Err(()) => {
            tracing::info!("idempotency key refused: malformed");
            return refuse(&state, door, Refusal::BadKey);
        }
    };
    let Some(Tenant(tenant)) = request.extensions().get::<Tenant>().cloned() else {
        return next.run(request).await;
    };
    // `read_body` has the body in memory already, unless it is over the
    // limit: then 413, as the route would answer.
    let oversized = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > super::BODY_LIMIT as u64);
    if oversized {
        return refuse(&state, door, Refusal::TooLarge);
    }
    let (parts, body) = request.into_parts();
    let body: Bytes = match axum::body::to_bytes(body, super::BODY_LIMIT).await {
        Ok(bytes) => bytes,
        Err(_) => return refuse(&state, door, Refusal::TooLarge),
    };
    let path = parts
        .uri
        .path_and_query()
        .map_or_else(|| parts.uri.path(), |p| p.as_str());
    let hash = request_hash(
        state.settings.secret_key.bytes(),
        &parts.method,
        path,
        &body,
    );
    let now = state.verifier.now();
    let claim = Uuid::new_v4();
    let claimed = state
        .store
        .claim_key(&KeyClaim {
            tenant: &tenant,
            key: &key,
            request_hash: &hash,
            claim,
            now,
            expires_at: now + KEEP,
            stale_before: now - IN_FLIGHT_LEASE,
        })
        .await;
    match claimed {
        Ok(Claimed::Yours) => {}
        Ok(Claimed::Answered(answer)) => {
            tracing::info!(status = answer.status, "idempotent replay");
            return replay(answer);
        }
        Ok(Claimed::OtherRequest) => {
            tracing::info!("idempotency key used with another request");
            return refuse(&state, door, Refusal::OtherRequest);
        }
        Ok(Claimed::InFlight) => {
            tracing::info!("idempotency key in flight");
            return refuse(&state, door, Refusal::InFlight);
        }
        Err(e) => return refuse(&state, door, Refusal::Unavailable(e)),
    }
    // Runs to the end even if the client hangs up, so its answer is kept.
    let request = Request::from_parts(parts, Body::from(body));
    let run = {
        let state = state.clone();
        tracing::Instrument::instrument(
            async move {
                let response = next.run(request).await;
                settle(&state, &tenant, &key, claim, response).await
            },
            tracing::Span::current(),
        )
    };
    match tokio::spawn(run).await {
        Ok(response) => response,
        Err(e) => {
            tracing::error!(error = %e, "an idempotent request's task failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Keeps the answer for the key, or lets the key go; hands the answer on.
async fn settle(
    state: &AppState,
    tenant: &str,
    key: &str,
    claim: Uuid,
    response: Response,
) -> Response {
    let release = async || {
        if let Err(e) = state.store.release_key(tenant, key, claim).await {
            // The claim lapses after IN_FLIGHT_LEASE.
            tracing::warn!(error = %e, "could not release an idempotency key");
        }
    };
    if !keeps(&response) {
        release().await;
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => {
            tracing::error!(error = %e, "an answer's body could not be read");
            release().await;
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let text = (bytes.len() <= MAX_KEPT_BODY)
        .then(|| std::str::from_utf8(&bytes).ok())
        .flatten();
    match text {
        Some(text) => {
            let answer = KeptAnswer {
                status: parts.status.as_u16(),
                body: text.to_owned(),
            };
            if let Err(e) = state.store.finish_key(tenant, key, claim, &answer).await {
                // The claim lapses after IN_FLIGHT_LEASE; until then a
                // repeat is told to retry.
                tracing::warn!(error = %e, "could not keep an idempotent answer");
            }
        }
        None => release().await,
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_key(values: &[&[u8]]) -> Request {
        let mut request = Request::new(Body::empty());
        for v in values {
            request.headers_mut().append(
                API_HEADER,
                HeaderValue::from_bytes(v).expect("a header value"),
            );
        }
        request
    }

    #[test]
    fn a_key_is_1_to_255_visible_ascii_characters_given_once() {
        assert_eq!(key_of(&with_key(&[]), API_HEADER), Ok(None));
        assert_eq!(
            key_of(&with_key(&[&b"order-42:retry_1"[..]]), API_HEADER),
            Ok(Some("order-42:retry_1".into()))
        );
        let longest = "k".repeat(255);
        assert_eq!(
            key_of(&with_key(&[longest.as_bytes()]), API_HEADER),
            Ok(Some(longest.clone()))
        );
        let long = "k".repeat(256);
        let bads: [&[u8]; 5] = [
            &b""[..],
            long.as_bytes(),
            b"with space",
            b"tab\there",
            b"caf\xc3\xa9",
        ];
        for bad in bads {
            assert_eq!(key_of(&with_key(&[bad]), API_HEADER), Err(()), "{bad:?}");
        }
        assert_eq!(
            key_of(&with_key(&[&b"a"[..], &b"a"[..]]), API_HEADER),
            Err(())
        );
    }

    const KEY: &[u8] = &[7; 32];

    #[test]
    fn the_same_request_is_method_path_and_body() {
        let a = request_hash(KEY, &Method::POST, "/api/v1/verifications", b"{}");
        assert_eq!(
            a,
            request_hash(KEY, &Method::POST, "/api/v1/verifications", b"{}")
        );
        assert_ne!(
            a,
            request_hash(KEY, &Method::POST, "/api/v1/verifications", b"{ }")
        );
        assert_ne!(
            a,
            request_hash(KEY, &Method::POST, "/api/v1/verification", b"s{}")
        );
        assert_ne!(
            a,
            request_hash(KEY, &Method::PUT, "/api/v1/verifications", b"{}")
        );
        assert_ne!(
            a,
            request_hash(&[8; 32], &Method::POST, "/api/v1/verifications", b"{}")
        );
    }
}
