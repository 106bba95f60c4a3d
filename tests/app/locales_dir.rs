//! `LOCALES_DIR` (issue 26, item 3): an operator rewords the SMS and adds a
//! language without a rebuild; every mistake stops start-up (exit 2, one
//! line naming the file, the id and the problem); an SMS that needs two
//! segments is a warning; `check-config` reports both.
use std::{path::PathBuf, sync::Arc};

use phone_verify::i18n::{Arg, I18n, Tr};
use reqwest::StatusCode;
use serde_json::json;

use crate::{
    api::call_as,
    both_backends,
    cli::{Running, command, temp_dir},
    helpers::{Backend, SECRET, code_of},
    twilio::{ACCOUNT, KEY, Sdk, twilio_app},
};

/// A fresh folder holding `files` (path → text).
fn folder(files: &[(&str, &str)]) -> PathBuf {
    let dir = temp_dir().join("locales");
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The README's example: the SMS reworded in Spanish and English.
const ES: &str = "sms-body = { $brand }: tu código es { $code }\n";
const EN: &str = "# Our own wording.\nsms-body = { $code } is your { $brand } code. Don't share it.\nphone-title = Confirm your mobile number\n";

/// Norwegian, added: a few messages, the rest English; its own country
/// names for three countries.
const NB: &str = "\
language-name = Norsk bokmål
phone-title = Bekreft telefonnummeret ditt
phone-submit = Send meg en kode
sms-body = Koden din for { $brand } er { $code }.
";
const NB_COUNTRIES: &str =
    "# from scripts/gen-locale-data --countries nb\nNO\tNorge\nSE\tSverige\nDK\tDanmark\n";
/// Pashto, added: written right to left, no country names of its own.
const PS: &str = "language-name = پښتو\nphone-title = خپل د تلیفون شمېره تایید کړئ\n";

both_backends!(an_operator_rewords_the_sms, an_operator_adds_a_language);

async fn an_operator_rewords_the_sms(backend: Backend) {
    let dir = folder(&[("es/main.ftl", ES), ("en/main.ftl", EN)]);
    let dir = dir.to_str().unwrap();
    let app = twilio_app(
        backend,
        &[
            ("LOCALES_DIR", dir),
            ("BOT_CHALLENGE", "off"),
            ("PUMPING_GUARD", "off"),
        ],
    )
    .await;
    // The pages: the Spanish text from the flow, in the dev outbox.
    let browser = app.new_browser(None);
    browser.get("/verify?lang=es").await;
    browser.start("+14155552001", "US").await;
    let sms = app.last_sms("+14155552001").await;
    let code = code_of(&sms);
    assert_eq!(
        sms,
        format!("Acme: tu código es {code}\n@127.0.0.1 #{code}"),
        "the WebOTP line stays"
    );
    let outbox = app.get("/dev/outbox").await.body;
    assert!(
        outbox.contains(&format!("Acme: tu código es {code}")),
        "{outbox}"
    );
    // An English page shows the override; what it leaves is shipped.
    let page = app.new_browser(None).get("/verify?lang=en").await;
    assert!(page.body.contains("Confirm your mobile number"));
    assert!(page.body.contains("Phone number"), "phone-label as shipped");
    // The server APIs text the same words.
    let (status, _) = call_as(
        &app,
        KEY,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "+14155552002", "locale": "es"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    let sms = app.last_sms("+14155552002").await;
    assert!(sms.starts_with("Acme: tu código es "), "{sms}");
    let mut sdk = Sdk::python(&app, ACCOUNT, KEY);
    sdk.call(json!({"op": "create", "to": "+14155552003", "channel": "sms"}))
        .unwrap();
    let sms = app.last_sms("+14155552003").await;
    let code = code_of(&sms);
    assert!(
        sms.starts_with(&format!("{code} is your Acme code. Don't share it.\n")),
        "{sms}"
    );
    // A language the folder leaves alone texts as shipped.
    sdk.call(json!({"op": "create", "to": "+14155552004", "channel": "sms", "locale": "fr"}))
        .unwrap();
    let sms = app.last_sms("+14155552004").await;
    let shipped = Tr::new(Arc::new(I18n::new("en").unwrap()), "fr", "Acme".into()).plain(
        "sms-body",
        &[
            ("brand", Arg::from("Acme")),
            ("code", Arg::from(code_of(&sms).as_str())),
            ("minutes", Arg::from(10i64)),
        ],
    );
    assert!(sms.starts_with(&shipped), "{sms}");
}

async fn an_operator_adds_a_language(backend: Backend) {
    let dir = folder(&[
        ("nb/main.ftl", NB),
        ("nb/countries.txt", NB_COUNTRIES),
        ("ps/main.ftl", PS),
    ]);
    let dir = dir.to_str().unwrap();
    let app = twilio_app(
        backend,
        &[
            ("LOCALES_DIR", dir),
            ("BOT_CHALLENGE", "off"),
            ("PUMPING_GUARD", "off"),
        ],
    )
    .await;
    // ?lang=nb: its words, English where it has none, its country names
    // (English for the rest), Norway first, itself in the switcher.
    let browser = app.new_browser(None);
    let page = browser.get("/verify?lang=nb").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains(r#"<html lang="nb" dir="ltr">"#), "{body}");
    assert!(body.contains("Bekreft telefonnummeret ditt"));
    assert!(body.contains("Send meg en kode"));
    assert!(
        body.contains("Phone number"),
        "English where nb says nothing"
    );
    assert!(body.contains(r#"<option value="NO" selected>Norge (+47)</option>"#));
    assert!(body.contains(">Sverige (+46)<") && body.contains(">Germany (+49)<"));
    assert!(body.contains(r#"hreflang="nb" aria-current="true">Norsk bokmål</a>"#));
    // Accept-Language finds it too, by its own tag or by Norwegian's.
    for header in ["nb-NO, en;q=0.5", "no", "sv, nb;q=0.8"] {
        let page = app
            .get_with("/verify", &[("accept-language", header)])
            .await;
        assert!(page.body.contains(r#"<html lang="nb""#), "{header}");
    }
    // Pashto: right to left by its script, Afghanistan first, English
    // country names.
    let page = app.new_browser(None).get("/verify?lang=ps").await;
    assert!(page.body.contains(r#"<html lang="ps" dir="rtl">"#));
    assert!(page.body.contains("خپل د تلیفون شمېره تایید کړئ"));
    assert!(
        page.body
            .contains(r#"<option value="AF" selected>Afghanistan "#)
    );
    // A text from the nb page is in nb, a national number read as Norway's.
    browser.start("412 34 567", "NO").await;
    let sms = app.last_sms("+4741234567").await;
    let code = code_of(&sms);
    assert!(
        sms.starts_with(&format!("Koden din for Acme er {code}.\n")),
        "{sms}"
    );
    assert_eq!(browser.get("/verify/code").await.status, StatusCode::OK);
    // The API: a Norwegian number reads nb; so does Locale=nb on /v2.
    let (status, _) = call_as(
        &app,
        KEY,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "+4741234568"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(
        app.last_sms("+4741234568")
            .await
            .starts_with("Koden din for Acme er ")
    );
    let mut sdk = Sdk::python(&app, ACCOUNT, KEY);
    sdk.call(json!({"op": "create", "to": "+14155552005", "channel": "sms", "locale": "NB"}))
        .unwrap();
    assert!(
        app.last_sms("+14155552005")
            .await
            .starts_with("Koden din for Acme er ")
    );
}

/// The real binary with `LOCALES_DIR` (and `args`): its exit code and what
/// it wrote to stderr and stdout.
fn run(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let home = temp_dir();
    let out = command(&home)
        .args(args)
        .env("SECRET_KEY", SECRET)
        .env("LOCALES_DIR", dir)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stderr).unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn each_mistake_stops_start_up_with_one_line() {
    for (files, id, problem) in [
        (
            vec![("es/main.ftl", "sms-bdy = { $code }\n")],
            "sms-bdy",
            "is not a message phone-verify has (unknown message id",
        ),
        (
            vec![("es/main.ftl", "sms-body = { $brand }: { $otp }\n")],
            "sms-body",
            "{ $otp } is not a placeholder of this message (it has { $brand }, { $code }, { $minutes })",
        ),
        (
            vec![("es/main.ftl", "phone-title = Hola\nsms-body = { $code\n")],
            "sms-body",
            "does not parse: line 2",
        ),
        (
            vec![("nb/main.ftl", "phone-title = Bekreft\n")],
            "language-name",
            "is missing: a new language names itself",
        ),
    ] {
        let dir = folder(&files);
        let file = dir.join(files[0].0);
        let (code, stderr, _) = run(&dir, &[]);
        assert_eq!(code, Some(2), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        let expected = format!(
            "phone-verify: invalid configuration: LOCALES_DIR: {}: {id}: {problem}",
            file.display()
        );
        assert!(
            stderr.starts_with(&expected),
            "{stderr}\nexpected {expected}"
        );
    }
    // Not a folder at all.
    let (code, stderr, _) = run(std::path::Path::new("/nonexistent/locales"), &[]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr.trim(),
        "phone-verify: invalid configuration: LOCALES_DIR: `/nonexistent/locales` is not a folder (it holds <locale>/main.ftl files)"
    );
}

#[test]
fn check_config_reports_every_problem_and_the_warning() {
    // Two files, two problems: one line each.
    let dir = folder(&[
        ("es/main.ftl", "sms-bdy = { $code }\n"),
        ("fr/main.ftl", "phone-title = { $phone }\n"),
    ]);
    let (code, stderr, _) = run(&dir, &["check-config"]);
    assert_eq!(code, Some(2));
    let lines: Vec<&str> = stderr.trim().lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].contains(&format!("{}: sms-bdy: ", dir.join("es/main.ftl").display())));
    assert!(lines[1].contains(&format!(
        "{}: phone-title: ",
        dir.join("fr/main.ftl").display()
    )));
    // A wordy SMS: allowed, and said.
    let wordy = "sms-body = { $brand }: tu codigo es { $code }. No lo compartas con nadie: nadie de { $brand } te lo pedira nunca, ni por telefono ni por correo.\n";
    let dir = folder(&[("es/main.ftl", wordy), ("nb/main.ftl", NB)]);
    let (code, stderr, stdout) = run(&dir, &["check-config"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("configuration ok"), "{stdout}");
    assert!(
        stdout.contains("\"es (overrides)\"") && stdout.contains("\"nb (added)\""),
        "{stdout}"
    );
    assert_eq!(
        stderr.trim(),
        format!(
            "phone-verify: warning: LOCALES_DIR: {}: sms-body: the text takes 2 segments (GSM-7, 169 units) with a 12-character brand, a 25-character host and a six-digit code; one segment holds 160 GSM-7 or 70 UCS-2 units, and each segment is charged",
            dir.join("es/main.ftl").display()
        )
    );
}

/// The built binary reads the folder at start-up: a page in the added
/// language, the warning in its log.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_an_added_language_and_logs_the_warning() {
    let wordy = "sms-body = { $brand }: tu codigo es { $code }. No lo compartas con nadie: nadie de { $brand } te lo pedira nunca, ni por telefono ni por correo.\n";
    let dir = folder(&[("es/main.ftl", wordy), ("nb/main.ftl", NB)]);
    let home = temp_dir();
    let app = Running::start(
        &home,
        &[
            ("SECRET_KEY", SECRET),
            (
                "DATABASE_URL",
                &format!("sqlite://{}/pv.db", home.display()),
            ),
            ("LOCALES_DIR", dir.to_str().unwrap()),
        ],
    );
    let page = reqwest::get(format!("{}/verify?lang=nb", app.base))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"<html lang="nb" dir="ltr">"#), "{page}");
    assert!(page.contains("Bekreft telefonnummeret ditt"));
    let (status, logs) = app.stop();
    assert!(status.success(), "{logs}");
    let warnings: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("WARN") && l.contains("LOCALES_DIR"))
        .collect();
    assert_eq!(warnings.len(), 1, "{logs}");
    assert!(warnings[0].contains("es/main.ftl: sms-body: the text takes 2 segments"));
    // The start-up measure of every language's text counts the added one
    // (its fields may be coloured).
    assert!(
        logs.lines()
            .any(|l| l.contains("SMS size") && l.contains("\"nb\"")),
        "{logs}"
    );
}

/// `DEFAULT_LOCALE` may be a language the folder adds, and only then.
#[test]
fn the_default_language_may_be_an_added_one() {
    let dir = folder(&[("nb/main.ftl", NB)]);
    let home = temp_dir();
    let out = command(&home)
        .arg("check-config")
        .env("SECRET_KEY", SECRET)
        .env("LOCALES_DIR", &dir)
        .env("DEFAULT_LOCALE", "nb")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("default_locale: \"nb\"")
    );
    let out = command(&home)
        .arg("check-config")
        .env("SECRET_KEY", SECRET)
        .env("DEFAULT_LOCALE", "nb")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(
            "phone-verify: invalid configuration: DEFAULT_LOCALE: `nb` is not available"
        ),
        "{stderr}"
    );
}
