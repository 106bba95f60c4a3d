//! The operator page: the last 24 hours at a glance, from the hourly
//! counters all instances share, drawn as server-rendered SVG.
use std::collections::BTreeMap;

use askama::Template;
use std::net::{IpAddr, SocketAddr};

use axum::{
    Router,
    extract::{ConnectInfo, State},
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use subtle::ConstantTimeEq;
use time::Duration;

use super::{
    error::AppError,
    throttle::{CountWindow, Full},
};
use crate::{
    domain::{Block, StatKind},
    web::state::AppState,
};

pub fn router(state: &AppState) -> Router<AppState> {
    if state.settings.admin_password.is_none() {
        return Router::new();
    }
    Router::new().route("/admin", get(page))
}

/// HTTP basic auth against `ADMIN_PASSWORD` (any user name), in constant time.
fn authorized(state: &AppState, headers: &HeaderMap) -> bool {
    let Some(password) = &state.settings.admin_password else {
        return false;
    };
    let presented = super::security::basic_credentials(headers)
        .map(|(_, password)| password)
        .unwrap_or_default();
    presented.len() == password.0.len()
        && bool::from(presented.as_bytes().ct_eq(password.0.as_bytes()))
}

/// One bar of a chart.
pub struct Bar {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub class: &'static str,
    pub title: String,
}

pub struct Tick {
    pub x: f64,
    pub label: String,
}

pub struct CountryRow {
    pub country: String,
    pub sent: i64,
    pub approved: i64,
    pub conversion: String,
}

pub struct Refusal {
    pub reason: String,
    pub count: i64,
    pub width: f64,
}

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    brand: String,
    bars: Vec<Bar>,
    ticks: Vec<Tick>,
    peak: i64,
    sent: i64,
    approved: i64,
    conversion: String,
    countries: Vec<CountryRow>,
    refusals: Vec<Refusal>,
    blocks: Vec<Block>,
    /// `BOT_CHALLENGE`, and the hours challenges were asked for, and why.
    challenge_mode: &'static str,
    challenged: Vec<ChallengedHour>,
    /// Whether webhooks are configured, and the deliveries that gave up.
    webhooks: bool,
    failed_deliveries: Vec<crate::storage::webhooks::FailedDelivery>,
    generated: String,
}

/// An hour in which sends were asked for a proof-of-work challenge.
struct ChallengedHour {
    hour: String,
    /// `pumping 12, client 3`.
    why: String,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 180.0;

fn percent(part: i64, whole: i64) -> String {
    if whole == 0 {
        "—".to_owned()
    } else {
        format!("{:.0}%", part as f64 * 100.0 / whole as f64)
    }
}

/// Failed operator logins per client: after [`MAX_FAILURES`] in
/// [`FAILURE_WINDOW`], the client gets 429 until the window ends, whatever
/// it sends (see [`CountWindow`]). At most [`MAX_CLIENTS`] clients are
/// remembered; a full table forgets the clients with the fewest failures
/// ([`Full::Evicts`]), so a client that has not failed is never held: a
/// flood of failures from many addresses cannot lock the operator out.
pub type LoginThrottle = CountWindow<IpAddr>;

pub const MAX_FAILURES: u32 = 10;
pub const FAILURE_WINDOW: std::time::Duration = std::time::Duration::from_secs(600);
pub const MAX_CLIENTS: usize = 10_000;

/// The operator page's login throttle.
pub fn login_throttle() -> LoginThrottle {
    CountWindow::new(MAX_FAILURES, FAILURE_WINDOW, MAX_CLIENTS, Full::Evicts)
}

async fn page(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let client = state
        .client_address
        .client_ip(&headers, Some(peer.ip()))
        .map(|ip| state.client_address.key(ip))
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED));
    let now = std::time::Instant::now();
    if let Some(wait) = state.admin_logins.wait(&client, now) {
        tracing::info!(wait_seconds = wait, "operator login throttled");
        return Ok((
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, wait.to_string())],
            "too many failed logins; try again later",
        )
            .into_response());
    }
    if !authorized(&state, &headers) {
        if headers.contains_key(header::AUTHORIZATION) {
            state.admin_logins.count(client, now);
            tracing::info!("operator login failed");
        }
        return Ok((
            StatusCode::UNAUTHORIZED,
            [(
                header::WWW_AUTHENTICATE,
                "Basic realm=\"phone-verify admin\", charset=\"UTF-8\"",
            )],
            "authentication required",
        )
            .into_response());
    }
    let now = state.verifier.now();
    let this_hour = crate::domain::clock_hour(now);
    let first = this_hour - Duration::hours(23);
    let rows = state.store.stats_since(first).await?;
    let blocks = state.store.blocks_in_force(now).await?;
    let webhooks = !state.settings.webhooks.is_empty();
    let failed_deliveries = if webhooks {
        state.store.failed_deliveries(50).await?
    } else {
        Vec::new()
    };

    let mut hourly = vec![(0i64, 0i64); 24];
    let mut countries: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    let mut refusals: BTreeMap<String, i64> = BTreeMap::new();
    let mut challenged: BTreeMap<usize, BTreeMap<&'static str, i64>> = BTreeMap::new();
    for row in &rows {
        let slot = ((row.hour - first).whole_hours()).clamp(0, 23) as usize;
        let country = if row.country.is_empty() {
            "—".to_owned()
        } else {
            row.country.clone()
        };
        let reason = match row.kind {
            StatKind::Sent => {
                hourly[slot].0 += row.count;
                countries.entry(country).or_default().0 += row.count;
                continue;
            }
            StatKind::Approved => {
                hourly[slot].1 += row.count;
                countries.entry(country).or_default().1 += row.count;
                continue;
            }
            StatKind::Challenged(why) => {
                *challenged
                    .entry(slot)
                    .or_default()
                    .entry(why.as_str())
                    .or_default() += row.count;
                continue;
            }
            StatKind::Blocked => "blocked",
            StatKind::Refused(reason) => reason.as_str(),
        };
        *refusals.entry(reason.to_owned()).or_default() += row.count;
    }
    let peak = hourly
        .iter()
        .map(|(s, a)| (*s).max(*a))
        .max()
        .unwrap_or(0)
        .max(1);
    let slot_width = WIDTH / 24.0;
    let bar_width = (slot_width - 6.0) / 2.0;
    let mut bars = Vec::new();
    for (i, (sent, approved)) in hourly.iter().enumerate() {
        let hour = first + Duration::hours(i as i64);
        let label = format!("{:02}:00", hour.hour());
        for (j, (value, class, what)) in
            [(*sent, "sent", "sent"), (*approved, "approved", "approved")]
                .into_iter()
                .enumerate()
        {
            let height = value as f64 / peak as f64 * (HEIGHT - 10.0);
            bars.push(Bar {
                x: i as f64 * slot_width + 3.0 + j as f64 * bar_width,
                y: HEIGHT - height,
                width: bar_width,
                height,
                class,
                title: format!("{label} UTC: {value} {what}"),
            });
        }
    }
    let ticks = (0..24)
        .step_by(6)
        .map(|i| Tick {
            x: i as f64 * slot_width + 3.0,
            label: format!("{:02}:00", (first + Duration::hours(i)).hour()),
        })
        .collect();
    let sent: i64 = hourly.iter().map(|h| h.0).sum();
    let approved: i64 = hourly.iter().map(|h| h.1).sum();
    let mut countries: Vec<CountryRow> = countries
        .into_iter()
        .map(|(country, (s, a))| CountryRow {
            country,
            sent: s,
            approved: a,
            conversion: percent(a, s),
        })
        .collect();
    countries.sort_by_key(|c| std::cmp::Reverse(c.sent));
    let most = refusals.values().copied().max().unwrap_or(1).max(1);
    let mut refusals: Vec<Refusal> = refusals
        .into_iter()
        .map(|(reason, count)| Refusal {
            reason,
            count,
            width: count as f64 / most as f64 * 100.0,
        })
        .collect();
    refusals.sort_by_key(|r| std::cmp::Reverse(r.count));
    let page = AdminPage {
        brand: state.settings.brand.name.clone(),
        bars,
        ticks,
        peak,
        sent,
        approved,
        conversion: percent(approved, sent),
        countries,
        refusals,
        blocks,
        challenge_mode: match state.settings.abuse.challenge.mode {
            crate::challenge::Mode::Off => "off",
            crate::challenge::Mode::Adaptive => "adaptive",
            crate::challenge::Mode::Always => "always",
        },
        challenged: challenged
            .into_iter()
            .map(|(slot, why)| ChallengedHour {
                hour: format!("{:02}:00", (first + Duration::hours(slot as i64)).hour()),
                why: why
                    .into_iter()
                    .map(|(why, count)| format!("{why} {count}"))
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        webhooks,
        failed_deliveries,
        generated: now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default(),
    };
    let html = page
        .render()
        .map_err(|e| AppError::Internal(anyhow::anyhow!("template: {e}")))?;
    Ok(Html(html).into_response())
}
