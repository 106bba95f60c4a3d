//! The proof-of-work challenge on the pages: `GET /challenge`, what a
//! start or resend proved (a solved challenge, or without JavaScript a
//! wait pass) and whether it must prove more before the store looks at
//! it, and the check's place on a page (`templates/challenge.html`,
//! `static/challenge.js`).
use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr},
    time::{Duration, Instant},
};

use axum::{
    Json,
    extract::{Query, State},
    http::StatusCode,
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use time::OffsetDateTime;

use super::{
    error::AppError,
    journey::Journey,
    security::network_of,
    throttle::{CountWindow, Full},
    ui::Ui,
};
use crate::{
    challenge::{ChallengeSettings, Challenger, Failure, Level, Mode, WAIT_WINDOW, WaitFailure},
    domain::ChallengeWhy,
    i18n::Arg,
    storage::StoreError,
    web::state::AppState,
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

    /// What the form's `wait_token` proves for the page whose binding is
    /// `page_binding` (a browser without JavaScript): the level of a pass
    /// whose wait is over, spent now (once, across instances) and counted
    /// against the client's address (`BOT_CHALLENGE_WAIT_PER_HOUR`, across
    /// instances); else what the page should say about it.
    async fn waited(
        &self,
        state: &AppState,
        token: Option<&str>,
        page_binding: &str,
        client: Option<IpAddr>,
    ) -> Result<(Option<Level>, WaitNote), StoreError> {
        let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) else {
            return Ok((None, WaitNote::Fresh));
        };
        if self.mode() == Mode::Off || !self.challenger.waits() {
            return Ok((None, WaitNote::Fresh));
        }
        let now = state.verifier.now();
        let failure = match self.challenger.check_wait(token, page_binding, now) {
            Ok(waited) => {
                if state
                    .store
                    .spend_challenge(&waited.nonce, waited.expires_at)
                    .await?
                {
                    let address = address_key(or_unknown(client)).to_string();
                    let most = self.challenger.settings().wait_per_hour;
                    match state
                        .store
                        .take_wait(
                            &self.challenger.address_tag(&address),
                            most,
                            WAIT_WINDOW,
                            now,
                        )
                        .await?
                    {
                        None => {
                            state.metrics.challenge("waited", waited.level.as_str());
                            return Ok((Some(waited.level), WaitNote::Fresh));
                        }
                        Some(until) => WaitFailure::UsedUp(until),
                    }
                } else {
                    WaitFailure::Replayed
                }
            }
            Err(failure) => failure,
        };
        tracing::info!(reason = failure.as_str(), "wait pass refused");
        state.metrics.challenge("failed", failure.as_str());
        Ok(match failure {
            WaitFailure::Early { ready_at, level } => (
                None,
                WaitNote::Early {
                    token: token.to_owned(),
                    ready_at,
                    level,
                },
            ),
            WaitFailure::UsedUp(until) => (None, WaitNote::UsedUp(until)),
            _ => {
                self.failures.count(or_unknown(client));
                (None, WaitNote::Fresh)
            }
        })
    }

    /// The check of a page's start or resend: sets what the form proved
    /// for `journey`'s page on the requester (a solved challenge in
    /// `altcha`, or a wait pass in `wait_token`), and answers whether it
    /// must prove more first (the level, and why) and what a page that
    /// asks again says about the wait.
    pub async fn screen(
        &self,
        state: &AppState,
        proofs: Proofs<'_>,
        journey: &super::journey::Journey,
        requester: &mut crate::verification::Requester,
    ) -> Result<Screened, StoreError> {
        let client = requester.address;
        let binding = journey.challenge_binding(state);
        requester.proof = self.proof(state, proofs.altcha, &binding, client).await?;
        let mut wait = WaitNote::Fresh;
        if requester.proof.is_none() {
            let (level, note) = self
                .waited(state, proofs.wait_token, &binding, client)
                .await?;
            requester.proof = level;
            wait = note;
        }
        Ok(Screened {
            demand: self.demand(client, requester.proof),
            wait,
        })
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

/// What a page's form posted to prove it is no bot.
#[derive(Debug, Clone, Copy, Default)]
pub struct Proofs<'a> {
    /// The widget's payload (`altcha`).
    pub altcha: Option<&'a str>,
    /// A wait pass, from a browser without JavaScript (`wait_token`).
    pub wait_token: Option<&'a str>,
}

/// What a form's wait pass came to, for a page that asks again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum WaitNote {
    /// None posted, or one that proves nothing: the page gets a fresh pass.
    #[default]
    Fresh,
    /// Sent before its wait was over: the same pass again.
    Early {
        token: String,
        ready_at: OffsetDateTime,
        level: Level,
    },
    /// The client's address used its waits for the hour, until then.
    UsedUp(OffsetDateTime),
}

/// The screening of a start or resend.
#[derive(Debug)]
pub struct Screened {
    /// What it must prove first, and why.
    pub demand: Option<(Level, ChallengeWhy)>,
    /// For a page that asks again: what became of its wait pass.
    pub wait: WaitNote,
}

/// The check for a browser without JavaScript (inside `<noscript>`).
pub struct NoScript {
    /// The wait pass the form posts (`wait_token`), when a wait is offered.
    pub token: Option<String>,
    /// What to do: when to press the button, or that the check needs
    /// JavaScript.
    pub text: String,
    /// Whether `text` says the check cannot be done (shown as an error).
    pub blocked: bool,
    /// `SUPPORT_URL`, when the check cannot be done without JavaScript.
    pub support_url: Option<String>,
}

impl NoScript {
    /// A wait pass usable from `ready_at`, or, with waits off, why the
    /// check needs JavaScript.
    fn new(state: &AppState, ui: &Ui, pass: Option<(String, OffsetDateTime)>) -> Self {
        match pass {
            Some((token, ready_at)) => {
                let seconds = whole_seconds_until(ready_at, state.verifier.now());
                Self {
                    token: Some(token),
                    text: ui.args("challenge-wait", &[("seconds", Arg::from(seconds))]),
                    blocked: false,
                    support_url: None,
                }
            }
            None => Self::blocked(state, ui.t("challenge-needs-js")),
        }
    }

    fn blocked(state: &AppState, text: String) -> Self {
        Self {
            token: None,
            text,
            blocked: true,
            support_url: state.settings.support_url.clone(),
        }
    }
}

/// Whole seconds from `now` until `then`, rounded up (0 once past).
fn whole_seconds_until(then: OffsetDateTime, now: OffsetDateTime) -> i64 {
    let left = then - now;
    if left <= time::Duration::ZERO {
        0
    } else {
        i64::try_from(super::outcome::retry_seconds(left)).unwrap_or(i64::MAX)
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
    /// Why it is there, when the page was sent back for it: words true
    /// with or without JavaScript.
    pub notice: Option<String>,
    /// The notice as the script words it (it sends the form again by
    /// itself): the script puts it in place of `notice`.
    pub notice_with_script: Option<String>,
    /// How long a challenge may be used (`BOT_CHALLENGE_TTL_SECONDS`).
    pub ttl_seconds: u32,
    /// The check without JavaScript.
    pub no_script: NoScript,
    /// Seconds until the page's pass can be used, or the address may wait
    /// again, when the form came too early: the page is then a 429 with
    /// this `Retry-After`.
    pub retry_after: Option<i64>,
}

impl Widget {
    /// Whether the page was sent back for the check: its notice then takes
    /// the focus, so a screen reader reads why first.
    pub fn asks(&self) -> bool {
        self.notice.is_some()
    }

    /// The check for `journey`'s page in `ui`'s flow at `level`, with a
    /// fresh wait pass for a browser without JavaScript.
    pub fn new(state: &AppState, ui: &Ui, journey: &Journey, level: Level, on_load: bool) -> Self {
        let challenger = &state.gate.challenger;
        let pass = challenger.waits().then(|| {
            let pass = challenger.issue_wait(
                &journey.challenge_binding(state),
                level,
                state.verifier.now(),
            );
            (pass.token, pass.ready_at)
        });
        Self::with_pass(state, ui, level, on_load, pass)
    }

    fn with_pass(
        state: &AppState,
        ui: &Ui,
        level: Level,
        on_load: bool,
        pass: Option<(String, OffsetDateTime)>,
    ) -> Self {
        let sep = if ui.flow_q.is_empty() { '?' } else { '&' };
        Self {
            url: format!("/challenge{}{sep}level={}", ui.flow_q, level.as_str()),
            on_load,
            resubmit: false,
            notice: None,
            notice_with_script: None,
            ttl_seconds: state.gate.challenger.settings().ttl_seconds,
            no_script: NoScript::new(state, ui, pass),
            retry_after: None,
        }
    }

    /// The check a page asks for before every send (`BOT_CHALLENGE=always`).
    pub fn always(state: &AppState, ui: &Ui, journey: &Journey, on_load: bool) -> Option<Self> {
        (state.gate.mode() == Mode::Always)
            .then(|| Self::new(state, ui, journey, Level::Base, on_load))
    }

    /// The check for a page sent back because a send needs it at `level`,
    /// saying what became of the form's wait pass (`wait`): too early (the
    /// same pass, and how long is left), the address's waits used up, or
    /// nothing (a fresh pass).
    pub fn asked(
        state: &AppState,
        ui: &Ui,
        journey: &Journey,
        level: Level,
        wait: &WaitNote,
    ) -> Self {
        let now = state.verifier.now();
        let mut widget = match wait {
            WaitNote::Early {
                token,
                ready_at,
                level: its,
            } if *its >= level => {
                let left = whole_seconds_until(*ready_at, now).max(1);
                Self {
                    notice: Some(ui.args("challenge-wait-early", &[("seconds", Arg::from(left))])),
                    retry_after: Some(left),
                    ..Self::with_pass(state, ui, level, true, Some((token.clone(), *ready_at)))
                }
            }
            WaitNote::UsedUp(until) => {
                let seconds = whole_seconds_until(*until, now).max(1);
                let minutes = (seconds + 59) / 60;
                Self {
                    notice: Some(
                        ui.args("challenge-wait-used-up", &[("minutes", Arg::from(minutes))]),
                    ),
                    no_script: NoScript::blocked(state, ui.t("challenge-needs-js")),
                    retry_after: Some(seconds),
                    ..Self::with_pass(state, ui, level, true, None)
                }
            }
            _ => Self {
                notice: Some(ui.t("challenge-asked")),
                notice_with_script: Some(ui.t("challenge-needed")),
                ..Self::new(state, ui, journey, level, true)
            },
        };
        widget.resubmit = true;
        widget
    }

    /// The status of a page sent back for the check: 429 with
    /// `Retry-After` when the form came too early, else 400.
    pub fn status(&self) -> StatusCode {
        if self.retry_after.is_some() {
            StatusCode::TOO_MANY_REQUESTS
        } else {
            StatusCode::BAD_REQUEST
        }
    }

    /// Adds `Retry-After` to a page sent back too early.
    pub fn stamp(&self, response: &mut Response) {
        if let Some(seconds) = self.retry_after
            && let Ok(value) = axum::http::HeaderValue::from_str(&seconds.to_string())
        {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, value);
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
