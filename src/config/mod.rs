//! Typed settings: defaults, then the optional `CONFIG_FILE` (TOML, lower-case
//! keys), then the environment (and `.env`). Every bad value is refused with
//! one line naming the variable and what it allows. One module per section;
//! [`keys`] lists every key, numbers with their defaults and ranges.
use std::{collections::HashMap, net::SocketAddr, path::Path};

use url::Url;

pub mod abuse;
pub mod clients;
pub mod http;
pub mod keys;
pub mod otp;
pub mod secrets;
pub mod sms;
pub mod source;
pub mod twilio;
pub mod ui;
pub mod webhooks;

pub use abuse::{AbuseSettings, ProxyHeader, PumpingMode, PumpingSettings};
pub use clients::{ClientConfig, RawClient, validate_clients};
pub use http::HttpSettings;
pub use otp::{OtpSettings, SendSettings};
pub use secrets::{ApiKey, SecretKey, SecretString, redact_url};
pub use sms::{SmsProvider, SmsType, SnsSettings};
pub use twilio::{TwilioConfig, TwilioService};
pub use ui::Brand;
pub use webhooks::{EventType, RawWebhook, WebhookEndpoint, validate_webhooks};

use source::Source;

/// One problem with the configuration, worded for the operator.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid configuration: {name}: {problem}")]
pub struct ConfigError {
    pub name: String,
    pub problem: String,
}

fn problem(name: &str, problem: impl Into<String>) -> ConfigError {
    ConfigError {
        name: name.to_owned(),
        problem: problem.into(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone)]
pub struct Settings {
    pub bind_addr: SocketAddr,
    /// `METRICS_BIND_ADDR`: `/metrics` on a listener of its own there, and
    /// not on the public one; `None`: on the public one.
    pub metrics_bind_addr: Option<SocketAddr>,
    pub public_url: Url,
    pub database_url: String,
    pub secret_key: SecretKey,
    pub sms_provider: SmsProvider,
    /// Present when `sms_provider` is `Sns`.
    pub sns: Option<SnsSettings>,
    pub dev_outbox_public: bool,
    pub brand: Brand,
    /// `SUPPORT_URL`: the code page's help links to it.
    pub support_url: Option<String>,
    pub otp: OtpSettings,
    pub send: SendSettings,
    pub abuse: AbuseSettings,
    pub http: HttpSettings,
    pub default_locale: String,
    /// `LOCALES_DIR`, read and checked: an operator's messages over the
    /// shipped ones, and added languages.
    pub locales_dir: Option<crate::i18n::LocalesDir>,
    pub cleanup_interval_seconds: u32,
    pub log_format: LogFormat,
    /// Bearer keys for `/api/v1`; empty means the API is off. Each key is a
    /// tenant: it sees only the verifications it created.
    pub api_keys: Vec<ApiKey>,
    /// The operator page's password (HTTP basic auth); `None` turns it off.
    pub admin_password: Option<SecretString>,
    /// Numbers with a fixed code: nothing sent, not counted (E.164 → code).
    pub test_numbers: Vec<(String, String)>,
    /// Apps that embed the flow (`[[clients]]` in the TOML file).
    pub clients: Vec<ClientConfig>,
    /// `TWILIO_ACCOUNT_SID` and `TWILIO_SERVICE_SID` (see [`Settings::twilio`]).
    pub twilio_account_sid: Option<String>,
    pub twilio_service_sid: Option<String>,
    /// Where events are delivered (`[[webhooks]]` in the TOML file).
    pub webhooks: Vec<WebhookEndpoint>,
    /// Seconds before each retry of a delivery (`WEBHOOK_RETRY_SCHEDULE`).
    pub webhook_retry_schedule: Vec<u32>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("bind_addr", &self.bind_addr)
            .field("metrics_bind_addr", &self.metrics_bind_addr)
            .field("public_url", &self.public_url.as_str())
            .field("database_url", &redact_url(&self.database_url))
            .field("secret_key", &self.secret_key)
            .field("sms_provider", &self.sms_provider)
            .field("sns", &self.sns)
            .field("dev_outbox_public", &self.dev_outbox_public)
            .field("brand", &self.brand)
            .field("support_url", &self.support_url)
            .field("otp", &self.otp)
            .field("send", &self.send)
            .field("abuse", &self.abuse)
            .field("http", &self.http)
            .field("default_locale", &self.default_locale)
            .field("locales_dir", &self.locales_dir)
            .field("cleanup_interval_seconds", &self.cleanup_interval_seconds)
            .field("log_format", &self.log_format)
            .field("api_keys", &self.api_keys)
            .field(
                "admin_password",
                &self.admin_password.as_ref().map(|_| "<set>"),
            )
            .field(
                "test_numbers",
                &self.test_numbers.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            )
            .field("clients", &self.clients)
            .finish()
    }
}

/// Where a generated key is kept when `SECRET_KEY` is not set.
pub const SECRET_KEY_FILE: &str = "data/secret.key";

impl Settings {
    /// Reads `.env`, `CONFIG_FILE` and the environment.
    pub fn load() -> Result<Self, ConfigError> {
        let (raw, tables) = source::read()?;
        let mut settings = Self::from_map(&raw, Path::new(SECRET_KEY_FILE))?;
        settings.clients = validate_clients(tables.clients)?;
        settings.webhooks = validate_webhooks(tables.webhooks, &settings.clients)?;
        settings.twilio()?;
        Ok(settings)
    }

    /// Every problem of the configuration, not just the first (for
    /// `check-config`): each variable is also checked on its own.
    pub fn problems() -> Vec<ConfigError> {
        let (raw, tables) = match source::read() {
            Ok(parts) => parts,
            Err(e) => return vec![e],
        };
        let mut found: Vec<ConfigError> = Vec::new();
        let mut push = |e: ConfigError| {
            if !found.contains(&e) {
                found.push(e);
            }
        };
        match Self::from_map(&raw, Path::new(SECRET_KEY_FILE)) {
            Err(e) => push(e),
            Ok(mut settings) => {
                if let Ok(clients) = validate_clients(tables.clients.clone()) {
                    settings.clients = clients;
                    if let Err(e) = settings.twilio() {
                        push(e);
                    }
                    // One line per endpoint's problem, then the list's own
                    // (an endpoint given twice).
                    for w in &tables.webhooks {
                        if let Err(e) = validate_webhooks(vec![w.clone()], &settings.clients) {
                            push(e);
                        }
                    }
                    if let Err(e) = validate_webhooks(tables.webhooks.clone(), &settings.clients) {
                        push(e);
                    }
                }
            }
        }
        // Each key alone, on top of the defaults (and a stand-in key, so no
        // file is written), finds the problems the first one hid.
        let stand_in = "00".repeat(32);
        for key in raw.keys() {
            let mut alone: HashMap<String, String> =
                HashMap::from([(key.clone(), raw[key].clone())]);
            alone
                .entry("SECRET_KEY".into())
                .or_insert_with(|| stand_in.clone());
            // A default language may be one the folder adds.
            if key == "DEFAULT_LOCALE"
                && let Some(v) = raw.get("LOCALES_DIR")
            {
                alone.insert("LOCALES_DIR".into(), v.clone());
            }
            if key.starts_with("AWS_") || key.starts_with("SNS_") {
                for k in ["SMS_PROVIDER", "AWS_REGION"] {
                    if let Some(v) = raw.get(k) {
                        alone.entry(k.into()).or_insert_with(|| v.clone());
                    }
                }
            }
            if let Err(e) = Self::from_map(&alone, Path::new("/nonexistent/secret.key"))
                && e.name == *key
            {
                push(e);
            }
        }
        if let Err(e) = validate_clients(tables.clients) {
            push(e);
        }
        // Every problem of LOCALES_DIR, not only its first.
        if let Some(v) = raw.get("LOCALES_DIR").filter(|v| !v.trim().is_empty()) {
            for e in ui::locales_dir_problems(v) {
                push(e);
            }
        }
        found
    }

    /// What is allowed but worth saying, one line each (`check-config`
    /// prints them, start-up logs them): an SMS of `LOCALES_DIR` that
    /// takes two segments.
    pub fn warnings(&self) -> Vec<String> {
        self.locales_dir
            .iter()
            .flat_map(|d| d.warnings.iter())
            .map(|w| format!("LOCALES_DIR: {w}"))
            .collect()
    }

    /// Builds settings from upper-case keys; a missing `SECRET_KEY` is read
    /// from (or generated into) `key_file`.
    pub fn from_map(raw: &HashMap<String, String>, key_file: &Path) -> Result<Self, ConfigError> {
        Self::from_source(&Source::new(raw.clone()), key_file)
    }

    fn from_source(src: &Source, key_file: &Path) -> Result<Self, ConfigError> {
        let bind_addr = http::bind_addr(src)?;
        let metrics_bind_addr = http::metrics_bind_addr(src)?;
        let public_url = http::public_url(src)?;
        let database_url = database_url(src)?;
        let sms = sms::sms(src, bind_addr, &public_url)?;
        let brand = ui::brand(src)?;
        let support_url = ui::support_url(src)?;
        let otp = otp::otp(src)?;
        let send = otp::send(src, &otp)?;
        let http = http::http(src)?;
        let abuse = abuse::abuse(src)?;
        let locales_dir = ui::locales_dir(src)?;
        let default_locale = ui::default_locale(src, locales_dir.as_ref())?;
        let cleanup_interval_seconds = keys::CLEANUP_INTERVAL_SECONDS.read(src)?;
        let log_format = src.choice(
            "LOG_FORMAT",
            LogFormat::Text,
            &[("text", LogFormat::Text), ("json", LogFormat::Json)],
        )?;
        let api_keys = secrets::api_keys(src)?;
        let admin_password = secrets::admin_password(src)?;
        let test_numbers = otp::test_numbers(src, &otp, &abuse.allowed_countries)?;
        let (twilio_account_sid, twilio_service_sid) = twilio::sids(src)?;
        let webhook_retry_schedule = webhooks::retry_schedule(src)?;
        let secret_key = secrets::secret_key(src, key_file)?;
        Ok(Self {
            bind_addr,
            metrics_bind_addr,
            public_url,
            database_url,
            secret_key,
            sms_provider: sms.provider,
            sns: sms.sns,
            dev_outbox_public: sms.outbox_public,
            brand,
            support_url,
            otp,
            send,
            abuse,
            http,
            default_locale,
            locales_dir,
            cleanup_interval_seconds,
            log_format,
            api_keys,
            admin_password,
            test_numbers,
            clients: Vec::new(),
            twilio_account_sid,
            twilio_service_sid,
            webhooks: Vec::new(),
            webhook_retry_schedule,
        })
    }

    /// Secure cookies, `__Host-` names and HSTS follow an https `PUBLIC_URL`.
    pub fn is_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

/// `DATABASE_URL`: `sqlite:` or `postgres(ql)://`.
fn database_url(src: &Source) -> Result<String, ConfigError> {
    let url = src
        .get("DATABASE_URL")
        .unwrap_or("sqlite://data/phone-verify.db")
        .to_owned();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        // One host or several, and target_session_attrs, as libpq reads them.
        crate::storage::postgres::hosts::parse(&url)
            .map(|_| url)
            .map_err(|e| problem("DATABASE_URL", &e))
    } else if url.starts_with("sqlite:") {
        Ok(url)
    } else {
        Err(problem(
            "DATABASE_URL",
            "must start with sqlite:// or postgres:// (postgresql:// also accepted)",
        ))
    }
}

#[cfg(test)]
mod tests;
