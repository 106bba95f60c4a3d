//! `static/phone-verify.js` on a host page with a strict CSP, in Chromium,
//! by keyboard only: the modal dialog, the token handed to the host's
//! callback, Escape, and focus going back; axe on the dialog. A webhook
//! receiver sees the approval.
use std::{sync::Arc, time::Duration};

use fantoccini::{Client, Locator};
use phone_verify::{
    config::{RawClient, RawWebhook},
    i18n::{I18n, Tr},
};
use serde_json::Value;

use crate::{
    browser::{Options, audit, browser, screenshot},
    helpers::{Backend, free_port, fresh_db, spawn_app_with_webhooks},
};

const US: &str = "+14155552671";
const SECRET: &str = "acme-secret-of-at-least-thirty-two-bytes!";

/// The host: a page whose CSP allows scripts and frames from phone-verify
/// only (no inline script or style), and its own script.
async fn host_site(port: u16, app_url: String, host: String, frame_src: &str, options: &str) {
    let page = r#"<!doctype html><html lang="en"><head><title>Acme signup</title>
<script src="APP/static/phone-verify.js"></script><script src="/host.js" defer></script></head>
<body><main><h1>Acme signup</h1>
<button type="button" id="verify">Verify your phone</button>
<p id="result" role="status">waiting</p></main></body></html>"#
        .replace("APP", &app_url);
    let script = r#"document.getElementById("verify").addEventListener("click", function () {
  var result = document.getElementById("result");
  PhoneVerify.open({ clientId: "acme", returnTo: "HOST/done", state: "s1", nonce: "n-123", OPTIONS })
    .then(function (token) { result.textContent = token; })
    .catch(function (e) { result.textContent = "closed: " + e.name; });
});"#
        .replace("HOST", &host)
        .replace("OPTIONS", options);
    let csp = format!(
        "default-src 'none'; script-src 'self' {app_url}; frame-src {frame_src}; style-src 'self'; base-uri 'none'"
    );
    let router = axum::Router::new()
        .route(
            "/",
            axum::routing::get(move || {
                let csp = csp.clone();
                let page = page.clone();
                async move {
                    (
                        [(axum::http::header::CONTENT_SECURITY_POLICY, csp)],
                        axum::response::Html(page),
                    )
                }
            }),
        )
        .route(
            "/host.js",
            axum::routing::get(move || {
                let script = script.clone();
                async move {
                    (
                        [(axum::http::header::CONTENT_TYPE, "text/javascript")],
                        script,
                    )
                }
            }),
        );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
}

async fn js(c: &Client, script: &str) -> Value {
    c.execute(script, vec![]).await.unwrap()
}

/// Presses `key` where the focus is, as a keyboard does.
async fn press(c: &Client, key: &str) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(key)
        .await
        .unwrap();
}

async fn wait_until(c: &Client, script: &str, what: &str) {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while js(c, script).await != Value::Bool(true) {
        assert!(std::time::Instant::now() < deadline, "{what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const ESCAPE: &str = "\u{E00C}";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_page_gets_the_token_through_phone_verify_js() {
    let dir = crate::cli::temp_dir();
    let hooks_log = dir.join("hooks.jsonl");
    let receiver =
        crate::webhooks::Receiver::start(free_port(), crate::webhooks::WHSEC, &hooks_log, 204);
    let host_port = free_port();
    let host = format!("http://localhost:{host_port}");
    let app = spawn_app_with_webhooks(
        Backend::Sqlite,
        fresh_db(Backend::Sqlite).await,
        &[],
        vec![RawClient {
            id: "acme".into(),
            name: Some("Acme".into()),
            secret: SECRET.into(),
            redirect_uris: vec![format!("{host}/done")],
            frame_ancestors: vec![host.clone()],
            service_sid: None,
            allow_risk_check_disable: Vec::new(),
        }],
        vec![RawWebhook {
            url: receiver.url(),
            secret: crate::webhooks::WHSEC.into(),
            events: vec!["verification.approved".into()],
            client_id: Some("acme".into()),
            mask_phone: false,
            test_numbers: false,
        }],
    )
    .await;
    host_site(
        host_port,
        app.address.clone(),
        host.clone(),
        &app.address,
        r#"lang: "en""#,
    )
    .await;
    let b = browser(Options::default()).await;
    let c = &b.client;
    c.goto(&format!("{host}/")).await.unwrap();
    // Keyboard only: Tab to the host's button, Enter.
    press(c, TAB).await;
    assert_eq!(js(c, "return document.activeElement.id").await, "verify");
    press(c, ENTER).await;
    wait_until(
        c,
        "var d = document.querySelector('dialog'); return !!d && d.open && document.activeElement.tagName === 'IFRAME'",
        "the dialog opens and the flow takes the focus",
    )
    .await;
    let dialog = js(
        c,
        "var d = document.querySelector('dialog');
         return [d.getAttribute('aria-label'), d.querySelector('iframe').title,
                 d.querySelector('button').getAttribute('aria-label')]",
    )
    .await;
    assert_eq!(dialog[0], "Verify your phone number", "a labelled dialog");
    assert_eq!(dialog[1], "Verify your phone number");
    assert_eq!(dialog[2], "Close");
    audit(c, "the host page with the dialog open").await;
    screenshot(c, "12-host-dialog").await;

    c.enter_frame(0).await.unwrap();
    assert!(
        js(c, "return document.body.getAttribute('data-parent')").await == host.as_str(),
        "the flow knows the one origin it may tell"
    );
    // The flow has the focus: Tab leads through it to the number field.
    let mut tabs = 0;
    while js(c, "return document.activeElement.id").await != "phone" {
        tabs += 1;
        assert!(tabs <= 6, "Tab reaches the number field");
        press(c, TAB).await;
    }
    press(c, "4155552671").await;
    press(c, ENTER).await;
    wait_until(
        c,
        "return location.pathname === '/verify/code' && document.readyState === 'complete'",
        "the code step",
    )
    .await;
    let code = app.last_code(US).await;
    c.find(Locator::Css("#code")).await.unwrap();
    js(c, "document.getElementById('code').focus(); return true").await;
    press(c, &code).await;
    press(c, ENTER).await;
    c.enter_parent_frame().await.unwrap();
    wait_until(
        c,
        "return document.getElementById('result').textContent.startsWith('ey') && !document.querySelector('dialog')",
        "the token reaches the host's callback and the dialog closes",
    )
    .await;
    assert_eq!(
        js(c, "return document.activeElement.id").await,
        "verify",
        "the focus goes back to the button that opened it"
    );
    let token = js(c, "return document.getElementById('result').textContent").await;
    let claims: phone_verify::web::embed::Claims = jsonwebtoken::decode(
        token.as_str().unwrap(),
        &jsonwebtoken::DecodingKey::from_secret(SECRET.as_bytes()),
        &{
            let mut v = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
            v.set_audience(&["acme"]);
            v
        },
    )
    .unwrap()
    .claims;
    assert_eq!(claims.phone_number, US);
    assert_eq!(claims.nonce.as_deref(), Some("n-123"));

    // Escape inside the flow closes it: the promise rejects, the focus
    // comes back.
    press(c, ENTER).await;
    wait_until(
        c,
        "var d = document.querySelector('dialog'); return !!d && d.open && document.activeElement.tagName === 'IFRAME'",
        "the dialog opens again",
    )
    .await;
    c.enter_frame(0).await.unwrap();
    press(c, ESCAPE).await;
    c.enter_parent_frame().await.unwrap();
    wait_until(
        c,
        "return document.getElementById('result').textContent === 'closed: AbortError' && !document.querySelector('dialog[open]')",
        "Escape closes the dialog and rejects the promise",
    )
    .await;
    assert_eq!(js(c, "return document.activeElement.id").await, "verify");

    // The close button, from the keyboard.
    press(c, ENTER).await;
    wait_until(
        c,
        "return !!document.querySelector('dialog[open]')",
        "opens",
    )
    .await;
    js(
        c,
        "document.querySelector('dialog button').focus(); return true",
    )
    .await;
    press(c, ENTER).await;
    wait_until(
        c,
        "return !document.querySelector('dialog[open]') && document.getElementById('result').textContent === 'closed: AbortError'",
        "the close button closes it",
    )
    .await;

    // The webhook saw the approval of this browser flow.
    let start = std::time::Instant::now();
    let approved = loop {
        let got = crate::webhooks::received(&hooks_log);
        if !got.is_empty() || start.elapsed() > Duration::from_secs(10) {
            break got;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(approved.len(), 1, "{approved:#?}");
    assert_eq!(approved[0]["verified"], true);
    assert_eq!(approved[0]["payload"]["type"], "verification.approved");
    assert_eq!(approved[0]["payload"]["data"]["client"], "acme");
    assert_eq!(approved[0]["payload"]["data"]["phone_number"], US);
}

/// The host page's dialog in Arabic: labelled, closed and directed in the
/// flow's language; the focus on each page's first field or error summary
/// inside the frame, and Tab from the flow reaches the close button; once
/// a code was texted, Escape asks first (No keeps it open; Yes closes it),
/// and opening it again in the same page shows the flow where it was, with
/// no new text; axe finds nothing on the open dialog.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dialog_speaks_the_flows_language_and_keeps_the_flow() {
    let host_port = free_port();
    let host = format!("http://localhost:{host_port}");
    let app = spawn_app_with_webhooks(
        Backend::Sqlite,
        fresh_db(Backend::Sqlite).await,
        &[],
        vec![RawClient {
            id: "acme".into(),
            name: Some("Acme".into()),
            secret: SECRET.into(),
            redirect_uris: vec![format!("{host}/done")],
            frame_ancestors: vec![host.clone()],
            service_sid: None,
            allow_risk_check_disable: Vec::new(),
        }],
        Vec::new(),
    )
    .await;
    host_site(
        host_port,
        app.address.clone(),
        host.clone(),
        &app.address,
        r#"lang: "ar""#,
    )
    .await;
    let tr = Tr::new(Arc::new(I18n::new("en").unwrap()), "ar", "Acme".into());
    let b = browser(Options::default()).await;
    let c = &b.client;
    c.goto(&format!("{host}/")).await.unwrap();
    press(c, TAB).await;
    press(c, ENTER).await;
    let in_flow = "var d = document.querySelector('dialog'); return !!d && d.open && document.activeElement.tagName === 'IFRAME'";
    wait_until(c, in_flow, "the dialog opens and the flow takes the focus").await;
    let dialog = js(
        c,
        "var d = document.querySelector('dialog');
         return [d.lang, d.dir, d.getAttribute('aria-label'), d.querySelector('iframe').title,
                 d.querySelector('button').getAttribute('aria-label')]",
    )
    .await;
    assert_eq!(
        dialog,
        serde_json::json!([
            "ar",
            "rtl",
            tr.t("phone-title"),
            tr.t("phone-title"),
            tr.t("dialog-close")
        ])
    );
    audit(c, "the host page with the Arabic dialog open").await;
    screenshot(c, "host-dialog-ar").await;
    // Inside the frame the focus is on the number field, not the page.
    c.enter_frame(0).await.unwrap();
    wait_until(
        c,
        "return document.activeElement.id === 'phone'",
        "the number field has the focus",
    )
    .await;
    // Tab through the flow leads out of it to the close button.
    c.enter_parent_frame().await.unwrap();
    let mut tabs = 0;
    loop {
        keyboard(c, TAB).await;
        let here = js(
            c,
            "var a = document.activeElement; return a.tagName === 'BUTTON' && a.closest('dialog') !== null",
        )
        .await;
        if here == Value::Bool(true) {
            eprintln!(
                "Tab from the number field reaches the close button in {} presses",
                tabs + 1
            );
            break;
        }
        tabs += 1;
        assert!(tabs <= 60, "Tab reaches the close button");
    }
    // Back into the flow: a wrong number, then the number.
    c.enter_frame(0).await.unwrap();
    js(c, "document.getElementById('phone').focus(); return true").await;
    press(c, "12").await;
    press(c, ENTER).await;
    wait_until(
        c,
        "return document.readyState === 'complete' && document.activeElement.id === 'problem-summary'",
        "the error summary has the focus",
    )
    .await;
    js(c, "document.getElementById('phone').value = ''; document.getElementById('phone').focus(); return true").await;
    press(c, "+14155552671").await;
    press(c, ENTER).await;
    wait_until(
        c,
        "return location.pathname === '/verify/code' && document.readyState === 'complete' && document.activeElement.id === 'code'",
        "the code step, its field focused",
    )
    .await;
    assert_eq!(app.outbox_len().await, 1);
    // Escape once a text was sent: asked first.
    press(c, ESCAPE).await;
    let asked = wait_alert(c).await;
    assert_eq!(asked, tr.t("dialog-confirm-close"));
    c.dismiss_alert().await.unwrap();
    c.enter_parent_frame().await.unwrap();
    wait_until(
        c,
        in_flow,
        "No keeps the dialog open, the focus in the flow",
    )
    .await;
    c.enter_frame(0).await.unwrap();
    wait_until(
        c,
        "return document.activeElement.id === 'code'",
        "the focus back on the code field",
    )
    .await;
    press(c, ESCAPE).await;
    wait_alert(c).await;
    c.accept_alert().await.unwrap();
    c.enter_parent_frame().await.unwrap();
    wait_until(
        c,
        "return document.getElementById('result').textContent === 'closed: AbortError' && !document.querySelector('dialog[open]')",
        "Yes closes it and rejects the promise",
    )
    .await;
    assert_eq!(js(c, "return document.activeElement.id").await, "verify");
    // Opened again: the flow where it was, no new text.
    press(c, ENTER).await;
    wait_until(c, in_flow, "the dialog opens again").await;
    c.enter_frame(0).await.unwrap();
    wait_until(
        c,
        "return location.pathname === '/verify/code' && document.activeElement.id === 'code'",
        "the code step again, where it was",
    )
    .await;
    assert_eq!(app.outbox_len().await, 1, "no new text");
    let code = app.last_code(US).await;
    press(c, &code).await;
    press(c, ENTER).await;
    c.enter_parent_frame().await.unwrap();
    wait_until(
        c,
        "return document.getElementById('result').textContent.startsWith('ey') && !document.querySelector('dialog')",
        "the token reaches the host's callback and the dialog goes",
    )
    .await;
}

/// Presses `key` on the keyboard, wherever the focus is (in a frame or not).
async fn keyboard(c: &Client, key: &str) {
    use fantoccini::actions::{InputSource as _, KeyAction, KeyActions};
    let key = key.chars().next().unwrap();
    c.perform_actions(
        KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key }),
    )
    .await
    .unwrap();
}

/// The alert the page shows now (waiting for it), by its text.
async fn wait_alert(c: &Client) -> String {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(text) = c.get_alert_text().await {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no confirmation asked"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// From `host`'s page the dialog says, in `lang`, that the flow cannot
/// show there and offers to go on (the focus on that button); pressing it
/// goes to the redirect flow.
async fn told_then_redirected(c: &Client, app: &str, host: &str, lang: &'static str) {
    let tr = Tr::new(Arc::new(I18n::new("en").unwrap()), lang, "Acme".into());
    c.goto(&format!("{host}/")).await.unwrap();
    press(c, TAB).await;
    press(c, ENTER).await;
    wait_until(
        c,
        "return !!document.getElementById('phone-verify-refused')",
        "the dialog says the flow cannot show here",
    )
    .await;
    let told = js(
        c,
        "var d = document.querySelector('dialog[open]'), n = document.getElementById('phone-verify-refused');
         return [n.textContent, n.getAttribute('role'), d.getAttribute('aria-describedby'), d.lang,
                 document.activeElement.textContent, !!d.querySelector('iframe')]",
    )
    .await;
    assert_eq!(
        told,
        serde_json::json!([
            tr.t("dialog-refused"),
            "alert",
            "phone-verify-refused",
            lang,
            tr.t("done-continue"),
            false
        ]),
        "{host}"
    );
    audit(
        c,
        &format!("the dialog saying the flow cannot show ({lang})"),
    )
    .await;
    screenshot(c, &format!("host-refused-{lang}")).await;
    assert!(
        c.current_url().await.unwrap().as_str().starts_with(host),
        "nothing leaves the page before the person says so"
    );
    press(c, ENTER).await;
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let url = c.current_url().await.unwrap();
        if url.as_str().starts_with(app) {
            assert_eq!(url.path(), "/verify");
            let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
            assert_eq!(q.get("client_id").map(String::as_str), Some("acme"));
            assert_eq!(q.get("state").map(String::as_str), Some("s1"));
            assert!(!q.contains_key("embed"), "the redirect flow: {url}");
            return;
        }
        assert!(std::time::Instant::now() < deadline, "no redirect: {url}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Where the flow may not be framed, the dialog says so and then goes to
/// the redirect flow: when the host's own CSP refuses the frame (its
/// violation event), and when the client does not list the host as a frame
/// ancestor — told by the frame's load without the flow's "ready", not by
/// the fallback timer (set to ten minutes here).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_host_that_may_not_frame_the_flow_is_redirected() {
    let (refusing_port, unlisted_port) = (free_port(), free_port());
    let refusing = format!("http://localhost:{refusing_port}");
    let unlisted = format!("http://127.0.0.1:{unlisted_port}");
    let app = spawn_app_with_webhooks(
        Backend::Sqlite,
        fresh_db(Backend::Sqlite).await,
        &[],
        vec![RawClient {
            id: "acme".into(),
            name: Some("Acme".into()),
            secret: SECRET.into(),
            redirect_uris: vec![format!("{refusing}/done"), format!("{unlisted}/done")],
            frame_ancestors: vec![refusing.clone()],
            service_sid: None,
            allow_risk_check_disable: Vec::new(),
        }],
        Vec::new(),
    )
    .await;
    host_site(
        refusing_port,
        app.address.clone(),
        refusing.clone(),
        "'none'",
        r#"lang: "en""#,
    )
    .await;
    // No fallback timer to lean on: the frame's own load says it was refused.
    host_site(
        unlisted_port,
        app.address.clone(),
        unlisted.clone(),
        &app.address,
        r#"lang: "de", readyTimeout: 600000"#,
    )
    .await;
    let b = browser(Options::default()).await;
    let c = &b.client;
    told_then_redirected(c, &app.address, &refusing, "en").await;
    told_then_redirected(c, &app.address, &unlisted, "de").await;
}
