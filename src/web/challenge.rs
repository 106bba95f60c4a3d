//! The proof-of-work challenge on the pages: `GET /challenge`, what a
//! start or resend proved and whether it must prove more before the store
//! looks at it, and the check's place on a page (`templates/challenge.html`,
//! `static/challenge.js`).
use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr},
    time::{Duration, Instant},
};

use axum::{
    Json,
    extract::{Query, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::{
    error::AppError,
    journey::Journey,
    security::network_of,
    throttle::{CountWindow, Full},
    ui::Ui,
};
use crate::{
    challenge::{ChallengeSettings, Challenger, Failure, Level, Mode},
    domain::ChallengeWhy,
    state::AppState,
    storage::StoreError,
};

/// The window in which a client's texts and failed solutions are counted.
const CLIENT_WINDOW: Duration = Duration::from_secs(600);
/// Failed solutions from one address (an IPv6 /64) before its challenges
/// are raised.
const FAILURES_BEFORE_RAISED: u32 = 3;
/// A network (IPv4 /24, IPv6 /48) is raised, or asked, once its addresses
/// together reach this many times one address's threshold, each address
/// counting only up to its own threshold: one address, however busy, never
/// moves its neighbours; several misbehaving ones do (three past their own
/// threshold, or more below it).
const NETWORK_SHARES: u32 = 3;
/// Addresses and networks remembered (each table). Past that a new address
/// is asked for the base check (texts), but not raised (failures).
const MAX_TRACKED: usize = 100_000;

/// The address a client is counted as: an IPv4 address, or an IPv6 /64
/// (one host's usual share); an IPv4-mapped IPv6 address is its IPv4.
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & (u128::MAX << 64))),
        },
    }
}

/// Events counted per address and per network: an address is held past
/// its own `most`; its network once its addresses together counted
/// `NETWORK_SHARES × most`, each address's events counted toward it only
/// up to its own `most`.
struct Counts {
    most: u32,
    addresses: CountWindow<IpAddr>,
    networks: CountWindow<String>,
}

impl Counts {
    fn new(most: u32, full: Full) -> Self {
        Self {
            most,
            addresses: CountWindow::new(most, CLIENT_WINDOW, MAX_TRACKED, full),
            networks: CountWindow::new(
                most.saturating_mul(NETWORK_SHARES),
                CLIENT_WINDOW,
                MAX_TRACKED,
                full,
            ),
        }
    }

    /// Whether `ip`'s address or its network is held now.
    fn held(&self, ip: IpAddr) -> bool {
        let now = Instant::now();
        self.addresses.wait(&address_key(ip), now).is_some()
            || self.networks.wait(&network_of(ip), now).is_some()
    }

    /// Counts an event of `ip`.
    fn count(&self, ip: IpAddr) {
        let now = Instant::now();
        let count = self.addresses.count(address_key(ip), now);
        if (1..=self.most).contains(&count) {
            self.networks.count(network_of(ip), now);
        }
    }

    /// Whether `ip`'s address or its network was held, then counts this
    /// event (one step for the address, so concurrent events cannot all
    /// slip under its limit).
    fn hit(&self, ip: IpAddr) -> bool {
        let now = Instant::now();
        let (address_held, count) = self.addresses.hit_count(address_key(ip), now);
        let network = network_of(ip);
        let network_held = if (1..=self.most).contains(&count) {
            self.networks.hit(network, now)
        } else {
            self.networks.wait(&network, now).is_some()
        };
        address_held || network_held
    }
}

/// Issues challenges and decides, per request, what one must prove.
pub struct Gate {
    pub challenger: Challenger,
    /// Texts asked for per address and network (adaptive: past the burst,
    /// a challenge). A full table asks every new address for the base
    /// check, but never raises one.
    sends: Counts,
    /// Failed solutions per address and network (past a few, raised
    /// challenges). A full table forgets: flooding must not raise everyone.
    failures: Counts,
}

impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("challenger", &self.challenger)
            .finish_non_exhaustive()
    }
}

/// The address of a request whose client is unknown: all such requests
/// count as one.
fn or_unknown(ip: Option<IpAddr>) -> IpAddr {
    ip.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

impl Gate {
    pub fn new(secret_key: &[u8], settings: ChallengeSettings) -> Self {
        Self {
            challenger: Challenger::new(secret_key, settings),
            sends: Counts::new(settings.client_burst, Full::Holds),
            failures: Counts::new(FAILURES_BEFORE_RAISED, Full::Forgets),
        }
    }

    pub fn mode(&self) -> Mode {
        self.challenger.settings().mode
    }

    fn failing(&self, client: Option<IpAddr>) -> bool {
        self.failures.held(or_unknown(client))
    }

    /// The level of a new challenge for this client: as asked, or raised
    /// while its own solutions, or several of its network's addresses',
    /// keep failing.
    pub fn level_for(&self, client: Option<IpAddr>, asked: Level) -> Level {
        if self.failing(client) {
            Level::Raised
        } else {
            asked
        }
    }

    /// What the form's `altcha` payload proves for the page whose form
    /// binding is `page_binding`: the level of a challenge solved for it, spent
    /// now (once, across instances). A payload that fails is counted
    /// against the client's address (and, within its share, its network)
    /// and proves nothing.
    async fn proof(
        &self,
        state: &AppState,
        payload: Option<&str>,
        page_binding: &str,
        client: Option<IpAddr>,
    ) -> Result<Option<Level>, StoreError> {
        let Some(payload) = payload.filter(|p| !p.trim().is_empty()) else {
            return Ok(None);
        };
        if self.mode() == Mode::Off {
            return Ok(None);
        }
        let now = state.verifier.now();
        let failure = match self.challenger.check(payload, page_binding, now) {
            Ok(solved) => {
                if state
                    .store
                    .spend_challenge(&solved.nonce, solved.expires_at)
                    .await?
                {
                    state.metrics.challenge("solved", solved.level.as_str());
                    return Ok(Some(solved.level));
                }
                Failure::Replayed
            }
            Err(failure) => failure,
        };
        tracing::info!(reason = failure.as_str(), "challenge solution refused");
        state.metrics.challenge("failed", failure.as_str());
        self.failures.count(or_unknown(client));
        Ok(None)
    }

    /// The check of a page's start or resend: sets what `altcha` proved for
    /// `journey`'s page on the requester, and answers whether it must prove
    /// more first (the level, and why).
    pub async fn screen(
        &self,
        state: &AppState,
        altcha: Option<&str>,
        journey: &super::journey::Journey,
        requester: &mut crate::verification::Requester,
    ) -> Result<Option<(Level, ChallengeWhy)>, StoreError> {
        let client = requester.address;
        requester.proof = self
            .proof(state, altcha, &journey.challenge_binding(state), client)
            .await?;
        Ok(self.demand(client, requester.proof))
    }

    /// Counts a server send for a person (the address an app passed) toward
    /// their address's burst (and, within it, their network's), so their
    /// own browser is asked for the check past it, as if it had asked for
    /// those texts itself.
    pub fn count_send(&self, person: IpAddr) {
        if self.mode() == Mode::Adaptive {
            self.sends.hit(person);
        }
    }

    /// Whether a start or resend that proved `proof` must prove more before
    /// anything else is looked at, and why. In adaptive mode, counts the
    /// request toward its address's burst (and its network's). (A flagged
    /// prefix and the budget's share are decided by the store, with the
    /// send.)
    fn demand(
        &self,
        client: Option<IpAddr>,
        proof: Option<Level>,
    ) -> Option<(Level, ChallengeWhy)> {
        let need = match self.mode() {
            Mode::Off => return None,
            _ if self.failing(client) => (Level::Raised, ChallengeWhy::Failures),
            Mode::Always => (Level::Base, ChallengeWhy::Always),
            Mode::Adaptive => {
                if proof.is_some() {
                    return None;
                }
                if !self.sends.hit(or_unknown(client)) {
                    return None;
                }
                (Level::Base, ChallengeWhy::Client)
            }
        };
        (proof < Some(need.0)).then_some(need)
    }
}

/// The check on a page: where its challenge comes from and when it starts.
pub struct Widget {
    /// `/challenge?…` with the page's flow and the level.
    pub url: String,
    /// Start solving when the page loads (the phone step, where the person
    /// is typing meanwhile), else when the form is sent (a resend).
    pub on_load: bool,
    /// Send the form again once solved: the person already pressed the
    /// button and was asked for the check.
    pub resubmit: bool,
    /// Why it is there, when the page was sent back for it.
    pub notice: Option<String>,
    /// How long a challenge may be used (`BOT_CHALLENGE_TTL_SECONDS`).
    pub ttl_seconds: u32,
}

impl Widget {
    /// Whether the page was sent back for the check: its notice then takes
    /// the focus, so a screen reader reads why first.
    pub fn asks(&self) -> bool {
        self.notice.is_some()
    }

    /// The check for a page in `ui`'s flow at `level`.
    pub fn new(state: &AppState, ui: &Ui, level: Level, on_load: bool) -> Self {
        let sep = if ui.flow_q.is_empty() { '?' } else { '&' };
        Self {
            url: format!("/challenge{}{sep}level={}", ui.flow_q, level.as_str()),
            on_load,
            resubmit: false,
            notice: None,
            ttl_seconds: state.gate.challenger.settings().ttl_seconds,
        }
    }

    /// The check a page asks for before every send (`BOT_CHALLENGE=always`).
    pub fn always(state: &AppState, ui: &Ui, on_load: bool) -> Option<Self> {
        (state.gate.mode() == Mode::Always).then(|| Self::new(state, ui, Level::Base, on_load))
    }

    /// The check for a page sent back because a send needs it at `level`.
    pub fn asked(state: &AppState, ui: &Ui, level: Level) -> Self {
        Self {
            resubmit: true,
            notice: Some(ui.t("challenge-needed")),
            ..Self::new(state, ui, level, true)
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct ChallengeQuery {
    level: Option<String>,
}

/// `GET /challenge`: a fresh challenge for the page (session or app flow)
/// asking, as ALTCHA's JSON (`parameters`, `signature`).
pub async fn issue(
    State(state): State<AppState>,
    journey: Journey,
    super::security::PageRequester(requester): super::security::PageRequester,
    query: Result<Query<ChallengeQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, AppError> {
    if state.gate.mode() == Mode::Off {
        return Err(AppError::NotFound);
    }
    let Ok(Query(query)) = query else {
        return Err(AppError::BadRequest);
    };
    let asked = match query.level.as_deref() {
        None => Level::Base,
        Some(word) => Level::parse(word).ok_or(AppError::BadRequest)?,
    };
    let level = state.gate.level_for(requester.address, asked);
    let challenge = state.gate.challenger.issue(
        &journey.challenge_binding(&state),
        level,
        state.verifier.now(),
    );
    state.metrics.challenge("issued", level.as_str());
    Ok(Json(challenge).into_response())
}
