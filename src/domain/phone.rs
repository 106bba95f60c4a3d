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
        if !phonenumber::is_valid(&number) {
            return Err(PhoneError::Invalid);
        }
        use phonenumber::metadata::DATABASE;
        match number.number_type(&DATABASE) {
            phonenumber::Type::Mobile
            | phonenumber::Type::FixedLineOrMobile
            | phonenumber::Type::PersonalNumber
            | phonenumber::Type::Voip => {}
            _ => return Err(PhoneError::CannotReceiveSms),
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

    /// Reads a number stored by this program (always E.164); `None` if it is
    /// not one any more (for example after a metadata update).
    pub fn from_stored(e164: &str) -> Option<Self> {
        if !e164.starts_with('+') {
            return None;
        }
        Self::parse(e164, None).ok()
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

    /// `+1******2671`: the calling code and the last digits, for logs and pages.
    pub fn masked(&self) -> String {
        mask_e164(&self.e164, self.calling_code)
    }
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

    proptest! {
        #[test]
        fn parse_never_panics(input in "\\PC{0,50}", region in "[A-Z]{0,3}") {
            let _ = PhoneNumber::parse(&input, Some(&region));
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
