//! Phone numbers: parsed with libphonenumber's metadata (the `phonenumber`
//! crate) into E.164, refusing numbers that cannot take an SMS.
use phonenumber::{Mode, country};

use super::digits::to_ascii_digits;

/// A valid number that can receive an SMS, kept in E.164 form (`+14155552671`).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber {
    e164: String,
    region: Option<&'static str>,
    calling_code: u16,
}

/// Why an input is not a number we will text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("no phone number given")]
    Empty,
    #[error("not a phone number")]
    Unparseable,
    #[error("not a valid number")]
    Invalid,
    #[error("a number of a type that cannot take an SMS")]
    CannotReceiveSms,
}

/// The `Debug` form is masked, so a number never reaches a log in full by accident.
impl std::fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PhoneNumber({})", self.masked())
    }
}

impl PhoneNumber {
    /// Parses what a person typed: E.164 or international format, or the
    /// national format of `default_region` (an ISO 3166 alpha-2 code).
    pub fn parse(input: &str, default_region: Option<&str>) -> Result<Self, PhoneError> {
        let input = to_ascii_digits(input.trim());
        if input.is_empty() {
            return Err(PhoneError::Empty);
        }
        if input.chars().count() > 40 || input.chars().any(char::is_control) {
            return Err(PhoneError::Unparseable);
        }
        let region = default_region
            .map(|r| r.trim().to_ascii_uppercase())
            .and_then(|r| r.parse::<country::Id>().ok());
        let number = phonenumber::parse(region, &input).map_err(|_| PhoneError::Unparseable)?;
        use phonenumber::metadata::DATABASE;
        let can_receive_sms = matches!(
            number.number_type(&DATABASE),
            phonenumber::Type::Mobile
                | phonenumber::Type::FixedLineOrMobile
                | phonenumber::Type::PersonalNumber
                | phonenumber::Type::Voip
        );
        // A known type already proves the number valid, unless the national
        // number has leading zeros: the crate's type check reads it without
        // them and its validity check with them. Skipping the second lookup
        // of the region's patterns saves a third of the parse.
        let national = number.national();
        let type_proves_valid =
            can_receive_sms && national.to_string() == national.value().to_string();
        if !type_proves_valid && !phonenumber::is_valid(&number) {
            return Err(PhoneError::Invalid);
        }
        if !can_receive_sms {
            return Err(PhoneError::CannotReceiveSms);
        }
        let e164 = number.format().mode(Mode::E164).to_string();
        let region = number
            .country()
            .id()
            .and_then(|id| known_region(id.as_ref()));
        Ok(Self {
            e164,
            region,
            calling_code: number.code().value(),
        })
    }

    /// Reads `input` as one of the configured test numbers (`is_test` says
    /// which E.164 numbers are), whatever their type or validity; `None`
    /// when it is not one.
    pub fn parse_test_number(
        input: &str,
        default_region: Option<&str>,
        is_test: impl Fn(&str) -> bool,
    ) -> Option<Self> {
        let input = to_ascii_digits(input.trim());
        if input.is_empty() || input.chars().count() > 40 {
            return None;
        }
        let region = default_region
            .map(|r| r.trim().to_ascii_uppercase())
            .and_then(|r| r.parse::<country::Id>().ok());
        let number = phonenumber::parse(region, &input).ok()?;
        let e164 = number.format().mode(Mode::E164).to_string();
        is_test(&e164).then(|| Self {
            region: number
                .country()
                .id()
                .and_then(|id| known_region(id.as_ref())),
            calling_code: number.code().value(),
            e164,
        })
    }

    /// Reads a number stored by this program (always E.164); `None` if it is
    /// not one any more (for example after a metadata update).
    pub fn from_stored(e164: &str) -> Option<Self> {
        if !e164.starts_with('+') {
            return None;
        }
        Self::parse(e164, None)
            .ok()
            .or_else(|| Self::parse_test_number(e164, None, |n| n == e164))
    }

    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// The ISO 3166 alpha-2 region of the number, when it has one.
    pub fn region(&self) -> Option<&'static str> {
        self.region
    }

    pub fn calling_code(&self) -> u16 {
        self.calling_code
    }

    /// `+1******2671`: the calling code and the last digits, for logs.
    pub fn masked(&self) -> String {
        mask_e164(&self.e164, self.calling_code)
    }

    /// The number as people read it: `+1 415-555-2671`.
    pub fn international(&self) -> String {
        phonenumber::parse(None, &self.e164)
            .map(|n| n.format().mode(Mode::International).to_string())
            .unwrap_or_else(|_| self.e164.clone())
    }

    /// Its last four digits (`2671`), for "ending in 2671".
    pub fn last_digits(&self) -> &str {
        &self.e164[self.e164.len().saturating_sub(4)..]
    }
}

/// An example mobile number of `region` as people write it
/// (`+20 100 123 4567`), for the phone form's hint.
pub fn example(region: &str) -> Option<String> {
    static EXAMPLES: std::sync::LazyLock<
        std::sync::Mutex<std::collections::HashMap<String, Option<String>>>,
    > = std::sync::LazyLock::new(Default::default);
    let mut cache = EXAMPLES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    cache
        .entry(region.to_owned())
        .or_insert_with(|| {
            use phonenumber::metadata::DATABASE;
            let meta = DATABASE.by_id(region)?;
            let national = meta.descriptors().mobile()?.example()?;
            let number =
                phonenumber::parse(None, format!("+{}{national}", meta.country_code())).ok()?;
            Some(number.format().mode(Mode::International).to_string())
        })
        .clone()
}

/// A stored number masked, from its `country` (ISO code, or `+` and the
/// calling code): no parse needed.
pub fn mask_stored(e164: &str, country: &str) -> String {
    let calling_code = country
        .strip_prefix('+')
        .and_then(|cc| cc.parse().ok())
        .or_else(|| {
            COUNTRIES
                .iter()
                .find(|c| c.code == country)
                .map(|c| c.calling_code)
        })
        .unwrap_or(0);
    mask_e164(e164, calling_code)
}

fn mask_e164(e164: &str, calling_code: u16) -> String {
    let cc = calling_code.to_string();
    let national = e164
        .strip_prefix('+')
        .and_then(|rest| rest.strip_prefix(cc.as_str()))
        .unwrap_or("");
    let keep = if national.len() > 6 { 4 } else { 2 };
    let hidden = national.len().saturating_sub(keep);
    format!("+{cc}{}{}", "*".repeat(hidden), &national[hidden..])
}

/// Ranges reserved for fiction, where a test number may look like a mobile:
/// North America's 555-0100 to 555-0199, the UK's 07700 900000 to 900999,
/// and France's 06 39 98 xx xx.
fn fictional(e164: &str) -> bool {
    let digits = &e164[1..];
    (digits.len() == 11 && digits.starts_with('1') && &digits[4..9] == "55501")
        || (digits.len() == 12 && digits.starts_with("447700900"))
        || (digits.len() == 11 && digits.starts_with("3363998"))
}

/// Checks a `TEST_NUMBERS` entry and returns it in E.164. The rule: it must
/// be written in E.164, and it must not be a real mobile number of a country
/// we send to (libphonenumber says mobile, or fixed-line-or-mobile, in an
/// allowed country) unless it lies in a range reserved for fiction. Anything
/// else (Twilio-style magic numbers such as +15005550006, numbers of other
/// types, numbers no network uses) is accepted: nothing is ever sent to a
/// test number, so the rule only keeps a real person's number from
/// becoming a shared fixed code.
pub fn test_number(input: &str, allowed_countries: &[&str]) -> Result<String, String> {
    let well_formed = input.starts_with('+')
        && (8..=16).contains(&input.len())
        && input[1..].bytes().all(|b| b.is_ascii_digit());
    if !well_formed {
        return Err(format!(
            "`{input}` is not an E.164 number such as +15005550006"
        ));
    }
    if fictional(input) {
        return Ok(input.to_owned());
    }
    let Ok(number) = phonenumber::parse(None, input) else {
        return Ok(input.to_owned());
    };
    use phonenumber::metadata::DATABASE;
    let mobile = phonenumber::is_valid(&number)
        && matches!(
            number.number_type(&DATABASE),
            phonenumber::Type::Mobile | phonenumber::Type::FixedLineOrMobile
        );
    let region = number
        .country()
        .id()
        .and_then(|id| known_region(id.as_ref()));
    let sendable =
        allowed_countries.is_empty() || region.is_some_and(|r| allowed_countries.contains(&r));
    if mobile && sendable {
        return Err(format!(
            "{input} is a real mobile number; use a number no one can own, such as +15005550006 or one in a range reserved for fiction (+1 NPA 555-01xx, +44 7700 900xxx, +33 6 39 98 xx xx)"
        ));
    }
    Ok(input.to_owned())
}

/// A country that numbers can be entered for: its ISO code and calling code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub calling_code: u16,
}

/// Every region in libphonenumber's metadata, sorted by ISO code.
pub static COUNTRIES: std::sync::LazyLock<Vec<Country>> = std::sync::LazyLock::new(|| {
    use phonenumber::metadata::DATABASE;
    let mut list: Vec<Country> = DATABASE
        .iter()
        .filter(|m| m.id().len() == 2 && m.id().bytes().all(|b| b.is_ascii_uppercase()))
        .map(|m| Country {
            code: Box::leak(m.id().to_owned().into_boxed_str()),
            calling_code: m.country_code(),
        })
        .collect();
    list.sort_by_key(|c| c.code);
    list.dedup_by_key(|c| c.code);
    list
});

/// The region code for `code` if libphonenumber knows it (case-insensitive).
pub fn known_region(code: &str) -> Option<&'static str> {
    let code = code.trim();
    COUNTRIES
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
        .map(|c| c.code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_international_and_national_forms() {
        let cases = [
            ("+14155552671", None, "+14155552671"),
            ("+1 (415) 555-2671", None, "+14155552671"),
            ("(415) 555-2671", Some("US"), "+14155552671"),
            ("415.555.2671", Some("us"), "+14155552671"),
            ("612 34 56 78", Some("ES"), "+34612345678"),
            ("0612345678", Some("FR"), "+33612345678"),
            ("07400 123456", Some("GB"), "+447400123456"),
            ("+44 7400 123456", Some("US"), "+447400123456"),
            ("٠٧٤٠٠١٢٣٤٥٦", Some("GB"), "+447400123456"),
            // Extended Arabic-Indic digits, as Persian and Urdu keyboards type them.
            ("۰۹۱۲ ۳۴۵ ۶۷۸۹", Some("IR"), "+989123456789"),
            ("۰۳۰۰ ۱۲۳۴۵۶۷", Some("PK"), "+923001234567"),
            ("+۹۸ ۹۱۲ ۳۴۵ ۶۷۸۹", None, "+989123456789"),
            ("＋４４７４００１２３４５６", None, "+447400123456"),
        ];
        for (input, region, want) in cases {
            let got = PhoneNumber::parse(input, region)
                .unwrap_or_else(|e| panic!("{input:?} {region:?}: {e}"));
            assert_eq!(got.e164(), want, "{input:?}");
        }
    }

    #[test]
    fn region_and_calling_code() {
        let n = PhoneNumber::parse("+34612345678", None).unwrap();
        assert_eq!(n.region(), Some("ES"));
        assert_eq!(n.calling_code(), 34);
    }

    #[test]
    fn refuses_garbage_and_numbers_that_cannot_take_sms() {
        let cases = [
            ("", None, PhoneError::Empty),
            ("   ", None, PhoneError::Empty),
            ("hello", None, PhoneError::Unparseable),
            ("4155552671", None, PhoneError::Unparseable),
            ("+1 415", None, PhoneError::Invalid),
            ("+999 1234567", None, PhoneError::Unparseable),
            // UK fixed line, UK premium rate, US toll free, French shared cost
            ("+44 20 7946 0018", None, PhoneError::CannotReceiveSms),
            ("+44 909 879 0000", None, PhoneError::CannotReceiveSms),
            ("+1 800 555 0199", None, PhoneError::CannotReceiveSms),
            ("+33 810 12 34 56", None, PhoneError::CannotReceiveSms),
        ];
        for (input, region, want) in cases {
            assert_eq!(
                PhoneNumber::parse(input, region).err(),
                Some(want),
                "{input:?}"
            );
        }
    }

    #[test]
    fn masks_all_but_calling_code_and_last_digits() {
        let n = PhoneNumber::parse("+14155552671", None).unwrap();
        assert_eq!(n.masked(), "+1******2671");
        assert_eq!(format!("{n:?}"), "PhoneNumber(+1******2671)");
        let n = PhoneNumber::parse("+447400123456", None).unwrap();
        assert_eq!(n.masked(), "+44******3456");
    }

    #[test]
    fn country_list_comes_from_the_metadata() {
        assert!(COUNTRIES.len() > 200, "{}", COUNTRIES.len());
        let us = COUNTRIES.iter().find(|c| c.code == "US").unwrap();
        assert_eq!(us.calling_code, 1);
        assert_eq!(known_region("gb"), Some("GB"));
        assert_eq!(known_region("XX"), None);
    }

    #[test]
    fn test_numbers_must_not_be_real_mobiles() {
        assert_eq!(
            test_number("+15005550006", &[]).as_deref(),
            Ok("+15005550006")
        );
        assert_eq!(
            test_number("+14155550123", &[]).as_deref(),
            Ok("+14155550123"),
            "555-01xx is fictional"
        );
        assert_eq!(
            test_number("+447700900123", &[]).as_deref(),
            Ok("+447700900123")
        );
        assert!(
            test_number("+14155552671", &[])
                .unwrap_err()
                .contains("real mobile")
        );
        assert!(
            test_number("+34612345678", &["US"]).is_ok(),
            "a country we never text"
        );
        assert!(test_number("+34612345678", &["ES"]).is_err());
        assert!(test_number("15005550006", &[]).is_err());
    }

    #[test]
    fn test_numbers_parse_whatever_their_type() {
        let is_test = |n: &str| n == "+447700900123";
        assert!(PhoneNumber::parse("+447700900123", None).is_err());
        let n = PhoneNumber::parse_test_number("07700 900123", Some("GB"), is_test).unwrap();
        assert_eq!(n.e164(), "+447700900123");
        assert_eq!(
            PhoneNumber::from_stored("+447700900123").unwrap().e164(),
            "+447700900123"
        );
        assert!(PhoneNumber::parse_test_number("+14155552671", None, is_test).is_none());
    }

    proptest! {
        #[test]
        fn parse_never_panics(input in "\\PC{0,50}", region in "[A-Z]{0,3}") {
            let _ = PhoneNumber::parse(&input, Some(&region));
        }

        /// The verdict agrees with the crate's own validity and type checks,
        /// over regions with and without national leading zeros.
        #[test]
        fn verdict_matches_the_crates_checks(
            digits in "0?[0-9]{6,11}",
            region in prop::sample::select(vec!["US", "GB", "IT", "CI", "DE", "IN", "BR", "RU", "SM", "GA"]),
        ) {
            use phonenumber::{Type, metadata::DATABASE};
            let Ok(number) = phonenumber::parse(region.parse().ok(), &digits) else {
                prop_assert_eq!(PhoneNumber::parse(&digits, Some(region)).err(), Some(PhoneError::Unparseable));
                return Ok(());
            };
            let expected = if !phonenumber::is_valid(&number) {
                Err(PhoneError::Invalid)
            } else if matches!(
                number.number_type(&DATABASE),
                Type::Mobile | Type::FixedLineOrMobile | Type::PersonalNumber | Type::Voip
            ) {
                Ok(number.format().mode(Mode::E164).to_string())
            } else {
                Err(PhoneError::CannotReceiveSms)
            };
            let got = PhoneNumber::parse(&digits, Some(region)).map(|p| p.e164().to_owned());
            prop_assert_eq!(got, expected);
        }

        #[test]
        fn e164_round_trips(national in 600_000_000u64..699_999_999) {
            if let Ok(n) = PhoneNumber::parse(&national.to_string(), Some("ES")) {
                let again = PhoneNumber::parse(n.e164(), None).unwrap();
                prop_assert_eq!(again.e164(), n.e164());
                prop_assert!(n.masked().ends_with(&n.e164()[n.e164().len() - 4..]));
            }
        }
    }
}
