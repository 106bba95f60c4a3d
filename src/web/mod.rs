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
use tower_sessions::{Expiry, Session, SessionManagerLayer, cookie::SameSite};

use crate::{
    error::{AppError, ErrorPage},
    i18n::{Tr, shipped_locale},
    state::AppState,
    storage::sessions::SessionStoreAny,
};

pub mod admin;
pub mod api;
pub mod dev;
pub mod embed;
pub mod journey;
pub mod pages;
pub mod security;
pub mod session;

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

    Router::new()
        .merge(pages::router())
        .merge(dev::router(&state))
        .fallback(|| async { AppError::NotFound })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer({
            let metrics = state.metrics.clone();
            rate_limit_layer(&state).error_handler(move |e| security::rate_limited(e, &metrics))
        })
        .layer(middleware::from_fn_with_state(state.clone(), ui_context))
        .layer(session_layer)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            session_store_failure,
        ))
        .merge(dev::health_router())
        .merge(api_router(&state))
        .merge(admin::router(&state))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), observe))
        .layer(middleware::from_fn(request_id))
        .with_state(state)
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
        method = %request.method(),
        // The path only: query strings can hold numbers.
        path = %request.uri().path(),
    );
    let mut response = tracing::Instrument::instrument(next.run(request), span).await;
    if let Ok(value) = axum::http::HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// Counts and times every response (by route, method and status) and logs it.
async fn observe(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let method = request.method().clone();
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| route_label(request.uri().path()));
    let response = next.run(request).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state
        .metrics
        .observe_http(method.as_str(), &route, status, elapsed.as_secs_f64());
    if status >= 500 {
        tracing::warn!(status, elapsed_ms = elapsed.as_millis() as u64, "response");
    } else {
        tracing::info!(status, elapsed_ms = elapsed.as_millis() as u64, "response");
    }
    response
}

/// A bounded label for paths no route matched (404s must not explode the metrics).
fn route_label(path: &str) -> String {
    const KNOWN: &[&str] = &[
        "/verify",
        "/verify/code",
        "/verify/resend",
        "/verify/done",
        "/healthz",
        "/readyz",
        "/metrics",
    ];
    if KNOWN.contains(&path) {
        path.to_owned()
    } else {
        "other".to_owned()
    }
}

/// Per-client-IP limits on every POST (`IP_RATE_LIMIT_PER_MINUTE`, burst
/// `IP_RATE_LIMIT_BURST`). A task drops idle buckets every minute.
fn rate_limit_layer(
    state: &AppState,
) -> tower_governor::GovernorLayer<
    security::ClientIpKey,
    governor::middleware::NoOpMiddleware,
    axum::body::Body,
> {
    let abuse = &state.settings.abuse;
    let config = tower_governor::governor::GovernorConfigBuilder::default()
        .period(std::time::Duration::from_nanos(
            60_000_000_000 / u64::from(abuse.ip_per_minute),
        ))
        .burst_size(abuse.ip_burst)
        .methods(vec![axum::http::Method::POST])
        .key_extractor(security::ClientIpKey {
            trust_proxy: abuse.trust_proxy_headers,
        })
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
    tower_governor::GovernorLayer::new(config)
}

/// The JSON API, when `API_KEYS` is set: outside the session layer, with
/// its own per-IP limit answering in JSON.
fn api_router(state: &AppState) -> Router<AppState> {
    if state.settings.api_keys.is_empty() {
        return Router::new();
    }
    let metrics = state.metrics.clone();
    api::router()
        .route(
            "/api/v1/{*rest}",
            axum::routing::any(|| async { api::ApiError::not_found() }),
        )
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(rate_limit_layer(state).error_handler(move |e| {
            let wait = match e {
                tower_governor::GovernorError::TooManyRequests { wait_time, .. } => wait_time,
                _ => 1,
            };
            metrics.refuse("rate_limited");
            api::ApiError::rate_limited(wait).into_response()
        }))
}

/// Picks the language (`?lang=` → session → `Accept-Language` → default),
/// hands it to the handler, and renders error responses as localized pages.
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
    let asked = param("lang").and_then(shipped_locale);

    // An app's flow carries its own state (and language) instead of a cookie.
    if let Some(flow_id) = param("flow") {
        let flow = match state.store.get_flow(flow_id, state.verifier.now()).await {
            Ok(flow) => flow,
            Err(e) => return AppError::from(e).into_response(),
        };
        let Some(mut flow) = flow else {
            let lang =
                asked.unwrap_or_else(|| state.i18n.negotiate(accept_language(request.headers())));
            let tr = branded(
                &state,
                Tr::new(state.i18n.clone(), lang, state.brand.clone()),
            );
            request.extensions_mut().insert(journey::StaleFlow);
            request.extensions_mut().insert(tr.clone());
            return finish(next.run(request).await, &tr);
        };
        if let Some(lang) = asked.filter(|l| *l != flow.lang) {
            flow.lang = lang.to_owned();
            if let Err(e) = state.store.save_flow(&flow).await {
                return AppError::from(e).into_response();
            }
        }
        let client = embed::client(&state, &flow.client_id);
        let lang = shipped_locale(&flow.lang).unwrap_or(state.i18n.default_locale());
        let tr = branded(
            &state,
            Tr::new(state.i18n.clone(), lang, state.brand.clone()),
        )
        .in_flow(&flow.id, client.map(|c| c.name.clone()), flow.embed);
        let csp = embed::csp(&state, &flow, client);
        request.extensions_mut().insert(tr.clone());
        request.extensions_mut().insert(flow);
        let mut response = finish(next.run(request).await, &tr);
        if let Ok(value) = axum::http::HeaderValue::from_str(&csp) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
        return response;
    }

    let session = request
        .extensions()
        .get::<Session>()
        .cloned()
        .map(session::FlowSession::new);
    let lang = match (asked, &session) {
        (Some(lang), Some(session)) => {
            if let Err(e) = session.set_lang(lang).await {
                return e.into_response();
            }
            lang
        }
        (Some(lang), None) => lang,
        (None, _) => {
            let saved = match &session {
                Some(s) => s.lang().await.as_deref().and_then(shipped_locale),
                None => None,
            };
            saved.unwrap_or("")
        }
    };
    let (lang, region) = match lang {
        "" => state
            .i18n
            .negotiate_with_region(accept_language(request.headers())),
        chosen => (chosen, None),
    };
    let mut tr = branded(
        &state,
        Tr::new(state.i18n.clone(), lang, state.brand.clone()),
    );
    tr.region = region;
    request.extensions_mut().insert(tr.clone());
    finish(next.run(request).await, &tr)
}

fn branded(state: &AppState, tr: Tr) -> Tr {
    tr.branded(
        state.settings.brand_logo_url.as_deref(),
        state.settings.brand_accent.is_some(),
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
    let tr = branded(
        &state,
        Tr::new(
            state.i18n.clone(),
            state.i18n.negotiate(accept.as_deref()),
            state.brand.clone(),
        ),
    );
    finish(
        AppError::Unavailable("session store".into()).into_response(),
        &tr,
    )
}

/// Renders an error response as the localized page.
fn finish(mut response: Response, tr: &Tr) -> Response {
    let page = response.extensions_mut().remove::<ErrorPage>().or_else(|| {
        (response.status() == StatusCode::PAYLOAD_TOO_LARGE).then_some(ErrorPage {
            message_id: "error-too-large",
        })
    });
    match page {
        Some(page) => pages::error_page(response, tr, page),
        None => response,
    }
}

fn accept_language(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
}

impl<S: Send + Sync> FromRequestParts<S> for Tr {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Tr>()
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
