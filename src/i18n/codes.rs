//! The locale a server caller asks for (Twilio's `Locale` on `/v2`,
//! `locale` on `/api/v1`), mapped to the nearest available locale.
//!
//! The rule, the same for both doors:
//! 1. the code is read as a language tag, in any case, `_` as `-`
//!    (`ZH-hk`, `pt_BR`);
//! 2. the nearest available locale by language negotiation: the same
//!    language, its script from the region where the tag names none
//!    (`zh-HK`, `zh-TW` → `zh-Hant`; `zh`, `zh-CN` → `zh-Hans`), then any
//!    region of it (`pt` → `pt-BR`, `en-GB` → `en`, `es-MX` → `es`); a
//!    language `LOCALES_DIR` added counts as available (`nb` → `nb`);
//! 3. else the same under the code CLDR says replaced a legacy one
//!    (Twilio's `tl`, Tagalog, is `fil`, Filipino, its standard form), or
//!    an available language whose CLDR parent it is (`no` → an added `nb`);
//! 4. a code Twilio lists whose language is not available (`nb`, `sv`,
//!    `af` …) is as if no locale had been given: the text goes out in the
//!    number's country's language when that is available, else in
//!    `DEFAULT_LOCALE` — Twilio's own advice for a locale it cannot serve;
//! 5. anything else is not a locale either side knows: `/v2` answers
//!    Twilio's error for an unsupported locale, `/api/v1` falls back as in
//!    4 for a well-formed language tag and refuses a malformed one.
use unic_langid::LanguageIdentifier;

use super::{I18n, parse_tag};

/// Twilio Verify's locale codes, as its "Verify supported languages" page
/// lists them (the Verify Default template).
pub const TWILIO_LOCALES: &[&str] = &[
    "af", "ar", "ca", "zh", "zh-CN", "zh-HK", "hr", "cs", "da", "nl", "en", "en-GB", "et", "fi",
    "fr", "de", "el", "he", "hi", "hu", "id", "it", "ja", "kn", "ko", "lt", "ms", "mr", "nb", "pl",
    "pt-BR", "pt", "ro", "ru", "sk", "es", "sv", "tl", "te", "th", "tr", "uk", "vi",
];

/// What a caller's locale code comes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// This available locale.
    Locale(&'static str),
    /// A code Twilio lists, in a language not available here: as if no
    /// locale had been given.
    Unavailable,
    /// A well-formed language tag that is neither available here nor on
    /// Twilio's list.
    Unknown,
    /// Not a language tag.
    Malformed,
}

fn is_twilio_code(id: &LanguageIdentifier) -> bool {
    TWILIO_LOCALES
        .iter()
        .any(|code| code.parse::<LanguageIdentifier>().is_ok_and(|c| c == *id))
}

impl I18n {
    /// Maps a caller's locale code (see the module's rule).
    pub fn asked_locale(&self, code: &str) -> Asked {
        let Some(id) = parse_tag(code.trim()) else {
            return Asked::Malformed;
        };
        let twilio = is_twilio_code(&id);
        if let Some(exact) = self
            .locales()
            .iter()
            .copied()
            .find(|l| l.eq_ignore_ascii_case(code.trim()))
        {
            return Asked::Locale(exact);
        }
        match self.match_id(id) {
            Some(locale) => Asked::Locale(locale),
            None if twilio => Asked::Unavailable,
            None => Asked::Unknown,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_twilio_code_maps_to_its_nearest_shipped_locale() {
        let i = I18n::new("en").unwrap();
        let expected: &[(&str, Option<&str>)] = &[
            ("af", None),
            ("ar", Some("ar")),
            ("ca", None),
            ("zh", Some("zh-Hans")),
            ("zh-CN", Some("zh-Hans")),
            ("zh-HK", Some("zh-Hant")),
            ("hr", None),
            ("cs", None),
            ("da", None),
            ("nl", Some("nl")),
            ("en", Some("en")),
            ("en-GB", Some("en")),
            ("et", None),
            ("fi", None),
            ("fr", Some("fr")),
            ("de", Some("de")),
            ("el", None),
            ("he", Some("he")),
            ("hi", Some("hi")),
            ("hu", None),
            ("id", Some("id")),
            ("it", Some("it")),
            ("ja", Some("ja")),
            ("kn", None),
            ("ko", Some("ko")),
            ("lt", None),
            ("ms", Some("ms")),
            ("mr", Some("mr")),
            ("nb", None),
            ("pl", Some("pl")),
            ("pt-BR", Some("pt-BR")),
            ("pt", Some("pt-BR")),
            ("ro", Some("ro")),
            ("ru", Some("ru")),
            ("sk", None),
            ("es", Some("es")),
            ("sv", None),
            ("tl", Some("fil")),
            ("te", Some("te")),
            ("th", Some("th")),
            ("tr", Some("tr")),
            ("uk", Some("uk")),
            ("vi", Some("vi")),
        ];
        assert_eq!(expected.len(), TWILIO_LOCALES.len());
        for (code, locale) in expected {
            assert!(TWILIO_LOCALES.contains(code), "{code}");
            let want = locale.map_or(Asked::Unavailable, Asked::Locale);
            assert_eq!(i.asked_locale(code), want, "{code}");
            assert_eq!(i.asked_locale(&code.to_uppercase()), want, "{code}");
            assert_eq!(i.asked_locale(&code.to_lowercase()), want, "{code}");
            assert_eq!(i.asked_locale(&code.replace('-', "_")), want, "{code}");
        }
    }

    #[test]
    fn shipped_tags_and_other_tags() {
        let i = I18n::new("en").unwrap();
        for shipped in super::super::LOCALES {
            assert_eq!(i.asked_locale(shipped), Asked::Locale(shipped));
            assert_eq!(
                i.asked_locale(&shipped.to_lowercase()),
                Asked::Locale(shipped)
            );
        }
        assert_eq!(i.asked_locale("zh-tw"), Asked::Locale("zh-Hant"));
        // Legacy codes, by CLDR's aliases.
        assert_eq!(i.asked_locale("iw"), Asked::Locale("he"));
        assert_eq!(i.asked_locale("in-ID"), Asked::Locale("id"));
        assert_eq!(i.asked_locale("es-MX"), Asked::Locale("es"));
        assert_eq!(i.asked_locale(" fr-CA "), Asked::Locale("fr"));
        assert_eq!(i.asked_locale("nb-NO"), Asked::Unknown);
        assert_eq!(i.asked_locale("is"), Asked::Unknown);
        for bad in [
            "",
            "x",
            "en US",
            "en,fr",
            "*",
            "und",
            "<b>",
            "12",
            &"a".repeat(100),
        ] {
            assert_eq!(i.asked_locale(bad), Asked::Malformed, "{bad:?}");
        }
    }
}
