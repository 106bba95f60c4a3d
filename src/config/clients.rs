//! The apps that embed the flow (`[[clients]]` in `CONFIG_FILE`).
use url::Url;

use super::{ConfigError, problem, secrets::SecretKey};

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
    /// The Twilio Verify service SID (`VA…`) this client answers as.
    pub service_sid: Option<String>,
    /// The API tenants (key names) whose Twilio creates on this client's
    /// service may send `RiskCheck=disable`, which turns the pumping breaker
    /// off for that send (`allow_risk_check_disable = ["acme"]`).
    pub allow_risk_check_disable: Vec<String>,
}

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("secret", &self.secret)
            .field("redirect_uris", &self.redirect_uris)
            .field("frame_ancestors", &self.frame_ancestors)
            .field("service_sid", &self.service_sid)
            .field("allow_risk_check_disable", &self.allow_risk_check_disable)
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
    #[serde(default)]
    pub service_sid: Option<String>,
    #[serde(default)]
    pub allow_risk_check_disable: Vec<String>,
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
        if let Some(sid) = &c.service_sid
            && !super::twilio::is_sid(sid, "VA")
        {
            return Err(at(format!(
                "service_sid `{sid}` must be VA followed by 32 hexadecimal digits"
            )));
        }
        if c.redirect_uris.is_empty() && c.service_sid.is_none() {
            return Err(at(
                "redirect_uris is empty (it may be, for a client that only has a service_sid)"
                    .into(),
            ));
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
            secret: SecretKey::from_bytes(c.secret.into_bytes()),
            redirect_uris: c.redirect_uris,
            frame_ancestors: c.frame_ancestors,
            service_sid: c.service_sid,
            allow_risk_check_disable: c.allow_risk_check_disable,
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
pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}
