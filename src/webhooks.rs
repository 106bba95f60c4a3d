//! Webhooks as the Standard Webhooks specification says: each event the
//! state changes wrote (the outbox) becomes one delivery per endpoint that
//! wants it, signed (`webhook-id`, `webhook-timestamp`,
//! `webhook-signature: v1,<base64 HMAC-SHA256>`) and sent at least once by
//! the workers of every instance, with retries on a schedule.
use std::{
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
    time::Duration,
};

use axum::body::Bytes;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use http_body_util::{BodyExt, Full};
use hyper_util::{
    client::legacy::{Client, connect::HttpConnector},
    rt::TokioExecutor,
};
use serde_json::{Value, json};
use sha2::Sha256;
use time::OffsetDateTime;

use crate::{
    clock::Clock,
    config::{EventType, WebhookEndpoint},
    domain::phone::mask_stored,
    metrics::Metrics,
    storage::{
        Store,
        webhooks::{Delivery, NewDelivery, OutboxEvent, Settle, TEST_QUEUE_CAP},
    },
};

/// How long one attempt may take, connection to last byte.
pub const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);
/// How often the workers look for work when there was none.
const POLL: Duration = Duration::from_millis(500);
/// Rows one step takes.
const BATCH: i64 = 100;
/// Attempts in flight at once on one instance.
const CONCURRENT: usize = 32;
/// Attempts in flight to one endpoint on one instance.
const PER_ENDPOINT: usize = 8;
/// The longest a `Retry-After` may push an attempt back.
const MAX_RETRY_AFTER: u64 = 86_400;

/// The `webhook-signature` of `body` sent as message `msg_id` at `ts`
/// (seconds since the epoch), under the endpoint's key.
pub fn sign(key: &[u8], msg_id: &str, ts: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(format!("{msg_id}.{ts}.").as_bytes());
    mac.update(body.as_bytes());
    let tag = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    format!("v1,{tag}")
}

/// The body `endpoint` receives for `event`: `{"type", "timestamp", "data"}`.
/// Deliveries may arrive out of order (retries, several workers), so
/// `data` carries the event's own time (`occurred_at`, RFC 3339, the same
/// as `timestamp`) and its `sequence`: the outbox row's id, which increases
/// with every event written (a later event of a verification is written
/// after the change before it committed), so sorting one verification's
/// events by it gives the order they happened in.
pub fn payload(endpoint: &WebhookEndpoint, event: &OutboxEvent) -> Value {
    let mut data = if event.kind == EventType::PumpingFlagged.as_str() {
        let mut data = event
            .detail
            .as_deref()
            .and_then(|d| serde_json::from_str::<Value>(d).ok())
            .filter(Value::is_object)
            .unwrap_or_else(|| json!({}));
        data["country"] = json!(event.country);
        data
    } else {
        let phone = event.phone.as_deref().map(|p| {
            if endpoint.mask_phone {
                mask_stored(p, &event.country)
            } else {
                p.to_owned()
            }
        });
        json!({
            "id": event.verification_id,
            "status": event.status,
            "client": event.client,
            "api_key": event.api_key,
            "country": event.country,
            "channel": "sms",
            "phone_number": phone,
            // As `/api/v1` names it.
            "phone": phone,
        })
    };
    let occurred_at = crate::domain::timestamp(event.occurred_at);
    data["occurred_at"] = json!(occurred_at);
    data["sequence"] = json!(event.id);
    json!({
        "type": event.kind,
        "timestamp": occurred_at,
        "data": data,
    })
}

/// The deliveries of `event`: one per endpoint that wants it (an event of a
/// `TEST_NUMBERS` verification, `test`, only to endpoints that ask for them).
pub fn plan(endpoints: &[WebhookEndpoint], event: &OutboxEvent, test: bool) -> Vec<NewDelivery> {
    let Some(kind) = EventType::parse(&event.kind) else {
        tracing::warn!(kind = %event.kind, "unknown webhook event dropped");
        return Vec::new();
    };
    endpoints
        .iter()
        .filter(|e| e.wants(kind, event.client.as_deref()) && (!test || e.test_numbers))
        .map(|e| NewDelivery {
            msg_id: format!("msg_{}", uuid::Uuid::new_v4().simple()),
            endpoint: e.url.clone(),
            event_type: event.kind.clone(),
            payload: payload(e, event).to_string(),
            test,
        })
        .collect()
}

/// What the next step of a failed attempt is: another attempt after the
/// schedule's wait (with ±10 % jitter, and no sooner than the endpoint's
/// `Retry-After`), or none after the last.
pub fn after_failure(
    schedule: &[u32],
    attempts: u32,
    retry_after: Option<u64>,
    error: String,
    now: OffsetDateTime,
) -> Settle {
    let Some(wait) = schedule.get(attempts.saturating_sub(1) as usize) else {
        return Settle::Failed { error };
    };
    let jitter: f64 = rand::random_range(0.9..1.1);
    let mut seconds = f64::from(*wait) * jitter;
    if let Some(asked) = retry_after {
        seconds = seconds.max(asked.min(MAX_RETRY_AFTER) as f64);
    }
    Settle::Retry {
        at: now + time::Duration::seconds_f64(seconds),
        error,
    }
}

type HttpClient = Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>;

fn http_client() -> HttpClient {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let builder = hyper_rustls::HttpsConnectorBuilder::new();
    let builder = match builder.with_provider_and_native_roots(provider.clone()) {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!(error = %e, "no CA certificates: https webhooks will fail");
            let config = rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map(|b| {
                    b.with_root_certificates(rustls::RootCertStore::empty())
                        .with_no_client_auth()
                })
                .expect("the default protocol versions are supported");
            hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(config)
        }
    };
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_connect_timeout(Some(ATTEMPT_TIMEOUT));
    let https = builder.https_or_http().enable_http1().wrap_connector(http);
    Client::builder(TokioExecutor::new())
        .pool_idle_timeout(Duration::from_secs(30))
        .build(https)
}

/// Sends the events of every endpoint; runs on every instance: one task
/// turns events into deliveries (and reports expiries), another attempts
/// due deliveries, at most [`CONCURRENT`] at once and [`PER_ENDPOINT`] per
/// endpoint, so a slow endpoint cannot hold up the others.
pub struct Dispatcher {
    store: Arc<dyn Store>,
    endpoints: Arc<Vec<WebhookEndpoint>>,
    /// `TEST_NUMBERS` (E.164): their events go only to endpoints that ask.
    test_numbers: Arc<std::collections::HashSet<String>>,
    urls: Vec<String>,
    schedule: Vec<u32>,
    metrics: Arc<Metrics>,
    clock: Arc<dyn Clock>,
    client: HttpClient,
    /// Attempts in flight, per endpoint.
    busy: Mutex<HashMap<String, usize>>,
    slots: Arc<tokio::sync::Semaphore>,
    /// Told when an attempt ends (a slot is free again).
    done: tokio::sync::Notify,
}

/// How one attempt went.
struct Attempt {
    ok: bool,
    gone: bool,
    retry_after: Option<u64>,
    error: String,
}

impl Dispatcher {
    pub fn new(
        store: Arc<dyn Store>,
        endpoints: Vec<WebhookEndpoint>,
        schedule: Vec<u32>,
        metrics: Arc<Metrics>,
        clock: Arc<dyn Clock>,
        test_numbers: std::collections::HashSet<String>,
    ) -> Self {
        Self {
            store,
            test_numbers: Arc::new(test_numbers),
            urls: endpoints.iter().map(|e| e.url.clone()).collect(),
            endpoints: Arc::new(endpoints),
            schedule,
            metrics,
            clock,
            client: http_client(),
            busy: Mutex::default(),
            slots: Arc::new(tokio::sync::Semaphore::new(CONCURRENT)),
            done: tokio::sync::Notify::new(),
        }
    }

    /// Runs both tasks until aborted; if one of them panics, both start
    /// again a second later.
    pub async fn run(self: Arc<Self>) {
        /// A task that ends with its handle (when this one is aborted).
        struct AbortOnDrop(tokio::task::JoinHandle<()>);
        impl Drop for AbortOnDrop {
            fn drop(&mut self) {
                self.0.abort();
            }
        }
        loop {
            let mut outbox = AbortOnDrop(tokio::spawn(self.clone().outbox_loop()));
            let mut delivery = AbortOnDrop(tokio::spawn(self.clone().delivery_loop()));
            let ended = tokio::select! {
                ended = &mut outbox.0 => ended,
                ended = &mut delivery.0 => ended,
            };
            if let Err(e) = ended {
                tracing::error!(error = %e, "the webhook worker stopped; starting it again");
            }
            drop((outbox, delivery));
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn outbox_loop(self: Arc<Self>) {
        loop {
            match self.fan_out().await {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => tracing::warn!(error = %e, "webhook events not fanned out"),
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Expiries reported and events turned into deliveries; `true` when
    /// there may be more at once.
    pub async fn fan_out(&self) -> Result<bool, crate::storage::StoreError> {
        let now = self.clock.now();
        let expired = self.store.report_expired(now, BATCH).await?;
        let endpoints = self.endpoints.clone();
        let tests = self.test_numbers.clone();
        let plan = move |event: &OutboxEvent| {
            let test = event.phone.as_deref().is_some_and(|p| tests.contains(p));
            plan(&endpoints, event, test)
        };
        let fanned = self.store.fan_out(&plan, now, BATCH).await?;
        if fanned.dropped > 0 {
            tracing::warn!(
                dropped = fanned.dropped,
                "webhook deliveries of test numbers dropped: an endpoint has {TEST_QUEUE_CAP} waiting"
            );
            self.metrics.webhook_dropped.inc_by(fanned.dropped);
        }
        Ok(expired == BATCH as u64 || fanned.events == BATCH as u64)
    }

    async fn delivery_loop(self: Arc<Self>) {
        loop {
            match self.claim().await {
                Ok(true) => tokio::task::yield_now().await,
                // Nothing due, or every slot busy: until an attempt ends
                // or the next poll.
                Ok(false) => {
                    tokio::select! {
                        () = self.done.notified() => {}
                        () = tokio::time::sleep(POLL) => {}
                    }
                }
                Err(e) => {
                    tracing::warn!(error = %e, "webhook deliveries not claimed");
                    tokio::time::sleep(POLL).await;
                }
            }
        }
    }

    /// Claims, endpoint by endpoint, what each one's free share and the
    /// free slots allow, and starts each attempt; `true` when some endpoint
    /// had more due than it took.
    async fn claim(self: &Arc<Self>) -> Result<bool, crate::storage::StoreError> {
        let mut more = false;
        for url in &self.urls {
            let free = self.slots.available_permits();
            let share = PER_ENDPOINT.saturating_sub(
                self.busy
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get(url)
                    .copied()
                    .unwrap_or(0),
            );
            let limit = free.min(share);
            if limit == 0 {
                continue;
            }
            let claimed = self
                .store
                .claim_deliveries(self.clock.now(), std::slice::from_ref(url), limit as i64)
                .await?;
            more |= claimed.len() == limit;
            self.start(claimed);
        }
        Ok(more)
    }

    /// Starts an attempt for each claimed delivery, each holding a slot.
    fn start(self: &Arc<Self>, claimed: Vec<Delivery>) {
        for d in claimed {
            let Ok(permit) = self.slots.clone().try_acquire_owned() else {
                break;
            };
            *self
                .busy
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .entry(d.endpoint.clone())
                .or_default() += 1;
            let this = self.clone();
            tokio::spawn(async move {
                let endpoint = d.endpoint.clone();
                if let Err(e) = this.deliver(d).await {
                    tracing::warn!(error = %e, "webhook delivery not settled");
                }
                if let Some(n) = this
                    .busy
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .get_mut(&endpoint)
                {
                    *n = n.saturating_sub(1);
                }
                drop(permit);
                this.done.notify_one();
            });
        }
    }

    async fn deliver(&self, d: Delivery) -> Result<(), crate::storage::StoreError> {
        let attempt = self.attempt(&d).await;
        let now = self.clock.now();
        let event = EventType::parse(&d.event_type).map_or("other", EventType::as_str);
        let outcome = if attempt.ok {
            Settle::Delivered
        } else if attempt.gone {
            Settle::Failed {
                error: attempt.error,
            }
        } else {
            after_failure(
                &self.schedule,
                d.attempts,
                attempt.retry_after,
                attempt.error,
                now,
            )
        };
        let result = match &outcome {
            Settle::Delivered => "delivered",
            Settle::Retry { .. } => "retry",
            Settle::Failed { .. } => "failed",
        };
        self.metrics.webhook(event, result);
        match &outcome {
            Settle::Delivered => {
                tracing::debug!(id = d.id, event, attempts = d.attempts, "webhook delivered")
            }
            Settle::Retry { error, .. } | Settle::Failed { error } => tracing::info!(
                id = d.id,
                event,
                attempts = d.attempts,
                result,
                error = %error,
                "webhook attempt failed"
            ),
        }
        self.store
            .settle_delivery(d.id, d.attempts, &outcome, now)
            .await
    }

    async fn attempt(&self, d: &Delivery) -> Attempt {
        let failed = |error: String| Attempt {
            ok: false,
            gone: false,
            retry_after: None,
            error,
        };
        // The wall clock's: receivers compare it with theirs.
        let ts = OffsetDateTime::now_utc().unix_timestamp();
        let Some(endpoint) = self.endpoints.iter().find(|e| e.url == d.endpoint) else {
            // (Only known endpoints are claimed.)
            return failed("the endpoint is not configured on this instance".into());
        };
        let request = hyper::Request::post(&d.endpoint)
            .header(hyper::header::CONTENT_TYPE, "application/json")
            .header(
                hyper::header::USER_AGENT,
                concat!("phone-verify/", env!("CARGO_PKG_VERSION")),
            )
            .header("webhook-id", &d.msg_id)
            .header("webhook-timestamp", ts.to_string())
            .header(
                "webhook-signature",
                sign(endpoint.secret.bytes(), &d.msg_id, ts, &d.payload),
            )
            .body(Full::new(Bytes::from(d.payload.clone())));
        let request = match request {
            Ok(r) => r,
            Err(e) => return failed(format!("bad request: {e}")),
        };
        let sent = tokio::time::timeout(ATTEMPT_TIMEOUT, async {
            let response = self.client.request(request).await?;
            let status = response.status();
            let retry_after = response
                .headers()
                .get(hyper::header::RETRY_AFTER)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok());
            // Read (at most 64 KB of) the body and drop it, so the
            // connection can be reused.
            let _ = http_body_util::Limited::new(response.into_body(), 64 * 1024)
                .collect()
                .await;
            Ok::<_, hyper_util::client::legacy::Error>((status, retry_after))
        })
        .await;
        match sent {
            Err(_) => failed(format!("no answer within {} s", ATTEMPT_TIMEOUT.as_secs())),
            Ok(Err(e)) => failed(describe(&e)),
            Ok(Ok((status, _))) if status.is_success() => Attempt {
                ok: true,
                ..failed(String::new())
            },
            Ok(Ok((status, retry_after))) => Attempt {
                gone: status == hyper::StatusCode::GONE,
                retry_after,
                ..failed(format!("HTTP {status}"))
            },
        }
    }
}

/// An error and its causes, on one line.
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text.chars().take(300).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_as_the_standard_webhooks_example() {
        // The specification's example (standard-webhooks/spec).
        let key = base64::engine::general_purpose::STANDARD
            .decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .unwrap();
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            sign(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn the_schedule_waits_then_gives_up() {
        let now = time::macros::datetime!(2026-11-29 10:00 UTC);
        let schedule = [5, 300];
        match after_failure(&schedule, 1, None, "HTTP 500".into(), now) {
            Settle::Retry { at, .. } => {
                let wait = (at - now).as_seconds_f64();
                assert!((4.5..=5.5).contains(&wait), "{wait}");
            }
            other => panic!("{other:?}"),
        }
        match after_failure(&schedule, 2, Some(900), "HTTP 429".into(), now) {
            Settle::Retry { at, .. } => assert!((at - now).whole_seconds() >= 900),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            after_failure(&schedule, 3, None, "HTTP 500".into(), now),
            Settle::Failed {
                error: "HTTP 500".into()
            }
        );
    }
}
