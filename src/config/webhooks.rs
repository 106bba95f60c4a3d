//! Webhook endpoints (`[[webhooks]]` in `CONFIG_FILE`) and the retry
//! schedule (`WEBHOOK_RETRY_SCHEDULE`).
use base64::Engine as _;
use url::Url;

use super::{
    ClientConfig, ConfigError, clients::is_loopback_host, problem, secrets::SecretKey,
    source::Source,
};

/// What a webhook reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    Started,
    Approved,
    MaxAttemptsReached,
    Expired,
    Canceled,
    SmsFailed,
    PumpingFlagged,
}

impl EventType {
    pub const ALL: [EventType; 7] = [
        EventType::Started,
        EventType::Approved,
        EventType::MaxAttemptsReached,
        EventType::Expired,
        EventType::Canceled,
        EventType::SmsFailed,
        EventType::PumpingFlagged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Started => "verification.started",
            EventType::Approved => "verification.approved",
            EventType::MaxAttemptsReached => "verification.max_attempts_reached",
            EventType::Expired => "verification.expired",
            EventType::Canceled => "verification.canceled",
            EventType::SmsFailed => "sms.failed",
            EventType::PumpingFlagged => "pumping.flagged",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|e| e.as_str() == word)
    }
}

/// A `[[webhooks]]` table as written.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWebhook {
    pub url: String,
    pub secret: String,
    #[serde(default)]
    pub events: Vec<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    /// Show the number as `+1******2671` in this endpoint's payloads.
    #[serde(default)]
    pub mask_phone: bool,
    /// Also deliver the events of `TEST_NUMBERS` verifications.
    #[serde(default)]
    pub test_numbers: bool,
}

/// Where events are delivered, signed with its own secret.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookEndpoint {
    pub url: String,
    /// The key after `whsec_`, decoded.
    pub secret: SecretKey,
    pub events: Vec<EventType>,
    /// Only this client's verifications.
    pub client_id: Option<String>,
    pub mask_phone: bool,
    /// Events of `TEST_NUMBERS` verifications too (none by default).
    pub test_numbers: bool,
}

impl std::fmt::Debug for WebhookEndpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebhookEndpoint")
            .field("url", &self.url)
            .field("secret", &self.secret)
            .field("events", &self.events)
            .field("client_id", &self.client_id)
            .field("mask_phone", &self.mask_phone)
            .field("test_numbers", &self.test_numbers)
            .finish()
    }
}

impl WebhookEndpoint {
    /// Whether this endpoint wants `event` about a verification of `client`.
    pub fn wants(&self, event: EventType, client: Option<&str>) -> bool {
        self.events.contains(&event)
            && self
                .client_id
                .as_deref()
                .is_none_or(|wanted| Some(wanted) == client)
    }
}

/// Checks the endpoints: https URLs (http for loopback hosts only), each
/// once; Standard Webhooks secrets (`whsec_` and base64 of 24 to 64
/// bytes); known events; a configured client.
pub fn validate_webhooks(
    raw: Vec<RawWebhook>,
    clients: &[ClientConfig],
) -> Result<Vec<WebhookEndpoint>, ConfigError> {
    let mut endpoints: Vec<WebhookEndpoint> = Vec::new();
    for w in raw {
        // The url as shown in a problem: without a password it may carry.
        let shown = match Url::parse(&w.url) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("***"));
                u.to_string()
            }
            _ => w.url.clone(),
        };
        let at = |what: String| problem("CONFIG_FILE", format!("webhook `{shown}`: {what}"));
        let url = Url::parse(&w.url).map_err(|_| at("the url is not an absolute URL".into()))?;
        let secure = match url.scheme() {
            "https" => url.host().is_some(),
            "http" => is_loopback_host(&url),
            _ => false,
        };
        if !secure
            || url.fragment().is_some()
            || !url.username().is_empty()
            || url.password().is_some()
        {
            return Err(at(
                "the url must be https (http only for localhost), with no user name, password or fragment"
                    .into(),
            ));
        }
        if endpoints.iter().any(|e| e.url == w.url) {
            return Err(at("the url is configured twice".into()));
        }
        let key = w
            .secret
            .strip_prefix("whsec_")
            .and_then(|b| {
                base64::engine::general_purpose::STANDARD
                    .decode(b)
                    .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(b))
                    .ok()
            })
            .filter(|k| (24..=64).contains(&k.len()))
            .ok_or_else(|| {
                at("secret must be whsec_ followed by the base64 of 24 to 64 random bytes".into())
            })?;
        if w.events.is_empty() {
            return Err(at(format!(
                "events is empty; choose from {}",
                EventType::ALL.map(EventType::as_str).join(", ")
            )));
        }
        let mut events = Vec::new();
        for name in &w.events {
            let event = EventType::parse(name).ok_or_else(|| {
                at(format!(
                    "unknown event `{name}`; known: {}",
                    EventType::ALL.map(EventType::as_str).join(", ")
                ))
            })?;
            if !events.contains(&event) {
                events.push(event);
            }
        }
        if let Some(id) = &w.client_id {
            if !clients.iter().any(|c| &c.id == id) {
                return Err(at(format!("client_id `{id}` is not a configured client")));
            }
            if events.contains(&EventType::PumpingFlagged) {
                return Err(at(
                    "pumping.flagged concerns no client: it needs an endpoint without client_id"
                        .into(),
                ));
            }
        }
        endpoints.push(WebhookEndpoint {
            url: w.url.clone(),
            secret: SecretKey::from_bytes(key),
            events,
            client_id: w.client_id,
            mask_phone: w.mask_phone,
            test_numbers: w.test_numbers,
        });
    }
    Ok(endpoints)
}

/// The spec's schedule, to about a day and a half: 5 s, 5 min, 30 min,
/// 2 h, 5 h, 10 h, 14 h after the attempt before.
pub const DEFAULT_RETRY_SCHEDULE: [u32; 7] = [5, 300, 1800, 7200, 18000, 36000, 50400];

/// `WEBHOOK_RETRY_SCHEDULE`: seconds to wait before each retry, 1 to 20
/// of them, each 1 to 604800.
pub fn retry_schedule(src: &Source) -> Result<Vec<u32>, ConfigError> {
    let Some(text) = src.get("WEBHOOK_RETRY_SCHEDULE") else {
        return Ok(DEFAULT_RETRY_SCHEDULE.to_vec());
    };
    let bad = || {
        problem(
            "WEBHOOK_RETRY_SCHEDULE",
            format!("`{text}` must be 1 to 20 comma-separated whole seconds, each 1 to 604800"),
        )
    };
    let schedule: Vec<u32> = src
        .list("WEBHOOK_RETRY_SCHEDULE")
        .map(|s| s.parse::<u32>().ok().filter(|n| (1..=604_800).contains(n)))
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    if schedule.is_empty() || schedule.len() > 20 {
        return Err(bad());
    }
    Ok(schedule)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=";

    fn hook(url: &str) -> RawWebhook {
        RawWebhook {
            url: url.into(),
            secret: SECRET.into(),
            events: vec!["verification.approved".into()],
            client_id: None,
            mask_phone: false,
            test_numbers: false,
        }
    }

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        for ok in [
            "https://acme.example/hooks",
            "http://localhost:8000/hooks",
            "http://127.0.0.1:9/x",
            "http://[::1]/x",
        ] {
            assert!(validate_webhooks(vec![hook(ok)], &[]).is_ok(), "{ok}");
        }
        for bad in [
            "http://acme.example/hooks",
            "http://10.0.0.1/hooks",
            "ftp://acme.example/",
            "https://acme.example/#frag",
            "https://user:pass@acme.example/",
            "/hooks",
        ] {
            let e = validate_webhooks(vec![hook(bad)], &[]).unwrap_err();
            assert_eq!(e.name, "CONFIG_FILE", "{bad}");
            let shown = bad.replace(":pass@", ":***@");
            assert!(e.problem.contains(&shown), "{bad}: {e}");
            assert!(!e.problem.contains("pass@"), "{e}");
        }
        let twice = validate_webhooks(
            vec![hook("https://a.example/"), hook("https://a.example/")],
            &[],
        );
        assert!(twice.unwrap_err().problem.contains("twice"));
    }

    #[test]
    fn secrets_are_standard_webhooks_keys_of_24_to_64_bytes() {
        let with = |secret: &str| {
            let mut h = hook("https://acme.example/");
            h.secret = secret.into();
            validate_webhooks(vec![h], &[])
        };
        let endpoint = &with(SECRET).unwrap()[0];
        assert_eq!(endpoint.secret.bytes().len(), 32);
        assert!(
            !format!("{endpoint:?}").contains("MfKQ"),
            "the secret is redacted"
        );
        let b64 = |n: usize| {
            format!(
                "whsec_{}",
                base64::engine::general_purpose::STANDARD.encode(vec![7u8; n])
            )
        };
        assert!(with(&b64(24)).is_ok());
        assert!(with(&b64(64)).is_ok());
        for bad in [b64(23), b64(65), SECRET[6..].to_owned(), "whsec_!!!".into()] {
            assert!(with(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn events_must_be_known_and_clients_configured() {
        let mut h = hook("https://acme.example/");
        h.events = vec![];
        assert!(validate_webhooks(vec![h.clone()], &[]).is_err());
        h.events = vec![
            "verification.approved".into(),
            "verification.aproved".into(),
        ];
        let e = validate_webhooks(vec![h.clone()], &[]).unwrap_err();
        assert!(e.problem.contains("verification.aproved"), "{e}");
        h.events = EventType::ALL.map(|e| e.as_str().to_owned()).to_vec();
        h.client_id = Some("acme".into());
        assert!(
            validate_webhooks(vec![h], &[])
                .unwrap_err()
                .problem
                .contains("acme")
        );
    }

    #[test]
    fn the_retry_schedule_is_a_list_of_waits() {
        let schedule = |v: Option<&str>| {
            let raw: HashMap<String, String> = v
                .map(|v| HashMap::from([("WEBHOOK_RETRY_SCHEDULE".to_owned(), v.to_owned())]))
                .unwrap_or_default();
            retry_schedule(&Source::new(raw))
        };
        assert_eq!(schedule(None).unwrap(), DEFAULT_RETRY_SCHEDULE.to_vec());
        assert_eq!(schedule(Some("1, 2,3")).unwrap(), vec![1, 2, 3]);
        for bad in ["0", "1,x", "604801", &"1,".repeat(21)] {
            let e = schedule(Some(bad)).unwrap_err();
            assert_eq!(e.name, "WEBHOOK_RETRY_SCHEDULE", "{bad}");
        }
    }
}
