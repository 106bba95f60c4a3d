//! The SMS-pumping breaker's judgement. Pumping fraud texts ranges of
//! premium or partner numbers to earn a share of the fees: its mark is many
//! codes sent to one prefix (or country) that nobody ever types back.
use crate::{config::PumpingSettings, domain::PhoneNumber, storage::SendStats};

/// Where a send goes, at the levels the breaker watches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `+447700`: the calling code and the first national digits.
    pub prefix: String,
    /// ISO code, or the calling code for non-geographic numbers.
    pub country: String,
}

impl Target {
    pub fn of(phone: &PhoneNumber, prefix_digits: u8) -> Self {
        let cc = phone.calling_code().to_string();
        let national = &phone.e164()[1 + cc.len()..];
        let take = national.len().min(usize::from(prefix_digits));
        Self {
            prefix: format!("+{cc}{}", &national[..take]),
            country: phone
                .region()
                .map_or_else(|| format!("+{cc}"), str::to_owned),
        }
    }

    pub fn prefix_scope(&self) -> String {
        format!("prefix:{}", self.prefix)
    }

    pub fn country_scope(&self) -> String {
        format!("country:{}", self.country)
    }
}

/// A rule that fired: which scope, which rule, on what counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub scope: String,
    pub rule: &'static str,
    pub stats: SendStats,
}

fn suspicious(stats: SendStats, min_unverified: u32, max_unverified_percent: u32) -> bool {
    let unverified = stats.sends - stats.verified;
    unverified >= i64::from(min_unverified)
        && unverified * 100 >= i64::from(max_unverified_percent) * stats.sends
}

/// Judges the window's statistics: the prefix rule first, then the country rule.
pub fn judge(
    settings: &PumpingSettings,
    target: &Target,
    prefix: SendStats,
    country: SendStats,
) -> Option<Finding> {
    if suspicious(prefix, settings.min_sends, settings.max_unverified_percent) {
        return Some(Finding {
            scope: target.prefix_scope(),
            rule: "prefix_unverified",
            stats: prefix,
        });
    }
    if suspicious(
        country,
        settings.country_min_sends,
        settings.max_unverified_percent,
    ) {
        return Some(Finding {
            scope: target.country_scope(),
            rule: "country_unverified",
            stats: country,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::PumpingMode;

    fn settings() -> PumpingSettings {
        PumpingSettings {
            mode: PumpingMode::Block,
            window_seconds: 3600,
            prefix_digits: 4,
            min_sends: 10,
            max_unverified_percent: 80,
            country_min_sends: 50,
            block_seconds: 3600,
        }
    }

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
        assert_eq!(t.prefix_scope(), "prefix:+447400");
        let us = Target::of(&PhoneNumber::parse("+14155552671", None).unwrap(), 3);
        assert_eq!(us.prefix, "+1415");
        assert_eq!(us.country, "US");
    }

    #[test]
    fn fires_on_many_unverified_sends_only() {
        let s = settings();
        let t = Target {
            prefix: "+447700".into(),
            country: "GB".into(),
        };
        let stats = |sends, verified| SendStats { sends, verified };
        assert_eq!(
            judge(&s, &t, stats(9, 0), stats(9, 0)),
            None,
            "below the minimum"
        );
        let fired = judge(&s, &t, stats(10, 0), stats(10, 0)).unwrap();
        assert_eq!(
            (fired.scope.as_str(), fired.rule),
            ("prefix:+447700", "prefix_unverified")
        );
        assert_eq!(
            judge(&s, &t, stats(40, 20), stats(40, 20)),
            None,
            "half were verified: a busy real prefix"
        );
        let country = judge(&s, &t, stats(5, 0), stats(60, 5)).unwrap();
        assert_eq!(
            (country.scope.as_str(), country.rule),
            ("country:GB", "country_unverified")
        );
    }
}
