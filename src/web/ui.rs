//! What a page shows beside its words: the brand's look (logo, accent
//! colour), the reader's region, and an app's flow (its links, its name,
//! the compact layout of an iframe). Its messages are the `Tr` it derefs to.
use std::{ops::Deref, sync::Arc};

use crate::i18n::{Arg, CountryName, Tr};

#[derive(Clone)]
pub struct Ui {
    pub tr: Tr,
    /// `?flow=…` (or, before the flow is stored, the app's parameters) for
    /// an app's flow: links and forms keep it. Empty otherwise.
    pub flow_q: String,
    /// The same without `lang`, for the language switcher.
    switch_q: String,
    /// The app that asked, for an app's flow.
    pub client_name: Option<String>,
    /// The compact layout for an iframe.
    pub embed: bool,
    /// In an iframe: the origin of the app's page that frames the flow (of
    /// its `return_to`), the only one told anything.
    pub parent_origin: Option<String>,
    /// The region the reader named in `Accept-Language` (`es-MX`, or
    /// `en-GB` on a page in another language), if any.
    pub region: Option<&'static str>,
    /// `BRAND_LOGO_URL`.
    pub logo: Option<Arc<str>>,
    /// Whether `/static/brand.css` (the accent colour) applies.
    pub brand_css: bool,
}

impl Deref for Ui {
    type Target = Tr;

    fn deref(&self) -> &Tr {
        &self.tr
    }
}

impl Ui {
    /// A page in `tr`'s language with the deployment's logo and accent colour.
    pub fn new(tr: Tr, logo: Option<&str>, accent: bool) -> Self {
        Self {
            tr,
            flow_q: String::new(),
            switch_q: String::new(),
            client_name: None,
            embed: false,
            parent_origin: None,
            region: None,
            logo: logo.map(Arc::from),
            brand_css: accent,
        }
    }

    /// The same, inside an app's flow.
    pub fn in_flow(
        mut self,
        flow_q: String,
        switch_q: String,
        client_name: Option<String>,
        parent_origin: Option<String>,
    ) -> Self {
        self.flow_q = flow_q;
        self.switch_q = switch_q;
        self.client_name = client_name;
        self.embed = parent_origin.is_some();
        self.parent_origin = parent_origin;
        self
    }

    /// "Acme wants to confirm your phone number", inside an app's flow.
    pub fn client_asks(&self) -> Option<String> {
        let client = self.client_name.as_deref()?;
        Some(self.args("client-asks", &[("client", Arg::from(client))]))
    }

    /// Message `id` around a phone number (its `$phone`), split so the
    /// page can keep a whole number on one line.
    pub fn around_number(&self, id: &str, number: ShownNumber) -> Sentence {
        const MARK: &str = "\u{E000}";
        let text = self.args(id, &[("phone", Arg::from(MARK))]);
        let (before, after) = text.split_once(MARK).unwrap_or((text.as_str(), ""));
        Sentence {
            before: before.to_owned(),
            number: number.text,
            after: after.to_owned(),
            nowrap: number.whole,
        }
    }

    /// A page's title when it shows an error: `Error: <title>`.
    pub fn error_title(&self, title: String) -> String {
        self.args("error-title-prefix", &[("title", Arg::from(title))])
    }

    /// What a field's error message is wrapped in for screen readers, read
    /// but not shown (`Error: ` before it, in the reader's language): the
    /// text before (`after` false) or after (`after` true) the message.
    pub fn error_affix(&self, after: bool) -> String {
        const MARK: &str = "\u{E000}";
        let text = self.plain("error-title-prefix", &[("title", Arg::from(MARK))]);
        let (before, rest) = text.split_once(MARK).unwrap_or((text.as_str(), ""));
        if after { rest } else { before }.to_owned()
    }

    /// `text` kept left to right on a right-to-left page (a number such as
    /// `+966 50 123 4567` would read `966+` otherwise).
    pub fn ltr(&self, text: &str) -> String {
        if self.dir() == "rtl" {
            format!("\u{2066}{text}\u{2069}")
        } else {
            text.to_owned()
        }
    }

    /// A country as the phone form's list shows it: `Egypt (+20)`.
    pub fn country_option(&self, c: &CountryName) -> String {
        format!("{} {}", c.name, self.ltr(&format!("(+{})", c.calling_code)))
    }

    /// The country `code` as the phone form's list names it, if it lists it.
    pub fn country_named(&self, code: &str) -> Option<String> {
        self.countries()
            .iter()
            .find(|c| c.code == code)
            .map(|c| self.country_option(c))
    }

    /// The query that switches language, keeping the flow: `?flow=…&lang=` or `?lang=`.
    pub fn lang_q(&self) -> String {
        if self.switch_q.is_empty() {
            "?lang=".to_owned()
        } else {
            format!("{}&lang=", self.switch_q)
        }
    }
}

/// A phone number as a page shows it: whole (`+1 415-555-2671`, kept left
/// to right) or as "the number ending in 2671".
pub struct ShownNumber {
    pub text: String,
    pub whole: bool,
}

/// A sentence that names a phone number (templates/sentence.html).
pub struct Sentence {
    pub before: String,
    pub number: String,
    pub after: String,
    /// A whole number is not broken across lines.
    pub nowrap: bool,
}

impl Sentence {
    /// A sentence without a number.
    pub fn plain(text: String) -> Self {
        Self {
            before: text,
            number: String::new(),
            after: String::new(),
            nowrap: false,
        }
    }
}
