//! What a page shows beside its words: the brand's look (logo, accent
//! colour), the reader's region, and an app's flow (its links, its name,
//! the compact layout of an iframe). Its messages are the `Tr` it derefs to.
use std::{ops::Deref, sync::Arc};

use crate::i18n::{Arg, Tr};

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
    /// The region the reader named with their language (`es-MX`), if any.
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
        embed: bool,
    ) -> Self {
        self.flow_q = flow_q;
        self.switch_q = switch_q;
        self.client_name = client_name;
        self.embed = embed;
        self
    }

    /// The country the phone form starts on: the reader's region, else the
    /// likely region of their language.
    pub fn home_region(&self) -> Option<&'static str> {
        self.region.or_else(|| self.tr.likely_region())
    }

    /// "Acme wants to confirm your phone number", inside an app's flow.
    pub fn client_asks(&self) -> Option<String> {
        let client = self.client_name.as_deref()?;
        Some(self.args("client-asks", &[("client", Arg::from(client))]))
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
