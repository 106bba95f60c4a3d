//! Abuse resistance beyond the per-number limits: the global budget, the
//! country allowlist, per-client limits and how a client's address is read,
//! the pumping breaker and the proof-of-work challenge.
use super::{ConfigError, keys, problem, source::Source};

/// What the pumping breaker does when a rule fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PumpingMode {
    Off,
    /// Logs and counts what it would block, blocks nothing.
    Monitor,
    /// Asks a flagged prefix or country for a raised proof-of-work
    /// challenge instead of refusing real people (the API, which cannot
    /// solve one, is refused as with `Block`).
    Challenge,
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

/// Abuse resistance beyond the per-number limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbuseSettings {
    pub global_limit_per_hour: u32,
    /// ISO codes; empty means every country.
    pub allowed_countries: Vec<&'static str>,
    pub ip_per_minute: u32,
    pub ip_burst: u32,
    /// Each API tenant's request rate (`API_RATE_LIMIT_PER_MINUTE`, burst
    /// `API_RATE_LIMIT_BURST`): authenticated calls are not limited per address.
    pub api_per_minute: u32,
    pub api_burst: u32,
    pub trust_proxy_headers: bool,
    /// The one header the trusted proxy writes (`PROXY_HEADER`).
    pub proxy_header: ProxyHeader,
    /// Proxies of ours in front of the app: the client is the entry this
    /// many places from the right (`TRUSTED_PROXY_HOPS`).
    pub trusted_proxy_hops: u32,
    /// IPv6 clients are keyed by this prefix (`IPV6_PREFIX_LENGTH`).
    pub ipv6_prefix: u8,
    pub pumping: PumpingSettings,
    pub challenge: crate::challenge::ChallengeSettings,
}

pub fn abuse(src: &Source) -> Result<AbuseSettings, ConfigError> {
    let mut allowed_countries = Vec::new();
    for code in src.list("ALLOWED_COUNTRIES") {
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
    Ok(AbuseSettings {
        global_limit_per_hour: keys::SMS_GLOBAL_LIMIT_PER_HOUR.read(src)?,
        allowed_countries,
        ip_per_minute: keys::IP_RATE_LIMIT_PER_MINUTE.read(src)?,
        ip_burst: keys::IP_RATE_LIMIT_BURST.read(src)?,
        api_per_minute: keys::API_RATE_LIMIT_PER_MINUTE.read(src)?,
        api_burst: keys::API_RATE_LIMIT_BURST.read(src)?,
        trust_proxy_headers: src.flag("TRUST_PROXY_HEADERS", false)?,
        proxy_header: src.choice(
            "PROXY_HEADER",
            ProxyHeader::XForwardedFor,
            &[
                ("x-forwarded-for", ProxyHeader::XForwardedFor),
                ("forwarded", ProxyHeader::Forwarded),
            ],
        )?,
        trusted_proxy_hops: keys::TRUSTED_PROXY_HOPS.read(src)?,
        ipv6_prefix: keys::IPV6_PREFIX_LENGTH.read(src)? as u8,
        pumping: pumping(src)?,
        challenge: challenge(src)?,
    })
}

fn challenge(src: &Source) -> Result<crate::challenge::ChallengeSettings, ConfigError> {
    use crate::challenge::Mode;
    Ok(crate::challenge::ChallengeSettings {
        mode: src.choice(
            "BOT_CHALLENGE",
            Mode::Adaptive,
            &[
                ("off", Mode::Off),
                ("adaptive", Mode::Adaptive),
                ("always", Mode::Always),
            ],
        )?,
        cost: keys::BOT_CHALLENGE_COST.read(src)?,
        ttl_seconds: keys::BOT_CHALLENGE_TTL_SECONDS.read(src)?,
        budget_percent: keys::BOT_CHALLENGE_BUDGET_PERCENT.read(src)?,
        client_burst: keys::BOT_CHALLENGE_CLIENT_BURST.read(src)?,
        wait_seconds: keys::BOT_CHALLENGE_WAIT_SECONDS.read(src)?,
        wait_per_hour: keys::BOT_CHALLENGE_WAIT_PER_HOUR.read(src)?,
    })
}

fn pumping(src: &Source) -> Result<PumpingSettings, ConfigError> {
    Ok(PumpingSettings {
        mode: src.choice(
            "PUMPING_GUARD",
            PumpingMode::Challenge,
            &[
                ("off", PumpingMode::Off),
                ("monitor", PumpingMode::Monitor),
                ("challenge", PumpingMode::Challenge),
                ("block", PumpingMode::Block),
            ],
        )?,
        window_seconds: keys::PUMPING_WINDOW_SECONDS.read(src)?,
        prefix_digits: keys::PUMPING_PREFIX_DIGITS.read(src)? as u8,
        min_sends: keys::PUMPING_MIN_SENDS.read(src)?,
        max_unverified_percent: keys::PUMPING_MAX_UNVERIFIED_PERCENT.read(src)?,
        country_min_sends: keys::PUMPING_COUNTRY_MIN_SENDS.read(src)?,
        min_networks: keys::PUMPING_MIN_NETWORKS.read(src)?,
        country_min_networks: keys::PUMPING_COUNTRY_MIN_NETWORKS.read(src)?,
        block_seconds: keys::PUMPING_BLOCK_SECONDS.read(src)?,
    })
}
