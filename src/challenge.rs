//! The proof-of-work challenge: ALTCHA proof-of-work v2 (the official
//! `altcha` crate), in its deterministic mode. The server picks a secret
//! counter, publishes the first half of the key it derives
//! (PBKDF2-SHA-256 over nonce ‖ counter) and an HMAC of the whole key; the
//! browser tries counters until its key starts with that half, and posts
//! the key. Checking it is two HMACs, no key derivation.
//!
//! A challenge is signed and expires, names the level it was issued at and
//! the page (session or flow) it was issued to; the caller spends its
//! nonce once in the store (`Store::spend_challenge`), so a payload works
//! once across every instance.
//!
//! A browser without JavaScript cannot solve one; it gets a [`WaitPass`]
//! instead: a token signed with another key derived from `SECRET_KEY`,
//! bound to the same page, that the server accepts only once its wait has
//! passed (`BOT_CHALLENGE_WAIT_SECONDS`, four times that at the raised
//! level), once (its nonce is spent like a challenge's), and only so many
//! times an hour per client address (`Store::take_wait`).
use std::collections::BTreeMap;

use altcha::{Challenge, CreateChallengeOptions, Payload, VerifySolutionOptions};
use base64::Engine as _;
use hmac::{Hmac, Mac};
use rand::Rng as _;
use sha2::Sha256;
use subtle::ConstantTimeEq as _;
use time::{Duration, OffsetDateTime};

/// The key derivation a try costs: PBKDF2-SHA-256 at this many iterations.
pub const ALGORITHM: &str = "PBKDF2/SHA-256";
pub const ITERATIONS: u32 = 1_000;
/// A raised challenge takes this many times the tries of a base one (and a
/// raised wait this many times the wait).
pub const RAISED_FACTOR: u32 = 4;
/// How long a wait pass may be used once its wait is over: long enough for
/// a person who reads, types, or waits for a text first.
pub const WAIT_USABLE: Duration = Duration::hours(1);
/// The window in which an address's waited sends are counted.
pub const WAIT_WINDOW: Duration = Duration::hours(1);

/// When pages ask for a challenge (`BOT_CHALLENGE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Off,
    /// Only while risk is raised.
    Adaptive,
    Always,
}

pub use crate::domain::ChallengeLevel as Level;

fn level_numbered(n: u64) -> Option<Level> {
    match n {
        1 => Some(Level::Base),
        2 => Some(Level::Raised),
        _ => None,
    }
}

/// The challenge's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChallengeSettings {
    pub mode: Mode,
    /// The most tries a base challenge takes (`BOT_CHALLENGE_COST`); its
    /// secret counter is drawn uniformly up to that (half on average).
    pub cost: u32,
    /// How long a challenge may be solved and used (`BOT_CHALLENGE_TTL_SECONDS`).
    pub ttl_seconds: u32,
    /// Adaptive: the share of the hour's SMS budget past which every start
    /// and resend needs a challenge (`BOT_CHALLENGE_BUDGET_PERCENT`).
    pub budget_percent: u32,
    /// Adaptive: starts and resends a client network may ask for in 10
    /// minutes (on one instance) before it needs a challenge
    /// (`BOT_CHALLENGE_CLIENT_BURST`).
    pub client_burst: u32,
    /// Without JavaScript: the wait a base check takes instead
    /// (`BOT_CHALLENGE_WAIT_SECONDS`); 0: no wait, such a browser is told
    /// the check needs JavaScript.
    pub wait_seconds: u32,
    /// Waited sends one client address may make in [`WAIT_WINDOW`]
    /// (`BOT_CHALLENGE_WAIT_PER_HOUR`), across instances.
    pub wait_per_hour: u32,
}

/// Why a payload was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// Not base64 of the payload's JSON.
    Malformed,
    Expired,
    /// Not a challenge of ours, or changed.
    BadSignature,
    /// The posted key is not the challenge's.
    BadSolution,
    /// Issued to another session or flow.
    Foreign,
    /// Already used.
    Replayed,
}

impl Failure {
    pub fn as_str(self) -> &'static str {
        match self {
            Failure::Malformed => "malformed",
            Failure::Expired => "expired",
            Failure::BadSignature => "bad_signature",
            Failure::BadSolution => "bad_solution",
            Failure::Foreign => "foreign",
            Failure::Replayed => "replayed",
        }
    }
}

/// A solved challenge, before its nonce is spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solved {
    pub nonce: String,
    pub level: Level,
    pub expires_at: OffsetDateTime,
}

/// Why a wait pass was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitFailure {
    /// Not a pass's shape.
    Malformed,
    /// Not a pass of ours, or changed.
    BadSignature,
    /// Issued to another session or flow.
    Foreign,
    /// Sent before its wait was over: usable from then.
    Early {
        ready_at: OffsetDateTime,
        level: Level,
    },
    Expired,
    /// Already used.
    Replayed,
    /// The client address used its waits for the hour: until then.
    UsedUp(OffsetDateTime),
}

impl WaitFailure {
    /// The metrics' reason (`phone_verify_challenges_total{event="failed"}`).
    pub fn as_str(self) -> &'static str {
        match self {
            WaitFailure::Malformed => "wait_malformed",
            WaitFailure::BadSignature => "wait_bad_signature",
            WaitFailure::Foreign => "wait_foreign",
            WaitFailure::Early { .. } => "wait_early",
            WaitFailure::Expired => "wait_expired",
            WaitFailure::Replayed => "wait_replayed",
            WaitFailure::UsedUp(_) => "wait_used_up",
        }
    }
}

/// A wait pass for a page: the token its form posts (field `wait_token`)
/// and when it becomes usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaitPass {
    pub token: String,
    pub ready_at: OffsetDateTime,
}

/// A wait pass that was accepted, before its nonce is spent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waited {
    /// What the store records as spent (the pass's nonce, set apart from
    /// challenges' nonces).
    pub nonce: String,
    pub level: Level,
    pub expires_at: OffsetDateTime,
}

/// The version tag a pass starts with.
const WAIT_TAG: &str = "w1";

/// Issues and checks challenges with keys derived from `SECRET_KEY`.
pub struct Challenger {
    settings: ChallengeSettings,
    signature_secret: String,
    key_secret: String,
    binding_key: Vec<u8>,
    wait_key: Vec<u8>,
    address_key: Vec<u8>,
}

impl std::fmt::Debug for Challenger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Challenger")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// Milliseconds since the epoch.
fn millis(t: OffsetDateTime) -> i128 {
    t.unix_timestamp_nanos() / 1_000_000
}

fn hmac_hex(key: &[u8], data: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    hex::encode(mac.finalize().into_bytes())
}

impl Challenger {
    pub fn new(secret_key: &[u8], settings: ChallengeSettings) -> Self {
        Self {
            settings,
            signature_secret: hmac_hex(secret_key, b"phone-verify challenge signature"),
            key_secret: hmac_hex(secret_key, b"phone-verify challenge key"),
            binding_key: hmac_hex(secret_key, b"phone-verify challenge binding").into_bytes(),
            wait_key: hmac_hex(secret_key, b"phone-verify wait signature").into_bytes(),
            address_key: hmac_hex(secret_key, b"phone-verify wait address").into_bytes(),
        }
    }

    /// Whether a browser without JavaScript may wait instead.
    pub fn waits(&self) -> bool {
        self.settings.wait_seconds > 0
    }

    /// The wait a pass of `level` takes.
    pub fn wait_for(&self, level: Level) -> Duration {
        let seconds = match level {
            Level::Base => self.settings.wait_seconds,
            Level::Raised => self.settings.wait_seconds.saturating_mul(RAISED_FACTOR),
        };
        Duration::seconds(i64::from(seconds))
    }

    /// How a client address is kept in the store: a keyed hash, never the
    /// address itself.
    pub fn address_tag(&self, address: &str) -> String {
        hmac_hex(&self.address_key, address.as_bytes())[..32].to_owned()
    }

    fn wait_mac(&self, body: &str) -> String {
        hmac_hex(&self.wait_key, body.as_bytes())
    }

    /// A fresh wait pass for the page whose binding is `page_binding`:
    /// usable from `now` plus the level's wait, for [`WAIT_USABLE`].
    pub fn issue_wait(&self, page_binding: &str, level: Level, now: OffsetDateTime) -> WaitPass {
        // In whole milliseconds, rounded up: never shorter than the wait.
        let ready_ms = ((now + self.wait_for(level)).unix_timestamp_nanos() + 999_999) / 1_000_000;
        let ready_at =
            OffsetDateTime::from_unix_timestamp_nanos(ready_ms * 1_000_000).unwrap_or(now);
        let expires_at = ready_at + WAIT_USABLE;
        let nonce = hex::encode(rand::rng().random::<[u8; 16]>());
        let body = format!(
            "{WAIT_TAG}.{}.{}.{}.{nonce}.{}",
            level as u8,
            millis(ready_at),
            millis(expires_at),
            self.binding(page_binding)
        );
        let mac = self.wait_mac(&body);
        WaitPass {
            token: format!("{body}.{mac}"),
            ready_at,
        }
    }

    /// Checks a form's `wait_token` for the page whose binding is
    /// `page_binding` at `now`: ours, unchanged, for this page, its wait
    /// over and not expired. The caller still spends its nonce and counts
    /// it against the address.
    pub fn check_wait(
        &self,
        token: &str,
        page_binding: &str,
        now: OffsetDateTime,
    ) -> Result<Waited, WaitFailure> {
        let token = token.trim();
        if token.len() > 256 {
            return Err(WaitFailure::Malformed);
        }
        let (body, mac) = token.rsplit_once('.').ok_or(WaitFailure::Malformed)?;
        let parts: Vec<&str> = body.split('.').collect();
        let [tag, level, ready_at, expires_at, nonce, bound] = parts[..] else {
            return Err(WaitFailure::Malformed);
        };
        if tag != WAIT_TAG {
            return Err(WaitFailure::Malformed);
        }
        if !bool::from(self.wait_mac(body).as_bytes().ct_eq(mac.as_bytes())) {
            return Err(WaitFailure::BadSignature);
        }
        let time = |t: &str| {
            t.parse::<i64>()
                .ok()
                .and_then(|ms| {
                    OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000).ok()
                })
                .ok_or(WaitFailure::BadSignature)
        };
        let (ready_at, expires_at) = (time(ready_at)?, time(expires_at)?);
        let level = level
            .parse::<u64>()
            .ok()
            .and_then(level_numbered)
            .ok_or(WaitFailure::BadSignature)?;
        if !bool::from(
            bound
                .as_bytes()
                .ct_eq(self.binding(page_binding).as_bytes()),
        ) {
            return Err(WaitFailure::Foreign);
        }
        if now < ready_at {
            return Err(WaitFailure::Early { ready_at, level });
        }
        if now > expires_at {
            return Err(WaitFailure::Expired);
        }
        Ok(Waited {
            nonce: format!("wait:{nonce}"),
            level,
            expires_at,
        })
    }

    pub fn settings(&self) -> &ChallengeSettings {
        &self.settings
    }

    /// What ties a challenge to the page it was issued to: an HMAC of the
    /// page's binding (`Journey::challenge_binding`: the browser's form
    /// token, or the app flow's).
    fn binding(&self, page_binding: &str) -> String {
        hmac_hex(&self.binding_key, page_binding.as_bytes())[..32].to_owned()
    }

    /// The most tries a challenge of `level` takes.
    pub fn max_tries(&self, level: Level) -> u32 {
        match level {
            Level::Base => self.settings.cost,
            Level::Raised => self.settings.cost.saturating_mul(RAISED_FACTOR),
        }
    }

    /// A fresh challenge for the page whose binding is `page_binding`.
    pub fn issue(&self, page_binding: &str, level: Level, now: OffsetDateTime) -> Challenge {
        // Uniform over every counter the level allows: no floor an attacker
        // could skip to (a browser starts at 0, so would everyone).
        let counter = rand::rng().random_range(0..=self.max_tries(level));
        let data = BTreeMap::from([
            ("bind".to_owned(), self.binding(page_binding).into()),
            ("level".to_owned(), (level as u64).into()),
        ]);
        let expires_at = now + Duration::seconds(i64::from(self.settings.ttl_seconds));
        altcha::create_challenge(CreateChallengeOptions {
            algorithm: ALGORITHM.into(),
            cost: ITERATIONS,
            counter: Some(counter),
            data: Some(data),
            expires_at: Some(expires_at.unix_timestamp()),
            hmac_signature_secret: Some(self.signature_secret.clone()),
            hmac_key_signature_secret: Some(self.key_secret.clone()),
            ..Default::default()
        })
        .expect("PBKDF2/SHA-256 with our own parameters")
    }

    /// Checks the form's `altcha` payload for the page whose binding is
    /// `page_binding`: ours, unchanged, unexpired, solved, issued to this page.
    /// The caller still spends its nonce.
    pub fn check(
        &self,
        payload: &str,
        page_binding: &str,
        now: OffsetDateTime,
    ) -> Result<Solved, Failure> {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(payload.trim())
            .map_err(|_| Failure::Malformed)?;
        let payload: Payload = serde_json::from_slice(&bytes).map_err(|_| Failure::Malformed)?;
        let result = altcha::verify_solution(VerifySolutionOptions {
            hmac_key_signature_secret: Some(self.key_secret.clone()),
            ..VerifySolutionOptions::new(
                &payload.challenge,
                &payload.solution,
                self.signature_secret.as_str(),
            )
        })
        .map_err(|_| Failure::BadSignature)?;
        let params = &payload.challenge.parameters;
        if result.invalid_signature == Some(true)
            || params.key_signature.is_none()
            || params.algorithm != ALGORITHM
        {
            return Err(Failure::BadSignature);
        }
        // Our clock decides expiry (the library's reads the system's).
        let expires_at = params
            .expires_at
            .and_then(|t| OffsetDateTime::from_unix_timestamp(t).ok())
            .ok_or(Failure::BadSignature)?;
        if result.expired || expires_at < now {
            return Err(Failure::Expired);
        }
        if !result.verified {
            return Err(Failure::BadSolution);
        }
        let data = params.data.as_ref().ok_or(Failure::BadSignature)?;
        let bound = data.get("bind").and_then(|v| v.as_str()).unwrap_or("");
        if !bool::from(
            bound
                .as_bytes()
                .ct_eq(self.binding(page_binding).as_bytes()),
        ) {
            return Err(Failure::Foreign);
        }
        let level = data
            .get("level")
            .and_then(|v| v.as_u64())
            .and_then(level_numbered)
            .ok_or(Failure::BadSignature)?;
        Ok(Solved {
            nonce: params.nonce.clone(),
            level,
            expires_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use altcha::{SolveChallengeOptions, solve_challenge};

    fn challenger(cost: u32) -> Challenger {
        Challenger::new(
            &[7; 32],
            ChallengeSettings {
                mode: Mode::Always,
                cost,
                ttl_seconds: 300,
                budget_percent: 50,
                client_burst: 3,
                wait_seconds: 20,
                wait_per_hour: 5,
            },
        )
    }

    fn solve(challenge: &Challenge) -> String {
        let solution = solve_challenge(SolveChallengeOptions::new(challenge))
            .unwrap()
            .expect("solved");
        let payload = Payload {
            challenge: challenge.clone(),
            solution,
        };
        base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&payload).unwrap())
    }

    #[test]
    fn a_solution_passes_for_its_page_only_until_it_expires() {
        let c = challenger(20);
        let now = OffsetDateTime::now_utc();
        let challenge = c.issue("page-token", Level::Raised, now);
        assert_eq!(challenge.parameters.cost, ITERATIONS);
        let payload = solve(&challenge);
        let solved = c.check(&payload, "page-token", now).unwrap();
        assert_eq!(solved.level, Level::Raised);
        assert_eq!(solved.nonce, challenge.parameters.nonce);
        assert_eq!(
            c.check(&payload, "another-page", now),
            Err(Failure::Foreign)
        );
        assert_eq!(
            c.check(&payload, "page-token", now + Duration::seconds(301)),
            Err(Failure::Expired)
        );
        assert_eq!(
            c.check("not base64!", "page-token", now),
            Err(Failure::Malformed)
        );
        // Another server's secret: not ours.
        let other = Challenger::new(&[8; 32], *c.settings());
        assert_eq!(
            other.check(&payload, "page-token", now),
            Err(Failure::BadSignature)
        );
    }

    #[test]
    fn a_changed_challenge_or_a_wrong_key_is_refused() {
        let c = challenger(20);
        let now = OffsetDateTime::now_utc();
        let challenge = c.issue("t", Level::Base, now);
        let mut payload: Payload = serde_json::from_slice(
            &base64::engine::general_purpose::STANDARD
                .decode(solve(&challenge))
                .unwrap(),
        )
        .unwrap();
        let encode = |p: &Payload| {
            base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(p).unwrap())
        };
        let mut easier = payload.clone();
        easier
            .challenge
            .parameters
            .data
            .as_mut()
            .unwrap()
            .insert("level".into(), 2.into());
        assert_eq!(
            c.check(&encode(&easier), "t", now),
            Err(Failure::BadSignature)
        );
        payload.solution.derived_key = "00".repeat(32);
        assert_eq!(
            c.check(&encode(&payload), "t", now),
            Err(Failure::BadSolution)
        );
    }

    #[test]
    fn the_secret_counter_lies_within_the_level() {
        let c = challenger(100);
        assert_eq!(c.max_tries(Level::Base), 100);
        assert_eq!(c.max_tries(Level::Raised), 400);
        for _ in 0..5 {
            let challenge = c.issue("t", Level::Base, OffsetDateTime::now_utc());
            let solution = solve_challenge(SolveChallengeOptions::new(&challenge))
                .unwrap()
                .unwrap();
            assert!(solution.counter <= 100, "{}", solution.counter);
        }
    }

    #[test]
    fn a_wait_pass_works_for_its_page_after_its_wait_until_it_expires() {
        let c = challenger(20);
        let now = OffsetDateTime::now_utc().replace_millisecond(7).unwrap();
        let pass = c.issue_wait("page-token", Level::Base, now);
        assert_eq!(pass.ready_at, now + Duration::seconds(20));
        assert_eq!(
            c.check_wait(&pass.token, "page-token", now + Duration::seconds(19)),
            Err(WaitFailure::Early {
                ready_at: pass.ready_at,
                level: Level::Base
            })
        );
        let waited = c
            .check_wait(&pass.token, "page-token", pass.ready_at)
            .unwrap();
        assert_eq!(waited.level, Level::Base);
        assert!(waited.nonce.starts_with("wait:"));
        assert_eq!(waited.expires_at, pass.ready_at + WAIT_USABLE);
        assert_eq!(
            c.check_wait(&pass.token, "another-page", pass.ready_at),
            Err(WaitFailure::Foreign)
        );
        assert_eq!(
            c.check_wait(
                &pass.token,
                "page-token",
                waited.expires_at + Duration::seconds(1)
            ),
            Err(WaitFailure::Expired)
        );
        // A raised pass waits four times as long.
        let raised = c.issue_wait("page-token", Level::Raised, now);
        assert_eq!(raised.ready_at, now + Duration::seconds(80));
        // Another server's secret: not ours.
        let other = Challenger::new(&[8; 32], *c.settings());
        assert_eq!(
            other.check_wait(&pass.token, "page-token", pass.ready_at),
            Err(WaitFailure::BadSignature)
        );
    }

    #[test]
    fn a_changed_or_garbled_wait_pass_is_refused() {
        let c = challenger(20);
        let now = OffsetDateTime::now_utc();
        let pass = c.issue_wait("t", Level::Raised, now);
        let later = now + Duration::hours(1);
        // An earlier time or a lower level breaks the signature.
        let parts: Vec<&str> = pass.token.split('.').collect();
        let mut sooner = parts.clone();
        let ready = millis(now).to_string();
        sooner[2] = &ready;
        assert_eq!(
            c.check_wait(&sooner.join("."), "t", later),
            Err(WaitFailure::BadSignature)
        );
        let mut lower = parts.clone();
        lower[1] = "1";
        assert_eq!(
            c.check_wait(&lower.join("."), "t", later),
            Err(WaitFailure::BadSignature)
        );
        for garbage in ["", "w1", "w2.1.2.3.4.5.6", "a.b", &"x".repeat(300)] {
            assert_eq!(
                c.check_wait(garbage, "t", later),
                Err(WaitFailure::Malformed),
                "{garbage}"
            );
        }
        assert_eq!(
            c.check_wait(&format!("{}0", pass.token), "t", later),
            Err(WaitFailure::BadSignature)
        );
    }
}
