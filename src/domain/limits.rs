//! The limits a send must pass, what they decide, and what the pumping
//! breaker looks at: checked by the store in the transaction that records
//! the send.
use time::{Duration, OffsetDateTime};

/// The limits a send must pass, checked and recorded atomically, and what
/// the send record keeps about its destination.
#[derive(Debug, Clone)]
pub struct SendLimits {
    pub cooldown: Duration,
    pub limit: u32,
    pub window: Duration,
    /// When the record of this send may be deleted.
    pub record_until: OffsetDateTime,
    /// Sends allowed per clock hour across all numbers and instances.
    pub global_limit: u32,
    /// The start of the current clock hour (the budget's bucket).
    pub hour: OffsetDateTime,
    /// The number's prefix and country, for the pumping statistics.
    pub prefix: String,
    pub country: String,
    /// Wrong codes allowed for the number in `window`, over all its
    /// verifications; a start is refused once they are spent.
    pub guess_budget: u32,
    /// The client network that asked for the send (`203.0.113.0/24`);
    /// `None` for an API caller, whose sends each count as their own source.
    pub network: Option<String>,
    /// The pumping breaker's thresholds; `None` when it is off.
    pub pumping: Option<PumpingLimits>,
    /// The solved challenge the send came with, if any.
    pub proof: Option<ChallengeLevel>,
    /// Past this share (percent) of the hour's global budget, a send needs
    /// a solved challenge; 0: never (the adaptive challenge is off, or the
    /// sender is the API).
    pub challenge_budget_percent: u32,
}

/// How much work a proof-of-work challenge asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChallengeLevel {
    /// About a second in a browser.
    Base = 1,
    /// Several times that: a flagged prefix or country, or a client
    /// network whose solutions keep failing.
    Raised = 2,
}

impl ChallengeLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            ChallengeLevel::Base => "base",
            ChallengeLevel::Raised => "raised",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "base" => Some(ChallengeLevel::Base),
            "raised" => Some(ChallengeLevel::Raised),
            _ => None,
        }
    }
}

/// Why a send was asked for a challenge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChallengeWhy {
    /// `BOT_CHALLENGE=always`.
    Always,
    /// The hour's SMS budget is past `BOT_CHALLENGE_BUDGET_PERCENT`.
    Budget,
    /// The pumping breaker flagged the number's prefix or country.
    Pumping,
    /// The client network asked for more texts than its burst.
    Client,
    /// The client network's solutions kept failing.
    Failures,
}

impl ChallengeWhy {
    pub const ALL: [ChallengeWhy; 5] = [
        ChallengeWhy::Always,
        ChallengeWhy::Budget,
        ChallengeWhy::Pumping,
        ChallengeWhy::Client,
        ChallengeWhy::Failures,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChallengeWhy::Always => "always",
            ChallengeWhy::Budget => "budget",
            ChallengeWhy::Pumping => "pumping",
            ChallengeWhy::Client => "client",
            ChallengeWhy::Failures => "failures",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|w| w.as_str() == word)
    }
}

/// What the pumping breaker does about a flagged prefix or country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PumpingAction {
    /// Record the flag only.
    Flag,
    /// Ask its sends for a raised challenge.
    Challenge,
    /// Refuse its sends.
    Refuse,
}

/// What the pumping breaker checks, in the transaction that records a send.
#[derive(Debug, Clone)]
pub struct PumpingLimits {
    pub action: PumpingAction,
    /// The start of the breaker's window.
    pub since: OffsetDateTime,
    pub prefix_min_sends: u32,
    pub country_min_sends: u32,
    pub max_unverified_percent: u32,
    /// Distinct client networks among the unverified sends before a rule fires.
    pub prefix_min_networks: u32,
    pub country_min_networks: u32,
    /// When a block recorded now ends.
    pub block_until: OffsetDateTime,
}

/// Sends and approved sends to one prefix or country in a window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SendStats {
    pub sends: i64,
    pub verified: i64,
}

/// The pumping breaker's rules: one per scope it watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PumpingRule {
    /// Texts to one prefix (`+447700`), mostly never verified.
    Prefix,
    /// Texts to one country, mostly never verified.
    Country,
}

impl PumpingRule {
    pub fn as_str(self) -> &'static str {
        match self {
            PumpingRule::Prefix => "prefix_unverified",
            PumpingRule::Country => "country_unverified",
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        [PumpingRule::Prefix, PumpingRule::Country]
            .into_iter()
            .find(|rule| rule.as_str() == word)
    }

    /// What it watches, in words: `prefix` or `country`.
    pub fn watches(self) -> &'static str {
        match self {
            PumpingRule::Prefix => "prefix",
            PumpingRule::Country => "country",
        }
    }

    /// The scope a block of this rule keeps: `prefix:+447700`, `country:GB`.
    pub fn scope(self, value: &str) -> String {
        format!("{}:{value}", self.watches())
    }
}

/// A prefix or country whose sends the pumping breaker stopped (or flagged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// `prefix:+447700` or `country:GB`.
    pub scope: String,
    pub rule: PumpingRule,
    pub sends: i64,
    pub verified: i64,
    /// Distinct client networks among the unverified sends (counted up to
    /// the rule's threshold).
    pub networks: i64,
    pub expires_at: OffsetDateTime,
}

/// What a send's admission decided, and a pumping block (or flag) it
/// recorded, to be announced once.
#[derive(Debug, Clone)]
pub struct Admitted<T> {
    pub result: SendGate<T>,
    pub new_block: Option<Block>,
}

/// Why a send to one number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendRefusal {
    /// The last delivered send was too recent.
    Cooldown { retry_after: Duration },
    /// Too many sends in the window.
    Quota { retry_after: Duration },
    /// The global hourly budget is spent.
    Budget { retry_after: Duration },
    /// The number's wrong codes in the window are spent.
    Guesses { retry_after: Duration },
    /// The pumping breaker blocks the number's prefix or country.
    Pumping { retry_after: Duration },
    /// The send needs a solved challenge of `level` first.
    Challenge {
        level: ChallengeLevel,
        why: ChallengeWhy,
    },
}

impl SendRefusal {
    pub fn retry_after(self) -> Duration {
        match self {
            SendRefusal::Cooldown { retry_after }
            | SendRefusal::Quota { retry_after }
            | SendRefusal::Budget { retry_after }
            | SendRefusal::Guesses { retry_after }
            | SendRefusal::Pumping { retry_after } => retry_after,
            SendRefusal::Challenge { .. } => Duration::ZERO,
        }
    }

    /// The refusal a backend names, with when to try again (at least a second).
    pub fn named(name: &str, retry_at: OffsetDateTime, now: OffsetDateTime) -> Option<Self> {
        let retry_after = (retry_at - now).max(Duration::SECOND);
        Some(match name {
            "cooldown" => SendRefusal::Cooldown { retry_after },
            "quota" => SendRefusal::Quota { retry_after },
            "budget" => SendRefusal::Budget { retry_after },
            "guesses" => SendRefusal::Guesses { retry_after },
            "pumping" => SendRefusal::Pumping { retry_after },
            "challenge_pumping" => SendRefusal::Challenge {
                level: ChallengeLevel::Raised,
                why: ChallengeWhy::Pumping,
            },
            "challenge_budget" => SendRefusal::Challenge {
                level: ChallengeLevel::Base,
                why: ChallengeWhy::Budget,
            },
            _ => return None,
        })
    }
}

/// A send that passed the per-number limits, or why it did not.
pub type SendGate<T> = Result<T, SendRefusal>;

impl SendStats {
    /// The breaker's rule on one scope's window: at least `min_sends` sends
    /// never verified, making up at least `percent` of the window's sends.
    pub fn mostly_unverified(self, min_sends: u32, percent: u32) -> bool {
        let unverified = self.sends - self.verified;
        unverified >= i64::from(min_sends) && unverified * 100 >= i64::from(percent) * self.sends
    }
}

/// A number's logs over a window: its wrong codes and texts, and the oldest
/// of each (what a start is admitted by).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberWindow {
    pub guesses: i64,
    pub oldest_guess: Option<OffsetDateTime>,
    pub sends: i64,
    pub oldest_send: Option<OffsetDateTime>,
}

impl NumberWindow {
    /// When a start for the number would pass its wrong-code budget
    /// (`guess_budget`) and its quota (`send_limit` texts) again, as the
    /// store's admission judges them (each until its oldest entry in the
    /// `window` leaves it); `None` when it would now.
    pub fn free_at(
        &self,
        window: Duration,
        guess_budget: u32,
        send_limit: u32,
    ) -> Option<OffsetDateTime> {
        let free = |count: i64, most: u32, oldest: Option<OffsetDateTime>| match oldest {
            Some(at) if count >= i64::from(most) => Some(at + window),
            _ => None,
        };
        free(self.guesses, guess_budget, self.oldest_guess).max(free(
            self.sends,
            send_limit,
            self.oldest_send,
        ))
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn a_number_is_free_when_each_full_log_has_aged_out_of_the_window() {
        let t = time::macros::datetime!(2026-12-03 10:00 UTC);
        let hour = Duration::hours(1);
        let w = |guesses, sends| NumberWindow {
            guesses,
            oldest_guess: (guesses > 0).then_some(t),
            sends,
            oldest_send: (sends > 0).then_some(t + Duration::minutes(5)),
        };
        assert_eq!(w(4, 4).free_at(hour, 5, 5), None, "neither log is full");
        assert_eq!(w(5, 0).free_at(hour, 5, 5), Some(t + hour));
        assert_eq!(w(0, 5).free_at(hour, 5, 5), Some(t + Duration::minutes(65)));
        assert_eq!(
            w(5, 5).free_at(hour, 5, 5),
            Some(t + Duration::minutes(65)),
            "the later of the two"
        );
    }
}
