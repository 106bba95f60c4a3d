//! The Twilio Verify v2–compatible API: the account SID the SDKs send, and
//! the services (`TWILIO_SERVICE_SID`, or `service_sid` on a `[[clients]]`
//! entry) it answers for.
use super::{ConfigError, Settings, problem, source::Source};

/// One Verify service this instance answers for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwilioService {
    /// `VA` and 32 hex digits.
    pub sid: String,
    /// The name in its texts: the client's name, else `BRAND_NAME`.
    pub friendly_name: String,
    /// The `[[clients]]` entry it belongs to, if any (for webhooks).
    pub client: Option<String>,
    /// The tenants whose creates may send `RiskCheck=disable` (the
    /// client's `allow_risk_check_disable`).
    pub allow_risk_check_disable: Vec<String>,
}

/// The API's settings, when it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwilioConfig {
    /// `AC` and 32 hex digits: the Basic user name the SDKs send (or an
    /// `SK…` key SID).
    pub account_sid: String,
    pub services: Vec<TwilioService>,
}

impl TwilioConfig {
    pub fn service(&self, sid: &str) -> Option<&TwilioService> {
        self.services.iter().find(|s| s.sid == sid)
    }
}

/// `prefix` and 32 hex digits, as Twilio writes its SIDs.
pub fn is_sid(value: &str, prefix: &str) -> bool {
    value.len() == 34
        && value.starts_with(prefix)
        && value[2..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn sid(src: &Source, name: &'static str, prefix: &str) -> Result<Option<String>, ConfigError> {
    match src.get(name) {
        None => Ok(None),
        Some(v) if is_sid(v, prefix) => Ok(Some(v.to_owned())),
        Some(v) => Err(problem(
            name,
            format!("`{v}` must be {prefix} followed by 32 hexadecimal digits"),
        )),
    }
}

/// `TWILIO_ACCOUNT_SID` and `TWILIO_SERVICE_SID`, each checked alone.
pub fn sids(src: &Source) -> Result<(Option<String>, Option<String>), ConfigError> {
    Ok((
        sid(src, "TWILIO_ACCOUNT_SID", "AC")?,
        sid(src, "TWILIO_SERVICE_SID", "VA")?,
    ))
}

impl Settings {
    /// The Twilio Verify API's settings: `None` when it is off; an error
    /// when the pieces do not fit (a service without the account, the
    /// account without a service or without `API_KEYS`, a SID used twice).
    pub fn twilio(&self) -> Result<Option<TwilioConfig>, ConfigError> {
        let mut services: Vec<TwilioService> = Vec::new();
        if let Some(sid) = &self.twilio_service_sid {
            services.push(TwilioService {
                sid: sid.clone(),
                friendly_name: self.brand.name.clone(),
                client: None,
                allow_risk_check_disable: Vec::new(),
            });
        }
        for client in &self.clients {
            let Some(sid) = &client.service_sid else {
                continue;
            };
            if services.iter().any(|s| s.sid.eq_ignore_ascii_case(sid)) {
                return Err(problem(
                    "CONFIG_FILE",
                    format!("client `{}`: service_sid {sid} is used twice", client.id),
                ));
            }
            services.push(TwilioService {
                sid: sid.clone(),
                friendly_name: client.name.clone(),
                client: Some(client.id.clone()),
                allow_risk_check_disable: client.allow_risk_check_disable.clone(),
            });
        }
        match (&self.twilio_account_sid, services.is_empty()) {
            (None, true) => Ok(None),
            (None, false) => Err(problem(
                "TWILIO_ACCOUNT_SID",
                "is needed with TWILIO_SERVICE_SID or a client's service_sid (the Twilio Verify API)",
            )),
            (Some(_), true) => Err(problem(
                "TWILIO_SERVICE_SID",
                "set it (or a client's service_sid) with TWILIO_ACCOUNT_SID to turn on the Twilio Verify API",
            )),
            (Some(_), false) if self.api_keys.is_empty() => Err(problem(
                "API_KEYS",
                "the Twilio Verify API needs at least one key: the SDKs send it as the password",
            )),
            (Some(account_sid), false) => Ok(Some(TwilioConfig {
                account_sid: account_sid.clone(),
                services,
            })),
        }
    }
}
