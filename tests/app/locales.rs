//! Every language: messages complete and used, every page in every locale,
//! right-to-left, the SMS per locale.
use std::{collections::BTreeSet, path::Path, sync::Arc};

use phone_verify::i18n::{Arg, I18n, LOCALES, Tr};
use reqwest::StatusCode;

use crate::{
    both_backends,
    helpers::{Backend, code_of, spawn_app_with},
};

/// The shipped locales written right to left.
const RIGHT_TO_LEFT: &[&str] = &["ar", "fa", "he", "ur"];

fn rtl(lang: &str) -> &'static str {
    if RIGHT_TO_LEFT.contains(&lang) {
        "rtl"
    } else {
        "ltr"
    }
}

fn files(dir: &Path, ext: &str, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Every string literal in the Rust sources and every `t("…")` in the templates.
fn literals() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    files(&root.join("src"), "rs", &mut sources);
    files(&root.join("templates"), "html", &mut sources);
    // Every run of id characters right between two double quotes.
    let mut found = BTreeSet::new();
    for text in sources {
        for (at, _) in text.match_indices('"') {
            let word: String = text[at + 1..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            if !word.is_empty() && text[at + 1 + word.len()..].starts_with('"') {
                found.insert(word);
            }
        }
    }
    found
}

fn sample_args() -> Vec<(&'static str, Arg)> {
    vec![
        ("phone", Arg::from("+1******2671")),
        ("length", Arg::from(6u32)),
        ("time", Arg::from("0:25")),
        ("brand", Arg::from("Acme")),
        ("code", Arg::from("123456")),
        ("client", Arg::from("Acme Shop")),
        ("example", Arg::from("+1 201-555-0123")),
        ("last", Arg::from("2671")),
        ("title", Arg::from("Enter your code")),
        ("country", Arg::from("United Kingdom (+44)")),
    ]
}

#[test]
fn every_message_is_used_and_every_used_message_exists() {
    let i18n = I18n::new("en").unwrap();
    let english: BTreeSet<String> = i18n.message_ids("en").into_iter().collect();
    let literals = literals();
    let unused: Vec<_> = english
        .iter()
        .filter(|id| !literals.contains(*id))
        .collect();
    assert!(unused.is_empty(), "messages nothing uses: {unused:?}");
    // Literals shaped like our message ids must name a message.
    let prefixes: BTreeSet<&str> = english
        .iter()
        .filter_map(|id| id.split('-').next())
        .collect();
    let missing: Vec<_> = literals
        .iter()
        .filter(|l| {
            l.contains('-')
                && l.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
                && prefixes.contains(l.split('-').next().unwrap())
                && (l.starts_with("error-") || l.starts_with("flash-") || l.ends_with("-title"))
        })
        .filter(|l| !english.contains(*l))
        .collect();
    assert!(
        missing.is_empty(),
        "used but not in locales/en: {missing:?}"
    );
    for lang in LOCALES {
        let ids: BTreeSet<String> = i18n.message_ids(lang).into_iter().collect();
        assert_eq!(ids, english, "{lang} has exactly the English ids");
    }
}

#[test]
fn every_message_formats_in_every_locale() {
    let i18n = I18n::new("en").unwrap();
    for lang in LOCALES {
        for id in i18n.message_ids(lang) {
            for n in [0u32, 1, 2, 3, 5, 11, 21, 100] {
                let mut args = sample_args();
                for name in ["count", "minutes", "seconds"] {
                    args.push((name, Arg::from(n)));
                }
                let text = i18n
                    .check(lang, &id, &args)
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(
                    !text.contains('{') && !text.trim().is_empty(),
                    "{lang}: {id}: {text:?}"
                );
            }
        }
    }
}

#[test]
fn languages_are_named_in_themselves_and_rtl_is_marked() {
    let i18n = Arc::new(I18n::new("en").unwrap());
    let tr = Tr::new(i18n.clone(), "en", "Acme".into());
    let names: Vec<String> = tr.languages().into_iter().map(|(_, n)| n).collect();
    let unique: BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), LOCALES.len(), "{names:?}");
    for lang in LOCALES {
        let tr = Tr::new(i18n.clone(), lang, "Acme".into());
        assert_eq!(tr.dir(), rtl(lang), "{lang}");
        assert!(tr.countries().len() > 200, "{lang}: country names");
    }
}

/// What a response's `Vary` headers name, sorted (the compression layer
/// adds `accept-encoding`).
fn varies(page: &crate::helpers::Page) -> Vec<String> {
    let mut names: Vec<String> = page
        .headers
        .get_all("vary")
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .map(|n| n.trim().to_ascii_lowercase())
        .collect();
    names.sort();
    names
}

both_backends!(
    every_page_in_every_locale,
    sms_in_every_locale,
    the_lifetime_is_stated_exactly
);

/// `OTP_TTL_SECONDS` as the text and the code page state it: seconds under
/// a minute, else whole minutes rounded down — never longer than it is.
async fn the_lifetime_is_stated_exactly(backend: Backend) {
    for (ttl, sms_says, page_says) in [
        (
            "30",
            "It expires in 30 seconds.",
            [
                "The code expires in 30 seconds.",
                "The code expires in 29 seconds.",
            ],
        ),
        (
            "90",
            "It expires in 1 minute.",
            [
                "The code expires in 1 minute.",
                "The code expires in 1 minute.",
            ],
        ),
        (
            "150",
            "It expires in 2 minutes.",
            [
                "The code expires in 2 minutes.",
                "The code expires in 2 minutes.",
            ],
        ),
    ] {
        let app = spawn_app_with(backend, &[("OTP_TTL_SECONDS", ttl)]).await;
        let browser = app.new_browser(None);
        browser.get("/verify?lang=en").await;
        let phone = "+14155552671";
        let started = browser.start(phone, "US").await;
        assert_eq!(
            started.status,
            StatusCode::SEE_OTHER,
            "{ttl}: {}",
            started.body
        );
        let page = browser.get("/verify/code").await;
        assert_eq!(page.status, StatusCode::OK, "{ttl}: {}", page.body);
        let sms = app.last_sms(phone).await;
        assert!(sms.contains(sms_says), "OTP_TTL_SECONDS={ttl}: {sms}");
        assert!(
            page_says.iter().any(|s| page.body.contains(s)),
            "OTP_TTL_SECONDS={ttl}: the code page says {page_says:?}: {}",
            page.body
        );
        // In German too, with its own plural.
        let sms_de = app.state.verifier.sms_body("de", &code_sample());
        let de = if ttl == "30" { "30 Sekunden" } else { "Minute" };
        assert!(sms_de.contains(de), "OTP_TTL_SECONDS={ttl}: {sms_de}");
    }
}

fn code_sample() -> phone_verify::domain::OtpCode {
    phone_verify::domain::OtpCode::generate(6)
}

async fn every_page_in_every_locale(backend: Backend) {
    // Two texts per language from one address would ask for a challenge.
    let app = spawn_app_with(backend, &[("BOT_CHALLENGE", "off")]).await;
    for (i, lang) in LOCALES.iter().enumerate() {
        let browser = app.new_browser(None);
        let phone = format!("+1415555{:04}", 2600 + i);
        let first = browser.get(&format!("/verify?lang={lang}")).await;
        assert_eq!(first.status, StatusCode::OK, "{lang}");
        let dir = rtl(lang);
        assert!(
            first
                .body
                .contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{lang}"
        );
        assert!(
            first.body.contains("<bdi>Acme</bdi>")
                && first.body.contains("&#x2068;Acme&#x2069;</title>"),
            "{lang}: the brand keeps its own direction in the header and the title"
        );
        let csrf = first.csrf();
        let bad = browser
            .post(
                "/verify",
                &[("csrf_token", &csrf), ("phone", "12"), ("country", "US")],
            )
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{lang}");
        browser
            .post(
                "/verify",
                &[("csrf_token", &csrf), ("phone", &phone), ("country", "US")],
            )
            .await;
        let code_page = browser.get("/verify/code").await;
        assert_eq!(code_page.status, StatusCode::OK, "{lang}");
        let wrong = browser
            .post("/verify/code", &[("csrf_token", &csrf), ("code", "00")])
            .await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST, "{lang}");
        let early = browser
            .post("/verify/resend", &[("csrf_token", &csrf)])
            .await;
        assert_eq!(early.status, StatusCode::SEE_OTHER, "{lang}");
        let resend = browser.get(early.location().unwrap()).await;
        assert!(resend.body.contains(r#"class="notice warning""#), "{lang}");
        let code = app.last_code(&phone).await;
        browser
            .post("/verify/code", &[("csrf_token", &csrf), ("code", &code)])
            .await;
        let done = browser.get("/verify/done").await;
        assert_eq!(done.status, StatusCode::OK, "{lang}");
        let missing = browser.get("/nope").await;
        let forbidden = browser.post("/verify", &[("phone", &phone)]).await;
        for (what, page) in [
            ("phone", &first),
            ("invalid", &bad),
            ("code", &code_page),
            ("wrong", &wrong),
            ("cooldown", &resend),
            ("done", &done),
            ("404", &missing),
            ("403", &forbidden),
        ] {
            assert!(
                page.body.contains(&format!(r#"lang="{lang}""#)),
                "{lang} {what}"
            );
            for leak in ["error-", "code-", "phone-", "{ $", "{$"] {
                let visible = page
                    .body
                    .replace(r#"id="code-error""#, "")
                    .replace("code-error ", "")
                    .replace("phone-hint", "")
                    .replace("phone-error", "");
                assert!(
                    !visible.contains(&format!(">{leak}")),
                    "{lang} {what}: raw message id"
                );
            }
        }
    }
}

async fn sms_in_every_locale(backend: Backend) {
    let app = spawn_app_with(
        backend,
        // Twelve unverified texts to one prefix would trip the pumping
        // guard, and from one address ask for a challenge.
        &[
            ("PUBLIC_URL", "https://verify.example.com"),
            ("DEV_OUTBOX_PUBLIC", "true"),
            ("PUMPING_GUARD", "off"),
            ("BOT_CHALLENGE", "off"),
        ],
    )
    .await;
    for (lang, encoding, units, segments) in app.state.verifier.sms_report() {
        eprintln!(
            "SMS {lang}: {} {units} units, {segments} segment(s)",
            encoding.as_str()
        );
        assert_eq!(segments, 1, "{lang}: {segments} segments");
    }
    for (i, lang) in LOCALES.iter().enumerate() {
        let browser = app.new_browser(None);
        let phone = format!("+1415555{:04}", 2700 + i);
        browser.get(&format!("/verify?lang={lang}")).await;
        browser.start(&phone, "US").await;
        let sms = app.last_sms(&phone).await;
        let code = code_of(&sms);
        assert!(
            sms.ends_with(&format!("\n@verify.example.com #{code}")),
            "{lang}: the WebOTP line is never translated: {sms}"
        );
        assert!(sms.lines().next().unwrap().contains(&code), "{lang}: {sms}");
        assert!(
            !sms.contains('\u{2068}') && !sms.contains('\u{2069}'),
            "{lang}: no isolation marks in SMS"
        );
    }
}

/// `phone-verify.js`'s dialog words, from the locale files, in every
/// shipped language: its label (the phone step's title), close button,
/// "cannot show here" note and its button, the question before closing,
/// and the language and direction for the dialog. `?lang=` as the flow
/// takes it, else `Accept-Language`; a script of its own (a host's CSP
/// allows it with `script-src`), cacheable, setting no cookie.
#[tokio::test]
async fn the_host_dialogs_words_in_every_locale() {
    let app = spawn_app_with(Backend::Sqlite, &[]).await;
    let i18n = Arc::new(I18n::new("en").unwrap());
    let words = |page: &crate::helpers::Page| -> serde_json::Value {
        assert_eq!(page.status, StatusCode::OK);
        assert!(
            page.headers["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/javascript")
        );
        assert!(page.headers.get("set-cookie").is_none());
        assert_eq!(page.headers["cache-control"], "public, max-age=3600");
        let json = page
            .body
            .strip_prefix("PhoneVerify._words(")
            .and_then(|b| b.strip_suffix(");\n"))
            .unwrap_or_else(|| panic!("{}", page.body));
        serde_json::from_str(json).unwrap()
    };
    for lang in LOCALES {
        let tr = Tr::new(i18n.clone(), lang, "Acme".into());
        let page = app
            .get(&format!("/static/phone-verify-strings.js?lang={lang}"))
            .await;
        assert_eq!(varies(&page), ["accept-encoding"], "{lang}");
        assert_eq!(
            words(&page),
            serde_json::json!({
                "lang": lang,
                "dir": rtl(lang),
                "label": tr.t("phone-title"),
                "close": tr.t("dialog-close"),
                "refused": tr.t("dialog-refused"),
                "go": tr.t("done-continue"),
                "leave": tr.t("dialog-confirm-close"),
            }),
            "{lang}"
        );
        for id in ["dialog-close", "dialog-refused", "dialog-confirm-close"] {
            assert!(
                *lang == "en" || tr.t(id) != Tr::new(i18n.clone(), "en", "Acme".into()).t(id),
                "{lang}: {id} is translated"
            );
        }
    }
    // Tags as a host page passes them; unknown ones fall to the browser's.
    for (asked, accept, want) in [
        ("es-MX", "en", "es"),
        ("zh-TW", "en", "zh-Hant"),
        ("pt", "en", "pt-BR"),
        ("sv", "fr-CA,fr;q=0.9", "fr"),
        ("", "he-IL", "he"),
    ] {
        let page = app
            .get_with(
                &format!("/static/phone-verify-strings.js?lang={asked}"),
                &[("accept-language", accept)],
            )
            .await;
        assert_eq!(words(&page)["lang"], want, "{asked} / {accept}");
        if shipped(asked).is_none() {
            assert_eq!(
                varies(&page),
                ["accept-encoding", "accept-language"],
                "{asked}"
            );
        }
    }
}

fn shipped(tag: &str) -> Option<&'static str> {
    phone_verify::i18n::shipped_locale(tag)
}
