//! Prometheus metrics, served as text at `/metrics`.
use prometheus_client::{
    encoding::{EncodeLabelSet, text::encode},
    metrics::{counter::Counter, family::Family, gauge::Gauge, histogram::Histogram},
    registry::Registry,
};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabel {
    pub reason: &'static str,
}

/// A proof-of-work challenge's event (`issued`, `required`, `solved`,
/// `waited` — a wait pass used instead, without JavaScript —, `failed`)
/// and its detail: the level, why it was required, or why a solution or
/// wait pass failed. Both from closed sets.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ChallengeLabels {
    pub event: &'static str,
    pub reason: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CountryLabel {
    pub country: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PumpingLabels {
    pub scope: String,
    pub rule: &'static str,
    pub action: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct SmsLabels {
    pub country: String,
    pub result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HttpLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ResultLabel {
    pub result: &'static str,
}

fn latency_histogram() -> Histogram {
    Histogram::new([
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
    ])
}

pub struct Metrics {
    registry: Registry,
    pub refusals: Family<ReasonLabel, Counter>,
    pub pumping_decisions: Family<PumpingLabels, Counter>,
    pub challenges: Family<ChallengeLabels, Counter>,
    pub started: Family<CountryLabel, Counter>,
    pub approved: Family<CountryLabel, Counter>,
    pub failed: Family<ReasonLabel, Counter>,
    pub sms: Family<SmsLabels, Counter>,
    pub http: Family<HttpLabels, Histogram, fn() -> Histogram>,
    pub sns: Family<ResultLabel, Histogram, fn() -> Histogram>,
    pub pending: Gauge,
    /// API requests by key name (names come from `API_KEYS`: a closed set).
    pub api_requests: Family<KeyLabel, Counter>,
    /// Webhook attempts by event and result (delivered, retry, failed).
    pub webhooks: Family<WebhookLabels, Counter>,
    /// Webhook deliveries waiting (at scrape time).
    pub webhook_queue: Gauge,
    /// Age of the oldest waiting delivery, in seconds (at scrape time).
    pub webhook_oldest: Gauge,
    /// Deliveries that gave up and are kept for `redeliver` (at scrape time).
    pub webhook_failed: Gauge,
    /// Deliveries not written: their endpoint's queue was full.
    pub webhook_dropped: Counter,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct WebhookLabels {
    pub event: &'static str,
    pub result: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KeyLabel {
    pub key: String,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("phone_verify");
        let refusals = Family::<ReasonLabel, Counter>::default();
        registry.register(
            "refusals",
            "Sends and requests refused, by reason (rate_limited, cooldown, quota, wrong_codes, budget, pumping, country)",
            refusals.clone(),
        );
        let pumping_decisions = Family::<PumpingLabels, Counter>::default();
        registry.register(
            "pumping_decisions",
            "Prefixes or countries the pumping breaker blocked (action=block) or flagged (action=monitor)",
            pumping_decisions.clone(),
        );
        let challenges = Family::<ChallengeLabels, Counter>::default();
        registry.register(
            "challenges",
            "Proof-of-work challenges: issued, solved, and waited instead without JavaScript (reason: base, raised), required (reason: always, budget, pumping, client, failures), failed (reason: malformed, expired, bad_signature, bad_solution, foreign, replayed, wait_malformed, wait_bad_signature, wait_foreign, wait_early, wait_expired, wait_replayed, wait_used_up)",
            challenges.clone(),
        );
        let started = Family::<CountryLabel, Counter>::default();
        registry.register(
            "verifications_started",
            "Verifications started (code sent), by country",
            started.clone(),
        );
        let approved = Family::<CountryLabel, Counter>::default();
        registry.register(
            "verifications_approved",
            "Verifications approved, by country",
            approved.clone(),
        );
        let failed = Family::<ReasonLabel, Counter>::default();
        registry.register(
            "verifications_failed",
            "Checks that did not approve, by reason (incorrect_code, max_attempts_reached, expired, approved, canceled)",
            failed.clone(),
        );
        let sms = Family::<SmsLabels, Counter>::default();
        registry.register(
            "sms",
            "Texts tried, by country and result (sent, invalid_number, opted_out, throttled, unavailable)",
            sms.clone(),
        );
        let http = Family::<HttpLabels, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        registry.register(
            "http_request_duration_seconds",
            "HTTP responses by method, route and status",
            http.clone(),
        );
        let sns = Family::<ResultLabel, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        registry.register(
            "sns_publish_duration_seconds",
            "Amazon SNS sends (opt-out check and publish), by result",
            sns.clone(),
        );
        let pending = Gauge::default();
        registry.register(
            "verifications_pending",
            "Verifications waiting for their code (at scrape time)",
            pending.clone(),
        );
        let api_requests = Family::<KeyLabel, Counter>::default();
        registry.register(
            "api_requests",
            "Authenticated API requests, by key name",
            api_requests.clone(),
        );
        let webhooks = Family::<WebhookLabels, Counter>::default();
        registry.register(
            "webhook_attempts",
            "Webhook delivery attempts, by event and result (delivered; retry: failed, will be tried again; failed: gave up)",
            webhooks.clone(),
        );
        let webhook_queue = Gauge::default();
        registry.register(
            "webhook_queue_depth",
            "Webhook deliveries (and events not yet fanned out) waiting, at scrape time",
            webhook_queue.clone(),
        );
        let webhook_oldest = Gauge::default();
        registry.register(
            "webhook_queue_oldest_seconds",
            "Age of the oldest waiting webhook delivery, in seconds, at scrape time",
            webhook_oldest.clone(),
        );
        let webhook_failed = Gauge::default();
        registry.register(
            "webhook_failed_deliveries",
            "Webhook deliveries that gave up (kept a week for redelivery), at scrape time",
            webhook_failed.clone(),
        );
        let webhook_dropped = Counter::default();
        registry.register(
            "webhook_dropped",
            "Webhook deliveries not written because their endpoint already had 10000 waiting",
            webhook_dropped.clone(),
        );
        Self {
            registry,
            webhook_dropped,
            webhooks,
            webhook_queue,
            webhook_oldest,
            webhook_failed,
            api_requests,
            refusals,
            pumping_decisions,
            challenges,
            started,
            approved,
            failed,
            sms,
            http,
            sns,
            pending,
        }
    }
}

impl Metrics {
    pub fn refuse(&self, reason: crate::domain::Reason) {
        self.refusals
            .get_or_create(&ReasonLabel {
                reason: reason.as_str(),
            })
            .inc();
    }

    pub fn api_request(&self, key: &str) {
        self.api_requests
            .get_or_create(&KeyLabel {
                key: key.to_owned(),
            })
            .inc();
    }

    /// Counts a challenge `event` (`issued`, `required`, `solved`, `waited`, `failed`).
    pub fn challenge(&self, event: &'static str, reason: &'static str) {
        self.challenges
            .get_or_create(&ChallengeLabels { event, reason })
            .inc();
    }

    /// Counts a webhook attempt.
    pub fn webhook(&self, event: &'static str, result: &'static str) {
        self.webhooks
            .get_or_create(&WebhookLabels { event, result })
            .inc();
    }

    pub fn fail(&self, reason: &'static str) {
        self.failed.get_or_create(&ReasonLabel { reason }).inc();
    }

    pub fn observe_http(&self, method: &str, route: &str, status: u16, seconds: f64) {
        self.http
            .get_or_create(&HttpLabels {
                method: method.to_owned(),
                route: route.to_owned(),
                status,
            })
            .observe(seconds);
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let mut out = String::new();
        encode(&mut out, &self.registry).expect("writing to a String cannot fail");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_counters_with_labels() {
        let m = Metrics::default();
        m.refuse(crate::domain::Reason::Cooldown);
        m.refuse(crate::domain::Reason::Cooldown);
        m.pumping_decisions
            .get_or_create(&PumpingLabels {
                scope: "prefix:+447700".into(),
                rule: "prefix_unverified",
                action: "block",
            })
            .inc();
        let text = m.render();
        assert!(
            text.contains(r#"phone_verify_refusals_total{reason="cooldown"} 2"#),
            "{text}"
        );
        assert!(text.contains(r#"scope="prefix:+447700""#), "{text}");
    }
}
