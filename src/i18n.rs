//! Messages from `locales/<lang>/main.ftl` (compiled into the binary),
//! language negotiation, and the per-request `Tr` handle templates use.
use std::{collections::HashMap, sync::Arc};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use unic_langid::LanguageIdentifier;

/// Shipped locales, in the order the language switcher lists them.
pub const LOCALES: &[&str] = &["en", "es"];

const SOURCES: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en/main.ftl")),
    ("es", include_str!("../locales/es/main.ftl")),
];

/// The region a language's speakers most likely dial from: the default of
/// the country field when the user has not picked one.
const DEFAULT_REGIONS: &[(&str, &str)] = &[("en", "US"), ("es", "ES")];

/// Languages written right to left.
const RTL: &[&str] = &["ar", "he", "fa", "ur"];

/// The shipped locale for a tag (`es-MX` → `es`), if any.
pub fn shipped_locale(tag: &str) -> Option<&'static str> {
    let id: LanguageIdentifier = tag.trim().parse().ok()?;
    let available = available();
    let found = fluent_langneg::negotiate_languages(
        &[id],
        &available,
        None,
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    found
        .first()
        .and_then(|l| LOCALES.iter().copied().find(|s| *s == l.to_string()))
}

fn available() -> Vec<LanguageIdentifier> {
    LOCALES
        .iter()
        .map(|l| l.parse().expect("shipped locale tags are valid"))
        .collect()
}

pub struct I18n {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
    default: &'static str,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("default", &self.default)
            .finish_non_exhaustive()
    }
}

impl I18n {
    /// Loads every shipped locale; a syntax error in a shipped file is a bug,
    /// reported with the file and the message.
    pub fn new(default_locale: &str) -> anyhow::Result<Self> {
        let mut bundles = HashMap::new();
        for (lang, source) in SOURCES {
            let resource = FluentResource::try_new((*source).to_owned())
                .map_err(|(_, errors)| anyhow::anyhow!("locales/{lang}/main.ftl: {errors:?}"))?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang.parse()?]);
            // Isolation marks would end up in SMS bodies and cost segments.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| anyhow::anyhow!("locales/{lang}/main.ftl: {errors:?}"))?;
            bundles.insert(*lang, bundle);
        }
        let default = shipped_locale(default_locale)
            .ok_or_else(|| anyhow::anyhow!("DEFAULT_LOCALE {default_locale} is not shipped"))?;
        Ok(Self { bundles, default })
    }

    pub fn default_locale(&self) -> &'static str {
        self.default
    }

    /// Formats message `id` in `lang`, falling back to the default locale;
    /// a missing message is logged and shown as its id, never a panic.
    pub fn format(&self, lang: &str, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for candidate in [lang, self.default] {
            let Some(bundle) = self.bundles.get(candidate) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::error!(
                    lang = candidate,
                    id,
                    ?errors,
                    "message formatted with errors"
                );
            }
            return text.into_owned();
        }
        tracing::error!(lang, id, "message missing from every locale");
        id.to_owned()
    }

    /// The ids of every message of `lang` (for the completeness tests).
    pub fn message_ids(&self, lang: &str) -> Vec<String> {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, s)| *s)
            .unwrap_or("");
        let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(r, _)| r);
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect()
    }

    /// The best shipped locale for an `Accept-Language` header, honouring
    /// q-values; the default locale when nothing matches.
    pub fn negotiate(&self, accept_language: Option<&str>) -> &'static str {
        let Some(header) = accept_language else {
            return self.default;
        };
        let mut ranked: Vec<(f32, usize, LanguageIdentifier)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                let id = tag.parse::<LanguageIdentifier>().ok()?;
                (q > 0.0 && tag != "*").then_some((q, i, id))
            })
            .take(20)
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let requested: Vec<LanguageIdentifier> = ranked.into_iter().map(|(_, _, id)| id).collect();
        let available = available();
        let found = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            None,
            fluent_langneg::NegotiationStrategy::Filtering,
        );
        found
            .first()
            .and_then(|l| LOCALES.iter().copied().find(|s| *s == l.to_string()))
            .unwrap_or(self.default)
    }
}

/// The shipped language most people in a region read, if one is.
pub fn locale_for_region(region: &str) -> Option<&'static str> {
    const SPANISH: &[&str] = &[
        "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV",
        "NI", "CR", "PA", "UY", "GQ", "PR",
    ];
    const ENGLISH: &[&str] = &[
        "US", "GB", "AU", "CA", "NZ", "IE", "ZA", "NG", "KE", "GH", "JM", "SG",
    ];
    if SPANISH.contains(&region) {
        Some("es")
    } else if ENGLISH.contains(&region) {
        Some("en")
    } else {
        None
    }
}

/// `rtl` or `ltr` for the `dir` attribute.
pub fn direction(lang: &str) -> &'static str {
    let primary = lang.split('-').next().unwrap_or(lang);
    if RTL.contains(&primary) { "rtl" } else { "ltr" }
}

/// The region to read national numbers in when the user picked none.
pub fn default_region(lang: &str) -> Option<&'static str> {
    DEFAULT_REGIONS
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, r)| *r)
}

/// A language, the messages and the brand: what templates call `t` on.
#[derive(Clone)]
pub struct Tr {
    i18n: Arc<I18n>,
    pub lang: &'static str,
    /// `BRAND_NAME`, shown in every page and SMS.
    pub brand: Arc<str>,
    /// `?flow=…` for an app's flow (links and forms keep it), else empty.
    pub flow_q: String,
    /// The app that asked, for an app's flow.
    pub client_name: Option<String>,
    /// The compact layout for an iframe.
    pub embed: bool,
}

impl Tr {
    pub fn new(i18n: Arc<I18n>, lang: &'static str, brand: Arc<str>) -> Self {
        Self {
            i18n,
            lang,
            brand,
            flow_q: String::new(),
            client_name: None,
            embed: false,
        }
    }

    /// The same, inside an app's flow.
    pub fn in_flow(mut self, flow_id: &str, client_name: Option<String>, embed: bool) -> Self {
        self.flow_q = format!("?flow={flow_id}");
        self.client_name = client_name;
        self.embed = embed;
        self
    }

    /// "Acme wants to confirm your phone number", inside an app's flow.
    pub fn client_asks(&self) -> Option<String> {
        let client = self.client_name.as_deref()?;
        Some(self.args("client-asks", &[("client", Arg::from(client))]))
    }

    /// The query that switches language, keeping the flow: `?flow=…&lang=` or `?lang=`.
    pub fn lang_q(&self) -> String {
        if self.flow_q.is_empty() {
            "?lang=".to_owned()
        } else {
            format!("{}&lang=", self.flow_q)
        }
    }

    pub fn dir(&self) -> &'static str {
        direction(self.lang)
    }

    /// A message without variables.
    pub fn t(&self, id: &str) -> String {
        self.i18n.format(self.lang, id, None)
    }

    /// A message with variables.
    pub fn args(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Num(n) => fluent.set(*name, FluentValue::from(*n)),
                Arg::Str(s) => fluent.set(*name, FluentValue::from(s.clone())),
            }
        }
        self.i18n.format(self.lang, id, Some(&fluent))
    }

    /// Each shipped language named in itself, for the switcher.
    pub fn languages(&self) -> Vec<(&'static str, String)> {
        LOCALES
            .iter()
            .map(|l| (*l, self.i18n.format(l, "language-name", None)))
            .collect()
    }
}

/// A value for a message variable.
#[derive(Debug, Clone)]
pub enum Arg {
    Num(i64),
    Str(String),
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i18n() -> I18n {
        I18n::new("en").unwrap()
    }

    #[test]
    fn negotiation_honours_order_q_values_and_regions() {
        let i = i18n();
        assert_eq!(i.negotiate(None), "en");
        assert_eq!(i.negotiate(Some("es")), "es");
        assert_eq!(i.negotiate(Some("es-MX,es;q=0.9,en;q=0.8")), "es");
        assert_eq!(i.negotiate(Some("en;q=0.3, es;q=0.9")), "es");
        assert_eq!(i.negotiate(Some("fr-FR, fr;q=0.9")), "en");
        assert_eq!(i.negotiate(Some("de, es;q=0")), "en");
        assert_eq!(i.negotiate(Some(";;;,,,garbage")), "en");
    }

    #[test]
    fn shipped_locale_matches_regional_tags() {
        assert_eq!(shipped_locale("es-419"), Some("es"));
        assert_eq!(shipped_locale("EN"), Some("en"));
        assert_eq!(shipped_locale("zz"), None);
        assert_eq!(shipped_locale("<script>"), None);
    }

    #[test]
    fn every_locale_has_exactly_the_messages_of_english() {
        let i = i18n();
        let mut english = i.message_ids("en");
        english.sort();
        assert!(english.len() > 20);
        for lang in LOCALES {
            let mut ids = i.message_ids(lang);
            ids.sort();
            assert_eq!(ids, english, "{lang}");
        }
    }

    #[test]
    fn plurals_and_variables_format() {
        let i = Arc::new(i18n());
        let en = Tr::new(i.clone(), "en", "Acme".into());
        assert_eq!(
            en.args("code-attempts-left", &[("count", 1u32.into())]),
            "You have 1 attempt left."
        );
        assert_eq!(
            en.args("code-attempts-left", &[("count", 3u32.into())]),
            "You have 3 attempts left."
        );
        let es = Tr::new(i, "es", "Acme".into());
        assert!(
            es.args("code-attempts-left", &[("count", 1u32.into())])
                .contains("1 intento")
        );
        assert_eq!(es.dir(), "ltr");
        assert_eq!(direction("ar"), "rtl");
    }
}
