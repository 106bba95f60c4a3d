//! CSRF tokens and the headers every response carries.
use axum::{
    extract::{Request, State},
    http::{HeaderValue, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use rand::{RngCore, TryRngCore, rngs::OsRng};
use subtle::ConstantTimeEq;

use std::net::{IpAddr, SocketAddr};

use axum::{
    body::Body,
    extract::ConnectInfo,
    http::{HeaderMap, StatusCode},
};
use tower_governor::{GovernorError, key_extractor::KeyExtractor};

use crate::{error::ErrorPage, metrics::Metrics, state::AppState};

/// 32 random bytes, hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.unwrap_err().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn tokens_match(expected: &str, submitted: &str) -> bool {
    expected.len() == submitted.len() && bool::from(expected.as_bytes().ct_eq(submitted.as_bytes()))
}

/// The CSP: scripts only from us (none inline), images from us (and the
/// logo's origin), forms to us (and, in an app's flow, back to the app),
/// framing only as `frame_ancestors` says (`'none'` by default).
pub fn csp(img_extra: &str, form_extra: &str, frame_ancestors: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:{img_extra}; \
         form-action 'self'{form_extra}; base-uri 'none'; frame-ancestors {frame_ancestors}"
    )
}

/// ` https://cdn.example` for an absolute logo URL, else nothing.
pub fn logo_origin(logo: Option<&str>) -> String {
    logo.and_then(|l| url::Url::parse(l).ok())
        .map(|u| format!(" {}", u.origin().ascii_serialization()))
        .unwrap_or_default()
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

/// The client's address: the TCP peer, or, with `TRUST_PROXY_HEADERS=true`,
/// the right-most (nearest, added by our own proxy) address in
/// `X-Forwarded-For`, else in `Forwarded`. Without trust a client cannot
/// choose its own bucket by writing those headers.
pub fn client_ip(headers: &HeaderMap, peer: Option<IpAddr>, trust_proxy: bool) -> Option<IpAddr> {
    if trust_proxy {
        let forwarded_for = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|hop| parse_hop(hop.trim()))
            .next_back();
        let forwarded = || {
            headers
                .get_all("forwarded")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split([',', ';']))
                .filter_map(|pair| {
                    let (key, value) = pair.trim().split_once('=')?;
                    key.trim()
                        .eq_ignore_ascii_case("for")
                        .then(|| parse_hop(value.trim().trim_matches('"')))?
                })
                .next_back()
        };
        if let Some(ip) = forwarded_for.or_else(forwarded) {
            return Some(ip);
        }
    }
    peer
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

/// The per-IP rate limiter's key.
#[derive(Debug, Clone, Copy)]
pub struct ClientIpKey {
    pub trust_proxy: bool,
}

impl KeyExtractor for ClientIpKey {
    type Key = IpAddr;

    fn extract<T>(&self, req: &axum::http::Request<T>) -> Result<Self::Key, GovernorError> {
        let peer = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        client_ip(req.headers(), peer, self.trust_proxy).ok_or(GovernorError::UnableToExtractKey)
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
        metrics.refuse("rate_limited");
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

    #[test]
    fn client_ip_trusts_headers_only_when_told() {
        let peer: IpAddr = "10.0.0.1".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert(
            "x-forwarded-for",
            "198.51.100.9, 203.0.113.7".parse().unwrap(),
        );
        assert_eq!(client_ip(&h, Some(peer), false), Some(peer));
        assert_eq!(
            client_ip(&h, Some(peer), true),
            Some("203.0.113.7".parse().unwrap())
        );
        let mut f = HeaderMap::new();
        f.insert(
            "forwarded",
            r#"for=198.51.100.9, for="[2001:db8::1]:4711";proto=https"#
                .parse()
                .unwrap(),
        );
        assert_eq!(
            client_ip(&f, Some(peer), true),
            Some("2001:db8::1".parse().unwrap())
        );
        let mut junk = HeaderMap::new();
        junk.insert("x-forwarded-for", "not-an-ip".parse().unwrap());
        assert_eq!(
            client_ip(&junk, Some(peer), true),
            Some(peer),
            "garbage falls back to the peer"
        );
    }

    #[test]
    fn tokens_are_random_and_compared_exactly() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert!(tokens_match(&a, &a.clone()));
        assert!(!tokens_match(&a, &b));
        assert!(!tokens_match(&a, &a[..63]));
        assert!(!tokens_match(&a, ""));
    }
}
