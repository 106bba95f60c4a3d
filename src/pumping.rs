//! Where the SMS-pumping breaker looks. Pumping fraud texts ranges of
//! premium or partner numbers to earn a share of the fees: its mark is many
//! codes sent to one prefix (or country), from many client networks, that
//! nobody ever types back. The store applies the rules
//! ([`crate::domain::PumpingLimits`]) in the transaction of each send.
use crate::domain::PhoneNumber;

/// Where a send goes, at the levels the breaker watches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `+447700`: the calling code and the first national digits.
    pub prefix: String,
    /// ISO code, or the calling code for non-geographic numbers.
    pub country: String,
}

impl Target {
    /// The prefix takes `prefix_digits` national digits, but always leaves
    /// the last three out: it is kept to count, and must never be the
    /// whole number (a short numbering plan, a large setting).
    pub fn of(phone: &PhoneNumber, prefix_digits: u8) -> Self {
        let cc = phone.calling_code().to_string();
        let national = &phone.e164()[1 + cc.len()..];
        let take = national
            .len()
            .saturating_sub(3)
            .min(usize::from(prefix_digits));
        Self {
            prefix: format!("+{cc}{}", &national[..take]),
            country: phone
                .region()
                .map_or_else(|| format!("+{cc}"), str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::SendStats;
    #[test]
    fn target_prefix_and_country() {
        let t = Target::of(&PhoneNumber::parse("+447400123456", None).unwrap(), 4);
        assert_eq!(
            t,
            Target {
                prefix: "+447400".into(),
                country: "GB".into()
            }
        );
        let us = Target::of(&PhoneNumber::parse("+14155552671", None).unwrap(), 3);
        assert_eq!(us.prefix, "+1415");
        assert_eq!(us.country, "US");
        // Denmark's eight digits, all eight asked for: never the number.
        let dk = Target::of(&PhoneNumber::parse("+4520123456", None).unwrap(), 8);
        assert_eq!(dk.prefix, "+4520123");
    }

    #[test]
    fn the_rule_wants_many_sends_mostly_unverified() {
        let stats = |sends, verified| SendStats { sends, verified };
        assert!(!stats(9, 0).mostly_unverified(10, 80), "below the minimum");
        assert!(stats(10, 0).mostly_unverified(10, 80));
        assert!(
            !stats(40, 20).mostly_unverified(10, 80),
            "half were verified: a busy real prefix"
        );
        assert!(stats(60, 5).mostly_unverified(50, 80));
        assert!(
            !stats(60, 13).mostly_unverified(50, 80),
            "47 of 60 is under 80 %"
        );
    }
}
