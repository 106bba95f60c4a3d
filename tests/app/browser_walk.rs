//! The whole flow walked as a person would, in English and Arabic, at
//! 1024 px and 360 px, with and without JavaScript: every check of the
//! "late texts, slips and where you stand" work in one walk per setting.
//! What a page says is compared with the locale's own message.
use std::sync::Arc;

use fantoccini::{Client, Locator};
use phone_verify::i18n::{Arg, I18n, Tr, default_region};
use serde_json::{Value, json};

use crate::{
    browser::{Options, audit, browser, path, screenshot, submit, text, type_into},
    helpers::{Backend, spawn_app_with},
};

const US: &str = "+14155552671";
const SHOWN: &str = "+1 415-555-2671";
const COOLDOWN: u32 = 3;
const MAX_ATTEMPTS: i64 = 5;

/// Text without the Unicode isolation marks that keep numbers left to right
/// on a right-to-left page.
fn plain(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{2066}'..='\u{2069}').contains(c))
        .collect()
}

/// Text with every run of white space one space.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Facts about the current page that a person (or their screen reader)
/// meets, read in one script.
const FACTS: &str = r#"
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map(Number).map(v => {
    v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function ratio(a, b) {
  const x = luminance(a), y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
function background(el) {
  for (; el; el = el.parentElement) {
    const c = getComputedStyle(el).backgroundColor;
    if (c && c !== 'transparent' && !/, 0\)$/.test(c)) return c;
  }
  return 'rgb(255, 255, 255)';
}
// WCAG 1.4.11: a field's border against what surrounds it and against its
// own inside, and the focus outline against what surrounds it.
function fieldContrast(id) {
  const el = document.getElementById(id);
  if (!el) return null;
  const outside = background(el.parentElement);
  const inside = background(el);
  const border = getComputedStyle(el).borderTopColor;
  el.focus();
  const s = getComputedStyle(el);
  const outline = s.outlineStyle === 'none' ? null : ratio(s.outlineColor, outside);
  el.blur();
  return { border: Math.min(ratio(border, outside), ratio(border, inside)), outline: outline };
}
const live = '[aria-live],[role=status],[role=alert],[role=log],[role=timer]';
const wait = document.getElementById('resend-wait');
const resend = document.getElementById('resend-button');
const code = document.getElementById('code');
return {
  title: document.title,
  focused: document.activeElement ? document.activeElement.id : null,
  formsNoValidate: [...document.forms].every(f => f.noValidate),
  browserChecks: document.querySelectorAll('[required],[pattern],[minlength]').length,
  countryFirst: !!(document.getElementById('country') && document.getElementById('phone') &&
    document.getElementById('country').compareDocumentPosition(document.getElementById('phone')) & Node.DOCUMENT_POSITION_FOLLOWING),
  country: document.getElementById('country') ? document.getElementById('country').value : null,
  phoneValue: document.getElementById('phone') ? document.getElementById('phone').value : null,
  phone: fieldContrast('phone'),
  code: fieldContrast('code'),
  codeMaxLength: code ? code.maxLength : null,
  codeSpellcheck: code ? code.getAttribute('spellcheck') : null,
  codeInvalid: code ? code.getAttribute('aria-invalid') : null,
  codeValue: code ? code.value : null,
  waitIsLive: wait ? !!wait.closest(live) : null,
  resend: resend ? { disabled: resend.disabled, ariaDisabled: resend.getAttribute('aria-disabled'), tabIndex: resend.tabIndex } : null,
  attemptsShown: !!document.getElementById('attempts'),
  numberOnOneLine: (n => n ? [...n.getClientRects()].every((r, _, all) => Math.abs(r.top - all[0].top) < 2) : null)(document.querySelector('.number')),
};
"#;

/// Records every change inside a live region from now on.
const LISTEN: &str = r#"
window.__announced = [];
const live = '[aria-live],[role=status],[role=alert],[role=log],[role=timer]';
new MutationObserver(changes => {
  for (const m of changes) {
    const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
    const region = el && el.closest(live);
    if (region) window.__announced.push(region.id + ': ' + region.textContent);
  }
}).observe(document.body, { subtree: true, childList: true, characterData: true });
return true;
"#;

struct Walk<'a> {
    c: &'a Client,
    tr: Tr,
    javascript: bool,
    name: String,
}

impl Walk<'_> {
    fn t(&self, id: &str) -> String {
        plain(&self.tr.t(id))
    }

    fn args(&self, id: &str, args: &[(&'static str, Arg)]) -> String {
        plain(&self.tr.args(id, args))
    }

    /// A field's error as read: the message in its hidden "Error: " (the
    /// prefix is in the text, clipped from view, for screen readers; being
    /// positioned, the browser's text puts a line break after it).
    fn field_error(&self, message: &str) -> String {
        words(&self.args("error-title-prefix", &[("title", Arg::from(message))]))
    }

    /// An element's text with its white space collapsed, to compare with
    /// [`Walk::field_error`].
    async fn error_text(&self, css: &str) -> String {
        words(&self.text(css).await)
    }

    async fn facts(&self) -> Value {
        let facts = self.c.execute(FACTS, vec![]).await.unwrap();
        eprintln!("{}: {facts}", self.name);
        facts
    }

    async fn text(&self, css: &str) -> String {
        plain(&text(self.c, css).await)
    }

    async fn absent(&self, css: &str) -> bool {
        self.c.find(Locator::Css(css)).await.is_err()
    }

    /// axe runs in the page, so only where scripts run; the markup is the
    /// same without.
    async fn audit(&self) {
        if self.javascript {
            audit(self.c, &self.name).await;
        }
    }

    async fn shot(&self, step: &str) {
        screenshot(self.c, &format!("{}-{step}", self.name)).await;
    }

    /// Types a code and submits it.
    async fn enter(&self, code: &str) {
        type_into(self.c, "#code", code).await;
        submit(self.c, "form[action^='/verify/code'] button").await;
    }

    /// A code error: on the field, in the summary, in the title, and the
    /// summary takes the focus.
    async fn assert_code_error(&self, want: &str) {
        assert_eq!(
            self.error_text("#code-error").await,
            self.field_error(want),
            "{}",
            self.name
        );
        assert!(
            self.text("#problem-summary").await.contains(want),
            "{}",
            self.name
        );
        let facts = self.facts().await;
        let title = self.args(
            "error-title-prefix",
            &[("title", Arg::from(self.t("code-title")))],
        );
        assert_eq!(
            plain(facts["title"].as_str().unwrap()),
            format!("{title} · Acme")
        );
        assert_eq!(facts["focused"], "problem-summary", "{}", self.name);
        assert_eq!(facts["codeInvalid"], "true");
        // The summary's link leads to the field.
        let href = self
            .c
            .find(Locator::Css("#problem-summary a"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap();
        assert_eq!(href.as_deref(), Some("#code"));
    }
}

async fn walk(lang: &'static str, javascript: bool, mobile: bool) {
    let app = spawn_app_with(
        Backend::Sqlite,
        &[
            ("BRAND_NAME", "Acme"),
            ("RESEND_COOLDOWN_SECONDS", &COOLDOWN.to_string()),
            ("SUPPORT_URL", "https://help.example.com/sms"),
        ],
    )
    .await;
    let b = browser(Options {
        javascript_off: !javascript,
        mobile,
        ..Default::default()
    })
    .await;
    let w = Walk {
        c: &b.client,
        tr: Tr::new(Arc::new(I18n::new("en").unwrap()), lang, "Acme".into()),
        javascript,
        name: format!(
            "walk-{lang}-{}-{}",
            if mobile { 360 } else { 1024 },
            if javascript { "js" } else { "nojs" }
        ),
    };
    let c = w.c;

    // The phone step: country first, its hint's example from the country
    // selected, no browser validation, borders that can be seen.
    c.goto(&app.url(&format!("/verify?lang={lang}")))
        .await
        .unwrap();
    let facts = w.facts().await;
    // `?lang=` changes the language only: the country is the region the
    // browser names (`Accept-Language`, as `navigator.languages`), else the
    // language's likely one.
    let languages: Value = c
        .execute("return navigator.languages.join(',')", vec![])
        .await
        .unwrap();
    let region = I18n::new("en")
        .unwrap()
        .reader_region(languages.as_str(), lang)
        .or_else(|| default_region(lang))
        .unwrap_or("US");
    assert_eq!(facts["country"], region, "{languages}");
    let example = phone_verify::domain::phone::example(region).unwrap();
    assert_eq!(
        w.text("#phone-hint").await,
        w.args("phone-hint", &[("example", Arg::from(example))])
    );
    assert_eq!(w.text("#country-hint").await, w.t("country-hint"));
    assert_eq!(facts["countryFirst"], true);
    assert_eq!(facts["formsNoValidate"], true);
    assert_eq!(facts["browserChecks"], 0);
    assert!(facts["phone"]["border"].as_f64().unwrap() >= 3.0, "{facts}");
    assert!(
        facts["phone"]["outline"].as_f64().unwrap() >= 3.0,
        "{facts}"
    );
    w.audit().await;

    // An empty number is the service's message, not a browser popup: the
    // form is sent (the page changes) and comes back with the error.
    submit(c, "form button[type=submit]").await;
    assert_eq!(
        w.error_text("#phone-error").await,
        w.field_error(&w.t("error-empty-phone"))
    );
    assert_eq!(w.facts().await["focused"], "problem-summary");

    type_into(c, "#phone", US).await;
    submit(c, "form button[type=submit]").await;
    assert_eq!(path(c).await, "/verify/code");
    let first = app.last_code(US).await;

    // The code page: a title of text, the whole number, the code's life,
    // no attempts counted yet, the help section with the support link.
    if javascript {
        c.execute(LISTEN, vec![]).await.unwrap();
    }
    let facts = w.facts().await;
    assert_eq!(
        plain(facts["title"].as_str().unwrap()),
        format!("{} · Acme", w.t("code-title")),
        "the title is text only"
    );
    assert_eq!(facts["focused"], "code");
    assert_eq!(
        w.text("h1 + p").await,
        w.args("code-intro", &[("phone", Arg::from(SHOWN))])
    );
    assert_eq!(
        w.text("#code-lifetime").await,
        w.args("code-lifetime", &[("minutes", Arg::from(10u32))])
    );
    assert_eq!(facts["attemptsShown"], false);
    assert_eq!(facts["numberOnOneLine"], true);
    assert!(
        facts["codeMaxLength"].as_i64().unwrap() >= 11,
        "room for 123 456"
    );
    assert_eq!(facts["codeSpellcheck"], "false");
    assert!(facts["code"]["border"].as_f64().unwrap() >= 3.0, "{facts}");
    assert!(facts["code"]["outline"].as_f64().unwrap() >= 3.0, "{facts}");
    assert_eq!(
        facts["waitIsLive"], false,
        "the countdown is not a live region"
    );
    assert_eq!(
        w.text("details.help summary").await,
        w.t("help-title"),
        "help for a text that does not come"
    );
    let support = c
        .find(Locator::Css("details.help a"))
        .await
        .unwrap()
        .attr("href")
        .await
        .unwrap();
    assert_eq!(support.as_deref(), Some("https://help.example.com/sms"));
    w.audit().await;
    w.shot("code").await;

    // Asking for a new code: with JavaScript a quiet countdown on a button
    // that stays reachable, then one announcement; without, the wait in
    // words, and an early press told beside the button.
    if javascript {
        assert_eq!(
            facts["resend"],
            json!({ "disabled": false, "ariaDisabled": "true", "tabIndex": 0 })
        );
        let ready = w.t("code-resend-ready");
        c.wait()
            .at_most(std::time::Duration::from_secs(10))
            .for_element(Locator::XPath(&format!(
                "//p[@id='resend-ready'][. = '{ready}']"
            )))
            .await
            .unwrap();
        let announced: Value = c
            .execute("return window.__announced", vec![])
            .await
            .unwrap();
        assert_eq!(
            announced,
            json!([format!("resend-ready: {ready}")]),
            "only the end of the wait is announced"
        );
        assert_eq!(w.facts().await["resend"]["ariaDisabled"], Value::Null);
    } else {
        assert_eq!(
            w.text("#resend-wait").await,
            w.args("code-resend-after", &[("seconds", Arg::from(COOLDOWN))])
        );
        submit(c, "#resend-button").await;
        // Back on the code page (post/redirect/get), the wait a warning
        // beside the button, read first.
        assert_eq!(path(c).await, "/verify/code");
        assert_eq!(
            w.text(".resend .warning").await,
            w.args("error-cooldown", &[("seconds", Arg::from(COOLDOWN))])
        );
        assert!(
            w.absent(".resend .notice:not(.warning)").await,
            "not a success"
        );
        assert!(
            w.absent("#code-error").await,
            "the code field is not at fault"
        );
        let facts = w.facts().await;
        assert_eq!(facts["codeInvalid"], Value::Null);
        assert_eq!(facts["focused"], "resend-warning", "{}", w.name);
        w.audit().await;
        assert_eq!(app.outbox_len().await, 1);
    }

    // Slips cost nothing and get their own message.
    w.enter("").await;
    w.assert_code_error(&w.t("error-empty-code")).await;
    let format = w.args("error-code-format", &[("length", Arg::from(6u32))]);
    for slip in ["12345", "1234567", "12a456"] {
        w.enter(slip).await;
        w.assert_code_error(&format).await;
        assert_eq!(
            w.facts().await["codeValue"],
            slip,
            "what was typed stays to be seen"
        );
    }
    assert_eq!(app.attempts_spent(US, MAX_ATTEMPTS).await, 0);
    w.audit().await;
    w.shot("slip").await;

    // A well-formed wrong code spends one.
    let wrong = if first == "000000" {
        "111111"
    } else {
        "000000"
    };
    w.enter(wrong).await;
    w.assert_code_error(&w.args("error-incorrect-code", &[("count", Arg::from(4u32))]))
        .await;
    assert_eq!(app.attempts_spent(US, MAX_ATTEMPTS).await, 1);

    // The page again later: the attempts left are shown now that one was
    // spent. A new code, then the first one arrives late and still works.
    app.clock
        .advance(time::Duration::seconds(i64::from(COOLDOWN)));
    c.goto(&app.url("/verify/code")).await.unwrap();
    assert_eq!(w.facts().await["attemptsShown"], true);
    assert_eq!(
        w.text("#attempts").await,
        w.args("code-attempts-left", &[("count", Arg::from(4u32))])
    );
    submit(c, "#resend-button").await;
    assert_eq!(w.text(".notice").await, w.t("code-sent"));
    assert_eq!(app.outbox_len().await, 2);
    w.enter(&first).await;
    assert_eq!(path(c).await, "/verify/done");
    assert!(
        w.text("main")
            .await
            .contains(&w.args("done-body", &[("phone", Arg::from(SHOWN))])),
        "the done page names the number"
    );
    assert_eq!(w.facts().await["numberOnOneLine"], true);
    w.audit().await;
    w.shot("done").await;

    // Once more, to let the code run out: "Use a different number" opens
    // the phone step with the number filled in; an expired code leads to
    // the new-code button.
    app.clock
        .advance(time::Duration::seconds(i64::from(COOLDOWN)));
    c.goto(&app.url("/verify")).await.unwrap();
    type_into(c, "#phone", US).await;
    submit(c, "form button[type=submit]").await;
    c.find(Locator::Css("p.links a"))
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    crate::browser::wait_path(c, "/verify").await;
    assert_eq!(w.facts().await["phoneValue"], SHOWN);
    c.goto(&app.url("/verify/code")).await.unwrap();
    app.clock.advance(time::Duration::seconds(601));
    c.refresh().await.unwrap();
    assert_eq!(w.text("h1").await, w.t("code-expired-title"));
    let facts = w.facts().await;
    assert_eq!(facts["focused"], "resend-button", "{}", w.name);
    assert!(w.absent("#code").await, "nothing to type any more");
    w.audit().await;
    submit(c, "#resend-button").await;
    assert_eq!(w.text(".notice").await, w.t("code-sent"));
    assert_eq!(w.text("h1").await, w.t("code-title"));

    // An error page: "Error: " in the title, the summary focused.
    c.goto(&app.url("/verify?client_id=nobody")).await.unwrap();
    let facts = w.facts().await;
    let title = w.args(
        "error-title-prefix",
        &[("title", Arg::from(w.t("error-title")))],
    );
    assert_eq!(
        plain(facts["title"].as_str().unwrap()),
        format!("{title} · Acme")
    );
    assert_eq!(facts["focused"], "problem-summary");
    assert!(
        w.text("#problem-summary")
            .await
            .contains(&w.t("error-bad-client"))
    );
    w.audit().await;
}

macro_rules! walks {
    ($($name:ident: $lang:literal, $js:literal, $mobile:literal;)*) => {$(
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            walk($lang, $js, $mobile).await;
        }
    )*};
}

walks! {
    english_wide_with_javascript: "en", true, false;
    english_wide_without_javascript: "en", false, false;
    english_narrow_with_javascript: "en", true, true;
    english_narrow_without_javascript: "en", false, true;
    arabic_wide_with_javascript: "ar", true, false;
    arabic_wide_without_javascript: "ar", false, false;
    arabic_narrow_with_javascript: "ar", true, true;
    arabic_narrow_without_javascript: "ar", false, true;
}

/// Back after the code expired and was purged (issue 25, item 7): the
/// number and its country are on the phone form again, and the warning
/// that says so takes the focus (WCAG 3.3.7), with and without JavaScript.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_late_return_keeps_the_number_and_focuses_the_warning() {
    const UK: &str = "+447400123510";
    const UK_SHOWN: &str = "+44 7400 123510";
    for javascript in [true, false] {
        let app = spawn_app_with(Backend::Sqlite, &[("BRAND_NAME", "Acme")]).await;
        let b = browser(Options {
            javascript_off: !javascript,
            ..Default::default()
        })
        .await;
        let w = Walk {
            c: &b.client,
            tr: Tr::new(Arc::new(I18n::new("en").unwrap()), "en", "Acme".into()),
            javascript,
            name: format!("late-return-{}", if javascript { "js" } else { "nojs" }),
        };
        let c = w.c;
        c.goto(&app.url("/verify")).await.unwrap();
        type_into(c, "#phone", UK_SHOWN).await;
        submit(c, "form button[type=submit]").await;
        assert_eq!(path(c).await, "/verify/code");
        assert_eq!(app.outbox_len().await, 1);
        app.clock.advance(time::Duration::seconds(601));
        app.clock
            .advance(phone_verify::storage::Retention::EXPIRED_GRACE);
        app.state.verifier.purge_expired().await.unwrap();
        c.refresh().await.unwrap();
        assert_eq!(path(c).await, "/verify");
        let facts = w.facts().await;
        assert_eq!(facts["focused"], "warning-notice", "{}", w.name);
        assert_eq!(facts["phoneValue"], UK_SHOWN);
        assert_eq!(facts["country"], "GB", "the number's country");
        assert_eq!(w.text("#warning-notice").await, w.t("flash-expired-number"));
        // A warning, not a success: not the success notice's colour.
        let colours: Value = c
            .execute(
                "const s = getComputedStyle(document.getElementById('warning-notice'));
                 const ok = document.createElement('p'); ok.className = 'notice';
                 document.body.append(ok); const o = getComputedStyle(ok).color; ok.remove();
                 return [s.color, o];",
                vec![],
            )
            .await
            .unwrap();
        assert_ne!(colours[0], colours[1], "{colours}");
        w.audit().await;
        w.shot("warning").await;
        // One press and a new code is on its way.
        submit(c, "form button[type=submit]").await;
        assert_eq!(path(c).await, "/verify/code");
        assert_eq!(app.outbox_len().await, 2);
        assert!(app.last_sms(UK).await.contains('#'));
    }
}

/// A Chrome DevTools command through chromedriver (`goog/cdp/execute`):
/// what the browser's accessibility tree says, as a screen reader gets it.
#[derive(Debug)]
struct Cdp(&'static str, Value);

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or("")
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (axum::http::Method, Option<String>) {
        let body = json!({ "cmd": self.0, "params": self.1 });
        (axum::http::Method::POST, Some(body.to_string()))
    }
}

/// The accessible description of the element with `id`, as Chromium
/// computes it (`aria-describedby` followed to its text).
async fn description(c: &Client, id: &str) -> String {
    let document = c
        .issue_cmd(Cdp("DOM.getDocument", json!({ "depth": 0 })))
        .await
        .unwrap();
    let node = c
        .issue_cmd(Cdp(
            "DOM.querySelector",
            json!({ "nodeId": document["root"]["nodeId"], "selector": format!("#{id}") }),
        ))
        .await
        .unwrap();
    let tree = c
        .issue_cmd(Cdp(
            "Accessibility.getPartialAXTree",
            json!({ "nodeId": node["nodeId"], "fetchRelatives": false }),
        ))
        .await
        .unwrap();
    let described = tree["nodes"][0]["description"]["value"]
        .as_str()
        .unwrap_or_default();
    plain(described)
}

/// Pastes `text` into the code field as a person would (a paste event with
/// the clipboard's text): whether the page took the paste over, and the
/// field's value after.
async fn paste(c: &Client, before: &str, text: &str) -> (bool, String) {
    let result = c
        .execute(
            "const input = document.getElementById('code');
             input.value = arguments[0];
             const data = new DataTransfer(); data.setData('text', arguments[1]);
             const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
             input.dispatchEvent(event);
             return [event.defaultPrevented, input.value];",
            vec![json!(before), json!(text)],
        )
        .await
        .unwrap();
    (
        result[0].as_bool().unwrap(),
        result[1].as_str().unwrap().to_owned(),
    )
}

/// The code step with JavaScript in Chromium (issue 25, items 3, 5, 8 and
/// 10): a pasted text message gives its code, in the reader's language's
/// wording; the resend button is described by its countdown and the code
/// field by the code's lifetime, which comes before it; the lock-out says
/// when the number can be tried again and nothing that cannot work.
async fn code_step(lang: &'static str) {
    let app = spawn_app_with(Backend::Sqlite, &[("BRAND_NAME", "Acme")]).await;
    let b = browser(Options::default()).await;
    let w = Walk {
        c: &b.client,
        tr: Tr::new(Arc::new(I18n::new("en").unwrap()), lang, "Acme".into()),
        javascript: true,
        name: format!("code-step-{lang}"),
    };
    let c = w.c;
    c.goto(&app.url(&format!("/verify?lang={lang}")))
        .await
        .unwrap();
    type_into(c, "#phone", US).await;
    submit(c, "form button[type=submit]").await;
    assert_eq!(path(c).await, "/verify/code");

    // Descriptions: the field by the code's lifetime (said before it), the
    // resend button, while it waits, by the countdown.
    let lifetime = w.args("code-lifetime", &[("minutes", Arg::from(10u32))]);
    assert_eq!(description(c, "code").await, lifetime);
    let order: Value = c
        .execute(
            "const hint = document.getElementById('code-lifetime');
             return !!(hint.compareDocumentPosition(document.getElementById('code')) & Node.DOCUMENT_POSITION_FOLLOWING);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(order, true, "the lifetime comes before the field");
    let countdown = description(c, "resend-button").await;
    let pattern = w.args("code-resend-wait", &[("time", Arg::from("{time}"))]);
    let (head, tail) = pattern.split_once("{time}").unwrap();
    assert!(
        countdown.starts_with(head) && countdown.ends_with(tail) && countdown.contains("0:"),
        "{countdown:?} is the countdown ({pattern:?})"
    );
    assert_eq!(w.facts().await["resend"]["ariaDisabled"], "true");
    w.audit().await;

    // The whole text message, as it came and as a one-line field holds it:
    // the code. A formatted code: its digits. Two different codes: the
    // paste is left to the browser (and the server says what is wrong).
    let sms = app.last_sms(US).await;
    let code = crate::helpers::code_of(&sms);
    for text in [
        sms.clone(),
        sms.replace('\n', " "),
        sms.lines().next().unwrap().to_owned(),
    ] {
        assert_eq!(paste(c, "", &text).await, (true, code.clone()), "{text:?}");
    }
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    assert_eq!(paste(c, "", &spaced).await, (true, code.clone()));
    let other = if code == "000000" { "111111" } else { "000000" };
    let two = format!("{code} or {other}, said Acme");
    assert_eq!(paste(c, "12", &two).await, (false, "12".to_owned()));
    // Pasted, then Enter: verified.
    paste(c, "", &sms).await;
    c.find(Locator::Css("#code"))
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    crate::browser::wait_path(c, "/verify/done").await;

    // The lock-out: five wrong codes for another number.
    let number = "+14155552672";
    c.goto(&app.url("/verify")).await.unwrap();
    type_into(c, "#phone", number).await;
    submit(c, "form button[type=submit]").await;
    let wrong = if app.last_code(number).await == "000000" {
        "111111"
    } else {
        "000000"
    };
    for _ in 0..5 {
        w.enter(wrong).await;
    }
    assert_eq!(w.text("h1").await, w.t("code-locked-title"));
    assert_eq!(
        w.text("h1 + p").await,
        w.args("code-locked-retry", &[("minutes", Arg::from(60u32))])
    );
    assert!(w.absent("details.help").await, "no help about texts");
    assert!(w.absent("#code").await && w.absent("#resend-button").await);
    assert_eq!(w.text("p.links a").await, w.t("code-change-number"));
    w.audit().await;
    w.shot("locked").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_code_step_in_english() {
    code_step("en").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_code_step_in_arabic() {
    code_step("ar").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_code_step_in_japanese() {
    code_step("ja").await;
}
