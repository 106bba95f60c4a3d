//! What the operator page counts and the metrics label: typed, so the
//! words are written once (`as_str`) and read back once (`parse`).
use super::ChallengeWhy;

/// Why a send (or a request) was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The per-client request limit (counted in the metrics only).
    RateLimited,
    Cooldown,
    Quota,
    WrongCodes,
    Budget,
    Pumping,
    Country,
}

impl Reason {
    pub const ALL: [Reason; 7] = [
        Reason::RateLimited,
        Reason::Cooldown,
        Reason::Quota,
        Reason::WrongCodes,
        Reason::Budget,
        Reason::Pumping,
        Reason::Country,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::RateLimited => "rate_limited",
            Reason::Cooldown => "cooldown",
            Reason::Quota => "quota",
            Reason::WrongCodes => "wrong_codes",
            Reason::Budget => "budget",
            Reason::Pumping => "pumping",
            Reason::Country => "country",
        }
    }
}

/// One of the operator page's hourly counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StatKind {
    Sent,
    Approved,
    /// A pumping block (or flag) was recorded.
    Blocked,
    Refused(Reason),
    /// A send from the pages was asked for a proof-of-work challenge.
    Challenged(ChallengeWhy),
}

impl StatKind {
    /// The word the database keeps.
    pub fn as_str(self) -> &'static str {
        match self {
            StatKind::Sent => "sent",
            StatKind::Approved => "approved",
            StatKind::Blocked => "blocked",
            StatKind::Challenged(why) => match why {
                ChallengeWhy::Always => "challenge:always",
                ChallengeWhy::Budget => "challenge:budget",
                ChallengeWhy::Pumping => "challenge:pumping",
                ChallengeWhy::Client => "challenge:client",
                ChallengeWhy::Failures => "challenge:failures",
            },
            StatKind::Refused(reason) => match reason {
                Reason::RateLimited => "refused:rate_limited",
                Reason::Cooldown => "refused:cooldown",
                Reason::Quota => "refused:quota",
                Reason::WrongCodes => "refused:wrong_codes",
                Reason::Budget => "refused:budget",
                Reason::Pumping => "refused:pumping",
                Reason::Country => "refused:country",
            },
        }
    }

    pub fn parse(word: &str) -> Option<Self> {
        match word {
            "sent" => Some(StatKind::Sent),
            "approved" => Some(StatKind::Approved),
            "blocked" => Some(StatKind::Blocked),
            other => Reason::ALL
                .into_iter()
                .map(StatKind::Refused)
                .chain(ChallengeWhy::ALL.into_iter().map(StatKind::Challenged))
                .find(|kind| kind.as_str() == other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back() {
        let kinds = [StatKind::Sent, StatKind::Approved, StatKind::Blocked]
            .into_iter()
            .chain(Reason::ALL.into_iter().map(StatKind::Refused))
            .chain(ChallengeWhy::ALL.into_iter().map(StatKind::Challenged));
        for kind in kinds {
            assert_eq!(StatKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(StatKind::parse("refused:nonsense"), None);
    }
}
