//! All the rules: start, check, resend, cancel; code lifetime, attempts,
//! cooldown, per-number quota and wrong-code budget, the pumping breaker's
//! thresholds. Sees only the `Store` and `SmsSender` traits and a `Clock`;
//! knows nothing of HTTP. What happened is reported through
//! [`events::Event`]; the text itself is in [`texts`].
use std::sync::Arc;

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    clock::Clock,
    config::{AbuseSettings, OtpSettings, PumpingMode, SendSettings},
    domain::{
        Admitted, Answer, ChallengeLevel, CheckRecord, CodeHasher, NewVerification, OtpCode,
        PhoneError, PhoneNumber, PumpingAction, PumpingLimits, Reason, SendLimits, SendRefusal,
        Status, Verification, clock_hour,
    },
    i18n::I18n,
    metrics::{CountryLabel, Metrics},
    pumping::Target,
    sms::SmsSender,
    storage::{Purged, Retention, Store, StoreError},
};

pub mod events;
mod texts;

use events::Event;

/// Who asks for a verification: a browser through the pages (from a client
/// network) or a server through the API (with a key, its tenant).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requester {
    /// The API key's name; `None` for the pages. A verification is seen
    /// only by the tenant that created it.
    pub tenant: Option<String>,
    /// The client's network (`203.0.113.0/24`, `2001:db8:1::/48`), for the
    /// pumping breaker; `None` for the API.
    pub network: Option<String>,
    /// The browser's address, for the bot check's per-address counts;
    /// `None` for the API.
    pub address: Option<std::net::IpAddr>,
    /// A browser, which can solve a proof-of-work challenge (the API
    /// cannot, and is never asked to).
    pub challengeable: bool,
    /// The level of the challenge it solved for this request, if any.
    pub proof: Option<ChallengeLevel>,
    /// The name the text is sent in (a Twilio Verify service's friendly
    /// name); `None`: `BRAND_NAME`.
    pub brand: Option<String>,
    /// Android's SMS Retriever hash (Twilio's `AppHash`), ending the text.
    pub app_hash: Option<String>,
    /// The app (`[[clients]]` id) on whose behalf: an embedded flow's
    /// client, or a Twilio service's.
    pub client: Option<String>,
    /// Twilio's `Tags` (a JSON object), kept with the verification.
    pub tags: Option<String>,
    /// The pumping breaker is off for this send (Twilio's
    /// `RiskCheck=disable`, for a service an operator allows it).
    pub skip_pumping: bool,
}

/// The knobs of the rules, from the settings.
#[derive(Debug, Clone)]
pub struct Policy {
    pub otp: OtpSettings,
    pub send: SendSettings,
    pub abuse: AbuseSettings,
    /// E.164 → fixed code: nothing sent, nothing counted.
    pub test_numbers: std::collections::HashMap<String, String>,
    pub brand: String,
    /// The host of `PUBLIC_URL`, for the WebOTP line.
    pub webotp_host: String,
}

/// Why an operation did not go through.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("send refused: {0:?}")]
    Refused(SendRefusal),
    #[error("the number's country is not allowed")]
    CountryNotAllowed,
    #[error("verification is {}", .0.as_str())]
    NotPending(Status),
    #[error("no such verification")]
    NotFound,
    #[error("the SMS could not be sent: {0}")]
    SmsFailed(#[source] crate::sms::SmsError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The answer to a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckOutcome {
    /// Right code: the verification is approved (exactly once).
    Approved(Verification),
    /// Wrong code: one attempt spent. When none are left the verification's
    /// status is `max_attempts_reached`.
    Incorrect(Verification),
    /// The verification can no longer be checked (expired, approved,
    /// canceled, attempts used up); nothing was spent.
    NotPending(Status),
    /// Not a code of the right length (letters, too few or too many
    /// digits): nothing was spent.
    Malformed(Verification),
}

pub struct Verifier {
    store: Arc<dyn Store>,
    sms: Arc<dyn SmsSender>,
    clock: Arc<dyn Clock>,
    hasher: CodeHasher,
    i18n: Arc<I18n>,
    policy: Policy,
    metrics: Arc<Metrics>,
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl Verifier {
    pub fn new(
        store: Arc<dyn Store>,
        sms: Arc<dyn SmsSender>,
        clock: Arc<dyn Clock>,
        hasher: CodeHasher,
        i18n: Arc<I18n>,
        policy: Policy,
        metrics: Arc<Metrics>,
    ) -> Self {
        Self {
            store,
            sms,
            clock,
            hasher,
            i18n,
            policy,
            metrics,
        }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    /// When a new code may be sent for `v` (the resend cooldown).
    pub fn resend_at(&self, v: &Verification) -> OffsetDateTime {
        v.last_sent_at + Duration::seconds(i64::from(self.policy.send.resend_cooldown_seconds))
    }

    /// When the number of `v` can be started again: when its wrong-code
    /// budget and its quota let a start through (the first limits a start
    /// meets). `None`: now, or a test number, which nothing limits.
    pub async fn number_free_at(
        &self,
        v: &Verification,
    ) -> Result<Option<OffsetDateTime>, VerifyError> {
        if self.policy.test_numbers.contains_key(&v.phone) {
            return Ok(None);
        }
        let now = self.clock.now();
        let send = &self.policy.send;
        let at = self
            .store
            .number_free_at(
                &self.hasher.number_key(&v.phone),
                self.send_window(),
                send.wrong_code_limit,
                send.limit_per_phone,
                now,
            )
            .await?;
        Ok(at.filter(|at| *at > now))
    }

    fn limits(&self, now: OffsetDateTime, target: &Target, requester: &Requester) -> SendLimits {
        let send = &self.policy.send;
        let cooldown = Duration::seconds(i64::from(send.resend_cooldown_seconds));
        let window = self.send_window();
        let pumping = &self.policy.abuse.pumping;
        let pumping_window = Duration::seconds(i64::from(pumping.window_seconds));
        SendLimits {
            cooldown,
            limit: send.limit_per_phone,
            window,
            record_until: now + window.max(cooldown).max(pumping_window).max(Duration::HOUR),
            global_limit: self.policy.abuse.global_limit_per_hour,
            hour: clock_hour(now),
            prefix: target.prefix.clone(),
            country: target.country.clone(),
            guess_budget: send.wrong_code_limit,
            network: requester.network.clone(),
            pumping: (pumping.mode != PumpingMode::Off && !requester.skip_pumping).then(|| {
                PumpingLimits {
                    action: self.pumping_action(requester),
                    since: now - pumping_window,
                    prefix_min_sends: pumping.min_sends,
                    country_min_sends: pumping.country_min_sends,
                    max_unverified_percent: pumping.max_unverified_percent,
                    prefix_min_networks: pumping.min_networks,
                    country_min_networks: pumping.country_min_networks,
                    block_until: now + Duration::seconds(i64::from(pumping.block_seconds)),
                }
            }),
            proof: requester.proof,
            challenge_budget_percent: match self.policy.abuse.challenge.mode {
                crate::challenge::Mode::Adaptive if requester.challengeable => {
                    self.policy.abuse.challenge.budget_percent
                }
                _ => 0,
            },
        }
    }

    /// What a flagged prefix or country does to this requester's send: a
    /// browser is asked for a challenge (when challenges are on); the API,
    /// which cannot solve one, is refused.
    fn pumping_action(&self, requester: &Requester) -> PumpingAction {
        let challenges = self.policy.abuse.challenge.mode != crate::challenge::Mode::Off;
        match self.policy.abuse.pumping.mode {
            PumpingMode::Off | PumpingMode::Monitor => PumpingAction::Flag,
            PumpingMode::Challenge if requester.challengeable && challenges => {
                PumpingAction::Challenge
            }
            PumpingMode::Challenge | PumpingMode::Block => PumpingAction::Refuse,
        }
    }

    /// What a check at `now` records beside the verification.
    fn check_record(&self, now: OffsetDateTime) -> CheckRecord {
        CheckRecord {
            guess_until: now + self.send_window(),
            guess_budget: self.policy.send.wrong_code_limit,
            guess_since: now - self.send_window(),
            hour: clock_hour(now),
        }
    }

    /// The window of the per-number limits: sends and wrong codes.
    fn send_window(&self) -> Duration {
        Duration::seconds(i64::from(self.policy.send.limit_window_seconds))
    }

    /// The check before anything is stored or sent: the country allowlist.
    /// (The pumping breaker decides in the store, with the send's record.)
    async fn guard(&self, phone: &PhoneNumber) -> Result<Target, VerifyError> {
        let abuse = &self.policy.abuse;
        if !abuse.allowed_countries.is_empty()
            && !phone
                .region()
                .is_some_and(|r| abuse.allowed_countries.contains(&r))
        {
            let country = phone.region().unwrap_or("");
            self.record(Event::Refused {
                reason: Reason::Country,
                country,
            })
            .await;
            return Err(VerifyError::CountryNotAllowed);
        }
        Ok(Target::of(phone, abuse.pumping.prefix_digits))
    }

    /// What the store's admission decided: the verification, or the refusal
    /// reported and passed on; a block it recorded is announced either way.
    async fn admitted(
        &self,
        admitted: Admitted<Verification>,
        country: &str,
    ) -> Result<Verification, VerifyError> {
        if let Some(block) = &admitted.new_block {
            self.record(Event::Blocked { block, country }).await;
        }
        match admitted.result {
            Ok(v) => Ok(v),
            Err(refusal) => {
                let event = match refusal {
                    SendRefusal::Challenge { why, .. } => Event::Challenged { why, country },
                    _ => Event::Refused {
                        reason: events::reason(refusal),
                        country,
                    },
                };
                self.record(event).await;
                Err(VerifyError::Refused(refusal))
            }
        }
    }

    /// Reports that a send from the pages to `phone` was asked for a
    /// proof-of-work challenge before reaching the store (the store's own
    /// asks are reported with its answer).
    pub async fn challenged(&self, why: crate::domain::ChallengeWhy, phone: &PhoneNumber) {
        let country = Target::of(phone, 0).country;
        self.record(Event::Challenged {
            why,
            country: &country,
        })
        .await;
    }

    fn ttl(&self) -> Duration {
        Duration::seconds(i64::from(self.policy.otp.ttl_seconds))
    }

    /// Reads a number as typed: a configured test number as it is, anything
    /// else through the full validation.
    pub fn parse_phone(
        &self,
        input: &str,
        region: Option<&str>,
    ) -> Result<PhoneNumber, PhoneError> {
        if !self.policy.test_numbers.is_empty()
            && let Some(test) = PhoneNumber::parse_test_number(input, region, |n| {
                self.policy.test_numbers.contains_key(n)
            })
        {
            return Ok(test);
        }
        PhoneNumber::parse(input, region)
    }

    /// The fixed code of a test number.
    fn test_code(&self, phone: &PhoneNumber) -> Option<OtpCode> {
        self.policy
            .test_numbers
            .get(phone.e164())
            .and_then(|c| OtpCode::fixed(c))
    }

    /// Texts a new code to `phone`, replacing any pending verification of
    /// the number (its code stops working; its attempts left carry over).
    /// A test number gets its fixed code, and nothing is sent or counted.
    #[tracing::instrument(skip_all, fields(phone = %phone.masked()))]
    pub async fn start(
        &self,
        phone: &PhoneNumber,
        locale: &str,
        requester: &Requester,
    ) -> Result<Verification, VerifyError> {
        let test_code = self.test_code(phone);
        let target = match test_code {
            Some(_) => Target::of(phone, 0),
            None => self.guard(phone).await?,
        };
        let id = Uuid::new_v4();
        let code = test_code
            .clone()
            .unwrap_or_else(|| OtpCode::generate(self.policy.otp.length));
        let now = self.clock.now();
        let new = NewVerification {
            id,
            phone: phone.e164().to_owned(),
            phone_key: self.hasher.number_key(phone.e164()),
            code_hash: self.hasher.hash(id, &code),
            locale: locale.to_owned(),
            max_attempts: self.policy.otp.max_attempts,
            expires_at: now + self.ttl(),
            tenant: requester.tenant.clone(),
            client: requester.client.clone(),
            country: target.country.clone(),
            tags: requester.tags.clone(),
        };
        let limits = self.limits(now, &target, requester);
        let limits = test_code.is_none().then_some(&limits);
        let created = self.store.create(&new, limits, now).await?;
        let verification = self.admitted(created, &target.country).await?;
        if test_code.is_some() {
            tracing::info!(verification = %id, "verification started for a test number: nothing sent");
            return Ok(verification);
        }
        self.deliver(&verification, phone, &code, requester).await?;
        self.metrics
            .started
            .get_or_create(&CountryLabel {
                country: target.country,
            })
            .inc();
        tracing::info!(verification = %id, "verification started");
        Ok(verification)
    }

    /// Texts a new code for a pending verification; the old code stops
    /// working and the attempts left stay as they are.
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn resend(
        &self,
        id: Uuid,
        requester: &Requester,
    ) -> Result<Verification, VerifyError> {
        let current = self.get(id, requester.tenant.as_deref()).await?;
        let now = self.clock.now();
        if current.status != Status::Pending {
            return Err(VerifyError::NotPending(current.status_at(now)));
        }
        // The text needs the number itself, checked again.
        let phone = PhoneNumber::from_stored(&current.phone)
            .ok_or_else(|| StoreError::Corrupt("stored number no longer parses".into()))?;
        let test_code = self.test_code(&phone);
        let target = match test_code {
            Some(_) => Target::of(&phone, 0),
            None => self.guard(&phone).await?,
        };
        let code = test_code
            .clone()
            .unwrap_or_else(|| OtpCode::generate(self.policy.otp.length));
        let hash = self.hasher.hash(id, &code);
        let limits = self.limits(now, &target, requester);
        let limits = test_code.is_none().then_some(&limits);
        let replaced = self
            .store
            .replace_code(id, &hash, now + self.ttl(), limits, now)
            .await?;
        let verification = match replaced {
            Some(admitted) => self.admitted(admitted, &target.country).await?,
            None => return Err(self.not_pending(id, now).await),
        };
        if test_code.is_none() {
            self.deliver(&verification, &phone, &code, requester)
                .await?;
        }
        tracing::info!("code resent");
        Ok(verification)
    }

    /// Checks a code as typed. Each wrong answer spends exactly one attempt
    /// and a right one approves exactly once, however many run at the same time.
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn check(
        &self,
        id: Uuid,
        typed: &str,
        tenant: Option<&str>,
    ) -> Result<CheckOutcome, VerifyError> {
        let candidate = OtpCode::parse(typed, self.policy.otp.length);
        self.check_candidate(id, candidate, tenant).await
    }

    /// Checks what a person put in a page's code field: the code, or the
    /// whole text message pasted there ([`OtpCode::find`]: at most one
    /// candidate, so at most one attempt, whatever was pasted).
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn check_typed(&self, id: Uuid, typed: &str) -> Result<CheckOutcome, VerifyError> {
        let candidate = OtpCode::find(typed, self.policy.otp.length);
        self.check_candidate(id, candidate, None).await
    }

    async fn check_candidate(
        &self,
        id: Uuid,
        candidate: Option<OtpCode>,
        tenant: Option<&str>,
    ) -> Result<CheckOutcome, VerifyError> {
        let outcome = self.apply_check(id, candidate, tenant).await?;
        let reason = match &outcome {
            CheckOutcome::Approved(v) => {
                self.record(Event::Approved {
                    country: &v.country,
                })
                .await;
                None
            }
            CheckOutcome::Incorrect(v) if v.status == Status::MaxAttemptsReached => {
                Some("max_attempts_reached")
            }
            CheckOutcome::Incorrect(_) => Some("incorrect_code"),
            CheckOutcome::Malformed(_) => Some("malformed_code"),
            CheckOutcome::NotPending(status) => Some(status.as_str()),
        };
        if let Some(reason) = reason {
            self.record(Event::CheckFailed { reason }).await;
        }
        Ok(outcome)
    }

    /// Compares the typed code with the current code's hash (and the
    /// previous code's, until its own expiry: a late text still works) and
    /// records the answer with one conditional write. What is not a code of
    /// the right length is refused before any of that, spending nothing.
    async fn apply_check(
        &self,
        id: Uuid,
        candidate: Option<OtpCode>,
        tenant: Option<&str>,
    ) -> Result<CheckOutcome, VerifyError> {
        // A resend between the read and the write changes the hash and makes
        // the write miss; read again and judge against the new code.
        for _ in 0..3 {
            let now = self.clock.now();
            let current = self.get(id, tenant).await?;
            let status = current.status_at(now);
            if status != Status::Pending {
                return Ok(CheckOutcome::NotPending(status));
            }
            let Some(candidate) = &candidate else {
                return Ok(CheckOutcome::Malformed(current));
            };
            let answer = match self
                .hasher
                .matching(id, candidate, &current.live_hashes(now))
            {
                Some(0) => Answer::Current,
                Some(_) => Answer::Previous,
                None => Answer::Wrong,
            };
            // A right answer is counted on the operator page by the same write.
            let record = self.check_record(now);
            if let Some(after) = self
                .store
                .record_check(id, &current.code_hash, answer, now, &record)
                .await?
            {
                let outcome = if after.status == Status::Approved {
                    CheckOutcome::Approved(after)
                } else {
                    tracing::info!(attempts_left = after.attempts_left, "wrong code");
                    CheckOutcome::Incorrect(after)
                };
                return Ok(outcome);
            }
        }
        let now = self.clock.now();
        match self.store.get(id).await? {
            Some(v) => Ok(CheckOutcome::NotPending(v.status_at(now))),
            None => Err(VerifyError::NotFound),
        }
    }

    /// Approves a pending verification of `tenant` without a code (Twilio
    /// lets its API do that, after a check of the app's own), by the same
    /// one conditional write as a right code.
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn approve(
        &self,
        id: Uuid,
        tenant: Option<&str>,
    ) -> Result<Verification, VerifyError> {
        let current = self.get(id, tenant).await?;
        let now = self.clock.now();
        if current.status_at(now) != Status::Pending {
            return Err(VerifyError::NotPending(current.status_at(now)));
        }
        let record = self.check_record(now);
        match self
            .store
            .record_check(id, &current.code_hash, Answer::Current, now, &record)
            .await?
        {
            Some(v) if v.status == Status::Approved => {
                self.record(Event::Approved {
                    country: &v.country,
                })
                .await;
                Ok(v)
            }
            _ => Err(self.not_pending(id, now).await),
        }
    }

    /// The pending verification of `phone` that `tenant` started, if any.
    pub async fn pending_for(
        &self,
        phone: &PhoneNumber,
        tenant: Option<&str>,
    ) -> Result<Option<Verification>, VerifyError> {
        Ok(self.store.find_pending(phone.e164(), tenant).await?)
    }

    /// The newest verification of `phone` that `tenant` started whose
    /// attempts are used up, while its code would still have lasted.
    pub async fn used_up_for(
        &self,
        phone: &PhoneNumber,
        tenant: Option<&str>,
    ) -> Result<Option<Verification>, VerifyError> {
        Ok(self
            .store
            .find_used_up(phone.e164(), tenant, self.clock.now())
            .await?)
    }

    /// When each of a verification's texts was sent, oldest first.
    pub async fn sends_of(&self, id: Uuid) -> Result<Vec<OffsetDateTime>, VerifyError> {
        Ok(self.store.send_times(id).await?)
    }

    /// Cancels a pending verification of `tenant`.
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn cancel(
        &self,
        id: Uuid,
        tenant: Option<&str>,
    ) -> Result<Verification, VerifyError> {
        self.get(id, tenant).await?;
        let now = self.clock.now();
        match self.store.cancel(id, now).await? {
            Some(v) => Ok(v),
            None => Err(self.not_pending(id, now).await),
        }
    }

    /// A verification as `tenant` may see it: another tenant's is not found.
    pub async fn get(&self, id: Uuid, tenant: Option<&str>) -> Result<Verification, VerifyError> {
        match self.store.get(id).await? {
            Some(v) if v.tenant.as_deref() == tenant => Ok(v),
            _ => Err(VerifyError::NotFound),
        }
    }

    async fn not_pending(&self, id: Uuid, now: OffsetDateTime) -> VerifyError {
        match self.store.get(id).await {
            Ok(Some(v)) => VerifyError::NotPending(v.status_at(now)),
            Ok(None) => VerifyError::NotFound,
            Err(e) => VerifyError::Store(e),
        }
    }

    /// Deletes what is past its keeping time ([`Retention`]).
    pub async fn purge_expired(&self) -> Result<Purged, StoreError> {
        self.store.purge(&Retention::at(self.clock.now())).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{clock::SystemClock, sms::Outbox, storage::sqlite::SqliteStore};

    /// A verifier that texts codes of `length` digits from `brand`, with
    /// the WebOTP line for `host`.
    async fn verifier(length: u8, brand: &str, host: &str) -> Verifier {
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        Verifier::new(
            Arc::new(store),
            Arc::new(Outbox::new(clock.clone())),
            clock,
            CodeHasher::new(&[0; 32]),
            Arc::new(I18n::new("en").unwrap()),
            Policy {
                otp: OtpSettings {
                    length,
                    ttl_seconds: 600,
                    max_attempts: 5,
                },
                send: SendSettings {
                    resend_cooldown_seconds: 30,
                    limit_per_phone: 5,
                    limit_window_seconds: 3600,
                    wrong_code_limit: 5,
                },
                abuse: AbuseSettings {
                    global_limit_per_hour: 1000,
                    allowed_countries: Vec::new(),
                    ip_per_minute: 20,
                    ip_burst: 10,
                    api_per_minute: 600,
                    api_burst: 100,
                    trust_proxy_headers: false,
                    proxy_header: crate::config::ProxyHeader::XForwardedFor,
                    trusted_proxy_hops: 1,
                    ipv6_prefix: 64,
                    pumping: crate::config::PumpingSettings {
                        mode: PumpingMode::Block,
                        window_seconds: 3600,
                        prefix_digits: 4,
                        min_sends: 10,
                        max_unverified_percent: 80,
                        country_min_sends: 50,
                        min_networks: 5,
                        country_min_networks: 10,
                        block_seconds: 3600,
                    },
                    challenge: crate::challenge::ChallengeSettings {
                        mode: crate::challenge::Mode::Adaptive,
                        cost: 5000,
                        ttl_seconds: 300,
                        budget_percent: 50,
                        client_burst: 3,
                        wait_seconds: 20,
                        wait_per_hour: 5,
                    },
                },
                test_numbers: Default::default(),
                brand: brand.into(),
                webotp_host: host.into(),
            },
            Arc::new(Metrics::default()),
        )
    }

    /// The README's promise: with a six-digit code, a brand of up to 12
    /// characters and a host of up to 25, every shipped language's text is
    /// one segment (one charge).
    #[tokio::test]
    async fn every_shipped_sms_is_one_segment_with_a_12_character_brand_and_a_25_character_host() {
        let (brand, host) = ("Acme Company", "verify.acme-example.co.uk");
        assert_eq!((brand.chars().count(), host.len()), (12, 25));
        let verifier = verifier(6, brand, host).await;
        for (lang, encoding, units, segments) in verifier.sms_report() {
            println!("| {lang} | {} | {units} | {segments} |", encoding.as_str());
            assert_eq!(
                segments,
                1,
                "{lang}: {units} units of {}",
                encoding.as_str()
            );
        }
    }

    #[tokio::test]
    async fn every_shipped_sms_fits_two_segments_at_the_longest_settings() {
        let verifier = verifier(10, "phone-verify", "verify.example.com").await;
        for (lang, encoding, units, segments) in verifier.sms_report() {
            assert!(
                segments <= 2,
                "{lang}: {segments} segments, {} units of {}",
                units,
                encoding.as_str()
            );
        }
    }
}
