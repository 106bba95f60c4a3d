//! The proof-of-work challenge on the pages: `GET /challenge`, what a
//! start or resend proved and whether it must prove more before the store
//! looks at it, and the check's place on a page (`templates/challenge.html`,
//! `static/challenge.js`).
use std::time::{Duration, Instant};

use axum::{
    Json,
    extract::{Query, State},
    response::{IntoResponse, Response},
};
use serde::Deserialize;

use super::{
    error::AppError,
    journey::Journey,
    throttle::{CountWindow, Full},
    ui::Ui,
};
use crate::{
    challenge::{ChallengeSettings, Challenger, Failure, Level, Mode},
    domain::ChallengeWhy,
    state::AppState,
    storage::StoreError,
};

/// The window in which a client network's texts and failed solutions are
/// counted.
const CLIENT_WINDOW: Duration = Duration::from_secs(600);
/// Failed solutions from one client network before its challenges are
/// raised.
const FAILURES_BEFORE_RAISED: u32 = 3;
/// Client networks remembered (each list). Past that a new network is
/// asked for the base check (texts), but not raised (failures).
const MAX_TRACKED: usize = 100_000;

/// Issues challenges and decides, per request, what one must prove.
pub struct Gate {
    pub challenger: Challenger,
    /// Texts each client network asked for (adaptive: past its burst, a
    /// challenge).
    sends: CountWindow<String>,
    /// Failed solutions per client network (past a few, raised challenges).
    failures: CountWindow<String>,
}

impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("challenger", &self.challenger)
            .finish_non_exhaustive()
    }
}

impl Gate {
    pub fn new(secret_key: &[u8], settings: ChallengeSettings) -> Self {
        Self {
            challenger: Challenger::new(secret_key, settings),
            // A full table holds every new network (it asks for the base
            // check), but never raises one that has not failed.
            sends: CountWindow::new(
                settings.client_burst,
                CLIENT_WINDOW,
                MAX_TRACKED,
                Full::Holds,
            ),
            failures: CountWindow::new(
                FAILURES_BEFORE_RAISED,
                CLIENT_WINDOW,
                MAX_TRACKED,
                Full::Forgets,
            ),
        }
    }

    pub fn mode(&self) -> Mode {
        self.challenger.settings().mode
    }

    fn failing(&self, network: &str) -> bool {
        self.failures
            .wait(&network.to_owned(), Instant::now())
            .is_some()
    }

    /// The level of a new challenge for this client network: as asked, or
    /// raised while its solutions keep failing.
    pub fn level_for(&self, network: &str, asked: Level) -> Level {
        if self.failing(network) {
            Level::Raised
        } else {
            asked
        }
    }

    /// What the form's `altcha` payload proves for the page whose form
    /// binding is `page_binding`: the level of a challenge solved for it, spent
    /// now (once, across instances). A payload that fails is counted
    /// against the client network and proves nothing.
    async fn proof(
        &self,
        state: &AppState,
        payload: Option<&str>,
        page_binding: &str,
        network: &str,
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
        self.failures.count(network.to_owned(), Instant::now());
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
        let network = requester.network.clone().unwrap_or_default();
        requester.proof = self
            .proof(state, altcha, &journey.challenge_binding(state), &network)
            .await?;
        Ok(self.demand(&network, requester.proof))
    }

    /// Counts a server send for a person (the address an app passed) toward
    /// their network's burst, so their own browser is asked for the check
    /// past it, as if it had asked for those texts itself.
    pub fn count_send(&self, network: &str) {
        if self.mode() == Mode::Adaptive {
            self.sends.hit(network.to_owned(), Instant::now());
        }
    }

    /// Whether a start or resend that proved `proof` must prove more before
    /// anything else is looked at, and why. In adaptive mode, counts the
    /// request toward its client network's burst. (A flagged prefix and the
    /// budget's share are decided by the store, with the send.)
    fn demand(&self, network: &str, proof: Option<Level>) -> Option<(Level, ChallengeWhy)> {
        let need = match self.mode() {
            Mode::Off => return None,
            _ if self.failing(network) => (Level::Raised, ChallengeWhy::Failures),
            Mode::Always => (Level::Base, ChallengeWhy::Always),
            Mode::Adaptive => {
                if proof.is_some() {
                    return None;
                }
                if !self.sends.hit(network.to_owned(), Instant::now()) {
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
    let network = requester.network.unwrap_or_default();
    let level = state.gate.level_for(&network, asked);
    let challenge = state.gate.challenger.issue(
        &journey.challenge_binding(&state),
        level,
        state.verifier.now(),
    );
    state.metrics.challenge("issued", level.as_str());
    Ok(Json(challenge).into_response())
}
