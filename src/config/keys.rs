//! Every key the configuration reads. The numeric ones are one table (name,
//! default, allowed range) that the sections read through, so a key cannot
//! be parsed without being in the list the environment is read for.
use super::{ConfigError, problem, source::Source};

/// A numeric setting: its variable, default and allowed range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num {
    pub name: &'static str,
    pub default: u32,
    pub min: u32,
    pub max: u32,
}

impl Num {
    /// Its value, or its default.
    pub fn read(&self, src: &Source) -> Result<u32, ConfigError> {
        self.read_or(src, self.default)
    }

    /// Its value, or `default` (for defaults that follow another key).
    pub fn read_or(&self, src: &Source, default: u32) -> Result<u32, ConfigError> {
        let Some(v) = src.get(self.name) else {
            return Ok(default);
        };
        match v.parse::<u32>() {
            Ok(n) if (self.min..=self.max).contains(&n) => Ok(n),
            _ => Err(problem(
                self.name,
                format!(
                    "`{v}` is not allowed; an integer from {} to {}",
                    self.min, self.max
                ),
            )),
        }
    }

    /// Its value in seconds.
    pub fn seconds(&self, src: &Source) -> Result<std::time::Duration, ConfigError> {
        self.read(src)
            .map(|s| std::time::Duration::from_secs(u64::from(s)))
    }
}

macro_rules! numbers {
    ($($id:ident = $name:literal, $default:expr, $min:expr, $max:expr;)*) => {
        $(pub const $id: Num = Num { name: $name, default: $default, min: $min, max: $max };)*
        /// Every numeric key.
        pub const NUMBERS: &[Num] = &[$($id),*];
    };
}

numbers! {
    OTP_LENGTH = "OTP_LENGTH", 6, 4, 10;
    OTP_TTL_SECONDS = "OTP_TTL_SECONDS", 600, 30, 600;
    OTP_MAX_ATTEMPTS = "OTP_MAX_ATTEMPTS", 5, 1, 20;
    RESEND_COOLDOWN_SECONDS = "RESEND_COOLDOWN_SECONDS", 30, 0, 3600;
    SEND_LIMIT_PER_PHONE = "SEND_LIMIT_PER_PHONE", 5, 1, 1000;
    SEND_LIMIT_WINDOW_SECONDS = "SEND_LIMIT_WINDOW_SECONDS", 3600, 60, 604_800;
    // Its default is OTP_MAX_ATTEMPTS.
    WRONG_CODE_LIMIT_PER_PHONE = "WRONG_CODE_LIMIT_PER_PHONE", 5, 1, 100;
    SMS_GLOBAL_LIMIT_PER_HOUR = "SMS_GLOBAL_LIMIT_PER_HOUR", 1000, 1, 10_000_000;
    IP_RATE_LIMIT_PER_MINUTE = "IP_RATE_LIMIT_PER_MINUTE", 20, 1, 1_000_000;
    IP_RATE_LIMIT_BURST = "IP_RATE_LIMIT_BURST", 10, 1, 100_000;
    API_RATE_LIMIT_PER_MINUTE = "API_RATE_LIMIT_PER_MINUTE", 600, 1, 1_000_000;
    API_RATE_LIMIT_BURST = "API_RATE_LIMIT_BURST", 100, 1, 100_000;
    TRUSTED_PROXY_HOPS = "TRUSTED_PROXY_HOPS", 1, 1, 10;
    IPV6_PREFIX_LENGTH = "IPV6_PREFIX_LENGTH", 64, 32, 128;
    HTTP_HEADER_TIMEOUT_SECONDS = "HTTP_HEADER_TIMEOUT_SECONDS", 10, 1, 300;
    HTTP_BODY_TIMEOUT_SECONDS = "HTTP_BODY_TIMEOUT_SECONDS", 10, 1, 300;
    HTTP_IDLE_TIMEOUT_SECONDS = "HTTP_IDLE_TIMEOUT_SECONDS", 60, 1, 3600;
    HTTP_MAX_CONNECTIONS = "HTTP_MAX_CONNECTIONS", 10_000, 16, 1_000_000;
    HTTP_MAX_CONNECTIONS_PER_IP = "HTTP_MAX_CONNECTIONS_PER_IP", 64, 1, 100_000;
    PUMPING_WINDOW_SECONDS = "PUMPING_WINDOW_SECONDS", 3600, 60, 604_800;
    PUMPING_PREFIX_DIGITS = "PUMPING_PREFIX_DIGITS", 4, 1, 8;
    PUMPING_MIN_SENDS = "PUMPING_MIN_SENDS", 10, 1, 1_000_000;
    PUMPING_MAX_UNVERIFIED_PERCENT = "PUMPING_MAX_UNVERIFIED_PERCENT", 80, 1, 100;
    PUMPING_COUNTRY_MIN_SENDS = "PUMPING_COUNTRY_MIN_SENDS", 50, 1, 10_000_000;
    PUMPING_MIN_NETWORKS = "PUMPING_MIN_NETWORKS", 5, 1, 1000;
    PUMPING_COUNTRY_MIN_NETWORKS = "PUMPING_COUNTRY_MIN_NETWORKS", 10, 1, 1000;
    PUMPING_BLOCK_SECONDS = "PUMPING_BLOCK_SECONDS", 3600, 60, 604_800;
    BOT_CHALLENGE_COST = "BOT_CHALLENGE_COST", 5000, 10, 100_000;
    BOT_CHALLENGE_TTL_SECONDS = "BOT_CHALLENGE_TTL_SECONDS", 300, 30, 3600;
    BOT_CHALLENGE_BUDGET_PERCENT = "BOT_CHALLENGE_BUDGET_PERCENT", 50, 1, 100;
    BOT_CHALLENGE_CLIENT_BURST = "BOT_CHALLENGE_CLIENT_BURST", 10, 1, 1_000_000;
    // 0: no wait; a browser without JavaScript is told the check needs it.
    BOT_CHALLENGE_WAIT_SECONDS = "BOT_CHALLENGE_WAIT_SECONDS", 20, 0, 600;
    BOT_CHALLENGE_WAIT_PER_HOUR = "BOT_CHALLENGE_WAIT_PER_HOUR", 5, 1, 10_000;
    SNS_TIMEOUT_SECONDS = "SNS_TIMEOUT_SECONDS", 10, 1, 60;
    CLEANUP_INTERVAL_SECONDS = "CLEANUP_INTERVAL_SECONDS", 60, 1, 86_400;
}

/// Every key that is not a number, in the SPEC's spelling.
pub const TEXT: &[&str] = &[
    "BIND_ADDR",
    "METRICS_BIND_ADDR",
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
    "DEV_OUTBOX_PUBLIC",
    "BRAND_NAME",
    "BRAND_ACCENT_COLOR",
    "BRAND_LOGO_URL",
    "ALLOWED_COUNTRIES",
    "TRUST_PROXY_HEADERS",
    "PROXY_HEADER",
    "PUMPING_GUARD",
    "BOT_CHALLENGE",
    "API_KEYS",
    "ADMIN_PASSWORD",
    "TEST_NUMBERS",
    "DEFAULT_LOCALE",
    "LOCALES_DIR",
    "SUPPORT_URL",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_SERVICE_SID",
    "WEBHOOK_RETRY_SCHEDULE",
    "LOG_FORMAT",
];

/// Every key the configuration reads.
pub fn all() -> impl Iterator<Item = &'static str> {
    NUMBERS.iter().map(|n| n.name).chain(TEXT.iter().copied())
}

pub fn is_known(name: &str) -> bool {
    all().any(|k| k == name)
}
