//! Who calls the server APIs (`/api/v1`, `/v2`): an app's backend that
//! authenticates is limited per tenant, never per address (it serves all of
//! its users from one); a request that fails authentication is limited per
//! address, so guessing keys is slow. The person behind a backend has an
//! address of their own (`client_ip`, Twilio's `DeviceIp`): a send that
//! names it counts against that address's limit, its network (the
//! breaker's) and the bot check's burst, as a browser's would.
use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use axum::{
    extract::{Request, State},
    http::{HeaderMap, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use governor::{
    Quota, RateLimiter,
    clock::{Clock as _, DefaultClock},
    state::keyed::DefaultKeyedStateStore,
};
use subtle::ConstantTimeEq;

use super::{
    ClientLimits,
    security::{network_of, request_client_ip},
    throttle::{CountWindow, Full},
};
use crate::{config::twilio::is_sid, domain::Reason, web::state::AppState};

/// The window in which an address's failed authentications are counted.
const FAILURE_WINDOW: Duration = Duration::from_secs(60);
/// Addresses whose failures are remembered.
const MAX_FAILING: usize = 100_000;

/// The two server doors, each answering in its own shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Door {
    /// `/api/v1`: `Authorization: Bearer <key>`.
    Api,
    /// `/v2`: HTTP Basic, the account SID (or an `SK…` SID) and a key.
    Twilio,
}

/// The limiters of the server doors.
pub struct Callers {
    /// The pages' per-address limiter (`IP_RATE_LIMIT_*`): failed
    /// authentication and the persons that `client_ip` names.
    per_address: ClientLimits,
    /// Each tenant's rate (`API_RATE_LIMIT_*`), keyed by the tenant's
    /// name: a closed set, the names in `API_KEYS`.
    per_tenant: RateLimiter<String, DefaultKeyedStateStore<String>, DefaultClock>,
    /// Failed authentications per client address: past
    /// `IP_RATE_LIMIT_BURST` in a minute, every request from it is refused
    /// before its credentials are looked at (so a right guess cannot stand
    /// out). A full table makes room (`Full::Evicts`): it never holds an
    /// address that has not failed, and keeps those that are held.
    failures: CountWindow<IpAddr>,
}

impl std::fmt::Debug for Callers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Callers").finish_non_exhaustive()
    }
}

/// The tenant a request authenticated as: the name its key carries in
/// `API_KEYS` (keys of one name are one tenant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tenant(pub String);

/// A refusal of one of the limiters: wait this many seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limited(pub u64);

impl Callers {
    pub fn new(state: &AppState, per_address: ClientLimits) -> Arc<Self> {
        let abuse = &state.settings.abuse;
        let burst = NonZeroU32::new(abuse.api_burst).unwrap_or(NonZeroU32::MIN);
        let period = Duration::from_nanos(60_000_000_000 / u64::from(abuse.api_per_minute.max(1)));
        let quota = Quota::with_period(period)
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(burst);
        Arc::new(Self {
            per_address,
            per_tenant: RateLimiter::keyed(quota),
            failures: CountWindow::new(abuse.ip_burst, FAILURE_WINDOW, MAX_FAILING, Full::Evicts),
        })
    }

    fn wait(not_until: &governor::NotUntil<governor::clock::QuantaInstant>) -> Limited {
        Limited(
            not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1),
        )
    }

    /// One request of `tenant`.
    pub fn tenant(&self, tenant: &str) -> Result<(), Limited> {
        self.per_tenant
            .check_key(&tenant.to_owned())
            .map_err(|e| Self::wait(&e))
    }

    /// One request counted against `ip`'s address (an IPv6 /64 by default),
    /// the same bucket as that address's browser.
    pub fn address(&self, state: &AppState, ip: IpAddr) -> Result<(), Limited> {
        self.per_address
            .limiter()
            .check_key(&state.client_address.key(ip))
            .map_err(|e| Self::wait(&e))
    }
}

/// The tenant of the configured key equal to `presented`, if any. Every
/// key is compared, so the time does not tell which one matched.
pub fn key_name<'k>(keys: &'k [crate::config::ApiKey], presented: &str) -> Option<&'k str> {
    let mut found = None;
    for key in keys {
        let equal = key.key.0.len() == presented.len()
            && bool::from(key.key.0.as_bytes().ct_eq(presented.as_bytes()));
        if equal {
            found = Some(key.name.as_str());
        }
    }
    found
}

/// The tenant of a request's credentials at `door`, if they are right.
fn authenticate<'s>(state: &'s AppState, door: Door, headers: &HeaderMap) -> Option<&'s str> {
    let keys = &state.settings.api_keys;
    match door {
        Door::Api => {
            let presented = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)?;
            key_name(keys, presented)
        }
        Door::Twilio => {
            let config = state.twilio.as_deref()?;
            let (user, password) = super::security::basic_credentials(headers)?;
            let name = key_name(keys, &password)?;
            (user == config.account_sid || is_sid(&user, "SK")).then_some(name)
        }
    }
}

/// The door's answer to a limited request: 429 with `Retry-After`.
fn too_many(door: Door, Limited(wait): Limited) -> Response {
    match door {
        Door::Api => super::api::ApiError::rate_limited(wait).into_response(),
        Door::Twilio => super::twilio::TwilioError::too_many(wait).into_response(),
    }
}

/// Before a server door's routes: an address past its failed
/// authentications is refused whatever it sends; then an authenticated
/// request is counted against its tenant's rate (and the tenant handed on
/// as [`Tenant`]); any other, except the public OpenAPI document, is a
/// failure of its address and counted against its per-address limit.
/// Refusals are 429 with `Retry-After`; an unauthenticated request that
/// is not refused goes on to its route's 401.
pub async fn gate(
    State((state, callers, door)): State<(AppState, Arc<Callers>, Door)>,
    mut request: Request,
    next: Next,
) -> Response {
    let address =
        request_client_ip(&state.client_address, &request).map(|ip| state.client_address.key(ip));
    let now = std::time::Instant::now();
    if let Some(wait) = address.and_then(|a| callers.failures.wait(&a, now)) {
        state.metrics.refuse(Reason::RateLimited);
        tracing::info!(wait_seconds = wait, "authentication failures: address held");
        return too_many(door, Limited(wait));
    }
    let limited = match authenticate(&state, door, request.headers()) {
        Some(name) => {
            tracing::Span::current().record("api_key", name);
            state.metrics.api_request(name);
            let tenant = Tenant(name.to_owned());
            let limited = callers.tenant(&tenant.0);
            request.extensions_mut().insert(tenant);
            limited
        }
        None if door == Door::Api && request.uri().path() == "/api/v1/openapi.json" => Ok(()),
        None => match address {
            Some(address) => {
                callers.failures.count(address, now);
                callers.address(&state, address)
            }
            None => Ok(()),
        },
    };
    request.extensions_mut().insert(callers);
    match limited {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            state.metrics.refuse(Reason::RateLimited);
            tracing::info!(wait_seconds = wait.0, "rate limited");
            too_many(door, wait)
        }
    }
}

/// The person's address an app passed (`client_ip`, `DeviceIp`): an IPv4
/// or IPv6 address that could be a person's — not unspecified, loopback,
/// multicast or broadcast (a backend passing its own or an empty address
/// would charge one bucket for everyone).
pub fn parse_person_ip(raw: &str) -> Option<IpAddr> {
    // Only the plain forms: no zone, no brackets, no port.
    let ip = raw.trim().parse::<IpAddr>().ok()?;
    let v4_broadcast = matches!(ip, IpAddr::V4(v4) if v4.is_broadcast());
    (!ip.is_unspecified() && !ip.is_loopback() && !ip.is_multicast() && !v4_broadcast).then_some(ip)
}

/// The network a server send counts for: the person's (IPv4 /24, IPv6
/// /48) when the app named their address, else the whole tenant as one.
pub fn network_for(tenant: &str, person: Option<IpAddr>) -> String {
    match person {
        Some(ip) => network_of(ip),
        None => format!("tenant:{tenant}"),
    }
}

/// What a send for `person` (when named) is counted against before the
/// store: the person's address on the per-address limiter, and toward the
/// bot check's burst of their network (which their browser would be asked
/// to pass). 429 past the address's rate.
pub fn count_person(state: &AppState, callers: &Callers, person: IpAddr) -> Result<(), Limited> {
    callers.address(state, person)?;
    state.gate.count_send(person);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_address_is_an_ip_and_nothing_else() {
        assert_eq!(
            parse_person_ip("203.0.113.7"),
            Some("203.0.113.7".parse().unwrap())
        );
        assert_eq!(
            parse_person_ip("2001:db8::1"),
            Some("2001:db8::1".parse().unwrap())
        );
        for bad in [
            "",
            "localhost",
            "203.0.113.7:80",
            "[2001:db8::1]",
            "1.2.3",
            "fe80::1%eth0",
            "0.0.0.0",
            "127.0.0.1",
            "::1",
            "::",
            "224.0.0.1",
            "255.255.255.255",
        ] {
            assert_eq!(parse_person_ip(bad), None, "{bad}");
        }
    }

    #[test]
    fn without_an_address_a_tenant_is_one_network() {
        assert_eq!(network_for("acme", None), "tenant:acme");
        assert_eq!(
            network_for("acme", Some("203.0.113.7".parse().unwrap())),
            "203.0.113.0/24"
        );
        assert_eq!(
            network_for("acme", Some("2001:db8:1:2::9".parse().unwrap())),
            "2001:db8:1::/48"
        );
    }
}
