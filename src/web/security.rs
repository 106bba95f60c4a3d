//! CSRF tokens and the headers every response carries.
use axum::{
    extract::{Request, State},
    http::{HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use rand::{RngCore, TryRngCore, rngs::OsRng};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use std::net::{IpAddr, SocketAddr};

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{HeaderMap, StatusCode},
};
use tower_governor::{GovernorError, key_extractor::KeyExtractor};

use super::error::ErrorPage;
use crate::{config::ProxyHeader, metrics::Metrics, web::state::AppState};

/// HMAC-SHA256 under the server key, one purpose per use: tokens that the
/// server can check later without keeping a row for them.
#[derive(Clone)]
pub struct Signer {
    mac: std::sync::Arc<Hmac<Sha256>>,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Signer(<redacted>)")
    }
}

impl Signer {
    pub fn new(key: &[u8]) -> Self {
        Self {
            mac: std::sync::Arc::new(
                Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length"),
            ),
        }
    }

    /// The hex MAC of `parts` for `purpose` (each part length-prefixed, so
    /// no two lists of parts sign alike).
    pub fn sign(&self, purpose: &str, parts: &[&str]) -> String {
        let mut mac = (*self.mac).clone();
        for part in std::iter::once(purpose).chain(parts.iter().copied()) {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        hex::encode(mac.finalize().into_bytes())
    }

    /// Whether `token` is the MAC of `parts` for `purpose` (constant time).
    pub fn verify(&self, purpose: &str, parts: &[&str], token: &str) -> bool {
        tokens_match(&self.sign(purpose, parts), token)
    }
}

/// The value of cookie `name` in a request's `Cookie` headers.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, path `/`, and `Secure`
/// on https (where the name carries the `__Host-` prefix).
pub fn set_cookie(name: &str, value: &str, https: bool) -> Option<HeaderValue> {
    let secure = if https { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite=Lax{secure}"
    ))
    .ok()
}

/// A cookie's name as sent: `__Host-` prefixed on https.
pub fn cookie_name(base: &str, https: bool) -> String {
    if https {
        format!("__Host-{base}")
    } else {
        base.to_owned()
    }
}

/// 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.unwrap_err().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A form token as one page carries it: a fresh random pad, then the token
/// XORed with it (base64url). Pages are compressed and echo what was typed,
/// so a token that read the same in every page could be guessed a byte at
/// a time from compressed sizes (BREACH); a masked one never repeats.
pub fn mask_token(token: &str) -> String {
    let mut pad = vec![0u8; token.len()];
    OsRng.unwrap_err().fill_bytes(&mut pad);
    let masked: Vec<u8> = token.bytes().zip(&pad).map(|(t, p)| t ^ p).collect();
    pad.extend(masked);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(pad)
}

/// The token a page's masked form token stands for (`None` if it is not one).
pub fn unmask_token(masked: &str) -> Option<String> {
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(masked)
        .ok()?;
    if bytes.is_empty() || bytes.len() % 2 != 0 {
        return None;
    }
    let (pad, token) = bytes.split_at(bytes.len() / 2);
    String::from_utf8(token.iter().zip(pad).map(|(t, p)| t ^ p).collect()).ok()
}

pub fn tokens_match(expected: &str, submitted: &str) -> bool {
    expected.len() == submitted.len() && bool::from(expected.as_bytes().ct_eq(submitted.as_bytes()))
}

/// The CSP: scripts, workers and fetches only from us (no inline script),
/// images from us (and the logo's origin), forms to us (and, in an app's
/// flow, back to the app), framing only as `frame_ancestors` says
/// (`'none'` by default).
pub fn csp(img_extra: &str, form_extra: &str, frame_ancestors: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:{img_extra}; \
         connect-src 'self'; worker-src 'self'; \
         form-action 'self'{form_extra}; base-uri 'none'; frame-ancestors {frame_ancestors}"
    )
}

/// ` https://cdn.example` for an absolute logo URL, else nothing.
pub fn logo_origin(logo: Option<&str>) -> String {
    logo.and_then(|l| url::Url::parse(l).ok())
        .map(|u| format!(" {}", u.origin().ascii_serialization()))
        .unwrap_or_default()
}

/// Whether a state-changing request comes from another site's page: the
/// browser's `Sec-Fetch-Site` says anything but `same-origin` (or `none`, a
/// person's own navigation); without it, an `Origin` that is neither
/// `PUBLIC_URL`'s nor the host the request came to. A browser that sends
/// neither, or `Origin: null` (our pages' `no-referrer` policy makes their
/// own posts send it), is left to the form tokens.
pub fn from_another_site(headers: &HeaderMap, public_url: &url::Url) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else {
        return false;
    };
    if origin == "null" {
        return false;
    }
    let ours = public_url.origin().ascii_serialization();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let to_host = url::Url::parse(origin).ok().is_some_and(|o| {
        let authority = match o.port() {
            Some(port) => format!("{}:{port}", o.host_str().unwrap_or_default()),
            None => o.host_str().unwrap_or_default().to_owned(),
        };
        host.is_some_and(|h| h.eq_ignore_ascii_case(&authority))
    });
    origin != ours && !to_host
}

/// Refuses a state-changing form post that another site's page made a
/// visitor's browser send (403, nothing stored or sent), before the
/// session or the form is looked at.
pub async fn same_site_forms(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if !request.method().is_safe()
        && from_another_site(request.headers(), &state.settings.public_url)
    {
        tracing::info!("a form post from another site refused");
        return super::error::AppError::Csrf.into_response();
    }
    next.run(request).await
}

pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let csp = HeaderValue::from_str(&state.csp)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    let mut defaults = vec![
        (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (header::CONTENT_SECURITY_POLICY, csp),
    ];
    if state.settings.is_https() {
        defaults.push((
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    for (name, value) in defaults {
        if !h.contains_key(&name) {
            h.insert(name, value);
        }
    }
    response
}

/// How the client's address is read from a request.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddress {
    /// `TRUST_PROXY_HEADERS`: every peer is our own proxy.
    pub trust_proxy: bool,
    pub header: ProxyHeader,
    /// `TRUSTED_PROXY_HOPS`: our proxies in a row; the client is the entry
    /// that many places from the right.
    pub hops: u32,
    /// IPv6 clients are keyed by this prefix (`IPV6_PREFIX_LENGTH`).
    pub ipv6_prefix: u8,
}

impl ClientAddress {
    pub fn from_settings(abuse: &crate::config::AbuseSettings) -> Self {
        Self {
            trust_proxy: abuse.trust_proxy_headers,
            header: abuse.proxy_header,
            hops: abuse.trusted_proxy_hops,
            ipv6_prefix: abuse.ipv6_prefix,
        }
    }

    /// The client's address: the TCP peer, or, with `TRUST_PROXY_HEADERS`,
    /// the entry our proxy appended to the one configured header (the
    /// `hops`-th from the right). A header that is missing, too short or
    /// unparseable at that place gives the peer — never an entry the client
    /// wrote itself.
    pub fn client_ip(&self, headers: &HeaderMap, peer: Option<IpAddr>) -> Option<IpAddr> {
        if !self.trust_proxy {
            return peer;
        }
        let entries: Vec<&str> = match self.header {
            ProxyHeader::XForwardedFor => headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .map(str::trim)
                .collect(),
            ProxyHeader::Forwarded => headers
                .get_all("forwarded")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .map(|element| {
                    element
                        .split(';')
                        .filter_map(|pair| pair.trim().split_once('='))
                        .find(|(key, _)| key.trim().eq_ignore_ascii_case("for"))
                        .map_or("", |(_, value)| value.trim().trim_matches('"'))
                })
                .collect(),
        };
        let hops = usize::try_from(self.hops).unwrap_or(usize::MAX);
        entries
            .len()
            .checked_sub(hops)
            .and_then(|at| parse_hop(entries[at]))
            .or(peer)
    }

    /// The key one client is counted under: an IPv4 address, or the IPv6
    /// address cut to its configured prefix (one /64 is one client).
    pub fn key(&self, ip: IpAddr) -> IpAddr {
        match ip {
            IpAddr::V4(_) => ip,
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6(mask_v6(v6, self.ipv6_prefix)),
            },
        }
    }
}

fn mask_v6(ip: std::net::Ipv6Addr, prefix: u8) -> std::net::Ipv6Addr {
    let bits = u128::from(ip);
    let mask = match prefix {
        0 => 0,
        p if p >= 128 => u128::MAX,
        p => u128::MAX << (128 - u32::from(p)),
    };
    std::net::Ipv6Addr::from(bits & mask)
}

/// The client network the pumping breaker counts sources by: an IPv4 /24
/// or an IPv6 /48 (`198.51.100.0/24`, `2001:db8:1::/48`).
pub fn network_of(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => network_of(IpAddr::V4(v4)),
            None => format!("{}/48", mask_v6(v6, 48)),
        },
    }
}

/// `203.0.113.7`, `203.0.113.7:1234`, `[2001:db8::1]:443` or `2001:db8::1`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| {
            hop.strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .and_then(|h| h.parse().ok())
        })
}

/// The client's address of a request, as the rate limits and the pumping
/// breaker see it (put in the request's extensions by the server).
pub fn request_client_ip<T>(
    address: &ClientAddress,
    req: &axum::http::Request<T>,
) -> Option<IpAddr> {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    address.client_ip(req.headers(), peer)
}

/// The user name and password of an `Authorization: Basic` header.
pub fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "))
        .and_then(|b| {
            base64::engine::general_purpose::STANDARD
                .decode(b.trim())
                .ok()
        })
        .and_then(|raw| String::from_utf8(raw).ok())
        .and_then(|pair| {
            pair.split_once(':')
                .map(|(user, password)| (user.to_owned(), password.to_owned()))
        })
}

/// Who is asking, as the rules see a browser: no tenant, and the client's
/// network for the pumping breaker.
pub struct PageRequester(pub crate::verification::Requester);

impl axum::extract::FromRequestParts<AppState> for PageRequester {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let address = state.client_address.client_ip(&parts.headers, peer);
        Ok(Self(crate::verification::Requester {
            tenant: None,
            network: address.map(network_of),
            address,
            challengeable: true,
            ..Default::default()
        }))
    }
}

/// The per-IP rate limiter's key: one bucket per client (an IPv6 /64 by
/// default), shared by the pages and the API.
#[derive(Debug, Clone, Copy)]
pub struct ClientIpKey(pub ClientAddress);

impl KeyExtractor for ClientIpKey {
    type Key = IpAddr;

    fn extract<T>(&self, req: &axum::http::Request<T>) -> Result<Self::Key, GovernorError> {
        request_client_ip(&self.0, req)
            .map(|ip| self.0.key(ip))
            .ok_or(GovernorError::UnableToExtractKey)
    }
}

/// A 429 with `Retry-After`, rendered as a localized page by the UI layer.
pub fn rate_limited(error: GovernorError, metrics: &Metrics) -> Response<Body> {
    let (status, wait) = match error {
        GovernorError::TooManyRequests { wait_time, .. } => {
            (StatusCode::TOO_MANY_REQUESTS, wait_time.max(1))
        }
        GovernorError::UnableToExtractKey => (StatusCode::INTERNAL_SERVER_ERROR, 0),
        GovernorError::Other { code, .. } => (code, 0),
    };
    let mut response = status.into_response();
    if status == StatusCode::TOO_MANY_REQUESTS {
        metrics.refuse(crate::domain::Reason::RateLimited);
        tracing::info!(wait_seconds = wait, "rate limited");
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(wait));
        response.extensions_mut().insert(ErrorPage {
            message_id: "error-rate-limited",
        });
    } else {
        response.extensions_mut().insert(ErrorPage {
            message_id: "error-internal",
        });
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(trust: bool, header: ProxyHeader, hops: u32) -> ClientAddress {
        ClientAddress {
            trust_proxy: trust,
            header,
            hops,
            ipv6_prefix: 64,
        }
    }

    #[test]
    fn a_form_post_from_another_site_is_told_apart() {
        let ours: url::Url = "https://verify.example".parse().unwrap();
        let with = |pairs: &[(&'static str, &'static str)]| {
            let mut h = HeaderMap::new();
            h.insert(header::HOST, "verify.example".parse().unwrap());
            for (k, v) in pairs {
                h.insert(*k, v.parse().unwrap());
            }
            from_another_site(&h, &ours)
        };
        assert!(!with(&[("sec-fetch-site", "same-origin")]));
        assert!(!with(&[("sec-fetch-site", "none")]));
        assert!(with(&[("sec-fetch-site", "cross-site")]));
        assert!(with(&[("sec-fetch-site", "same-site")]));
        assert!(
            with(&[
                ("sec-fetch-site", "cross-site"),
                ("origin", "https://verify.example")
            ]),
            "Sec-Fetch-Site wins"
        );
        assert!(!with(&[("origin", "https://verify.example")]));
        assert!(with(&[("origin", "http://evil.example")]));
        assert!(!with(&[("origin", "null")]), "left to the tokens");
        assert!(!with(&[]), "left to the tokens");
        // Served on another address than PUBLIC_URL (a test, a proxy that
        // keeps the Host): the host the request came to.
        let mut h = HeaderMap::new();
        h.insert(header::HOST, "127.0.0.1:5000".parse().unwrap());
        h.insert(header::ORIGIN, "http://127.0.0.1:5000".parse().unwrap());
        assert!(!from_another_site(&h, &ours));
    }

    #[test]
    fn client_ip_trusts_headers_only_when_told() {
        let peer: IpAddr = "10.0.0.1".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "198.51.100.9, 203.0.113.7".parse().unwrap(),
        );
        let xff = address(true, ProxyHeader::XForwardedFor, 1);
        assert_eq!(
            address(false, ProxyHeader::XForwardedFor, 1).client_ip(&h, Some(peer)),
            Some(peer)
        );
        assert_eq!(
            xff.client_ip(&h, Some(peer)),
            Some("203.0.113.7".parse().unwrap()),
            "the entry our proxy appended"
        );
        assert_eq!(
            address(true, ProxyHeader::XForwardedFor, 2).client_ip(&h, Some(peer)),
            Some("198.51.100.9".parse().unwrap()),
            "two proxies of ours"
        );
        assert_eq!(
            address(true, ProxyHeader::XForwardedFor, 3).client_ip(&h, Some(peer)),
            Some(peer),
            "fewer entries than hops"
        );
        let mut f = HeaderMap::new();
        f.insert(
            "forwarded",
            r#"for=198.51.100.9, for="[2001:db8::1]:4711";proto=https"#
                .parse()
                .unwrap(),
        );
        assert_eq!(
            address(true, ProxyHeader::Forwarded, 1).client_ip(&f, Some(peer)),
            Some("2001:db8::1".parse().unwrap())
        );
        assert_eq!(
            xff.client_ip(&f, Some(peer)),
            Some(peer),
            "only the configured header is read"
        );
        let mut junk = HeaderMap::new();
        junk.insert(
            "x-forwarded-for",
            "198.51.100.66, not-an-ip".parse().unwrap(),
        );
        assert_eq!(
            xff.client_ip(&junk, Some(peer)),
            Some(peer),
            "an unparseable entry gives the peer, never the client's own entry"
        );
    }

    #[test]
    fn ipv6_clients_are_keyed_by_prefix_and_networks_are_coarse() {
        let a = address(true, ProxyHeader::XForwardedFor, 1);
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let two: IpAddr = "2001:db8:1:2:bbbb::9".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(a.key(one), a.key(two), "one /64, one bucket");
        assert_ne!(a.key(one), a.key(other));
        let v4: IpAddr = "203.0.113.7".parse().unwrap();
        assert_eq!(a.key(v4), v4);
        assert_eq!(network_of(v4), "203.0.113.0/24");
        assert_eq!(network_of(one), "2001:db8:1::/48");
        assert_eq!(network_of(other), "2001:db8:1::/48");
        let mapped: IpAddr = "::ffff:203.0.113.9".parse().unwrap();
        assert_eq!(network_of(mapped), "203.0.113.0/24");
    }

    #[test]
    fn tokens_are_random_and_compared_exactly() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(tokens_match(&a, &a.clone()));
        let (one, two) = (mask_token(&a), mask_token(&a));
        assert_ne!(one, two, "every page's token reads differently");
        assert_eq!(unmask_token(&one).as_deref(), Some(a.as_str()));
        assert_eq!(unmask_token(&two).as_deref(), Some(a.as_str()));
        for bad in ["", "x", "!!!!", &a[..63], &one[..one.len() - 2]] {
            assert_ne!(unmask_token(bad).as_deref(), Some(a.as_str()), "{bad}");
        }
        assert!(!tokens_match(&a, &b));
        assert!(!tokens_match(&a, &a[..63]));
        assert!(!tokens_match(&a, ""));
    }
}
