//! All the rules: start, check, resend, cancel; code lifetime, attempts,
//! cooldown and per-number quota. Sees only the `Store` and `SmsSender`
//! traits and a `Clock`; knows nothing of HTTP.
use std::sync::Arc;

use time::{Duration, OffsetDateTime};
use uuid::Uuid;

use crate::{
    clock::Clock,
    config::{OtpSettings, SendSettings},
    domain::{CodeHasher, OtpCode, PhoneNumber},
    i18n::{Arg, I18n, Tr},
    sms::{SmsMessage, SmsSender},
    storage::{
        NewVerification, Purged, SendLimits, SendRefusal, Status, Store, StoreError, Verification,
    },
};

/// How long a verification row is kept after its code expired, so a late
/// check still gets a clear "expired" rather than "not found".
pub const EXPIRED_ROW_GRACE: Duration = Duration::minutes(10);

/// The knobs of the rules, from the settings.
#[derive(Debug, Clone)]
pub struct Policy {
    pub otp: OtpSettings,
    pub send: SendSettings,
    pub brand: String,
    /// The host of `PUBLIC_URL`, for the WebOTP line.
    pub webotp_host: String,
}

/// Why an operation did not go through.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    #[error("send refused: {0:?}")]
    Refused(SendRefusal),
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
}

pub struct Verifier {
    store: Arc<dyn Store>,
    sms: Arc<dyn SmsSender>,
    clock: Arc<dyn Clock>,
    hasher: CodeHasher,
    i18n: Arc<I18n>,
    policy: Policy,
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
    ) -> Self {
        Self {
            store,
            sms,
            clock,
            hasher,
            i18n,
            policy,
        }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    pub fn now(&self) -> OffsetDateTime {
        self.clock.now()
    }

    fn limits(&self, now: OffsetDateTime) -> SendLimits {
        let send = &self.policy.send;
        let cooldown = Duration::seconds(i64::from(send.resend_cooldown_seconds));
        let window = Duration::seconds(i64::from(send.limit_window_seconds));
        SendLimits {
            cooldown,
            limit: send.limit_per_phone,
            window,
            record_until: now + window.max(cooldown).max(Duration::HOUR),
        }
    }

    fn ttl(&self) -> Duration {
        Duration::seconds(i64::from(self.policy.otp.ttl_seconds))
    }

    /// The SMS: the localized sentence, then the WebOTP line `@host #code`.
    pub fn sms_body(&self, locale: &str, code: &OtpCode) -> String {
        let lang = crate::i18n::shipped_locale(locale).unwrap_or(self.i18n.default_locale());
        let tr = Tr::new(self.i18n.clone(), lang, self.policy.brand.as_str().into());
        let minutes = i64::from(self.policy.otp.ttl_seconds.div_ceil(60));
        let text = tr.args(
            "sms-body",
            &[
                ("brand", Arg::from(&*tr.brand)),
                ("code", Arg::from(code.expose())),
                ("minutes", Arg::from(minutes)),
            ],
        );
        format!("{text}\n@{} #{}", self.policy.webotp_host, code.expose())
    }

    /// Each shipped locale's SMS with a sample code: its encoding, length
    /// (septets or UTF-16 units) and segments.
    pub fn sms_report(&self) -> Vec<(&'static str, crate::sms::segments::Encoding, usize, usize)> {
        let sample = OtpCode::generate(self.policy.otp.length);
        crate::i18n::LOCALES
            .iter()
            .map(|lang| {
                let (encoding, units, segments) =
                    crate::sms::segments::measure(&self.sms_body(lang, &sample));
                (*lang, encoding, units, segments)
            })
            .collect()
    }

    /// Texts a new code to `phone`, replacing any pending verification of
    /// the number (its code stops working; its attempts left carry over).
    #[tracing::instrument(skip_all, fields(phone = %phone.masked()))]
    pub async fn start(
        &self,
        phone: &PhoneNumber,
        locale: &str,
    ) -> Result<Verification, VerifyError> {
        let id = Uuid::new_v4();
        let code = OtpCode::generate(self.policy.otp.length);
        let now = self.clock.now();
        let new = NewVerification {
            id,
            phone: phone.e164().to_owned(),
            code_hash: self.hasher.hash(id, &code),
            locale: locale.to_owned(),
            max_attempts: self.policy.otp.max_attempts,
            expires_at: now + self.ttl(),
        };
        let verification = self
            .store
            .create(&new, &self.limits(now), now)
            .await?
            .map_err(VerifyError::Refused)?;
        self.deliver(&verification, phone, &code).await?;
        tracing::info!(verification = %id, "verification started");
        Ok(verification)
    }

    /// Texts a new code for a pending verification; the old code stops
    /// working and the attempts left stay as they are.
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn resend(&self, id: Uuid) -> Result<Verification, VerifyError> {
        let code = OtpCode::generate(self.policy.otp.length);
        let now = self.clock.now();
        let hash = self.hasher.hash(id, &code);
        let replaced = self
            .store
            .replace_code(id, &hash, now + self.ttl(), &self.limits(now), now)
            .await?;
        let verification = match replaced {
            Some(gate) => gate.map_err(VerifyError::Refused)?,
            None => return Err(self.not_pending(id, now).await),
        };
        let phone = PhoneNumber::from_stored(&verification.phone)
            .ok_or_else(|| StoreError::Corrupt("stored number no longer parses".into()))?;
        self.deliver(&verification, &phone, &code).await?;
        tracing::info!("code resent");
        Ok(verification)
    }

    async fn deliver(
        &self,
        verification: &Verification,
        phone: &PhoneNumber,
        code: &OtpCode,
    ) -> Result<(), VerifyError> {
        let message = SmsMessage {
            to: phone.clone(),
            body: self.sms_body(&verification.locale, code),
        };
        if let Err(e) = self.sms.send(&message).await {
            tracing::warn!(provider = self.sms.name(), phone = %phone.masked(), error = %e, "sms send failed");
            self.store
                .send_failed(verification.id, self.clock.now())
                .await?;
            return Err(VerifyError::SmsFailed(e));
        }
        Ok(())
    }

    /// Checks a code as typed. Each wrong answer spends exactly one attempt
    /// and a right one approves exactly once, however many run at the same time.
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn check(&self, id: Uuid, typed: &str) -> Result<CheckOutcome, VerifyError> {
        let candidate = OtpCode::parse(typed, self.policy.otp.length);
        // A resend between the read and the write changes the hash and makes
        // the write miss; read again and judge against the new code.
        for _ in 0..3 {
            let now = self.clock.now();
            let Some(current) = self.store.get(id).await? else {
                return Err(VerifyError::NotFound);
            };
            let status = current.status_at(now);
            if status != Status::Pending {
                return Ok(CheckOutcome::NotPending(status));
            }
            let correct = self
                .hasher
                .verify(id, candidate.as_ref(), &current.code_hash);
            if let Some(after) = self
                .store
                .record_check(id, &current.code_hash, correct, now)
                .await?
            {
                let outcome = if after.status == Status::Approved {
                    tracing::info!("verification approved");
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

    /// Cancels a pending verification.
    #[tracing::instrument(skip_all, fields(verification = %id))]
    pub async fn cancel(&self, id: Uuid) -> Result<Verification, VerifyError> {
        let now = self.clock.now();
        match self.store.cancel(id, now).await? {
            Some(v) => Ok(v),
            None => Err(self.not_pending(id, now).await),
        }
    }

    pub async fn get(&self, id: Uuid) -> Result<Verification, VerifyError> {
        self.store.get(id).await?.ok_or(VerifyError::NotFound)
    }

    async fn not_pending(&self, id: Uuid, now: OffsetDateTime) -> VerifyError {
        match self.store.get(id).await {
            Ok(Some(v)) => VerifyError::NotPending(v.status_at(now)),
            Ok(None) => VerifyError::NotFound,
            Err(e) => VerifyError::Store(e),
        }
    }

    /// Deletes verifications expired for longer than the grace period and
    /// send records past their keeping time.
    pub async fn purge_expired(&self) -> Result<Purged, StoreError> {
        let now = self.clock.now();
        self.store.purge(now - EXPIRED_ROW_GRACE, now).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{clock::SystemClock, sms::Outbox, storage::sqlite::SqliteStore};

    #[tokio::test]
    async fn every_shipped_sms_fits_one_segment() {
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        let clock: Arc<dyn Clock> = Arc::new(SystemClock);
        let verifier = Verifier::new(
            Arc::new(store),
            Arc::new(Outbox::new(clock.clone())),
            clock,
            CodeHasher::new(&[0; 32]),
            Arc::new(I18n::new("en").unwrap()),
            Policy {
                otp: OtpSettings {
                    length: 10,
                    ttl_seconds: 600,
                    max_attempts: 5,
                },
                send: SendSettings {
                    resend_cooldown_seconds: 30,
                    limit_per_phone: 5,
                    limit_window_seconds: 3600,
                },
                brand: "phone-verify".into(),
                webotp_host: "verify.example.com".into(),
            },
        );
        for (lang, encoding, units, segments) in verifier.sms_report() {
            assert_eq!(
                segments,
                1,
                "{lang}: {} units of {}",
                units,
                encoding.as_str()
            );
        }
    }
}
