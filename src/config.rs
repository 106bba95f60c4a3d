//! Typed settings: defaults, then the optional `CONFIG_FILE` (TOML, lower-case
//! keys), then the environment (and `.env`). Every bad value is refused with
//! one line naming the variable and what it allows.
use std::{collections::HashMap, net::SocketAddr, path::Path};

use url::Url;

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
pub enum SmsProvider {
    Outbox,
    Sns,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsType {
    Transactional,
    Promotional,
}

impl SmsType {
    pub fn as_str(self) -> &'static str {
        match self {
            SmsType::Transactional => "Transactional",
            SmsType::Promotional => "Promotional",
        }
    }
}

/// Amazon SNS, when `SMS_PROVIDER=sns`. Credentials come from the default
/// AWS chain (environment, profile, web identity, container or instance role).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnsSettings {
    pub region: String,
    pub endpoint_url: Option<Url>,
    pub sms_type: SmsType,
    pub sender_id: Option<String>,
    pub origination_number: Option<String>,
    pub max_price_usd: Option<String>,
    /// One deadline for a whole send, retries included.
    pub timeout: std::time::Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// The server key. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(Vec<u8>);

impl SecretKey {
    pub fn new(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// Code lifetime, length and attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtpSettings {
    pub length: u8,
    pub ttl_seconds: u32,
    pub max_attempts: u32,
}

/// What the pumping breaker does when a rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PumpingMode {
    Off,
    /// Logs and counts what it would block, blocks nothing.
    Monitor,
    Block,
}

/// Thresholds of the SMS-pumping breaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PumpingSettings {
    pub mode: PumpingMode,
    pub window_seconds: u32,
    /// National digits after the country code that make a prefix.
    pub prefix_digits: u8,
    /// Unverified sends to one prefix in the window before the rule may fire.
    pub min_sends: u32,
    /// The rule fires when at least this share (percent) of the window's
    /// sends to a prefix or country were never verified.
    pub max_unverified_percent: u32,
    /// Unverified sends to one country in the window before its rule may fire.
    pub country_min_sends: u32,
    /// Distinct client networks (IPv4 /24, IPv6 /48) among a prefix's
    /// unverified sends before its rule may fire: one source cannot aim it.
    pub min_networks: u32,
    /// The same for a country.
    pub country_min_networks: u32,
    pub block_seconds: u32,
}

/// Which header a trusted proxy writes the client's address into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProxyHeader {
    XForwardedFor,
    Forwarded,
}

impl ProxyHeader {
    pub fn as_str(self) -> &'static str {
        match self {
            ProxyHeader::XForwardedFor => "x-forwarded-for",
            ProxyHeader::Forwarded => "forwarded",
        }
    }
}

/// Connection handling: timeouts for slow clients and connection caps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpSettings {
    /// A request's headers must arrive within this.
    pub header_timeout: std::time::Duration,
    /// Its body must arrive within this after the headers.
    pub body_timeout: std::time::Duration,
    /// An idle keep-alive connection is closed after this.
    pub idle_timeout: std::time::Duration,
    /// Open connections in all (also kept below the open-file limit).
    pub max_connections: u32,
    /// Open connections from one client address (not applied when
    /// `TRUST_PROXY_HEADERS` says every peer is our proxy).
    pub max_connections_per_ip: u32,
}

/// Abuse resistance beyond the per-number limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbuseSettings {
    pub global_limit_per_hour: u32,
    /// ISO codes; empty means every country.
    pub allowed_countries: Vec<&'static str>,
    pub ip_per_minute: u32,
    pub ip_burst: u32,
    pub trust_proxy_headers: bool,
    /// The one header the trusted proxy writes (`PROXY_HEADER`).
    pub proxy_header: ProxyHeader,
    /// Proxies of ours in front of the app: the client is the entry this
    /// many places from the right (`TRUSTED_PROXY_HOPS`).
    pub trusted_proxy_hops: u32,
    /// IPv6 clients are keyed by this prefix (`IPV6_PREFIX_LENGTH`).
    pub ipv6_prefix: u8,
    pub pumping: PumpingSettings,
}

/// Limits on how often one number may be texted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendSettings {
    pub resend_cooldown_seconds: u32,
    pub limit_per_phone: u32,
    pub limit_window_seconds: u32,
    /// Wrong codes allowed per number in the window, over all its
    /// verifications (`WRONG_CODE_LIMIT_PER_PHONE`, default `OTP_MAX_ATTEMPTS`).
    pub wrong_code_limit: u32,
}

#[derive(Clone)]
pub struct Settings {
    pub bind_addr: SocketAddr,
    pub public_url: Url,
    pub database_url: String,
    pub secret_key: SecretKey,
    pub sms_provider: SmsProvider,
    /// Present when `sms_provider` is `Sns`.
    pub sns: Option<SnsSettings>,
    pub dev_outbox_public: bool,
    pub brand_name: String,
    /// `BRAND_ACCENT_COLOR` as red, green, blue.
    pub brand_accent: Option<[u8; 3]>,
    /// `BRAND_LOGO_URL`: an https URL or a path on this host.
    pub brand_logo_url: Option<String>,
    pub otp: OtpSettings,
    pub send: SendSettings,
    pub abuse: AbuseSettings,
    pub http: HttpSettings,
    pub default_locale: String,
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
}

/// An API key and the name it is known by in logs and metrics (`name:key`
/// in `API_KEYS`; else `key-` and the first 8 hex digits of its SHA-256).
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub name: String,
    pub key: SecretString,
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ApiKey({})", self.name)
    }
}

/// One `API_KEYS` entry: `key` or `name:key`.
fn parse_api_key(entry: &str) -> Result<ApiKey, ConfigError> {
    let (name, key) = match entry.split_once(':') {
        Some((name, key)) => (Some(name), key),
        None => (None, entry),
    };
    if key.len() < 16 || key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(problem(
            "API_KEYS",
            "each key must be at least 16 characters, without spaces",
        ));
    }
    let name = match name {
        Some(name)
            if (1..=64).contains(&name.len())
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            name.to_owned()
        }
        Some(name) => {
            return Err(problem(
                "API_KEYS",
                format!("the key name `{name}` must be 1 to 64 letters, digits, - or _"),
            ));
        }
        None => {
            use sha2::Digest as _;
            format!(
                "key-{}",
                &hex::encode(sha2::Sha256::digest(key.as_bytes()))[..8]
            )
        }
    };
    Ok(ApiKey {
        name,
        key: SecretString(key.to_owned()),
    })
}

/// A string that `Debug` never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(pub String);

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// An app that sends its users here and gets back a signed proof.
#[derive(Clone, PartialEq, Eq)]
pub struct ClientConfig {
    pub id: String,
    /// Shown to the person ("Acme wants to confirm your phone number").
    pub name: String,
    pub secret: SecretKey,
    /// Exact `return_to` values allowed.
    pub redirect_uris: Vec<String>,
    /// Origins allowed to frame the flow (`embed=1`).
    pub frame_ancestors: Vec<String>,
}

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("secret", &self.secret)
            .field("redirect_uris", &self.redirect_uris)
            .field("frame_ancestors", &self.frame_ancestors)
            .finish()
    }
}

/// A `[[clients]]` table as written.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClient {
    pub id: String,
    #[serde(default)]
    pub name: Option<String>,
    pub secret: String,
    #[serde(default)]
    pub redirect_uris: Vec<String>,
    #[serde(default)]
    pub frame_ancestors: Vec<String>,
}

/// Checks the clients: ids unique, secrets of 32 bytes or more, exact
/// https redirect URIs (http only on loopback hosts), origins for framing.
pub fn validate_clients(raw: Vec<RawClient>) -> Result<Vec<ClientConfig>, ConfigError> {
    let mut clients: Vec<ClientConfig> = Vec::new();
    for c in raw {
        let at = |what: String| problem("CONFIG_FILE", format!("client `{}`: {what}", c.id));
        if c.id.is_empty()
            || c.id.len() > 64
            || !c
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(problem(
                "CONFIG_FILE",
                format!("client id `{}`: 1 to 64 letters, digits, - or _", c.id),
            ));
        }
        if clients.iter().any(|k| k.id == c.id) {
            return Err(at("the id is used twice".into()));
        }
        if c.secret.len() < 32 {
            return Err(at(format!(
                "the secret has {} bytes; at least 32 are required",
                c.secret.len()
            )));
        }
        if c.redirect_uris.is_empty() {
            return Err(at("redirect_uris is empty".into()));
        }
        for uri in &c.redirect_uris {
            let url = Url::parse(uri)
                .map_err(|_| at(format!("redirect URI `{uri}` is not an absolute URL")))?;
            if url.fragment().is_some() || url.as_str() != uri || !secure_or_loopback(&url) {
                return Err(at(format!(
                    "redirect URI `{uri}` must be an exact https URL without a fragment (http only for localhost), written in its normal form ({})",
                    url.as_str()
                )));
            }
        }
        for origin in &c.frame_ancestors {
            let url = Url::parse(origin)
                .map_err(|_| at(format!("frame ancestor `{origin}` is not an origin")))?;
            let normal = url.origin().ascii_serialization();
            if &normal != origin || !secure_or_loopback(&url) {
                return Err(at(format!(
                    "frame ancestor `{origin}` must be an https origin such as https://app.example (http only for localhost)"
                )));
            }
        }
        clients.push(ClientConfig {
            name: c
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| c.id.clone()),
            id: c.id,
            secret: SecretKey(c.secret.into_bytes()),
            redirect_uris: c.redirect_uris,
            frame_ancestors: c.frame_ancestors,
        });
    }
    Ok(clients)
}

fn secure_or_loopback(url: &Url) -> bool {
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => is_loopback_host(url),
        _ => false,
    }
}

/// `localhost` or a loopback address.
fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("bind_addr", &self.bind_addr)
            .field("public_url", &self.public_url.as_str())
            .field("database_url", &redact_url(&self.database_url))
            .field("secret_key", &self.secret_key)
            .field("sms_provider", &self.sms_provider)
            .field("sns", &self.sns)
            .field("dev_outbox_public", &self.dev_outbox_public)
            .field("brand_name", &self.brand_name)
            .field("brand_accent", &self.brand_accent)
            .field("brand_logo_url", &self.brand_logo_url)
            .field("otp", &self.otp)
            .field("send", &self.send)
            .field("abuse", &self.abuse)
            .field("http", &self.http)
            .field("default_locale", &self.default_locale)
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

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(raw: &str) -> String {
    match Url::parse(raw) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => raw.to_owned(),
    }
}

/// Every key this configuration reads, in the SPEC's spelling.
pub const KEYS: &[&str] = &[
    "BIND_ADDR",
    "PUBLIC_URL",
    "DATABASE_URL",
    "SECRET_KEY",
    "SMS_PROVIDER",
    "AWS_REGION",
    "SNS_ENDPOINT_URL",
    "SNS_SMS_TYPE",
    "SNS_SENDER_ID",
    "SNS_ORIGINATION_NUMBER",
    "SNS_MAX_PRICE_USD",
    "SNS_TIMEOUT_SECONDS",
    "DEV_OUTBOX_PUBLIC",
    "BRAND_NAME",
    "BRAND_ACCENT_COLOR",
    "BRAND_LOGO_URL",
    "OTP_LENGTH",
    "OTP_TTL_SECONDS",
    "OTP_MAX_ATTEMPTS",
    "RESEND_COOLDOWN_SECONDS",
    "SEND_LIMIT_PER_PHONE",
    "SEND_LIMIT_WINDOW_SECONDS",
    "WRONG_CODE_LIMIT_PER_PHONE",
    "SMS_GLOBAL_LIMIT_PER_HOUR",
    "ALLOWED_COUNTRIES",
    "IP_RATE_LIMIT_PER_MINUTE",
    "IP_RATE_LIMIT_BURST",
    "TRUST_PROXY_HEADERS",
    "PROXY_HEADER",
    "TRUSTED_PROXY_HOPS",
    "IPV6_PREFIX_LENGTH",
    "HTTP_HEADER_TIMEOUT_SECONDS",
    "HTTP_BODY_TIMEOUT_SECONDS",
    "HTTP_IDLE_TIMEOUT_SECONDS",
    "HTTP_MAX_CONNECTIONS",
    "HTTP_MAX_CONNECTIONS_PER_IP",
    "PUMPING_GUARD",
    "PUMPING_WINDOW_SECONDS",
    "PUMPING_PREFIX_DIGITS",
    "PUMPING_MIN_SENDS",
    "PUMPING_MAX_UNVERIFIED_PERCENT",
    "PUMPING_COUNTRY_MIN_SENDS",
    "PUMPING_MIN_NETWORKS",
    "PUMPING_COUNTRY_MIN_NETWORKS",
    "PUMPING_BLOCK_SECONDS",
    "API_KEYS",
    "ADMIN_PASSWORD",
    "TEST_NUMBERS",
    "DEFAULT_LOCALE",
    "CLEANUP_INTERVAL_SECONDS",
    "LOG_FORMAT",
];

/// Where a generated key is kept when `SECRET_KEY` is not set.
pub const SECRET_KEY_FILE: &str = "data/secret.key";

impl Settings {
    /// Reads `.env`, `CONFIG_FILE` and the environment.
    pub fn load() -> Result<Self, ConfigError> {
        let (raw, clients) = raw_config()?;
        let mut settings = Self::from_map(&raw, Path::new(SECRET_KEY_FILE))?;
        settings.clients = validate_clients(clients)?;
        Ok(settings)
    }

    /// Every problem of the configuration, not just the first (for
    /// `check-config`): each variable is also checked on its own.
    pub fn problems() -> Vec<ConfigError> {
        let (raw, clients) = match raw_config() {
            Ok(parts) => parts,
            Err(e) => return vec![e],
        };
        let mut found: Vec<ConfigError> = Vec::new();
        let mut push = |e: ConfigError| {
            if !found.contains(&e) {
                found.push(e);
            }
        };
        if let Err(e) = Self::from_map(&raw, Path::new(SECRET_KEY_FILE)) {
            push(e);
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
        if let Err(e) = validate_clients(clients) {
            push(e);
        }
        found
    }

    /// Builds settings from upper-case keys; a missing `SECRET_KEY` is read
    /// from (or generated into) `key_file`.
    pub fn from_map(raw: &HashMap<String, String>, key_file: &Path) -> Result<Self, ConfigError> {
        let get = |name: &str| raw.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());

        let bind_addr: SocketAddr = match get("BIND_ADDR") {
            None => "127.0.0.1:8080".parse().expect("valid default"),
            Some(v) => v.parse().map_err(|_| {
                problem(
                    "BIND_ADDR",
                    format!("`{v}` is not an address:port such as 127.0.0.1:8080"),
                )
            })?,
        };
        let public_url = {
            let v = get("PUBLIC_URL").unwrap_or("http://127.0.0.1:8080");
            let url = Url::parse(v).map_err(|_| {
                problem(
                    "PUBLIC_URL",
                    format!("`{v}` is not an absolute http(s) URL"),
                )
            })?;
            if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
                return Err(problem(
                    "PUBLIC_URL",
                    format!("`{v}` must be an http:// or https:// URL with a host"),
                ));
            }
            url
        };
        let database_url = get("DATABASE_URL")
            .unwrap_or("sqlite://data/phone-verify.db")
            .to_owned();
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(problem(
                "DATABASE_URL",
                "must start with sqlite:// or postgres:// (postgresql:// also accepted)",
            ));
        }
        let sms_provider = match get("SMS_PROVIDER").unwrap_or("outbox") {
            v if v.eq_ignore_ascii_case("outbox") => SmsProvider::Outbox,
            v if v.eq_ignore_ascii_case("sns") => SmsProvider::Sns,
            v => {
                return Err(problem(
                    "SMS_PROVIDER",
                    format!("`{v}` is not allowed; allowed: outbox, sns"),
                ));
            }
        };
        let sns = match sms_provider {
            SmsProvider::Sns => Some(sns_settings(&get)?),
            SmsProvider::Outbox => None,
        };
        let dev_outbox_public = parse_bool(get("DEV_OUTBOX_PUBLIC"), "DEV_OUTBOX_PUBLIC", false)?;
        if sms_provider == SmsProvider::Outbox && !dev_outbox_public {
            if !bind_addr.ip().is_loopback() {
                return Err(problem(
                    "SMS_PROVIDER",
                    format!(
                        "the dev outbox shows every code at /dev/outbox, so it refuses the non-loopback BIND_ADDR {bind_addr}; bind 127.0.0.1 or set DEV_OUTBOX_PUBLIC=true"
                    ),
                ));
            }
            if !is_loopback_host(&public_url) {
                return Err(problem(
                    "SMS_PROVIDER",
                    format!(
                        "the dev outbox shows every code at /dev/outbox, so it refuses the public PUBLIC_URL {} (a reverse proxy would publish it); use SMS_PROVIDER=sns or set DEV_OUTBOX_PUBLIC=true",
                        public_url.as_str()
                    ),
                ));
            }
        }
        let brand_name = get("BRAND_NAME").unwrap_or("phone-verify").to_owned();
        if brand_name.chars().count() > 40 || brand_name.chars().any(char::is_control) {
            return Err(problem("BRAND_NAME", "at most 40 printable characters"));
        }
        let brand_accent = match get("BRAND_ACCENT_COLOR") {
            None => None,
            Some(v) => Some(parse_hex_color(v).ok_or_else(|| {
                problem(
                    "BRAND_ACCENT_COLOR",
                    format!("`{v}` is not a colour such as #1f5fd1"),
                )
            })?),
        };
        let brand_logo_url = match get("BRAND_LOGO_URL") {
            None => None,
            Some(v)
                if v.starts_with('/')
                    && !v.starts_with("//")
                    && !v.contains(['"', '<', '>', ' ']) =>
            {
                Some(v.to_owned())
            }
            Some(v) => match Url::parse(v) {
                Ok(url) if url.scheme() == "https" && url.host_str().is_some() => {
                    Some(url.to_string())
                }
                _ => {
                    return Err(problem(
                        "BRAND_LOGO_URL",
                        format!("`{v}` must be an https URL or a path such as /logo.svg"),
                    ));
                }
            },
        };
        let otp = OtpSettings {
            length: parse_num(get("OTP_LENGTH"), "OTP_LENGTH", 6, 4, 10)? as u8,
            ttl_seconds: parse_num(get("OTP_TTL_SECONDS"), "OTP_TTL_SECONDS", 300, 30, 600)?,
            max_attempts: parse_num(get("OTP_MAX_ATTEMPTS"), "OTP_MAX_ATTEMPTS", 5, 1, 20)?,
        };
        let send = SendSettings {
            resend_cooldown_seconds: parse_num(
                get("RESEND_COOLDOWN_SECONDS"),
                "RESEND_COOLDOWN_SECONDS",
                30,
                0,
                3600,
            )?,
            limit_per_phone: parse_num(
                get("SEND_LIMIT_PER_PHONE"),
                "SEND_LIMIT_PER_PHONE",
                5,
                1,
                1000,
            )?,
            limit_window_seconds: parse_num(
                get("SEND_LIMIT_WINDOW_SECONDS"),
                "SEND_LIMIT_WINDOW_SECONDS",
                3600,
                60,
                604_800,
            )?,
            wrong_code_limit: parse_num(
                get("WRONG_CODE_LIMIT_PER_PHONE"),
                "WRONG_CODE_LIMIT_PER_PHONE",
                otp.max_attempts,
                1,
                100,
            )?,
        };
        let http = http_settings(&get)?;
        let abuse = abuse_settings(&get)?;
        let default_locale = match get("DEFAULT_LOCALE") {
            None => "en".to_owned(),
            Some(v) => crate::i18n::shipped_locale(v)
                .ok_or_else(|| {
                    problem(
                        "DEFAULT_LOCALE",
                        format!(
                            "`{v}` is not shipped; allowed: {}",
                            crate::i18n::LOCALES.join(", ")
                        ),
                    )
                })?
                .to_owned(),
        };
        let cleanup_interval_seconds = parse_num(
            get("CLEANUP_INTERVAL_SECONDS"),
            "CLEANUP_INTERVAL_SECONDS",
            60,
            1,
            86_400,
        )?;
        let log_format = match get("LOG_FORMAT").unwrap_or("text") {
            v if v.eq_ignore_ascii_case("text") => LogFormat::Text,
            v if v.eq_ignore_ascii_case("json") => LogFormat::Json,
            v => {
                return Err(problem(
                    "LOG_FORMAT",
                    format!("`{v}` is not allowed; allowed: text, json"),
                ));
            }
        };
        let mut api_keys: Vec<ApiKey> = Vec::new();
        for entry in get("API_KEYS")
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|k| !k.is_empty())
        {
            let key = parse_api_key(entry)?;
            if api_keys.iter().any(|k| k.name == key.name) {
                return Err(problem(
                    "API_KEYS",
                    format!("the key name `{}` is used twice", key.name),
                ));
            }
            api_keys.push(key);
        }
        let admin_password = match get("ADMIN_PASSWORD") {
            None => None,
            Some(v) if v.chars().count() >= 16 => Some(SecretString(v.to_owned())),
            Some(_) => return Err(problem("ADMIN_PASSWORD", "at least 16 characters")),
        };
        let mut test_numbers: Vec<(String, String)> = Vec::new();
        for entry in get("TEST_NUMBERS")
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            let (number, code) = entry.split_once('=').ok_or_else(|| {
                problem(
                    "TEST_NUMBERS",
                    format!("`{entry}` is not number=code, such as +15005550006=123456"),
                )
            })?;
            let code = code.trim();
            if code.len() != usize::from(otp.length) || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(problem(
                    "TEST_NUMBERS",
                    format!(
                        "the code for {} must be {} digits (OTP_LENGTH)",
                        number.trim(),
                        otp.length
                    ),
                ));
            }
            let e164 = crate::domain::phone::test_number(number.trim(), &abuse.allowed_countries)
                .map_err(|why| problem("TEST_NUMBERS", why))?;
            test_numbers.push((e164, code.to_owned()));
        }
        let secret_key = match get("SECRET_KEY") {
            Some(v) => parse_secret(v)?,
            None => load_or_create_key(key_file)?,
        };
        Ok(Self {
            bind_addr,
            public_url,
            database_url,
            secret_key,
            sms_provider,
            sns,
            dev_outbox_public,
            brand_name,
            brand_accent,
            brand_logo_url,
            otp,
            send,
            abuse,
            http,
            default_locale,
            cleanup_interval_seconds,
            log_format,
            api_keys,
            admin_password,
            test_numbers,
            clients: Vec::new(),
        })
    }

    /// Secure cookies, `__Host-` names and HSTS follow an https `PUBLIC_URL`.
    pub fn is_https(&self) -> bool {
        self.public_url.scheme() == "https"
    }
}

fn abuse_settings<'a>(
    get: &impl Fn(&str) -> Option<&'a str>,
) -> Result<AbuseSettings, ConfigError> {
    let mut allowed_countries = Vec::new();
    for code in get("ALLOWED_COUNTRIES")
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let known = crate::domain::phone::known_region(code).ok_or_else(|| {
            problem(
                "ALLOWED_COUNTRIES",
                format!("`{code}` is not an ISO 3166 alpha-2 country code such as US"),
            )
        })?;
        if !allowed_countries.contains(&known) {
            allowed_countries.push(known);
        }
    }
    let mode = match get("PUMPING_GUARD").unwrap_or("block") {
        v if v.eq_ignore_ascii_case("off") => PumpingMode::Off,
        v if v.eq_ignore_ascii_case("monitor") => PumpingMode::Monitor,
        v if v.eq_ignore_ascii_case("block") => PumpingMode::Block,
        v => {
            return Err(problem(
                "PUMPING_GUARD",
                format!("`{v}` is not allowed; allowed: off, monitor, block"),
            ));
        }
    };
    Ok(AbuseSettings {
        global_limit_per_hour: parse_num(
            get("SMS_GLOBAL_LIMIT_PER_HOUR"),
            "SMS_GLOBAL_LIMIT_PER_HOUR",
            1000,
            1,
            10_000_000,
        )?,
        allowed_countries,
        ip_per_minute: parse_num(
            get("IP_RATE_LIMIT_PER_MINUTE"),
            "IP_RATE_LIMIT_PER_MINUTE",
            20,
            1,
            1_000_000,
        )?,
        ip_burst: parse_num(
            get("IP_RATE_LIMIT_BURST"),
            "IP_RATE_LIMIT_BURST",
            10,
            1,
            100_000,
        )?,
        trust_proxy_headers: parse_bool(get("TRUST_PROXY_HEADERS"), "TRUST_PROXY_HEADERS", false)?,
        proxy_header: match get("PROXY_HEADER").unwrap_or("x-forwarded-for") {
            v if v.eq_ignore_ascii_case("x-forwarded-for") => ProxyHeader::XForwardedFor,
            v if v.eq_ignore_ascii_case("forwarded") => ProxyHeader::Forwarded,
            v => {
                return Err(problem(
                    "PROXY_HEADER",
                    format!("`{v}` is not allowed; allowed: x-forwarded-for, forwarded"),
                ));
            }
        },
        trusted_proxy_hops: parse_num(get("TRUSTED_PROXY_HOPS"), "TRUSTED_PROXY_HOPS", 1, 1, 10)?,
        ipv6_prefix: parse_num(get("IPV6_PREFIX_LENGTH"), "IPV6_PREFIX_LENGTH", 64, 32, 128)? as u8,
        pumping: PumpingSettings {
            mode,
            window_seconds: parse_num(
                get("PUMPING_WINDOW_SECONDS"),
                "PUMPING_WINDOW_SECONDS",
                3600,
                60,
                604_800,
            )?,
            prefix_digits: parse_num(
                get("PUMPING_PREFIX_DIGITS"),
                "PUMPING_PREFIX_DIGITS",
                4,
                1,
                8,
            )? as u8,
            min_sends: parse_num(
                get("PUMPING_MIN_SENDS"),
                "PUMPING_MIN_SENDS",
                10,
                1,
                1_000_000,
            )?,
            max_unverified_percent: parse_num(
                get("PUMPING_MAX_UNVERIFIED_PERCENT"),
                "PUMPING_MAX_UNVERIFIED_PERCENT",
                80,
                1,
                100,
            )?,
            country_min_sends: parse_num(
                get("PUMPING_COUNTRY_MIN_SENDS"),
                "PUMPING_COUNTRY_MIN_SENDS",
                50,
                1,
                10_000_000,
            )?,
            min_networks: parse_num(
                get("PUMPING_MIN_NETWORKS"),
                "PUMPING_MIN_NETWORKS",
                5,
                1,
                1000,
            )?,
            country_min_networks: parse_num(
                get("PUMPING_COUNTRY_MIN_NETWORKS"),
                "PUMPING_COUNTRY_MIN_NETWORKS",
                10,
                1,
                1000,
            )?,
            block_seconds: parse_num(
                get("PUMPING_BLOCK_SECONDS"),
                "PUMPING_BLOCK_SECONDS",
                3600,
                60,
                604_800,
            )?,
        },
    })
}

fn http_settings<'a>(get: &impl Fn(&str) -> Option<&'a str>) -> Result<HttpSettings, ConfigError> {
    let seconds = |name: &str, default: u32, max: u32| {
        parse_num(get(name), name, default, 1, max)
            .map(|s| std::time::Duration::from_secs(u64::from(s)))
    };
    Ok(HttpSettings {
        header_timeout: seconds("HTTP_HEADER_TIMEOUT_SECONDS", 10, 300)?,
        body_timeout: seconds("HTTP_BODY_TIMEOUT_SECONDS", 10, 300)?,
        idle_timeout: seconds("HTTP_IDLE_TIMEOUT_SECONDS", 60, 3600)?,
        max_connections: parse_num(
            get("HTTP_MAX_CONNECTIONS"),
            "HTTP_MAX_CONNECTIONS",
            10_000,
            16,
            1_000_000,
        )?,
        max_connections_per_ip: parse_num(
            get("HTTP_MAX_CONNECTIONS_PER_IP"),
            "HTTP_MAX_CONNECTIONS_PER_IP",
            64,
            1,
            100_000,
        )?,
    })
}

fn sns_settings<'a>(get: &impl Fn(&str) -> Option<&'a str>) -> Result<SnsSettings, ConfigError> {
    let region = get("AWS_REGION").ok_or_else(|| {
        problem(
            "AWS_REGION",
            "required with SMS_PROVIDER=sns, for example us-east-1",
        )
    })?;
    if !region
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(problem(
            "AWS_REGION",
            format!("`{region}` is not a region name such as us-east-1"),
        ));
    }
    let endpoint_url = match get("SNS_ENDPOINT_URL") {
        None => None,
        Some(v) => match Url::parse(v) {
            Ok(url) if matches!(url.scheme(), "http" | "https") && url.host_str().is_some() => {
                Some(url)
            }
            _ => {
                return Err(problem(
                    "SNS_ENDPOINT_URL",
                    format!("`{v}` is not an http(s) URL"),
                ));
            }
        },
    };
    let sms_type = match get("SNS_SMS_TYPE").unwrap_or("Transactional") {
        v if v.eq_ignore_ascii_case("transactional") => SmsType::Transactional,
        v if v.eq_ignore_ascii_case("promotional") => SmsType::Promotional,
        v => {
            return Err(problem(
                "SNS_SMS_TYPE",
                format!("`{v}` is not allowed; allowed: Transactional, Promotional"),
            ));
        }
    };
    let sender_id = match get("SNS_SENDER_ID") {
        None => None,
        Some(v)
            if (1..=11).contains(&v.len())
                && v.bytes().all(|b| b.is_ascii_alphanumeric())
                && v.bytes().any(|b| b.is_ascii_alphabetic()) =>
        {
            Some(v.to_owned())
        }
        Some(v) => {
            return Err(problem(
                "SNS_SENDER_ID",
                format!("`{v}` is not allowed; 1 to 11 letters and digits, at least one letter"),
            ));
        }
    };
    let origination_number = match get("SNS_ORIGINATION_NUMBER") {
        None => None,
        Some(v)
            if v.starts_with('+')
                && (3..=16).contains(&v.len())
                && v[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(v.to_owned())
        }
        Some(v) => {
            return Err(problem(
                "SNS_ORIGINATION_NUMBER",
                format!("`{v}` is not an E.164 number such as +18005550199"),
            ));
        }
    };
    let max_price_usd = match get("SNS_MAX_PRICE_USD") {
        None => None,
        Some(v) => match v.parse::<f64>() {
            Ok(p) if p > 0.0 && p <= 10_000.0 && !v.contains(['e', 'E']) => Some(v.to_owned()),
            _ => {
                return Err(problem(
                    "SNS_MAX_PRICE_USD",
                    format!("`{v}` is not allowed; a price in USD such as 0.50"),
                ));
            }
        },
    };
    let timeout = parse_num(get("SNS_TIMEOUT_SECONDS"), "SNS_TIMEOUT_SECONDS", 10, 1, 60)?;
    Ok(SnsSettings {
        region: region.to_owned(),
        endpoint_url,
        sms_type,
        sender_id,
        origination_number,
        max_price_usd,
        timeout: std::time::Duration::from_secs(u64::from(timeout)),
    })
}

/// `#1f5fd1` or `1f5fd1`.
fn parse_hex_color(v: &str) -> Option<[u8; 3]> {
    let hex = v.strip_prefix('#').unwrap_or(v);
    if hex.len() != 6 {
        return None;
    }
    let bytes = hex::decode(hex).ok()?;
    Some([bytes[0], bytes[1], bytes[2]])
}

fn parse_num(
    value: Option<&str>,
    name: &str,
    default: u32,
    min: u32,
    max: u32,
) -> Result<u32, ConfigError> {
    let Some(v) = value else { return Ok(default) };
    match v.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(problem(
            name,
            format!("`{v}` is not allowed; an integer from {min} to {max}"),
        )),
    }
}

fn parse_bool(value: Option<&str>, name: &str, default: bool) -> Result<bool, ConfigError> {
    match value.map(str::to_ascii_lowercase).as_deref() {
        None => Ok(default),
        Some("true" | "1" | "yes" | "on") => Ok(true),
        Some("false" | "0" | "no" | "off") => Ok(false),
        Some(v) => Err(problem(
            name,
            format!("`{v}` is not allowed; true or false"),
        )),
    }
}

/// Hex (64+ digits) or base64 (standard or URL-safe) for at least 32 bytes.
fn parse_secret(v: &str) -> Result<SecretKey, ConfigError> {
    use base64::Engine as _;
    let engines = [
        base64::engine::general_purpose::STANDARD,
        base64::engine::general_purpose::URL_SAFE,
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    let decoded = hex::decode(v)
        .ok()
        .or_else(|| engines.iter().find_map(|e| e.decode(v).ok()));
    match decoded {
        Some(bytes) if bytes.len() >= 32 => Ok(SecretKey(bytes)),
        Some(bytes) => Err(problem(
            "SECRET_KEY",
            format!(
                "decodes to {} bytes; at least 32 bytes are required (64 hex digits)",
                bytes.len()
            ),
        )),
        None => Err(problem(
            "SECRET_KEY",
            "must be hex or base64 for at least 32 bytes",
        )),
    }
}

/// Reads the generated key, or makes one (32 random bytes, mode 0600).
fn load_or_create_key(path: &Path) -> Result<SecretKey, ConfigError> {
    let fail = |what: String| problem("SECRET_KEY", format!("not set, and {what}"));
    match std::fs::read_to_string(path) {
        Ok(text) => {
            return parse_secret(text.trim())
                .map_err(|e| fail(format!("{}: {}", path.display(), e.problem)));
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(fail(format!("{} cannot be read: {e}", path.display())));
        }
        Err(_) => {}
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| fail(format!("{} cannot be created: {e}", dir.display())))?;
    }
    let mut bytes = vec![0u8; 32];
    rand::TryRngCore::try_fill_bytes(&mut rand::rngs::OsRng, &mut bytes)
        .map_err(|e| fail(format!("the OS random generator failed: {e}")))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| fail(format!("{} cannot be written: {e}", path.display())))?;
    std::io::Write::write_all(&mut file, format!("{}\n", hex::encode(&bytes)).as_bytes())
        .map_err(|e| fail(format!("{} cannot be written: {e}", path.display())))?;
    Ok(SecretKey(bytes))
}

/// `.env`, then `CONFIG_FILE`, then the environment, as raw strings.
fn raw_config() -> Result<(HashMap<String, String>, Vec<RawClient>), ConfigError> {
    let _ = dotenvy::dotenv();
    let (mut raw, clients) = match std::env::var("CONFIG_FILE") {
        Ok(path) if !path.is_empty() => read_config_file(Path::new(&path))?,
        _ => (HashMap::new(), Vec::new()),
    };
    for key in KEYS {
        if let Ok(value) = std::env::var(key) {
            raw.insert((*key).to_owned(), value);
        }
    }
    Ok((raw, clients))
}

/// The TOML file's keys, upper-cased to the environment's names.
fn read_config_file(path: &Path) -> Result<(HashMap<String, String>, Vec<RawClient>), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        problem(
            "CONFIG_FILE",
            format!("{} cannot be read: {e}", path.display()),
        )
    })?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        problem(
            "CONFIG_FILE",
            format!("{} is not valid TOML: {}", path.display(), e.message()),
        )
    })?;
    let mut raw = HashMap::new();
    let mut clients = Vec::new();
    for (key, value) in table {
        if key == "clients" {
            clients = value.try_into().map_err(|e: toml::de::Error| {
                problem(
                    "CONFIG_FILE",
                    format!("[[clients]] in {}: {}", path.display(), e.message()),
                )
            })?;
            continue;
        }
        let upper = key.to_ascii_uppercase();
        if !KEYS.contains(&upper.as_str()) || key != key.to_ascii_lowercase() {
            return Err(problem(
                "CONFIG_FILE",
                format!("unknown key `{key}` in {}", path.display()),
            ));
        }
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => {
                return Err(problem(
                    &upper,
                    format!(
                        "in {}: expected a string, number or boolean, found {}",
                        path.display(),
                        other.type_str()
                    ),
                ));
            }
        };
        raw.insert(upper, text);
    }
    Ok((raw, clients))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &[(&str, &str)]) -> Result<Settings, ConfigError> {
        let mut raw: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        raw.entry("SECRET_KEY".into())
            .or_insert_with(|| "ab".repeat(32));
        Settings::from_map(&raw, Path::new("/nonexistent/secret.key"))
    }

    #[test]
    fn defaults_match_the_spec() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.bind_addr.to_string(), "127.0.0.1:8080");
        assert_eq!(s.public_url.as_str(), "http://127.0.0.1:8080/");
        assert_eq!(s.database_url, "sqlite://data/phone-verify.db");
        assert_eq!(s.sms_provider, SmsProvider::Outbox);
        assert_eq!(s.brand_name, "phone-verify");
        assert_eq!(
            s.otp,
            OtpSettings {
                length: 6,
                ttl_seconds: 300,
                max_attempts: 5
            }
        );
        assert_eq!(
            s.send,
            SendSettings {
                resend_cooldown_seconds: 30,
                limit_per_phone: 5,
                limit_window_seconds: 3600,
                wrong_code_limit: 5,
            }
        );
        assert_eq!(s.default_locale, "en");
        assert_eq!(s.cleanup_interval_seconds, 60);
        assert_eq!(s.log_format, LogFormat::Text);
        assert!(!s.is_https());
        assert_eq!(s.abuse.global_limit_per_hour, 1000);
        assert!(s.abuse.allowed_countries.is_empty());
        assert_eq!(
            (
                s.abuse.ip_per_minute,
                s.abuse.ip_burst,
                s.abuse.trust_proxy_headers
            ),
            (20, 10, false)
        );
        assert_eq!(s.abuse.pumping.mode, PumpingMode::Block);
        let s = settings(&[("ALLOWED_COUNTRIES", "us, gb,US")]).unwrap();
        assert_eq!(s.abuse.allowed_countries, vec!["US", "GB"]);
    }

    #[test]
    fn bad_values_name_the_variable_and_the_range() {
        let cases = [
            ("OTP_LENGTH", "3", "an integer from 4 to 10"),
            ("OTP_LENGTH", "six", "an integer from 4 to 10"),
            ("OTP_TTL_SECONDS", "601", "from 30 to 600"),
            ("OTP_MAX_ATTEMPTS", "0", "from 1 to 20"),
            ("BIND_ADDR", "localhost", "address:port"),
            ("PUBLIC_URL", "ftp://x", "http"),
            ("DATABASE_URL", "mysql://x", "sqlite://"),
            ("SMS_PROVIDER", "carrier-pigeon", "allowed: outbox, sns"),
            ("LOG_FORMAT", "xml", "text, json"),
            ("DEFAULT_LOCALE", "xx", "allowed: en"),
            ("SECRET_KEY", "abcd", "at least 32 bytes"),
            ("SECRET_KEY", "not hex nor base64!", "hex or base64"),
            ("DEV_OUTBOX_PUBLIC", "maybe", "true or false"),
            ("ALLOWED_COUNTRIES", "US,XX", "`XX` is not an ISO 3166"),
            ("BRAND_ACCENT_COLOR", "blue", "a colour such as #1f5fd1"),
            (
                "BRAND_LOGO_URL",
                "http://x.example/logo.png",
                "https URL or a path",
            ),
            (
                "BRAND_LOGO_URL",
                "//evil.example/x.png",
                "https URL or a path",
            ),
            ("PUMPING_GUARD", "panic", "off, monitor, block"),
            ("IP_RATE_LIMIT_PER_MINUTE", "0", "from 1 to 1000000"),
            ("TRUST_PROXY_HEADERS", "sometimes", "true or false"),
            ("PUMPING_MAX_UNVERIFIED_PERCENT", "101", "from 1 to 100"),
        ];
        for (name, value, expected) in cases {
            let err = settings(&[(name, value)]).unwrap_err();
            assert_eq!(err.name, name, "{name}={value}");
            assert!(err.to_string().contains(expected), "{name}={value}: {err}");
        }
    }

    #[test]
    fn sns_settings_are_checked() {
        let sns = |extra: &[(&str, &str)]| {
            let mut pairs = vec![("SMS_PROVIDER", "sns"), ("AWS_REGION", "eu-west-1")];
            pairs.extend_from_slice(extra);
            settings(&pairs)
        };
        let ok = sns(&[
            ("SNS_SMS_TYPE", "promotional"),
            ("SNS_SENDER_ID", "Acme"),
            ("SNS_ORIGINATION_NUMBER", "+18005550199"),
            ("SNS_MAX_PRICE_USD", "0.50"),
            ("SNS_ENDPOINT_URL", "http://127.0.0.1:5000"),
            ("SNS_TIMEOUT_SECONDS", "3"),
        ])
        .unwrap()
        .sns
        .unwrap();
        assert_eq!(ok.region, "eu-west-1");
        assert_eq!(ok.sms_type, SmsType::Promotional);
        assert_eq!(ok.sender_id.as_deref(), Some("Acme"));
        assert_eq!(ok.timeout, std::time::Duration::from_secs(3));
        let defaults = sns(&[]).unwrap().sns.unwrap();
        assert_eq!(
            (defaults.sms_type, defaults.timeout.as_secs()),
            (SmsType::Transactional, 10)
        );
        assert_eq!(
            settings(&[("SMS_PROVIDER", "sns")]).unwrap_err().name,
            "AWS_REGION"
        );
        for (name, value) in [
            ("SNS_SMS_TYPE", "Urgent"),
            ("SNS_SENDER_ID", "TooLongSenderName"),
            ("SNS_SENDER_ID", "12345"),
            ("SNS_ORIGINATION_NUMBER", "18005550199"),
            ("SNS_MAX_PRICE_USD", "-1"),
            ("SNS_ENDPOINT_URL", "localhost:5000"),
            ("SNS_TIMEOUT_SECONDS", "0"),
            ("AWS_REGION", "US East"),
        ] {
            assert_eq!(
                sns(&[(name, value)]).unwrap_err().name,
                name,
                "{name}={value}"
            );
        }
        // The outbox does not care about SNS variables.
        assert!(
            settings(&[("SNS_SMS_TYPE", "Urgent")])
                .unwrap()
                .sns
                .is_none()
        );
    }

    #[test]
    fn outbox_refuses_a_public_bind_unless_allowed() {
        let err = settings(&[("BIND_ADDR", "0.0.0.0:8080")]).unwrap_err();
        assert_eq!(err.name, "SMS_PROVIDER");
        assert!(err.problem.contains("DEV_OUTBOX_PUBLIC"));
        assert!(settings(&[("BIND_ADDR", "0.0.0.0:8080"), ("DEV_OUTBOX_PUBLIC", "true")]).is_ok());
    }

    #[test]
    fn outbox_refuses_a_public_url_unless_allowed() {
        let err = settings(&[("PUBLIC_URL", "https://verify.example.com")]).unwrap_err();
        assert_eq!(err.name, "SMS_PROVIDER");
        assert!(err.problem.contains("PUBLIC_URL"), "{err}");
        for loopback in [
            "http://localhost:8080",
            "http://127.0.0.1:9000",
            "http://[::1]:8080",
        ] {
            assert!(settings(&[("PUBLIC_URL", loopback)]).is_ok(), "{loopback}");
        }
        assert!(
            settings(&[
                ("PUBLIC_URL", "https://verify.example.com"),
                ("DEV_OUTBOX_PUBLIC", "true")
            ])
            .is_ok()
        );
        assert!(
            settings(&[
                ("PUBLIC_URL", "https://verify.example.com"),
                ("SMS_PROVIDER", "sns"),
                ("AWS_REGION", "us-east-1")
            ])
            .is_ok()
        );
    }

    #[test]
    fn api_keys_may_carry_names() {
        let s = settings(&[(
            "API_KEYS",
            "shop:key-of-the-shop-0123, key-without-a-name-0123",
        )])
        .unwrap();
        assert_eq!(s.api_keys[0].name, "shop");
        assert_eq!(s.api_keys[0].key.0, "key-of-the-shop-0123");
        assert!(
            s.api_keys[1].name.starts_with("key-"),
            "{:?}",
            s.api_keys[1]
        );
        assert_eq!(s.api_keys[1].name.len(), 12);
        assert!(!format!("{s:?}").contains("key-of-the-shop-0123"));
        for bad in [
            "bad name:key-of-the-shop-0123",
            "shop:short",
            "a:key-0123456789abcd,a:key-0123456789abce",
        ] {
            assert_eq!(
                settings(&[("API_KEYS", bad)]).unwrap_err().name,
                "API_KEYS",
                "{bad}"
            );
        }
    }

    #[test]
    fn connection_and_proxy_settings() {
        let s = settings(&[]).unwrap();
        assert_eq!(s.http.header_timeout.as_secs(), 10);
        assert_eq!(s.http.body_timeout.as_secs(), 10);
        assert_eq!(s.http.idle_timeout.as_secs(), 60);
        assert_eq!(s.http.max_connections_per_ip, 64);
        assert_eq!(s.abuse.proxy_header, ProxyHeader::XForwardedFor);
        assert_eq!((s.abuse.trusted_proxy_hops, s.abuse.ipv6_prefix), (1, 64));
        assert_eq!(s.send.wrong_code_limit, 5, "OTP_MAX_ATTEMPTS by default");
        assert_eq!(
            settings(&[("OTP_MAX_ATTEMPTS", "3")])
                .unwrap()
                .send
                .wrong_code_limit,
            3
        );
        for (name, value) in [
            ("PROXY_HEADER", "x-real-ip"),
            ("TRUSTED_PROXY_HOPS", "0"),
            ("IPV6_PREFIX_LENGTH", "16"),
            ("HTTP_HEADER_TIMEOUT_SECONDS", "0"),
            ("HTTP_MAX_CONNECTIONS_PER_IP", "0"),
            ("WRONG_CODE_LIMIT_PER_PHONE", "0"),
            ("PUMPING_MIN_NETWORKS", "0"),
        ] {
            assert_eq!(
                settings(&[(name, value)]).unwrap_err().name,
                name,
                "{name}={value}"
            );
        }
    }

    #[test]
    fn secret_key_accepts_hex_and_base64() {
        let hex_key = settings(&[("SECRET_KEY", &"0f".repeat(32))]).unwrap();
        assert_eq!(hex_key.secret_key.bytes(), &[0x0f; 32]);
        let b64 =
            settings(&[("SECRET_KEY", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]).unwrap();
        assert_eq!(
            b64.secret_key.bytes(),
            (0u8..32).collect::<Vec<_>>().as_slice()
        );
        assert!(!format!("{hex_key:?}").contains("0f0f"));
    }

    #[test]
    fn generated_key_is_written_once_with_mode_0600_and_reused() {
        let dir = std::env::temp_dir().join(format!("pv-key-{}", uuid::Uuid::new_v4()));
        let path = dir.join("data").join("secret.key");
        let raw = HashMap::new();
        let first = Settings::from_map(&raw, &path).unwrap();
        let second = Settings::from_map(&raw, &path).unwrap();
        assert_eq!(first.secret_key, second.secret_key);
        assert_eq!(first.secret_key.bytes().len(), 32);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn config_file_keys_are_lower_case_and_checked() {
        let dir = std::env::temp_dir().join(format!("pv-conf-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.toml");
        std::fs::write(
            &good,
            "otp_length = 8\nbrand_name = \"Acme\"\ndev_outbox_public = true\n",
        )
        .unwrap();
        let (raw, _) = read_config_file(&good).unwrap();
        assert_eq!(raw.get("OTP_LENGTH").map(String::as_str), Some("8"));
        assert_eq!(raw.get("BRAND_NAME").map(String::as_str), Some("Acme"));
        let bad = dir.join("bad.toml");
        std::fs::write(&bad, "otp_lenght = 8\n").unwrap();
        let err = read_config_file(&bad).unwrap_err();
        assert!(err.problem.contains("unknown key `otp_lenght`"), "{err}");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn debug_redacts_secrets() {
        let s = settings(&[("DATABASE_URL", "postgres://app:hunter2@db/pv")]).unwrap();
        let text = format!("{s:?}");
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("postgres://app:***@db/pv"), "{text}");
    }
}
