//! Twilio's locale codes (issue 26, item 4): on `/v2` through Twilio's
//! Python SDK and on `/api/v1` over HTTP, every code Twilio lists and every
//! shipped tag, in any case, texts in the nearest shipped locale; a code
//! Twilio lists in a language not shipped falls back as if none were
//! given; anything else is Twilio's error on `/v2`, and on `/api/v1` a
//! malformed tag is `invalid_request`.
use std::sync::Arc;

use phone_verify::i18n::{Arg, I18n, LOCALES, TWILIO_LOCALES, Tr};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    api::call_as,
    both_backends,
    helpers::{Backend, TestApp, code_of, spawn_app_with},
    twilio::{ACCOUNT, KEY, Sdk, twilio_app},
};

/// Every code on Twilio's list and the shipped locale it texts in (`None`:
/// a language phone-verify does not ship, so the number's country decides).
const EXPECTED: &[(&str, Option<&str>)] = &[
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

/// A code as a careless caller writes it: case flipped letter by letter,
/// and every other one with `_` for `-`.
fn mangled(code: &str, n: usize) -> String {
    let flipped: String = code
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if (i + n) % 2 == 0 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if n % 2 == 0 {
        flipped
    } else {
        flipped.replace('-', "_")
    }
}

/// The sentence of a text in `lang` (the test instance's brand, Acme, and
/// its ten-minute lifetime), as the shipped messages word it.
fn sentence(i18n: &Arc<I18n>, lang: &'static str, code: &str) -> String {
    Tr::new(i18n.clone(), lang, "Acme".into()).plain(
        "sms-body",
        &[
            ("brand", Arg::from("Acme")),
            ("code", Arg::from(code)),
            ("minutes", Arg::from(10i64)),
        ],
    )
}

/// The text last sent to `to` is in `lang`.
async fn assert_texted_in(
    app: &TestApp,
    i18n: &Arc<I18n>,
    to: &str,
    lang: &'static str,
    why: &str,
) {
    let sms = app.last_sms(to).await;
    let code = code_of(&sms);
    let (text, _) = sms.rsplit_once('\n').expect("a WebOTP line");
    assert_eq!(text, sentence(i18n, lang, &code), "{why}: {sms}");
}

fn us(n: usize) -> String {
    format!("+1415555{:04}", 3000 + n)
}

const LIFTED: [(&str, &str); 3] = [
    ("API_RATE_LIMIT_BURST", "1000"),
    ("PUMPING_GUARD", "off"),
    ("BOT_CHALLENGE", "off"),
];

both_backends!(
    twilio_locale_codes_through_the_python_sdk,
    api_locale_codes_over_http
);

async fn twilio_locale_codes_through_the_python_sdk(backend: Backend) {
    let app = twilio_app(backend, &LIFTED).await;
    let i18n = Arc::new(I18n::new("en").unwrap());
    let mut sdk = Sdk::python(&app, ACCOUNT, KEY);
    assert_eq!(EXPECTED.len(), TWILIO_LOCALES.len());
    let mut n = 0;
    let mut create = |to: &str, locale: &str| {
        sdk.call(json!({"op": "create", "to": to, "channel": "sms", "locale": locale}))
    };
    // Every code Twilio lists, as written and in other cases.
    for (i, (code, want)) in EXPECTED.iter().enumerate() {
        for written in [code.to_string(), mangled(code, i)] {
            n += 1;
            let to = us(n);
            let made = create(&to, &written).unwrap_or_else(|e| panic!("{written}: {e}"));
            assert_eq!(made["status"], "pending", "{written}");
            // Not shipped: as without Locale, the US number's English.
            let lang = want.unwrap_or("en");
            assert_texted_in(&app, &i18n, &to, lang, &written).await;
        }
    }
    // Every shipped locale round-trips, in any case.
    for (i, lang) in LOCALES.iter().enumerate() {
        for written in [lang.to_string(), mangled(lang, i)] {
            n += 1;
            let to = us(n);
            create(&to, &written).unwrap_or_else(|e| panic!("{written}: {e}"));
            assert_texted_in(&app, &i18n, &to, lang, &written).await;
        }
    }
    // A listed language not shipped: the number's country's language.
    create("+34612345678", "ca").unwrap();
    assert_texted_in(&app, &i18n, "+34612345678", "es", "ca for a Spanish number").await;
    // A tag for a shipped language Twilio does not list: the nearest.
    create(&us(900), "zh-tw").unwrap();
    assert_texted_in(&app, &i18n, &us(900), "zh-Hant", "zh-tw").await;
    // Neither listed nor shipped, or not a tag: Twilio's answer to an
    // unsupported locale, 404, and nothing sent.
    for bad in ["xx", "nb-NO", "en US", "sv-SE", "<b>", &"e".repeat(60)] {
        let to = us(901);
        let err = create(&to, bad).expect_err(bad);
        assert_eq!(
            (err["status"].as_u64(), err["code"].as_u64()),
            (Some(404), Some(20404)),
            "{bad}: {err}"
        );
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("Locale not supported: "),
            "{err}"
        );
    }
    let outbox: Vec<Value> = app
        .client
        .get(app.url("/dev/outbox.json?to=%2B14155553901"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(outbox.is_empty(), "nothing texted for a refused Locale");
}

async fn api_locale_codes_over_http(backend: Backend) {
    let api_key = "locale-test-key-0123456789";
    let mut settings = vec![("API_KEYS", api_key)];
    settings.extend_from_slice(&LIFTED);
    let app = spawn_app_with(backend, &settings).await;
    let i18n = Arc::new(I18n::new("en").unwrap());
    let mut n = 0;
    let codes = EXPECTED
        .iter()
        .map(|(code, want)| (*code, want.unwrap_or("en")))
        .chain(LOCALES.iter().map(|l| (*l, *l)));
    for (i, (code, lang)) in codes.enumerate() {
        for written in [code.to_string(), mangled(code, i)] {
            n += 1;
            let to = us(n);
            let (status, body) = call_as(
                &app,
                api_key,
                "POST",
                "/api/v1/verifications",
                Some(json!({"phone": to, "locale": written})),
            )
            .await;
            assert_eq!(status, StatusCode::CREATED, "{written}: {body}");
            assert_texted_in(&app, &i18n, &to, lang, &written).await;
        }
    }
    // A well-formed tag for a language not shipped falls back (our API is
    // not Twilio's); a Spanish number reads Spanish.
    for (tag, to, lang) in [
        ("nb-NO", us(900), "en"),
        ("sv-SE", us(901), "en"),
        ("ca", "+34612345678".to_owned(), "es"),
    ] {
        let (status, body) = call_as(
            &app,
            api_key,
            "POST",
            "/api/v1/verifications",
            Some(json!({"phone": to, "locale": tag})),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{tag}: {body}");
        assert_texted_in(&app, &i18n, &to, lang, tag).await;
    }
    // Not a language tag: the SPEC's invalid_request, nothing sent.
    for bad in ["", "x", "en US", "en,fr", "<script>", &"e".repeat(60)] {
        let (status, body) = call_as(
            &app,
            api_key,
            "POST",
            "/api/v1/verifications",
            Some(json!({"phone": us(902), "locale": bad})),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert_eq!(body["error"]["code"], "invalid_request", "{bad:?}: {body}");
        assert!(
            body["error"]["message"]
                .as_str()
                .unwrap()
                .starts_with("locale must be a language tag"),
            "{body}"
        );
    }
    assert_eq!(app.pending_count(&us(902)).await, 0);
}
