//! `static/phone-verify.js` on a host page with a strict CSP, in Chromium,
//! by keyboard only: the modal dialog, the token handed to the host's
//! callback, Escape, and focus going back; axe on the dialog. A webhook
//! receiver sees the approval.
use std::time::Duration;

use fantoccini::{Client, Locator};
use phone_verify::config::{RawClient, RawWebhook};
use serde_json::Value;

use crate::{
    browser::{Options, audit, browser, screenshot},
    helpers::{Backend, free_port, fresh_db, spawn_app_with_webhooks},
};

const US: &str = "+14155552671";
const SECRET: &str = "acme-secret-of-at-least-thirty-two-bytes!";

/// The host: a page whose CSP allows scripts and frames from phone-verify
/// only (no inline script or style), and its own script.
async fn host_site(port: u16, app_url: String, host: String, frame_src: &str) {
    let page = r#"<!doctype html><html lang="en"><head><title>Acme signup</title>
<script src="APP/static/phone-verify.js"></script><script src="/host.js" defer></script></head>
<body><main><h1>Acme signup</h1>
<button type="button" id="verify">Verify your phone</button>
<p id="result" role="status">waiting</p></main></body></html>"#
        .replace("APP", &app_url);
    let script = r#"document.getElementById("verify").addEventListener("click", function () {
  var result = document.getElementById("result");
  PhoneVerify.open({ clientId: "acme", returnTo: "HOST/done", state: "s1", nonce: "n-123", lang: "en" })
    .then(function (token) { result.textContent = token; })
    .catch(function (e) { result.textContent = "closed: " + e.name; });
});"#
        .replace("HOST", &host);
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
    host_site(host_port, app.address.clone(), host.clone(), &app.address).await;
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
        "return document.getElementById('result').textContent === 'closed: AbortError' && !document.querySelector('dialog')",
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
        "return !document.querySelector('dialog') && document.getElementById('result').textContent === 'closed: AbortError'",
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

/// Goes to the redirect flow from `host`'s page, within `within`.
async fn redirected(c: &Client, app: &str, host: &str, within: Duration) {
    c.goto(&format!("{host}/")).await.unwrap();
    press(c, TAB).await;
    press(c, ENTER).await;
    let deadline = std::time::Instant::now() + within;
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

/// Where the flow may not be framed, the script goes to the redirect flow
/// instead: at once when the host's own CSP refuses the frame, after 10 s
/// without a word from the frame when the client does not list the host
/// as a frame ancestor.
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
    )
    .await;
    host_site(
        unlisted_port,
        app.address.clone(),
        unlisted.clone(),
        &app.address,
    )
    .await;
    let b = browser(Options::default()).await;
    let c = &b.client;
    redirected(c, &app.address, &refusing, Duration::from_secs(5)).await;
    redirected(c, &app.address, &unlisted, Duration::from_secs(20)).await;
}
