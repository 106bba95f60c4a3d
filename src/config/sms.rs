//! How texts are sent: the dev outbox or Amazon SNS, and its settings.
use std::net::SocketAddr;

use url::Url;

use super::{ConfigError, clients::is_loopback_host, keys, problem, source::Source};

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

/// The SMS settings: the provider, SNS's settings when it is the one, and
/// whether the outbox may be public.
pub struct Sms {
    pub provider: SmsProvider,
    pub sns: Option<SnsSettings>,
    pub outbox_public: bool,
}

/// `SMS_PROVIDER` and its settings. The outbox shows every code, so it is
/// refused on a public `BIND_ADDR` or `PUBLIC_URL` unless `DEV_OUTBOX_PUBLIC`.
pub fn sms(src: &Source, bind_addr: SocketAddr, public_url: &Url) -> Result<Sms, ConfigError> {
    let provider = src.choice(
        "SMS_PROVIDER",
        SmsProvider::Outbox,
        &[("outbox", SmsProvider::Outbox), ("sns", SmsProvider::Sns)],
    )?;
    let sns = match provider {
        SmsProvider::Sns => Some(sns(src)?),
        SmsProvider::Outbox => None,
    };
    let outbox_public = src.flag("DEV_OUTBOX_PUBLIC", false)?;
    if provider == SmsProvider::Outbox && !outbox_public {
        if !bind_addr.ip().is_loopback() {
            return Err(problem(
                "SMS_PROVIDER",
                format!(
                    "the dev outbox shows every code at /dev/outbox, so it refuses the non-loopback BIND_ADDR {bind_addr}; bind 127.0.0.1 or set DEV_OUTBOX_PUBLIC=true"
                ),
            ));
        }
        if !is_loopback_host(public_url) {
            return Err(problem(
                "SMS_PROVIDER",
                format!(
                    "the dev outbox shows every code at /dev/outbox, so it refuses the public PUBLIC_URL {} (a reverse proxy would publish it); use SMS_PROVIDER=sns or set DEV_OUTBOX_PUBLIC=true",
                    public_url.as_str()
                ),
            ));
        }
    }
    Ok(Sms {
        provider,
        sns,
        outbox_public,
    })
}

fn sns(src: &Source) -> Result<SnsSettings, ConfigError> {
    let get = |name: &'static str| src.get(name);
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
    let sms_type = src.choice(
        "SNS_SMS_TYPE",
        SmsType::Transactional,
        &[
            ("Transactional", SmsType::Transactional),
            ("Promotional", SmsType::Promotional),
        ],
    )?;
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
    let timeout = keys::SNS_TIMEOUT_SECONDS.seconds(src)?;
    Ok(SnsSettings {
        region: region.to_owned(),
        endpoint_url,
        sms_type,
        sender_id,
        origination_number,
        max_price_usd,
        timeout,
    })
}
