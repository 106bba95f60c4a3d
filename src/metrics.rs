//! Prometheus metrics, served as text at `/metrics`.
use prometheus_client::{
    encoding::{EncodeLabelSet, text::encode},
    metrics::{counter::Counter, family::Family},
    registry::Registry,
};

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabel {
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

pub struct Metrics {
    registry: Registry,
    pub refusals: Family<ReasonLabel, Counter>,
    pub pumping_decisions: Family<PumpingLabels, Counter>,
    pub started: Family<CountryLabel, Counter>,
    pub approved: Family<CountryLabel, Counter>,
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
            "Sends and requests refused, by reason (rate_limited, cooldown, quota, budget, pumping, country)",
            refusals.clone(),
        );
        let pumping_decisions = Family::<PumpingLabels, Counter>::default();
        registry.register(
            "pumping_decisions",
            "Prefixes or countries the pumping breaker blocked (action=block) or flagged (action=monitor)",
            pumping_decisions.clone(),
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
        Self {
            registry,
            refusals,
            pumping_decisions,
            started,
            approved,
        }
    }
}

impl Metrics {
    pub fn refuse(&self, reason: &'static str) {
        self.refusals.get_or_create(&ReasonLabel { reason }).inc();
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
        m.refuse("cooldown");
        m.refuse("cooldown");
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
