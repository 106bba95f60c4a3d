//! HTTP: the routers, the per-request UI context (language, error pages)
//! and the extractors that turn raw input into typed values.
use axum::{
    Router,
    extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Request, State},
    http::{HeaderMap, StatusCode, header, request::Parts},
    middleware::{self, Next},
    response::{IntoResponse, Response},
};
use tower_http::limit::RequestBodyLimitLayer;
use tower_sessions::{Expiry, SessionManagerLayer, cookie::SameSite};

use crate::{i18n::Tr, storage::sessions::SessionStoreAny, web::state::AppState};
use error::{AppError, ErrorPage};
use security::cookie_name;
use ui::Ui;

pub mod admin;
pub mod api;
pub mod assets;
pub mod callers;
pub mod challenge;
pub mod dev;
pub mod embed;
pub mod error;
pub mod health;
pub mod idempotency;
pub mod journey;
pub mod outcome;
pub mod pages;
pub mod security;
pub mod server;
pub mod session;
pub mod state;
pub mod throttle;
pub mod twilio;
pub mod ui;

/// The largest request body accepted.
pub const BODY_LIMIT: usize = 16 * 1024;

pub fn router(state: AppState, sessions: SessionStoreAny) -> Router {
    let https = state.settings.is_https();
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name(if https {
            "__Host-pv_session"
        } else {
            "pv_session"
        })
        .with_secure(https)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(30)));

    // One per-IP limiter for the pages, and for the server APIs' failed
    // authentication and the persons they name: one client, one bucket.
    let limits = rate_limit_config(&state, axum::http::Method::POST);
    let callers = callers::Callers::new(&state, limits.clone());
    let challenge_limits = rate_limit_config(&state, axum::http::Method::GET);
    Router::new()
        .merge(pages::router())
        .route(
            "/challenge",
            axum::routing::get(challenge::issue).route_layer({
                let metrics = state.metrics.clone();
                tower_governor::GovernorLayer::new(challenge_limits)
                    .error_handler(move |e| security::rate_limited(e, &metrics))
            }),
        )
        .merge(dev::router(&state))
        .fallback(|| async { AppError::NotFound })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer({
            let metrics = state.metrics.clone();
            tower_governor::GovernorLayer::new(limits.clone())
                .error_handler(move |e| security::rate_limited(e, &metrics))
        })
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::same_site_forms,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), ui_context))
        .layer(session_layer)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session_store_failure,
        ))
        .merge(health::router(&state))
        .merge(assets::host_router())
        .merge(api_router(&state, callers.clone()))
        .merge(twilio_router(&state, callers))
        .merge(admin::router(&state))
        .route_layer(middleware::from_fn(label_route))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        // gzip or brotli, for clients that ask (`Accept-Encoding`); quality
        // 4 keeps most of the gain for a fraction of the default's CPU (the
        // pages' form tokens are masked per page against BREACH).
        .layer(
            tower_http::compression::CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Precise(4)),
        )
        .layer(middleware::from_fn_with_state(state.clone(), read_body))
        .layer(middleware::from_fn_with_state(state.clone(), observe))
        .layer(middleware::from_fn(request_id))
        .with_state(state)
}

/// Reads a request's whole body within `HTTP_BODY_TIMEOUT_SECONDS` of its
/// headers, so a client that trickles its body cannot hold a connection
/// and a task; too slow is 408. A body over the limit (by its
/// `Content-Length`, or once more than the limit has arrived) goes on
/// unread or cut short, for the routes' own 413.
async fn read_body(State(state): State<AppState>, request: Request, next: Next) -> Response {
    use http_body_util::BodyExt as _;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let (parts, body) = request.into_parts();
    if http_body::Body::is_end_stream(&body) || declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return next.run(Request::from_parts(parts, body)).await;
    }
    let mut body = body;
    let mut read = Vec::new();
    let deadline = tokio::time::Instant::now() + state.settings.http.body_timeout;
    while read.len() <= BODY_LIMIT {
        match tokio::time::timeout_at(deadline, body.frame()).await {
            Err(_) => {
                tracing::info!("request body not received in time");
                return (
                    StatusCode::REQUEST_TIMEOUT,
                    [(header::CONNECTION, "close")],
                    "The request body did not arrive in time.",
                )
                    .into_response();
            }
            Ok(None) => break,
            Ok(Some(Ok(frame))) => {
                if let Ok(data) = frame.into_data() {
                    read.extend_from_slice(&data);
                }
            }
            // A broken body: what was read goes on, and the route answers 400.
            Ok(Some(Err(_))) => break,
        }
    }
    // Past the limit, what was read goes on and the route answers 413.
    next.run(Request::from_parts(parts, axum::body::Body::from(read)))
        .await
}

/// A request's id: `x-request-id` as sent (when it is a sane token), else a
/// new UUID. It names the request's log span and comes back in the response.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

async fn request_id(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        })
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    request.extensions_mut().insert(RequestId(id.clone()));
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = method_label(request.method()),
        api_key = tracing::field::Empty,
        // The path only (query strings can hold numbers), escaped.
        path = %loggable_path(request.uri().path()),
    );
    let mut response = tracing::Instrument::instrument(next.run(request), span).await;
    if let Ok(value) = axum::http::HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// A request path as it may appear in a log line: printable ASCII as is,
/// every other byte (controls, spaces, raw UTF-8 such as U+202E, which
/// would reorder a terminal's text) percent-encoded, and at most 256 bytes
/// of it. A run of seven digits or more (a phone number in place of a
/// Twilio SID, say) keeps only its last two.
pub fn loggable_path(path: &str) -> String {
    const MOST: usize = 256;
    const NUMBER: usize = 7;
    let bytes = &path.as_bytes()[..path.len().min(MOST)];
    let mut out = String::with_capacity(bytes.len() + 8);
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run >= NUMBER {
            out.push_str(&"*".repeat(run - 2));
            out.push_str(&path[i + run - 2..i + run]);
            i += run;
            continue;
        }
        let byte = bytes[i];
        if byte.is_ascii_graphic() {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
        i += 1;
    }
    if path.len() > MOST {
        out.push_str("...");
    }
    out
}

/// Counts and times every response (by route, method and status) and logs
/// it. Every label comes from a closed set: the standard methods or
/// `other`, the route's template or `unmatched`, so requests cannot grow
/// the metrics.
async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let method = method_label(request.method());
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    let route = response
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("unmatched", |p| p.as_str());
    state
        .metrics
        .observe_http(method, route, status, elapsed.as_secs_f64());
    if status >= 500 {
        tracing::warn!(status, elapsed_ms = elapsed.as_millis() as u64, "response");
    } else {
        tracing::info!(status, elapsed_ms = elapsed.as_millis() as u64, "response");
    }
    response
}

/// Hands the matched route's template from the request to the response,
/// for `observe` (which runs before routing).
async fn label_route(request: Request, next: Next) -> Response {
    let matched = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .cloned();
    let mut response = next.run(request).await;
    if let Some(matched) = matched {
        response.extensions_mut().insert(matched);
    }
    response
}

/// The metrics' method label: a standard method, or `other`.
fn method_label(method: &axum::http::Method) -> &'static str {
    use axum::http::Method;
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}

/// The per-client rate limiter's configuration, shared by pages and API.
type ClientLimits = std::sync::Arc<
    tower_governor::governor::GovernorConfig<
        security::ClientIpKey,
        governor::middleware::NoOpMiddleware,
    >,
>;

/// The per-client limits on every request of `method` (`IP_RATE_LIMIT_PER_MINUTE`,
/// burst `IP_RATE_LIMIT_BURST`), keyed by client (an IPv6 /64 by default):
/// every POST, and apart from them `GET /challenge`. A task drops idle
/// buckets every minute.
fn rate_limit_config(state: &AppState, method: axum::http::Method) -> ClientLimits {
    let abuse = &state.settings.abuse;
    let config = tower_governor::governor::GovernorConfigBuilder::default()
        .period(std::time::Duration::from_nanos(
            60_000_000_000 / u64::from(abuse.ip_per_minute),
        ))
        .burst_size(abuse.ip_burst)
        .methods(vec![method])
        .key_extractor(security::ClientIpKey(state.client_address))
        .finish()
        .expect("period and burst are validated at start-up");
    let config = std::sync::Arc::new(config);
    let weak = std::sync::Arc::downgrade(&config);
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            ticker.tick().await;
            match weak.upgrade() {
                Some(config) => config.limiter().retain_recent(),
                None => break,
            }
        }
    });
    config
}

/// The JSON API, when `API_KEYS` is set: outside the session layer, behind
/// [`callers::gate`] (per tenant; per address when authentication fails),
/// answering in JSON; its routes take `Idempotency-Key` ([`idempotency`]).
fn api_router(state: &AppState, callers: std::sync::Arc<callers::Callers>) -> Router<AppState> {
    if state.settings.api_keys.is_empty() {
        return Router::new();
    }
    api::router()
        .route_layer(middleware::from_fn_with_state(
            (state.clone(), callers::Door::Api),
            idempotency::layer,
        ))
        .route(
            "/api/v1/{*rest}",
            axum::routing::any(|| async { api::ApiError::not_found() }),
        )
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            (state.clone(), callers, callers::Door::Api),
            callers::gate,
        ))
}

/// The Twilio Verify–compatible API, when configured: outside the session
/// layer, behind the same gate, answering in Twilio's shapes.
fn twilio_router(state: &AppState, callers: std::sync::Arc<callers::Callers>) -> Router<AppState> {
    if state.twilio.is_none() {
        return Router::new();
    }
    twilio::router(state)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(
            (state.clone(), callers, callers::Door::Twilio),
            callers::gate,
        ))
}

/// Query parameters that may appear once: a second `client_id` or
/// `return_to` is refused rather than silently ignored.
const SINGLE_PARAMS: &[&str] = &[
    "flow",
    "client_id",
    "return_to",
    "state",
    "nonce",
    "embed",
    "lang",
];

/// The language cookie's base name (the choice made with `?lang=`).
const LANG_COOKIE: &str = "pv_lang";
/// The form-token cookie's base name.
const CSRF_COOKIE: &str = "pv_csrf";

/// Picks the language (`?lang=` → the flow's or the browser's choice →
/// `Accept-Language` → default), finds the journey (an app's stored flow,
/// an app's flow from the query, or the browser's form-token cookie),
/// hands both to the handler, and renders error responses as localized
/// pages. Finding the language and the journey writes nothing; a page's
/// handler may (a browser's one-time notice is removed once shown).
async fn ui_context(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let query: Vec<(String, String)> = request
        .uri()
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let param = |name: &str| {
        query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let asked = param("lang").and_then(|l| state.i18n.locale(l));
    // Where the reader is comes from `Accept-Language` wherever the flow
    // opens, whatever language the page is in (`?lang=`, the cookie, a
    // flow's): the phone form starts on it.
    let accept = accept_language(request.headers()).map(str::to_owned);
    let region = |lang: &str| state.i18n.reader_region(accept.as_deref(), lang);
    let repeated = SINGLE_PARAMS
        .iter()
        .any(|name| query.iter().filter(|(k, _)| k == name).count() > 1);
    let https = state.settings.is_https();
    if repeated {
        let lang =
            asked.unwrap_or_else(|| state.i18n.negotiate(accept_language(request.headers())));
        let ui = page_ui(&state, lang);
        tracing::info!("a query parameter given twice");
        return finish(AppError::BadRequest.into_response(), &ui);
    }

    // An app's flow carries its own state (and language) instead of a cookie.
    if let Some(flow_id) = param("flow") {
        let flow = match state.store.get_flow(flow_id, state.verifier.now()).await {
            Ok(flow) => flow,
            Err(e) => return AppError::from(e).into_response(),
        };
        let Some(mut flow) = flow else {
            let lang =
                asked.unwrap_or_else(|| state.i18n.negotiate(accept_language(request.headers())));
            let ui = page_ui(&state, lang);
            request.extensions_mut().insert(journey::StaleAppFlow);
            request.extensions_mut().insert(ui.clone());
            return finish(next.run(request).await, &ui);
        };
        // A language asked for in the URL holds for this page and stays in
        // its links and forms (`flow_q`); the stored flow is not written on
        // a page view (a form post that saves the flow keeps it).
        let switch_q = format!("?flow={}", flow.id);
        let flow_q = match asked.filter(|l| *l != flow.lang) {
            Some(lang) => {
                flow.lang = lang.to_owned();
                format!("{switch_q}&lang={lang}")
            }
            None => switch_q.clone(),
        };
        let region = region(&flow.lang);
        return in_app_flow(
            &state,
            request,
            next,
            flow,
            (flow_q, switch_q),
            region,
            |r, f| {
                r.extensions_mut().insert(f);
            },
        )
        .await;
    }

    let lang_cookie = cookie_name(LANG_COOKIE, https);
    let saved =
        security::cookie(request.headers(), &lang_cookie).and_then(|l| state.i18n.locale(l));
    let lang = asked
        .or(saved)
        .unwrap_or_else(|| state.i18n.negotiate(accept.as_deref()));
    let region = region(lang);

    // `?client_id=` opens an app's flow; nothing is stored until its first POST.
    if param("client_id").is_some() {
        let flow = match embed::pending_flow(&state, lang, |name| param(name).map(str::to_owned)) {
            Ok(flow) => flow,
            Err(_) => {
                let ui = page_ui(&state, lang);
                request.extensions_mut().insert(journey::BadAppFlow);
                request.extensions_mut().insert(ui.clone());
                return finish(next.run(request).await, &ui);
            }
        };
        let base = embed::pending_query(&flow);
        let flow_q = format!("{base}&lang={lang}");
        return in_app_flow(
            &state,
            request,
            next,
            flow,
            (flow_q, base),
            region,
            |r, f| {
                r.extensions_mut().insert(journey::PendingAppFlow(f));
            },
        )
        .await;
    }

    let csrf_cookie = cookie_name(CSRF_COOKIE, https);
    let csrf = session::CsrfCookie::from_cookie(
        security::cookie(request.headers(), &csrf_cookie),
        state.signer.clone(),
    );
    let mut ui = page_ui(&state, lang);
    ui.region = region;
    request.extensions_mut().insert(ui.clone());
    request.extensions_mut().insert(csrf.clone());
    let mut response = finish(next.run(request).await, &ui);
    let headers = response.headers_mut();
    if let Some(seed) = csrf.to_set()
        && let Some(value) = security::set_cookie(&csrf_cookie, seed, https)
    {
        headers.append(header::SET_COOKIE, value);
    }
    if let Some(chosen) = asked.filter(|l| Some(*l) != saved)
        && let Some(value) = security::set_cookie(&lang_cookie, chosen, https)
    {
        headers.append(header::SET_COOKIE, value);
    }
    response
}

/// Runs a page of an app's flow: its language, its links (`flow_q`, and
/// `switch_q` for the language switcher), the reader's region, the app's
/// name, its CSP.
async fn in_app_flow(
    state: &AppState,
    mut request: Request,
    next: Next,
    flow: crate::storage::AppFlow,
    (flow_q, switch_q): (String, String),
    region: Option<&'static str>,
    attach: impl FnOnce(&mut Request, crate::storage::AppFlow),
) -> Response {
    let client = embed::client(state, &flow.client_id);
    let lang = state
        .i18n
        .locale(&flow.lang)
        .unwrap_or(state.i18n.default_locale());
    let parent = flow
        .embed
        .then(|| embed::origin_of(&flow.return_to))
        .flatten();
    let mut ui =
        page_ui(state, lang).in_flow(flow_q, switch_q, client.map(|c| c.name.clone()), parent);
    ui.region = region;
    let csp = embed::csp(state, &flow, client);
    request.extensions_mut().insert(ui.clone());
    attach(&mut request, flow);
    let mut response = finish(next.run(request).await, &ui);
    if let Ok(value) = axum::http::HeaderValue::from_str(&csp) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, value);
    }
    response
}

/// A page's context in `lang`, with the deployment's logo and accent colour.
fn page_ui(state: &AppState, lang: &'static str) -> Ui {
    Ui::new(
        Tr::new(state.i18n.clone(), lang, state.brand.clone()),
        state.settings.brand.logo_url.as_deref(),
        state.settings.brand.accent.is_some(),
    )
}

/// The session layer answers a bare 500 when it cannot save the session
/// (the database is down): make that the localized 503 it really is.
async fn session_store_failure(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let accept = accept_language(request.headers()).map(str::to_owned);
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || response.headers().contains_key(header::CONTENT_TYPE)
    {
        return response;
    }
    let ui = page_ui(&state, state.i18n.negotiate(accept.as_deref()));
    finish(
        AppError::Unavailable("session store".into()).into_response(),
        &ui,
    )
}

/// Renders an error response as the localized page.
fn finish(mut response: Response, ui: &Ui) -> Response {
    let page = response.extensions_mut().remove::<ErrorPage>().or_else(|| {
        (response.status() == StatusCode::PAYLOAD_TOO_LARGE).then_some(ErrorPage {
            message_id: "error-too-large",
        })
    });
    match page {
        Some(page) => pages::error_page(response, ui, page),
        None => response,
    }
}

fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

impl<S: Send + Sync> FromRequestParts<S> for Ui {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ui>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("UI context layer missing")))
    }
}

/// `axum::Form` whose rejections are our errors: 413 for a body over the
/// limit, 400 for anything malformed.
pub struct Form<T>(pub T);

impl<T, S> FromRequest<S> for Form<T>
where
    axum::Form<T>: FromRequest<S, Rejection = axum::extract::rejection::FormRejection>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::PayloadTooLarge)
            }
            Err(_) => Err(AppError::BadRequest),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn a_logged_path_is_printable_ascii() {
        assert_eq!(loggable_path("/verify/code"), "/verify/code");
        assert_eq!(
            loggable_path("/a\u{202E}b c\u{7}\u{1b}[31m"),
            "/a%E2%80%AEb%20c%07%1B[31m"
        );
        let long = format!("/{}", "x".repeat(1000));
        assert_eq!(loggable_path(&long).len(), 256 + 3);
        assert_eq!(
            loggable_path("/v2/Services/VA1/Verifications/+14155552671"),
            "/v2/Services/VA1/Verifications/+*********71"
        );
        assert_eq!(
            loggable_path("/v2/x/%2B447700900123"),
            "/v2/x/%2B**********23"
        );
        assert_eq!(loggable_path("/a/123456/b"), "/a/123456/b");
    }
}
