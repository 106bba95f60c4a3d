//! The pages in a real browser: headless Chromium over WebDriver
//! (chromedriver), typing like a person, with an axe-core audit of every
//! page and screenshots saved under `target/browser-screenshots/`.
use std::{
    path::PathBuf,
    process::{Child, Command, Stdio},
    time::Duration,
};

use fantoccini::{Client, ClientBuilder, Locator};
use phone_verify::config::RawClient;
use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, free_port, spawn_app_with, spawn_app_with_clients};

const US: &str = "+14155552671";

/// What kind of browser to start.
#[derive(Default, Clone, Copy)]
pub(crate) struct Options {
    pub(crate) javascript_off: bool,
    pub(crate) mobile: bool,
    pub(crate) block_third_party_cookies: bool,
}

pub(crate) struct Browser {
    pub(crate) client: Client,
    driver: Child,
    _profile: PathBuf,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        // Chromium outlives its driver: end every process of this profile.
        let _ = Command::new("pkill")
            .arg("-KILL")
            .arg("-f")
            .arg(self._profile.as_os_str())
            .status();
        let _ = std::fs::remove_dir_all(&self._profile);
    }
}

fn chromedriver() -> String {
    std::env::var("PV_TEST_CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into())
}

pub(crate) async fn browser(options: Options) -> Browser {
    let port = free_port();
    let driver = Command::new(chromedriver())
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts (scripts/test installs chromium-driver)");
    let profile = std::env::temp_dir().join(format!("pv-chrome-{}", uuid::Uuid::new_v4()));
    let mut args = vec![
        "--headless=new".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--hide-scrollbars".into(),
        "--force-color-profile=srgb".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    if !options.mobile {
        args.push("--window-size=1024,800".into());
    }
    let mut prefs = serde_json::Map::new();
    if options.javascript_off {
        prefs.insert(
            "profile.managed_default_content_settings.javascript".into(),
            json!(2),
        );
    }
    if options.block_third_party_cookies {
        prefs.insert("profile.block_third_party_cookies".into(), json!(true));
        prefs.insert("profile.cookie_controls_mode".into(), json!(1));
    }
    let mut chrome = json!({ "binary": std::env::var("PV_TEST_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()), "args": args, "prefs": prefs });
    if options.mobile {
        chrome["mobileEmulation"] = json!({ "deviceMetrics": { "width": 360, "height": 640, "pixelRatio": 2.0, "touch": true } });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), chrome);
    let url = format!("http://127.0.0.1:{port}");
    let mut last = None;
    for _ in 0..100 {
        match ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => {
                return Browser {
                    client,
                    driver,
                    _profile: profile,
                };
            }
            Err(e) => {
                last = Some(e);
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
    panic!("no WebDriver session: {last:?}");
}

fn shots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/browser-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub(crate) async fn screenshot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    std::fs::write(shots().join(format!("{name}.png")), png).unwrap();
}

/// axe-core's violations on the current page (none expected).
pub(crate) async fn audit(c: &Client, what: &str) {
    let violations = try_audit(c)
        .await
        .unwrap_or_else(|e| panic!("axe on {what} did not run: {e}"));
    assert!(violations.is_empty(), "axe on {what}: {violations:#?}");
}

/// axe-core's violations on the current page, or why axe could not run
/// (the page went away meanwhile).
pub(crate) async fn try_audit(c: &Client) -> Result<Vec<String>, fantoccini::error::CmdError> {
    let axe = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/axe/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&axe).expect("axe-core installed by scripts/test (npm)");
    c.execute(&format!("{source}\nreturn true;"), vec![])
        .await?;
    let result = c
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                .catch(e => done(['axe failed: ' + e]));",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(result).expect("axe answers a list"))
}

pub(crate) async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

pub(crate) async fn type_into(c: &Client, css: &str, keys: &str) {
    let field = c.find(Locator::Css(css)).await.unwrap();
    field.clear().await.unwrap();
    field.send_keys(keys).await.unwrap();
}

/// Presses a submit button (Enter on it, as from the keyboard: WebDriver's
/// tap never returns in Chromium's phone emulation without JavaScript) and
/// waits until its page is gone: a key press may return before the
/// navigation it starts has finished.
pub(crate) async fn submit(c: &Client, css: &str) {
    let button = c.find(Locator::Css(css)).await.unwrap();
    button.send_keys("\u{E007}").await.unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    // The old page's elements go stale once the new page is loaded.
    while button.is_displayed().await.is_ok() {
        assert!(
            std::time::Instant::now() < deadline,
            "{css} did not lead anywhere"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("body"))
        .await
        .unwrap();
}

pub(crate) async fn path(c: &Client) -> String {
    c.current_url().await.unwrap().path().to_owned()
}

/// A key press does not wait for the navigation it starts: wait for it.
pub(crate) async fn wait_path(c: &Client, want: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let now = path(c).await;
        if now == want {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still on {now}, expected {want}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn app() -> TestApp {
    spawn_app_with(Backend::Sqlite, &[("BRAND_NAME", "Acme")]).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn full_flow_typing_like_a_person() {
    let app = app().await;
    let b = browser(Options::default()).await;
    let c = &b.client;
    c.goto(&app.url("/")).await.unwrap();
    assert_eq!(path(c).await, "/verify");
    // The phone field has focus: just type.
    let focused: Value = c
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "phone");
    audit(c, "phone step").await;
    screenshot(c, "01-phone").await;
    type_into(c, "#phone", "(415) 555-2671").await;
    submit(c, "form button[type=submit]").await;
    assert_eq!(path(c).await, "/verify/code");
    assert!(text(c, "main").await.contains("+1 415-555-2671"));
    let focused: Value = c
        .execute("return document.activeElement.id", vec![])
        .await
        .unwrap();
    assert_eq!(focused, "code", "the code field has focus");
    audit(c, "code step").await;
    screenshot(c, "02-code").await;

    // Wrong, then right.
    type_into(c, "#code", "000000").await;
    let code = app.last_code(US).await;
    if code == "000000" {
        type_into(c, "#code", "111111").await;
    }
    submit(c, "form[action^='/verify/code'] button").await;
    assert!(
        text(c, "#code-error")
            .await
            .contains("That code isn’t right. You have 4 attempts left.")
    );
    let invalid: Value = c
        .execute(
            "return document.getElementById('code').getAttribute('aria-describedby')",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        invalid, "code-lifetime code-error",
        "the hint and the error are tied to the field"
    );
    audit(c, "wrong code").await;
    screenshot(c, "03-wrong-code").await;
    type_into(c, "#code", &code).await;
    submit(c, "form[action^='/verify/code'] button").await;
    assert_eq!(path(c).await, "/verify/done");
    assert!(text(c, "h1").await.contains("Phone number verified"));
    audit(c, "done").await;
    screenshot(c, "04-done").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn paste_resend_countdown_and_keyboard_only() {
    let app = spawn_app_with(Backend::Sqlite, &[("RESEND_COOLDOWN_SECONDS", "3")]).await;
    let b = browser(Options::default()).await;
    let c = &b.client;
    c.goto(&app.url("/verify")).await.unwrap();
    // Keyboard only: type the number and press Enter.
    type_into(c, "#phone", "4155552671\u{E007}").await;
    wait_path(c, "/verify/code").await;
    // The countdown runs, then the resend button comes alive. It stays in
    // the Tab order all along (aria-disabled, not disabled).
    let state: Value = c
        .execute(
            "const b = document.getElementById('resend-button'); return [b.disabled, b.getAttribute('aria-disabled')]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        state,
        json!([false, "true"]),
        "resend waits for the countdown"
    );
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath(
            "//p[@id='resend-ready'][contains(., 'now')]",
        ))
        .await
        .unwrap();
    let state: Value = c
        .execute(
            "const b = document.getElementById('resend-button'); return [b.disabled, b.getAttribute('aria-disabled')]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(state, json!([false, null]));
    // The app's clock is the test's: move it as far as the page counted.
    app.clock.advance(time::Duration::seconds(3));
    let first = app.last_code(US).await;
    submit(c, "#resend-button").await;
    assert!(
        text(c, ".notice")
            .await
            .contains("We texted you a new code.")
    );
    let second = app.last_code(US).await;
    assert_eq!(app.outbox_len().await, 2);
    // Pasting a formatted code keeps its digits.
    let pasted = format!("{} {}", &second[..3], &second[3..]);
    c.execute(
        "const input = document.getElementById('code');
         const data = new DataTransfer(); data.setData('text', arguments[0]);
         input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
         return input.value;",
        vec![json!(pasted)],
    )
    .await
    .unwrap();
    let value: Value = c
        .execute("return document.getElementById('code').value", vec![])
        .await
        .unwrap();
    assert_eq!(value, second.as_str());
    if first != second {
        assert_ne!(value, first.as_str());
    }
    // Enter submits what was pasted.
    c.find(Locator::Css("#code"))
        .await
        .unwrap()
        .send_keys("\u{E007}")
        .await
        .unwrap();
    wait_path(c, "/verify/done").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn language_switch_and_right_to_left() {
    let app = app().await;
    let b = browser(Options::default()).await;
    let c = &b.client;
    c.goto(&app.url("/verify")).await.unwrap();
    c.find(Locator::Css("a[hreflang='ar']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let dir: Value = c.execute("return [document.documentElement.lang, document.documentElement.dir, getComputedStyle(document.body).direction]", vec![]).await.unwrap();
    assert_eq!(dir, json!(["ar", "rtl", "rtl"]));
    // Logical properties: the label starts on the right.
    let aligned: Value = c
        .execute(
            "const l = document.querySelector('label[for=phone]').getBoundingClientRect();
             const f = document.getElementById('phone').getBoundingClientRect();
             return Math.abs(l.right - f.right) < 2;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(aligned, true, "labels align to the right edge in Arabic");
    audit(c, "arabic phone step").await;
    screenshot(c, "05-arabic").await;
    type_into(c, "#phone", "+14155552671").await;
    submit(c, "form button[type=submit]").await;
    assert!(
        text(c, "h1").await.contains("أدخل"),
        "the code step stays in Arabic"
    );
    audit(c, "arabic code step").await;
    screenshot(c, "06-arabic-code").await;
    c.goto(&app.url("/verify?lang=ja")).await.unwrap();
    assert!(text(c, "h1").await.contains("電話番号"));
    let selected: Value = c
        .execute(
            "const s = document.getElementById('country');
             return [s.value, s.options[s.selectedIndex].text, navigator.languages.join(',')]",
            vec![],
        )
        .await
        .unwrap();
    // The language changed; the country is still where the browser says
    // the reader is (else Japan), named in Japanese.
    let i18n = phone_verify::i18n::I18n::new("en").unwrap();
    let region = i18n
        .reader_region(selected[2].as_str(), "ja")
        .unwrap_or("JP");
    let named = i18n
        .countries("ja")
        .iter()
        .find(|c| c.code == region)
        .map(|c| format!("{} (+{})", c.name, c.calling_code))
        .unwrap();
    assert_eq!(
        selected,
        json!([region, named, selected[2]]),
        "the country list speaks the reader's language"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_flow_without_javascript() {
    let app = app().await;
    let b = browser(Options {
        javascript_off: true,
        ..Default::default()
    })
    .await;
    let c = &b.client;
    c.goto(&app.url("/verify")).await.unwrap();
    let source = c.source().await.unwrap();
    assert!(source.contains("<form"));
    type_into(c, "#phone", "+14155552671").await;
    submit(c, "form button[type=submit]").await;
    assert_eq!(path(c).await, "/verify/code");
    // Without JavaScript the resend button is usable and the server says when.
    let resend = c.find(Locator::Css("#resend-button")).await.unwrap();
    assert!(resend.is_enabled().await.unwrap());
    submit(c, "#resend-button").await;
    // Too early: back on the code page, a warning beside the resend
    // button, the code field untouched.
    assert_eq!(path(c).await, "/verify/code");
    assert!(text(c, ".resend .warning").await.contains("Please wait"));
    assert!(c.find(Locator::Css("#code-error")).await.is_err());
    let code = app.last_code(US).await;
    type_into(c, "#code", &code).await;
    submit(c, "form[action^='/verify/code'] button").await;
    assert_eq!(path(c).await, "/verify/done");
    screenshot(c, "07-no-javascript-done").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_small_phone_screen() {
    let app = app().await;
    let b = browser(Options {
        mobile: true,
        ..Default::default()
    })
    .await;
    let c = &b.client;
    c.goto(&app.url("/verify")).await.unwrap();
    let fits: Value = c
        .execute(
            "return [window.innerWidth, document.documentElement.scrollWidth <= window.innerWidth,
                     document.querySelector('form button').getBoundingClientRect().bottom <= window.innerHeight]",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        fits,
        json!([360, true, true]),
        "no sideways scrolling; the button is on the first screen"
    );
    audit(c, "mobile phone step").await;
    screenshot(c, "08-mobile-phone").await;
    type_into(c, "#phone", "+14155552671").await;
    submit(c, "form button[type=submit]").await;
    let tap: Value = c
        .execute(
            "return document.getElementById('code').getBoundingClientRect().height >= 44",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(tap, true, "touch targets of 44 px or more");
    screenshot(c, "09-mobile-code").await;
}

/// A host page on another site (localhost vs 127.0.0.1) that frames the flow
/// and shows the token it receives.
async fn host_page(port: u16, app_url: String, return_to: String) {
    let page = format!(
        r#"<!doctype html><html lang="en"><head><title>Acme signup</title></head><body>
<h1>Acme signup</h1>
<iframe title="Verify your phone" src="{app_url}/verify?client_id=acme&amp;embed=1&amp;state=s1&amp;return_to={rt}" width="420" height="640"></iframe>
<p id="result">waiting</p>
<script>
window.addEventListener("message", function (e) {{
  if (e.origin !== "{app_url}" || !e.data || e.data.type !== "phone-verify:verified") return;
  document.getElementById("result").textContent = e.data.token;
}});
</script></body></html>"#,
        rt = crate::embed::urlencode(&return_to)
    );
    let router = axum::Router::new().route(
        "/",
        axum::routing::get(move || async move { axum::response::Html(page) }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn iframe_flow_with_third_party_cookies_blocked() {
    let host_port = free_port();
    let host = format!("http://localhost:{host_port}");
    let app = spawn_app_with_clients(
        Backend::Sqlite,
        &[],
        vec![RawClient {
            id: "acme".into(),
            name: Some("Acme".into()),
            secret: "acme-secret-of-at-least-thirty-two-bytes!".into(),
            redirect_uris: vec![format!("{host}/done")],
            frame_ancestors: vec![host.clone()],
            service_sid: None,
            allow_risk_check_disable: Vec::new(),
        }],
    )
    .await;
    host_page(host_port, app.address.clone(), format!("{host}/done")).await;
    let b = browser(Options {
        block_third_party_cookies: true,
        ..Default::default()
    })
    .await;
    let c = &b.client;
    c.goto(&format!("{host}/")).await.unwrap();
    c.enter_frame(0).await.unwrap();
    let cookies: Value = c
        .execute(
            "return navigator.cookieEnabled && document.cookie.length",
            vec![],
        )
        .await
        .unwrap();
    eprintln!("cookies inside the frame: {cookies}");
    assert!(
        text(c, ".client")
            .await
            .contains("Acme wants to confirm your phone number.")
    );
    audit(c, "embedded phone step").await;
    type_into(c, "#phone", "+14155552671").await;
    submit(c, "form button[type=submit]").await;
    let code = app.last_code(US).await;
    type_into(c, "#code", &code).await;
    submit(c, "form[action^='/verify/code'] button").await;
    c.enter_parent_frame().await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::XPath("//p[@id='result'][starts-with(., 'ey')]"))
        .await
        .unwrap();
    let token = text(c, "#result").await;
    let claims: phone_verify::web::embed::Claims = jsonwebtoken::decode(
        &token,
        &jsonwebtoken::DecodingKey::from_secret(b"acme-secret-of-at-least-thirty-two-bytes!"),
        &{
            let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
            v.set_audience(&["acme"]);
            v
        },
    )
    .unwrap()
    .claims;
    assert_eq!(claims.phone_number, US);
    screenshot(c, "10-iframe-host").await;
}
