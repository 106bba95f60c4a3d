//! What the rules report about what happened: each event once, to the
//! metrics, the operator page's hourly counters and the log.
use crate::{
    config::PumpingMode,
    domain::{Block, ChallengeWhy, Reason, SendRefusal, StatKind},
    metrics::{CountryLabel, PumpingLabels, SmsLabels},
    sms::SmsError,
};

use super::Verifier;
use crate::domain::clock_hour;

/// Something the operator should see.
#[derive(Debug)]
pub enum Event<'a> {
    /// A send was refused before anything was sent.
    Refused { reason: Reason, country: &'a str },
    /// A send from the pages was asked for a proof-of-work challenge.
    Challenged { why: ChallengeWhy, country: &'a str },
    /// The pumping breaker recorded a block (or, flagging only, a flag).
    Blocked { block: &'a Block, country: &'a str },
    /// A text went out.
    Sent { country: &'a str },
    /// The provider did not send a text.
    SmsFailed {
        error: &'a SmsError,
        country: &'a str,
        /// The number, masked (`+1******2671`).
        masked: &'a str,
    },
    /// A verification was approved (counted on the operator page by the
    /// check's own write).
    Approved { country: &'a str },
    /// A check that did not approve, by reason.
    CheckFailed { reason: &'static str },
}

/// The metrics' reason for a refused send (a challenge asked for is
/// counted as such, see [`Event::Challenged`]).
pub fn reason(refusal: SendRefusal) -> Reason {
    match refusal {
        SendRefusal::Cooldown { .. } => Reason::Cooldown,
        SendRefusal::Quota { .. } => Reason::Quota,
        SendRefusal::Budget { .. } => Reason::Budget,
        SendRefusal::Guesses { .. } => Reason::WrongCodes,
        SendRefusal::Pumping { .. } | SendRefusal::Challenge { .. } => Reason::Pumping,
    }
}

impl Verifier {
    /// Reports `event`. A failure to count on the operator page is logged,
    /// never passed on.
    pub(super) async fn record(&self, event: Event<'_>) {
        match event {
            Event::Refused { reason, country } => {
                if reason == Reason::Budget {
                    tracing::warn!(
                        limit = self.policy.abuse.global_limit_per_hour,
                        "global SMS budget exhausted: sends refused until the next hour"
                    );
                }
                self.metrics.refuse(reason);
                self.stat(country, StatKind::Refused(reason)).await;
            }
            Event::Blocked { block, country } => {
                let settings = &self.policy.abuse.pumping;
                let action = match settings.mode {
                    PumpingMode::Block => "block",
                    // Asks the pages for a raised check; refuses like
                    // `block` when checks are off.
                    PumpingMode::Challenge
                        if self.policy.abuse.challenge.mode != crate::challenge::Mode::Off =>
                    {
                        "challenge"
                    }
                    PumpingMode::Challenge => "block",
                    _ => "monitor",
                };
                tracing::warn!(
                    scope = %block.scope,
                    rule = block.rule.as_str(),
                    sends = block.sends,
                    verified = block.verified,
                    networks = block.networks,
                    window_seconds = settings.window_seconds,
                    block_seconds = settings.block_seconds,
                    action,
                    "pumping guard: too many codes to this {} were never verified",
                    block.rule.watches(),
                );
                self.metrics
                    .pumping_decisions
                    .get_or_create(&PumpingLabels {
                        scope: block.scope.clone(),
                        rule: block.rule.as_str(),
                        action,
                    })
                    .inc();
                self.stat(country, StatKind::Blocked).await;
            }
            Event::Challenged { why, country } => {
                self.metrics.challenge("required", why.as_str());
                self.stat(country, StatKind::Challenged(why)).await;
            }
            Event::Sent { country } => {
                self.metrics
                    .sms
                    .get_or_create(&SmsLabels {
                        country: country.to_owned(),
                        result: "sent",
                    })
                    .inc();
            }
            Event::SmsFailed {
                error,
                country,
                masked,
            } => {
                let result = match error {
                    SmsError::InvalidNumber(_) => "invalid_number",
                    SmsError::OptedOut => "opted_out",
                    SmsError::Throttled => "throttled",
                    SmsError::Unavailable(_) => "unavailable",
                };
                tracing::warn!(provider = self.sms.name(), phone = %masked, error = %error, "sms send failed");
                self.metrics
                    .sms
                    .get_or_create(&SmsLabels {
                        country: country.to_owned(),
                        result,
                    })
                    .inc();
            }
            Event::Approved { country } => {
                tracing::info!("verification approved");
                self.metrics
                    .approved
                    .get_or_create(&CountryLabel {
                        country: country.to_owned(),
                    })
                    .inc();
            }
            Event::CheckFailed { reason } => self.metrics.fail(reason),
        }
    }

    /// Adds one to this hour's counter of the operator page.
    async fn stat(&self, country: &str, kind: StatKind) {
        let hour = clock_hour(self.clock.now());
        if let Err(e) = self.store.bump_stat(hour, country, kind).await {
            tracing::warn!(error = %e, kind = kind.as_str(), "operator statistics not updated");
        }
    }
}
