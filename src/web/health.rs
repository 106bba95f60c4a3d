//! Liveness, readiness and the metrics: outside the session layer, since
//! probes and scrapers carry no cookie. With `METRICS_BIND_ADDR` the
//! metrics are served on a listener of their own instead ([`metrics_router`]).
use axum::{
    Router,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::get,
};

use crate::web::state::AppState;

/// Liveness and readiness sit outside the session layer: probes carry no
/// cookie. `/metrics` is here only when `METRICS_BIND_ADDR` is not set.
pub fn router(state: &AppState) -> Router<AppState> {
    let router = Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready));
    if state.settings.metrics_bind_addr.is_some() {
        return router;
    }
    router.route("/metrics", get(metrics))
}

/// The metrics listener's routes (`METRICS_BIND_ADDR`): `/metrics`, and 404
/// for anything else.
pub fn metrics_router(state: AppState) -> axum::Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(state)
}

/// Prometheus text (OpenMetrics) exposition.
async fn metrics(State(state): State<AppState>) -> Response {
    match state.store.count_pending(state.verifier.now()).await {
        Ok(n) => {
            state.metrics.pending.set(n);
        }
        Err(e) => tracing::warn!(error = %e, "pending verifications not counted"),
    }
    if !state.settings.webhooks.is_empty() {
        match state.store.queue_stats().await {
            Ok(q) => {
                let m = &state.metrics;
                m.webhook_queue.set(q.pending);
                m.webhook_failed.set(q.failed);
                let age = q
                    .oldest
                    .map_or(0, |t| (state.verifier.now() - t).whole_seconds());
                m.webhook_oldest.set(age.max(0));
            }
            Err(e) => tracing::warn!(error = %e, "webhook queue not measured"),
        }
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        state.metrics.render(),
    )
        .into_response()
}

async fn ready(State(state): State<AppState>) -> Response {
    let ping = tokio::time::timeout(std::time::Duration::from_secs(1), state.store.ping()).await;
    match ping.unwrap_or(Err(crate::storage::StoreError::Timeout)) {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "not ready: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}
