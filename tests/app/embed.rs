//! Apps that embed the flow: the redirect flow end to end with the example
//! host app, open-redirect tricks, and the iframe flow without cookies.
use std::{
    io::{BufRead, BufReader},
    process::{Child, Command, Stdio},
};

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use phone_verify::{config::RawClient, web::embed::Claims};
use reqwest::StatusCode;

use crate::{
    both_backends,
    helpers::{Backend, Page, TestApp, code_of, free_port, spawn_app_with_clients},
};

const SECRET: &str = "acme-secret-of-at-least-thirty-two-bytes!";
pub(crate) const RETURN_TO: &str = "https://acme.example/signup/phone";
const US: &str = "+14155552671";

pub(crate) fn acme(redirect_uris: &[&str]) -> RawClient {
    RawClient {
        id: "acme".into(),
        name: Some("Acme Shop".into()),
        secret: SECRET.into(),
        redirect_uris: redirect_uris.iter().map(|s| s.to_string()).collect(),
        frame_ancestors: vec!["https://acme.example".into()],
        service_sid: None,
        allow_risk_check_disable: Vec::new(),
    }
}

async fn spawn(backend: Backend) -> TestApp {
    spawn_app_with_clients(
        backend,
        &[],
        vec![acme(&[RETURN_TO, "https://acme.example/cb?x=1"])],
    )
    .await
}

/// A browser with no cookie jar at all: what an iframe gets when
/// third-party cookies are blocked.
pub(crate) fn cookieless() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

pub(crate) async fn page(response: reqwest::Response) -> Page {
    let status = response.status();
    let headers = response.headers().clone();
    Page {
        status,
        headers,
        body: response.text().await.unwrap(),
    }
}

fn decode(token: &str) -> Claims {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&["acme"]);
    jsonwebtoken::decode::<Claims>(
        token,
        &DecodingKey::from_secret(SECRET.as_bytes()),
        &validation,
    )
    .expect("a valid token")
    .claims
}

/// The first form's `action` (HTML-unescaped): where the page posts.
pub fn form_action(body: &str) -> String {
    let marker = "<form method=\"post\" action=\"";
    let start = body.find(marker).expect("a form") + marker.len();
    let end = body[start..].find('"').expect("closing quote") + start;
    body[start..end].replace("&amp;", "&").replace("&#38;", "&")
}

/// The `flow=` id in a URL.
fn flow_of(url: &str) -> String {
    let start = url.find("flow=").expect("a flow id") + 5;
    url[start..]
        .chars()
        .take_while(|c| c.is_ascii_hexdigit())
        .collect()
}

/// Opens an app's flow at `query` and starts a verification of `phone`,
/// as the page's form does: the flow id, and the code page.
pub(crate) async fn start_flow(
    client: &reqwest::Client,
    app: &TestApp,
    query: &str,
    phone: &str,
) -> (String, Page) {
    let first = page(
        client
            .get(app.url(&format!("/verify?{query}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let started = client
        .post(app.url(&form_action(&first.body)))
        .form(&[
            ("csrf_token", first.csrf().as_str()),
            ("phone", phone),
            ("country", "US"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(started.status(), StatusCode::SEE_OTHER);
    let location = started.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/verify/code?flow="), "{location}");
    let flow = flow_of(&location);
    let code_page = page(client.get(app.url(&location)).send().await.unwrap()).await;
    (flow, code_page)
}

both_backends!(
    iframe_flow_without_cookies,
    a_known_flow_id_does_not_reveal_the_token,
    nonce_is_bound_into_the_token,
    repeated_query_parameters_get_400,
    redirect_flow_adds_token_and_state,
    open_redirect_tricks_get_400,
    iframe_headers_follow_the_client,
    stale_flow_ids_are_refused,
    a_number_from_the_app_is_named_by_its_last_digits,
    another_sites_page_cannot_drive_an_app_flow,
    a_language_in_the_url_is_not_written_to_the_flow,
);

/// A stranger's page takes an app flow's form token and has visitors'
/// browsers post it (issue 23): with `Sec-Fetch-Site: cross-site` or a
/// foreign `Origin` each gets 403 and nothing is sent, whatever the bot
/// check; the plain flow's posts are refused alike. A browser that sends
/// neither header is left to the form tokens, as before.
async fn another_sites_page_cannot_drive_an_app_flow(backend: Backend) {
    for bot_check in ["adaptive", "always"] {
        let app = spawn_app_with_clients(
            backend,
            &[("BOT_CHALLENGE", bot_check)],
            vec![acme(&[RETURN_TO])],
        )
        .await;
        let query = format!("client_id=acme&return_to={}&state=st", urlencode(RETURN_TO));
        let attacker = cookieless();
        let first = page(
            attacker
                .get(app.url(&format!("/verify?{query}")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        let action = form_action(&first.body);
        let csrf = first.csrf();
        for (name, value) in [
            ("origin", "http://evil.example"),
            ("sec-fetch-site", "cross-site"),
            ("sec-fetch-site", "same-site"),
        ] {
            for n in 0..3 {
                let victim = cookieless();
                let phone = format!("+1415555{:04}", 3000 + n);
                let posted = victim
                    .post(app.url(&action))
                    .header(name, value)
                    .form(&[
                        ("csrf_token", csrf.as_str()),
                        ("phone", phone.as_str()),
                        ("country", "US"),
                    ])
                    .send()
                    .await
                    .unwrap();
                assert_eq!(posted.status(), StatusCode::FORBIDDEN, "{name}: {value}");
            }
        }
        // The plain flow's form and code posts too.
        for path in ["/verify", "/verify/code", "/verify/resend"] {
            let posted = cookieless()
                .post(app.url(path))
                .header("origin", "http://evil.example")
                .form(&[("csrf_token", "x"), ("phone", US), ("country", "US")])
                .send()
                .await
                .unwrap();
            assert_eq!(posted.status(), StatusCode::FORBIDDEN, "{path}");
        }
        assert_eq!(app.outbox_len().await, 0, "nothing was sent");
        assert_eq!(app.count("SELECT count(*) FROM verifications").await, 0);
        // phone-verify's own page posting (same origin) still works.
        let browser = app.new_browser(None);
        let first = browser.get(&format!("/verify?{query}")).await;
        let own = browser
            .client
            .post(app.url(&form_action(&first.body)))
            .header("sec-fetch-site", "same-origin")
            .header("origin", "null")
            .form(&[
                ("csrf_token", first.csrf().as_str()),
                ("phone", US),
                ("country", "US"),
            ])
            .send()
            .await
            .unwrap();
        if bot_check == "adaptive" {
            assert_eq!(own.status(), StatusCode::SEE_OTHER);
            assert_eq!(app.outbox_len().await, 1);
        } else {
            assert_eq!(own.status(), StatusCode::BAD_REQUEST, "asked for the check");
        }
    }
}

/// A page view of a stored flow with `?lang=` writes nothing: the page, its
/// links and its forms are in that language (it rides in the URL), and the
/// stored flow keeps its own.
async fn a_language_in_the_url_is_not_written_to_the_flow(backend: Backend) {
    let app = spawn(backend).await;
    let query = format!("client_id=acme&return_to={}&state=st", urlencode(RETURN_TO));
    let browser = app.new_browser(None);
    let (flow, code_page) = start_flow(&browser.client, &app, &query, US).await;
    assert!(code_page.body.contains("<html lang=\"en\""));
    let stored =
        |lang: &str| format!("SELECT count(*) FROM flows WHERE id = '{flow}' AND lang = '{lang}'");
    assert_eq!(app.count(&stored("en")).await, 1);
    let all = app.count("SELECT count(*) FROM flows").await;
    let spanish = browser
        .get(&format!("/verify/code?flow={flow}&lang=es"))
        .await;
    assert_eq!(spanish.status, StatusCode::OK);
    assert_eq!(
        app.count(&stored("en")).await,
        1,
        "the row keeps its language"
    );
    assert_eq!(app.count(&stored("es")).await, 0);
    assert_eq!(app.count("SELECT count(*) FROM flows").await, all);
    assert!(
        spanish.body.contains("<html lang=\"es\""),
        "{}",
        spanish.body
    );
    assert!(
        spanish
            .body
            .contains(&format!("action=\"/verify/code?flow={flow}&amp;lang=es\""))
            || spanish
                .body
                .contains(&format!("action=\"/verify/code?flow={flow}&#38;lang=es\"")),
        "the form keeps the language: {}",
        spanish.body
    );
    // Without `lang`, the flow's own language again.
    let plain = browser.get(&format!("/verify/code?flow={flow}")).await;
    assert!(plain.body.contains("<html lang=\"en\""));
}

/// A number the app passed (`phone=`) is named "the number ending in 2671"
/// on the code page (not a row of asterisks a screen reader spells out);
/// one the person typed is shown whole.
async fn a_number_from_the_app_is_named_by_its_last_digits(backend: Backend) {
    let app = spawn(backend).await;
    let query = format!(
        "client_id=acme&return_to={}&state=st&phone=%2B14155552671",
        urlencode(RETURN_TO)
    );
    let browser = app.new_browser(None);
    let (_, code_page) = start_flow(&browser.client, &app, &query, US).await;
    assert!(
        code_page
            .body
            .contains("We texted a code to the number ending in 2671."),
        "{}",
        code_page.body
    );
    assert!(!code_page.body.contains("415-555-2671"));
    assert!(!code_page.body.contains("***"));
    let other = "+12015550123";
    let browser = app.new_browser(None);
    let (_, code_page) = start_flow(&browser.client, &app, &query, other).await;
    assert!(
        code_page
            .body
            .contains(r#"We texted a code to <span class="number">+1 201-555-0123</span>."#),
        "{}",
        code_page.body
    );
}

async fn iframe_flow_without_cookies(backend: Backend) {
    let app = spawn(backend).await;
    let frame = cookieless();
    let url = |path: &str| app.url(path);
    let query = format!(
        "client_id=acme&return_to={}&state=s-123&embed=1",
        urlencode(RETURN_TO)
    );
    let first = page(
        frame
            .get(url(&format!("/verify?{query}")))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert!(
        first
            .body
            .contains("Acme Shop wants to confirm your phone number.")
    );
    assert!(first.body.contains(r#"class="embed""#));
    let csp = first.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("frame-ancestors https://acme.example"),
        "{csp}"
    );
    assert!(
        first.headers.get("set-cookie").is_none(),
        "no cookie needed"
    );

    let (flow, code_page) = start_flow(&frame, &app, &query, US).await;
    assert!(code_page.body.contains("+1 415-555-2671"));
    let csrf = code_page.csrf();
    // A forged token is refused even with the right flow id.
    let forged = frame
        .post(url(&format!("/verify/code?flow={flow}")))
        .form(&[("csrf_token", "0".repeat(64).as_str()), ("code", "123456")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    let code = app.last_code(US).await;
    let checked = frame
        .post(url(&format!("/verify/code?flow={flow}")))
        .form(&[("csrf_token", csrf.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(checked.status(), StatusCode::SEE_OTHER);
    let done_at = checked.headers()["location"].to_str().unwrap().to_owned();
    assert!(done_at.starts_with("/verify/done?flow="), "{done_at}");
    assert_ne!(
        flow_of(&done_at),
        flow,
        "the flow moves to a new id on approval"
    );
    let done = page(frame.get(url(&done_at)).send().await.unwrap()).await;
    assert!(
        done.body.contains(r#"data-parent="https://acme.example""#),
        "posts to the registered origin only"
    );
    assert!(
        done.body
            .contains(r#"<script src="/static/embed.js"></script>"#)
    );
    let token_at = done.body.find("data-token=\"").unwrap() + 12;
    let token: String = done.body[token_at..]
        .chars()
        .take_while(|c| *c != '"')
        .collect();
    let claims = decode(&token);
    assert_eq!(claims.phone_number, US);
    assert!(claims.phone_number_verified);
    let again = page(frame.get(url(&done_at)).send().await.unwrap()).await;
    assert_eq!(
        again.status,
        StatusCode::BAD_REQUEST,
        "the token is shown once"
    );
    assert!(!again.body.contains(&token));
    let script = app.get("/static/embed.js").await.body;
    assert!(script.contains("\"phone-verify:verified\"") && !script.contains("\"*\""));
}

/// Whoever knew a flow's id (an attacker who started it and handed the
/// link to a victim) cannot read the token of the person who finished it:
/// the flow moves to an id that only the approving browser is told.
async fn a_known_flow_id_does_not_reveal_the_token(backend: Backend) {
    let app = spawn(backend).await;
    let (attacker, victim) = (app.new_browser(None), app.new_browser(None));
    let query = format!("client_id=acme&return_to={}&embed=1", urlencode(RETURN_TO));
    let (flow, _) = start_flow(&attacker.client, &app, &query, "+14155552672").await;
    // The victim follows the attacker's link and verifies their own number.
    let phone_step = victim.get(&format!("/verify?flow={flow}")).await;
    assert_eq!(phone_step.status, StatusCode::OK);
    let csrf = phone_step.csrf();
    app.clock.advance(time::Duration::seconds(1));
    let started = victim
        .post(
            &format!("/verify?flow={flow}"),
            &[("csrf_token", &csrf), ("phone", US), ("country", "US")],
        )
        .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let code = app.last_code(US).await;
    let approved = victim
        .post(
            &format!("/verify/code?flow={flow}"),
            &[("csrf_token", &csrf), ("code", &code)],
        )
        .await;
    let done_at = approved.location().expect("to the done page").to_owned();
    for path in [
        format!("/verify/done?flow={flow}"),
        format!("/verify/code?flow={flow}"),
        format!("/verify?flow={flow}"),
    ] {
        let page = attacker.get(&path).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(!page.body.contains("data-token"), "{path}");
    }
    let done = victim.get(&done_at).await;
    assert!(
        done.body.contains("data-token=\""),
        "the victim gets the token"
    );
}

/// A host's `nonce` (up to 128 characters) comes back in the token.
async fn nonce_is_bound_into_the_token(backend: Backend) {
    let app = spawn(backend).await;
    let browser = app.new_browser(None);
    let nonce = "n-0S6_WzA2Mj";
    let query = format!(
        "client_id=acme&return_to={}&state=st&nonce={nonce}",
        urlencode(RETURN_TO)
    );
    let (flow, code_page) = start_flow(&browser.client, &app, &query, US).await;
    let code = app.last_code(US).await;
    let back = browser
        .post(
            &format!("/verify/code?flow={flow}"),
            &[("csrf_token", &code_page.csrf()), ("code", &code)],
        )
        .await;
    let url = url::Url::parse(back.location().unwrap()).unwrap();
    let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(
        decode(&q["verification_token"]).nonce.as_deref(),
        Some(nonce)
    );
    let long = app
        .get(&format!(
            "/verify?client_id=acme&return_to={}&nonce={}",
            urlencode(RETURN_TO),
            "n".repeat(129)
        ))
        .await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
}

/// A repeated `client_id` or `return_to` is refused, not silently dropped.
async fn repeated_query_parameters_get_400(backend: Backend) {
    let app = spawn(backend).await;
    for query in [
        format!(
            "client_id=acme&client_id=acme&return_to={}",
            urlencode(RETURN_TO)
        ),
        format!(
            "client_id=acme&return_to={0}&return_to={0}",
            urlencode(RETURN_TO)
        ),
    ] {
        let page = app.get(&format!("/verify?{query}")).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            page.body.contains("We couldn’t understand that request."),
            "{}",
            page.body
        );
    }
}

async fn redirect_flow_adds_token_and_state(backend: Backend) {
    let app = spawn(backend).await;
    let browser = app.new_browser(None);
    let query = format!(
        "client_id=acme&return_to={}&state=xyz",
        urlencode("https://acme.example/cb?x=1")
    );
    let (flow, code_page) = start_flow(&browser.client, &app, &query, US).await;
    let csrf = code_page.csrf();
    let code = app.last_code(US).await;
    let back = browser
        .post(
            &format!("/verify/code?flow={flow}"),
            &[("csrf_token", &csrf), ("code", &code)],
        )
        .await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    let location = back.location().unwrap();
    assert!(
        location.starts_with("https://acme.example/cb?x=1&verification_token="),
        "{location}"
    );
    let url = url::Url::parse(location).unwrap();
    let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    assert_eq!(q["state"], "xyz");
    let claims = decode(&q["verification_token"]);
    assert_eq!(claims.iss, "http://127.0.0.1:8080", "PUBLIC_URL");
    assert_eq!((claims.aud.as_str(), claims.sub.as_str()), ("acme", US));
    assert_eq!(claims.exp - claims.iat, 300);
    // The flow is over: replaying the code gets nothing.
    let replay = browser
        .post(
            &format!("/verify/code?flow={flow}"),
            &[("csrf_token", &csrf), ("code", &code)],
        )
        .await;
    assert_eq!(replay.status, StatusCode::BAD_REQUEST);
    assert!(replay.location().is_none());
}

async fn open_redirect_tricks_get_400(backend: Backend) {
    let app = spawn(backend).await;
    let tricks = [
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "https://evil.example/signup/phone",
        "https://acme.example.evil.example/signup/phone",
        "https://acme.example/signup/phonex",
        "https://acme.example/signup/phone/../../evil",
        "https://acme.example/signup/phone?next=https://evil.example",
        "https://acme.example/signup/phone#@evil.example",
        "HTTPS://ACME.EXAMPLE/signup/phone",
        "https://acme.example/signup/phone%2F..%2Fevil",
        " https://acme.example/signup/phone",
        "https://acme.example@evil.example/signup/phone",
        "",
    ];
    for trick in tricks {
        let response = app
            .get(&format!(
                "/verify?client_id=acme&return_to={}&state=s",
                urlencode(trick)
            ))
            .await;
        assert_eq!(response.status, StatusCode::BAD_REQUEST, "{trick:?}");
        assert!(response.location().is_none(), "never a redirect: {trick:?}");
        assert!(
            response
                .body
                .contains("This verification link is not valid."),
            "{trick:?}"
        );
    }
    let unknown = app
        .get(&format!(
            "/verify?client_id=evil&return_to={}",
            urlencode(RETURN_TO)
        ))
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    let ok = app
        .get(&format!(
            "/verify?client_id=acme&return_to={}",
            urlencode(RETURN_TO)
        ))
        .await;
    assert_eq!(ok.status, StatusCode::OK);
}

async fn iframe_headers_follow_the_client(backend: Backend) {
    let app = spawn_app_with_clients(
        backend,
        &[],
        vec![
            acme(&[RETURN_TO, "https://other.example/back"]),
            RawClient {
                id: "noframe".into(),
                name: None,
                secret: SECRET.into(),
                redirect_uris: vec![RETURN_TO.into()],
                frame_ancestors: vec![],
                service_sid: None,
                allow_risk_check_disable: Vec::new(),
            },
        ],
    )
    .await;
    let csp = |p: &Page| {
        p.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let framed = app
        .get(&format!(
            "/verify?client_id=acme&return_to={}&embed=1",
            urlencode(RETURN_TO)
        ))
        .await;
    assert!(csp(&framed).contains("frame-ancestors https://acme.example"));
    assert!(csp(&framed).contains("form-action 'self' https://acme.example"));
    let top = app
        .get(&format!(
            "/verify?client_id=acme&return_to={}",
            urlencode(RETURN_TO)
        ))
        .await;
    assert!(
        csp(&top).contains("frame-ancestors 'none'"),
        "not embedded: no framing"
    );
    let plain = app.get("/verify").await;
    assert!(csp(&plain).contains("frame-ancestors 'none'"));
    // The result may only be posted to an origin allowed to frame the flow.
    let foreign = app
        .get(&format!(
            "/verify?client_id=acme&return_to={}&embed=1",
            urlencode("https://other.example/back")
        ))
        .await;
    assert_eq!(foreign.status, StatusCode::BAD_REQUEST);
    let noframe = app
        .get(&format!(
            "/verify?client_id=noframe&return_to={}&embed=1",
            urlencode(RETURN_TO)
        ))
        .await;
    assert_eq!(noframe.status, StatusCode::BAD_REQUEST);
}

async fn stale_flow_ids_are_refused(backend: Backend) {
    let app = spawn(backend).await;
    let page = app
        .get(&format!("/verify/code?flow={}", "ab".repeat(32)))
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.body.contains("This verification page has expired."));
    let query = format!("client_id=acme&return_to={}", urlencode(RETURN_TO));
    let (flow, _) = start_flow(&app.client, &app, &query, US).await;
    app.clock.advance(time::Duration::minutes(31));
    assert_eq!(
        app.get(&format!("/verify?flow={flow}")).await.status,
        StatusCode::BAD_REQUEST
    );
}

pub fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

// ---------- the example host app ----------

struct HostApp {
    child: Child,
    url: String,
}

impl Drop for HostApp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_host_app(port: u16, phone_verify: &str) -> HostApp {
    let python = std::env::var("PV_TEST_PYTHON")
        .expect("PV_TEST_PYTHON is not set: run the suite with scripts/test, which installs PyJWT");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/host-app/app.py");
    let mut child = Command::new(python)
        .args([
            script,
            "--phone-verify",
            phone_verify,
            "--client-id",
            "acme",
            "--secret",
            SECRET,
        ])
        .args(["--port", &port.to_string()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the host app starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "{line}");
    HostApp { child, url }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirect_flow_with_the_example_host_app() {
    let (host_port, app_port) = (free_port(), free_port());
    let public = format!("http://127.0.0.1:{app_port}");
    let callback = format!("http://127.0.0.1:{host_port}/callback");
    let app = spawn_app_with_clients(
        Backend::Sqlite,
        &[
            ("BIND_ADDR", &format!("127.0.0.1:{app_port}")),
            ("PUBLIC_URL", &public),
        ],
        vec![acme(&[&callback])],
    )
    .await;
    let host = start_host_app(host_port, &public);
    let browser = app.new_browser(None);

    // The person clicks "sign up" on the host and lands on phone-verify.
    let to_pv = browser.get_abs(&format!("{}/signup", host.url)).await;
    assert_eq!(to_pv.status, StatusCode::SEE_OTHER);
    let entry = to_pv.location().unwrap().to_owned();
    assert!(
        entry.starts_with(&format!("{public}/verify?client_id=acme")),
        "{entry}"
    );
    let first = browser.get_abs(&entry).await;
    assert!(first.body.contains("Acme Shop wants to confirm"));
    let started = browser
        .post(
            &form_action(&first.body),
            &[
                ("csrf_token", &first.csrf()),
                ("phone", US),
                ("country", "US"),
            ],
        )
        .await;
    let flow = flow_of(started.location().unwrap());
    let csrf = browser
        .get(&format!("/verify/code?flow={flow}"))
        .await
        .csrf();
    let code = code_of(&app.last_sms(US).await);
    let back = browser
        .post(
            &format!("/verify/code?flow={flow}"),
            &[("csrf_token", &csrf), ("code", &code)],
        )
        .await;
    let callback_url = back.location().expect("back to the host").to_owned();
    assert!(callback_url.starts_with(&callback));

    // The host validates the token and the state it sent.
    let welcome = browser.get_abs(&callback_url).await;
    assert_eq!(welcome.status, StatusCode::OK, "{}", welcome.body);
    assert!(
        welcome
            .body
            .contains(&format!("Your phone {US} is verified."))
    );
    // Single use at the host: the same token again is refused.
    let again = browser.get_abs(&callback_url).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert!(again.body.contains("already used"));

    // A tampered token is refused.
    let url = url::Url::parse(&callback_url).unwrap();
    let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    let token = &q["verification_token"];
    let (head, sig) = token.rsplit_once('.').unwrap();
    // Change the signature's first character (to another valid base64url one).
    let first = if sig.starts_with('A') { 'B' } else { 'A' };
    let flipped = format!("{head}.{first}{}", &sig[first.len_utf8()..]);
    let tampered = browser
        .get_abs(&format!(
            "{callback}?verification_token={flipped}&state={}",
            q["state"]
        ))
        .await;
    assert_eq!(tampered.status, StatusCode::BAD_REQUEST);
    assert!(
        tampered.body.contains("Signature verification failed"),
        "{}",
        tampered.body
    );

    // An expired token (signed right, but past exp) is refused.
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let old = Claims {
        nonce: None,
        iss: public.clone(),
        aud: "acme".into(),
        sub: US.into(),
        phone_number: US.into(),
        phone_number_verified: true,
        iat: now - 900,
        exp: now - 600,
        jti: "old".into(),
    };
    let expired = jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &old,
        &EncodingKey::from_secret(SECRET.as_bytes()),
    )
    .unwrap();
    let refused = browser
        .get_abs(&format!(
            "{callback}?verification_token={expired}&state={}",
            q["state"]
        ))
        .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(refused.body.contains("expired"), "{}", refused.body);

    // A token for another browser's signup (state mismatch) is refused.
    let stranger = app.new_browser(None);
    let hijack = stranger.get_abs(&callback_url).await;
    assert_eq!(hijack.status, StatusCode::BAD_REQUEST);
    assert!(hijack.body.contains("state does not match"));
}

/// The README's token-validation examples (`examples/validate-token`):
/// Node with `jose` from npm and Python with PyJWT accept a real token and
/// refuse a tampered one, another audience and another nonce.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_token_validation_examples_check_a_real_token() {
    let app = spawn(Backend::Sqlite).await;
    let browser = app.new_browser(None);
    let query = format!(
        "client_id=acme&return_to={}&state=st&nonce=n-42",
        urlencode(RETURN_TO)
    );
    let (flow, code_page) = start_flow(&browser.client, &app, &query, US).await;
    let code = app.last_code(US).await;
    let back = browser
        .post(
            &format!("/verify/code?flow={flow}"),
            &[("csrf_token", &code_page.csrf()), ("code", &code)],
        )
        .await;
    let url = url::Url::parse(back.location().unwrap()).unwrap();
    let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
    let token = q["verification_token"].clone();
    // A signature that is no longer the secret's.
    let (head, signature) = token.rsplit_once('.').unwrap();
    let flipped = if signature.starts_with('A') { 'B' } else { 'A' };
    let tampered = format!("{head}.{flipped}{}", &signature[1..]);

    let dir = env!("CARGO_MANIFEST_DIR");
    let python = std::env::var("PV_TEST_PYTHON").expect("PV_TEST_PYTHON: run scripts/test");
    // The Node example, run beside the `jose` scripts/test installed.
    let jose = format!("{dir}/target/jose-node");
    assert!(
        std::path::Path::new(&format!("{jose}/node_modules/jose")).exists(),
        "jose is installed by scripts/test"
    );
    std::fs::copy(
        format!("{dir}/examples/validate-token/validate.mjs"),
        format!("{jose}/validate.mjs"),
    )
    .unwrap();
    let run = |lang: &str, token: &str, audience: &str, nonce: &str| {
        let mut cmd = if lang == "node" {
            let mut c = Command::new("node");
            c.arg(format!("{jose}/validate.mjs"));
            c
        } else {
            let mut c = Command::new(&python);
            c.arg(format!("{dir}/examples/validate-token/validate.py"));
            c
        };
        cmd.args(["--secret", SECRET, "--issuer", "http://127.0.0.1:8080"])
            .args(["--audience", audience, "--nonce", nonce, token])
            .output()
            .unwrap()
    };
    for lang in ["node", "python"] {
        let ok = run(lang, &token, "acme", "n-42");
        assert!(ok.status.success(), "{lang}: {ok:?}");
        let out: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
        assert_eq!(out["phone_number"], US, "{lang}");
        assert!(out["jti"].as_str().is_some_and(|j| !j.is_empty()), "{lang}");
        for (what, token, audience, nonce) in [
            ("tampered", tampered.as_str(), "acme", "n-42"),
            ("another audience", token.as_str(), "other", "n-42"),
            ("another nonce", token.as_str(), "acme", "n-43"),
        ] {
            let refused = run(lang, token, audience, nonce);
            assert_eq!(
                refused.status.code(),
                Some(1),
                "{lang}, {what}: {refused:?}"
            );
            assert!(
                String::from_utf8_lossy(&refused.stderr).starts_with("invalid token"),
                "{lang}, {what}: {refused:?}"
            );
        }
    }
}
