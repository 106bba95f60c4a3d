//! How the server is reached: its address, its public URL, and how it
//! treats connections (timeouts for slow clients, connection caps).
use std::net::SocketAddr;

use url::Url;

use super::{ConfigError, keys, problem, source::Source};

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

pub fn http(src: &Source) -> Result<HttpSettings, ConfigError> {
    Ok(HttpSettings {
        header_timeout: keys::HTTP_HEADER_TIMEOUT_SECONDS.seconds(src)?,
        body_timeout: keys::HTTP_BODY_TIMEOUT_SECONDS.seconds(src)?,
        idle_timeout: keys::HTTP_IDLE_TIMEOUT_SECONDS.seconds(src)?,
        max_connections: keys::HTTP_MAX_CONNECTIONS.read(src)?,
        max_connections_per_ip: keys::HTTP_MAX_CONNECTIONS_PER_IP.read(src)?,
    })
}

/// `BIND_ADDR`.
pub fn bind_addr(src: &Source) -> Result<SocketAddr, ConfigError> {
    match src.get("BIND_ADDR") {
        None => Ok(SocketAddr::from(([127, 0, 0, 1], 8080))),
        Some(v) => v.parse().map_err(|_| {
            problem(
                "BIND_ADDR",
                format!("`{v}` is not an address:port such as 127.0.0.1:8080"),
            )
        }),
    }
}

/// `METRICS_BIND_ADDR`: when set, `/metrics` is served only on a listener
/// of its own at this address (and not on the public one).
pub fn metrics_bind_addr(src: &Source) -> Result<Option<SocketAddr>, ConfigError> {
    match src.get("METRICS_BIND_ADDR") {
        None => Ok(None),
        Some(v) => v.parse().map(Some).map_err(|_| {
            problem(
                "METRICS_BIND_ADDR",
                format!("`{v}` is not an address:port such as 127.0.0.1:9090"),
            )
        }),
    }
}

/// `PUBLIC_URL`: an http(s) URL with a host.
pub fn public_url(src: &Source) -> Result<Url, ConfigError> {
    let v = src.get("PUBLIC_URL").unwrap_or("http://127.0.0.1:8080");
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
    Ok(url)
}
