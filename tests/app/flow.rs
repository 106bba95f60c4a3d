//! The browser flow over HTTP, as a person goes through it.
use reqwest::StatusCode;
use time::Duration;

use crate::{
    both_backends,
    helpers::TestApp,
    helpers::{Backend, arabic_indic, spawn_app, spawn_app_with},
};

const US: &str = "+14155552671";

both_backends!(
    happy_path,
    wrong_code_shows_attempts_left,
    attempts_exhausted,
    expired_code,
    replay_after_success,
    a_late_text_still_works,
    resend_inside_the_cooldown,
    missing_or_wrong_csrf_token,
    invalid_phone_is_echoed_escaped,
    number_that_cannot_take_sms,
    national_format_with_country,
    arabic_indic_digits_in_the_code,
    new_start_replaces_the_pending_code,
    send_quota_per_number,
    language_from_query_and_header,
    body_over_the_limit,
    pages_without_a_flow_redirect,
    foreign_session_ids_are_not_adopted,
    security_headers_on_every_page,
    health_and_readiness,
    cleanup_task_deletes_expired_rows,
    branding_by_configuration,
);

async fn happy_path(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/").await.location(), Some("/verify"));

    let started = app.start("(415) 555-2671", "US").await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    assert_eq!(started.location(), Some("/verify/code"));

    let sms = app.last_sms(US).await;
    let code = crate::helpers::code_of(&sms);
    assert_eq!(code.len(), 6);
    assert!(
        sms.starts_with(&format!(
            "Your Acme code is {code}. It expires in 10 minutes."
        )),
        "{sms}"
    );
    assert!(sms.ends_with(&format!("\n@127.0.0.1 #{code}")), "{sms}");

    let page = app.get("/verify/code").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains(r#"We texted a code to <span class="number">+1 415-555-2671</span>."#),
        "the number the person typed, formatted for reading: {}",
        page.body
    );
    assert!(page.body.contains("The code expires in 10 minutes."));
    assert!(
        !page.body.contains("attempts left"),
        "attempts are shown only after a wrong code"
    );
    assert!(page.body.contains(r#"autocomplete="one-time-code""#));
    assert!(page.body.contains(r#"inputmode="numeric""#));
    assert!(page.body.contains(r#"spellcheck="false""#));
    assert!(
        page.body
            .contains("<title>Enter your code · &#x2068;Acme&#x2069;</title>")
    );
    assert!(
        page.body
            .contains("You can ask for a new code 30 seconds after we sent it."),
        "without JavaScript the wait is worded from the send"
    );
    assert!(
        !page.body.contains(&code),
        "the code never appears in a page"
    );

    let before = app.session_cookie().expect("a session cookie");
    let done = app.submit_code(&code).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.location(), Some("/verify/done"));
    let after = app.session_cookie().expect("a session cookie");
    assert_ne!(before, after, "the session id changes on verification");

    let page = app.get("/verify/done").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Phone number verified"));
    assert!(
        page.body
            .contains(r#"We’ve verified <span class="number">+1 415-555-2671</span>."#)
    );
}

async fn wrong_code_shows_attempts_left(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let page = app.submit_code(wrong).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body
            .contains("That code isn’t right. You have 4 attempts left."),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"aria-invalid="true""#));
    assert!(
        page.body
            .contains("<title>Error: Enter your code · &#x2068;Acme&#x2069;</title>"),
        "the title says there is an error"
    );
    assert!(
        page.body
            .contains(r##"<a href="#code">That code isn’t right."##),
        "an error summary links to the field"
    );
    // Not a code at all: its own message, and no attempt spent.
    for slip in ["12ab!", "12345", "1234567", ""] {
        let page = app.submit_code(slip).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{slip:?}");
        let expected = if slip.is_empty() {
            "Enter the code we texted you."
        } else {
            "The code is 6 digits. Check it and try again."
        };
        assert!(page.body.contains(expected), "{slip:?}: {}", page.body);
        assert!(!page.body.contains("isn’t right"), "{slip:?}");
    }
    assert_eq!(app.attempts_spent(US, 5).await, 1, "slips spend nothing");
    let page = app.get("/verify/code").await;
    assert!(
        page.body.contains("You have 4 attempts left."),
        "{}",
        page.body
    );
    // The right code still works afterwards.
    assert_eq!(
        app.submit_code(&code).await.location(),
        Some("/verify/done")
    );
}

async fn attempts_exhausted(backend: Backend) {
    let app = spawn_app_with(backend, &[("OTP_MAX_ATTEMPTS", "3")]).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    let wrong = if code == "999999" { "888888" } else { "999999" };
    assert!(
        app.submit_code(wrong)
            .await
            .body
            .contains("2 attempts left")
    );
    assert!(app.submit_code(wrong).await.body.contains("1 attempt left"));
    let last = app.submit_code(wrong).await;
    assert_eq!(last.status, StatusCode::BAD_REQUEST);
    assert!(
        last.body.contains("<h1>Too many wrong codes</h1>"),
        "{}",
        last.body
    );
    // The number's wrong codes (OTP_MAX_ATTEMPTS by default) are spent too:
    // the page says when it can be tried again.
    assert!(
        last.body
            .contains("You can try this number again in 60 minutes."),
        "{}",
        last.body
    );
    assert!(
        !last.body.contains(r#"action="/verify/code""#),
        "no code form once attempts are used up"
    );
    // Even the right code is refused now.
    let right = app.submit_code(&code).await;
    assert_eq!(right.status, StatusCode::BAD_REQUEST);
    assert!(right.body.contains("<h1>Too many wrong codes</h1>"));
    assert_eq!(app.get("/verify/done").await.location(), Some("/verify"));
}

async fn expired_code(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    app.clock.advance(Duration::seconds(601));
    let page = app.submit_code(&code).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body.contains("<h1>Your code has expired</h1>"),
        "{}",
        page.body
    );
    // The code page leads to a new code, its button focused.
    let page = app.get("/verify/code").await;
    assert!(page.body.contains(r#"action="/verify/resend""#));
    assert!(
        page.body
            .contains(r#"class="primary" id="resend-button" autofocus"#),
        "{}",
        page.body
    );
    let resent = app.resend().await;
    assert_eq!(resent.location(), Some("/verify/code"));
    let fresh = app.last_code(US).await;
    assert_eq!(
        app.submit_code(&fresh).await.location(),
        Some("/verify/done")
    );
}

async fn replay_after_success(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    let id = app.pending_id(US).await;
    assert_eq!(
        app.submit_code(&code).await.location(),
        Some("/verify/done")
    );
    // The same browser posting the same code again gets nothing.
    let replay = app.submit_code(&code).await;
    assert_eq!(replay.location(), Some("/verify"));
    // The verification itself refuses a second approval.
    let again = app.state.verifier.check(id, &code, None).await.unwrap();
    assert_eq!(
        again,
        phone_verify::verification::CheckOutcome::NotPending(
            phone_verify::domain::Status::Approved
        )
    );
}

/// A late text still works: after a resend, the previous code approves
/// until its own expiry (the two latest codes work, attempts shared), and a
/// second resend retires the first code.
async fn a_late_text_still_works(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let first = app.last_code(US).await;
    app.clock.advance(Duration::seconds(31));
    assert_eq!(app.resend().await.location(), Some("/verify/code"));
    let second = app.last_code(US).await;
    let page = app.get("/verify/code").await;
    assert!(page.body.contains("We texted you a new code."));
    if first != second {
        let wrong = ["000000", "111111", "222222"]
            .into_iter()
            .find(|w| *w != first && *w != second)
            .unwrap();
        let refused = app.submit_code(wrong).await;
        assert!(
            refused.body.contains("4 attempts left"),
            "attempts are shared and do not reset on resend"
        );
    }
    assert_eq!(
        app.submit_code(&first).await.location(),
        Some("/verify/done"),
        "the first code, arriving late, approves"
    );

    // Any text works: after two resends the first code still approves.
    let resent_twice = |phone: &'static str| {
        let app = &app;
        async move {
            let browser = app.new_browser(None);
            browser.start(phone, "US").await;
            let mut codes = vec![app.last_code(phone).await];
            for _ in 0..2 {
                app.clock.advance(Duration::seconds(31));
                let csrf = browser.get("/verify").await.csrf();
                browser
                    .post("/verify/resend", &[("csrf_token", &csrf)])
                    .await;
                codes.push(app.last_code(phone).await);
            }
            (browser, codes)
        }
    };
    let (browser, codes) = resent_twice("+14155552672").await;
    assert_eq!(
        browser.submit_code(&codes[0]).await.location(),
        Some("/verify/done"),
        "the oldest of three texts approves"
    );
    // Each code stops at its own expiry, the current one last.
    let (browser, codes) = resent_twice("+14155552673").await;
    app.clock.advance(Duration::seconds(600 - 31 + 1));
    for old in &codes[..2] {
        if old != &codes[2] {
            let page = browser.submit_code(old).await;
            assert_eq!(page.status, StatusCode::BAD_REQUEST);
            assert!(page.body.contains("isn’t right"), "{}", page.body);
        }
    }
    assert_eq!(
        browser.submit_code(&codes[2]).await.location(),
        Some("/verify/done")
    );
}

async fn resend_inside_the_cooldown(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    app.clock.advance(Duration::seconds(10));
    // Back to the code page (post/redirect/get), the wait a warning there.
    let early = app.resend().await;
    assert_eq!(early.status, StatusCode::SEE_OTHER);
    assert_eq!(early.location(), Some("/verify/code?resend=early"));
    let page = app.get("/verify/code?resend=early").await;
    assert!(
        page.body.contains(
            r#"class="notice warning" id="resend-warning" role="status" tabindex="-1" autofocus>Please wait 20 seconds before asking for another code."#
        ),
        "{}",
        page.body
    );
    assert_eq!(app.outbox_len().await, 1, "nothing was sent");
    app.clock.advance(Duration::seconds(20));
    assert_eq!(app.resend().await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.outbox_len().await, 2);
}

async fn missing_or_wrong_csrf_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let csrf = app.csrf().await;
    let none = app
        .post("/verify", &[("phone", US), ("country", "US")])
        .await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    assert!(
        none.body.contains("This form has expired."),
        "{}",
        none.body
    );
    let wrong = app
        .post(
            "/verify",
            &[("csrf_token", "0".repeat(64).as_str()), ("phone", US)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.outbox_len().await,
        0,
        "nothing sent without a valid token"
    );
    // A token from another browser is worth nothing here.
    let other = spawn_app(backend).await;
    let foreign = other.csrf().await;
    assert_eq!(
        app.post("/verify", &[("csrf_token", &foreign), ("phone", US)])
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    // The code and resend forms need it too.
    app.post(
        "/verify",
        &[("csrf_token", &csrf), ("phone", US), ("country", "US")],
    )
    .await;
    assert_eq!(
        app.post("/verify/code", &[("code", "123456")]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/verify/resend", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    // In Spanish for a Spanish reader.
    let es = app.get("/verify?lang=es").await;
    assert_eq!(es.status, StatusCode::OK);
    let page = app.post("/verify", &[("phone", US)]).await;
    assert!(
        page.body.contains("Este formulario ha caducado."),
        "{}",
        page.body
    );
}

async fn invalid_phone_is_echoed_escaped(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.start("<script>alert(1)</script>", "US").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body
            .contains("That doesn’t look like a valid phone number."),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("&#60;script&#62;alert(1)&#60;/script&#62;")
            || page.body.contains("&lt;script&gt;"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("<script>alert"));
    let empty = app.start("   ", "US").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    assert!(empty.body.contains("Enter your phone number."));
    assert_eq!(app.outbox_len().await, 0);
}

async fn number_that_cannot_take_sms(backend: Backend) {
    let app = spawn_app(backend).await;
    for number in ["+44 20 7946 0018", "+1 800 555 0199", "+44 909 879 0000"] {
        let page = app.start(number, "US").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{number}");
        assert!(
            page.body
                .contains("This number can’t receive text messages."),
            "{number}"
        );
    }
    assert_eq!(app.outbox_len().await, 0);
}

async fn national_format_with_country(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.start("612 34 56 78", "ES").await;
    assert_eq!(page.location(), Some("/verify/code"));
    let code = app.last_code("+34612345678").await;
    assert_eq!(
        app.submit_code(&code).await.location(),
        Some("/verify/done")
    );
    assert!(
        app.get("/verify/done")
            .await
            .body
            .contains("+34 612 34 56 78")
    );
}

async fn arabic_indic_digits_in_the_code(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    let typed = format!(" {} ", arabic_indic(&code));
    assert_eq!(
        app.submit_code(&typed).await.location(),
        Some("/verify/done")
    );
}

async fn new_start_replaces_the_pending_code(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let first = app.last_code(US).await;
    let wrong = if first == "000000" {
        "111111"
    } else {
        "000000"
    };
    app.submit_code(wrong).await;
    app.clock.advance(Duration::seconds(31));
    let mut second = first.clone();
    while second == first {
        app.clock.advance(Duration::seconds(31));
        assert_eq!(app.start(US, "US").await.location(), Some("/verify/code"));
        second = app.last_code(US).await;
    }
    let refused = app.submit_code(&first).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    // A restart does not buy more guesses: 5 - 1 (first wrong) - 1 (old code).
    assert!(refused.body.contains("3 attempts left"), "{}", refused.body);
    assert_eq!(
        app.submit_code(&second).await.location(),
        Some("/verify/done")
    );
}

async fn send_quota_per_number(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("SEND_LIMIT_PER_PHONE", "2"),
            ("RESEND_COOLDOWN_SECONDS", "0"),
        ],
    )
    .await;
    assert_eq!(app.start(US, "US").await.status, StatusCode::SEE_OTHER);
    app.clock.advance(Duration::seconds(60));
    assert_eq!(app.start(US, "US").await.status, StatusCode::SEE_OTHER);
    app.clock.advance(Duration::seconds(60));
    let page = app.start(US, "US").await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS);
    // The oldest send leaves the hour-long window in 58 minutes.
    assert_eq!(page.retry_after(), Some(3480));
    assert!(
        page.body.contains("Try again in 58 minutes."),
        "{}",
        page.body
    );
    assert_eq!(app.resend().await.status, StatusCode::TOO_MANY_REQUESTS);
    // Other numbers are not affected.
    assert_eq!(
        app.start("+34612345678", "ES").await.status,
        StatusCode::SEE_OTHER
    );
    app.clock.advance(Duration::minutes(58));
    assert_eq!(app.start(US, "US").await.status, StatusCode::SEE_OTHER);
}

async fn language_from_query_and_header(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app
        .get_with("/verify", &[("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")])
        .await;
    assert!(page.body.contains(r#"<html lang="es" dir="ltr">"#));
    assert!(page.body.contains("Verifica tu número de teléfono"));
    assert!(
        page.body
            .contains(r#"<option value="MX" selected>México (+52)</option>"#),
        "the country follows the reader's region, named in their language"
    );
    let page = app.get("/verify?lang=es").await;
    assert!(page.body.contains("Verifica tu número de teléfono"));
    // The choice sticks for the rest of the flow, SMS included.
    app.start(US, "US").await;
    let code_page = app.get("/verify/code").await;
    assert!(code_page.body.contains("Introduce tu código"));
    assert!(app.last_sms(US).await.starts_with("Acme: usa "));
    let page = app
        .get_with("/verify?lang=en", &[("Accept-Language", "es")])
        .await;
    assert!(page.body.contains(r#"<html lang="en" dir="ltr">"#));
    let page = app.get("/verify?lang=xx").await;
    assert!(
        page.body.contains(r#"<html lang="en""#),
        "an unknown lang is ignored"
    );
    // Each language is named in itself in the switcher.
    assert!(page.body.contains(r#"hreflang="es""#) && page.body.contains(">Español</a>"));
}

async fn body_over_the_limit(backend: Backend) {
    let app = spawn_app(backend).await;
    let csrf = app.csrf().await;
    let big = "9".repeat(20 * 1024);
    let page = app
        .post("/verify", &[("csrf_token", &csrf), ("phone", &big)])
        .await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        page.body.contains("That request was too large."),
        "{}",
        page.body
    );
}

async fn pages_without_a_flow_redirect(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/verify/code").await.location(), Some("/verify"));
    assert_eq!(app.get("/verify/done").await.location(), Some("/verify"));
    let csrf = app.csrf().await;
    assert_eq!(
        app.post("/verify/code", &[("csrf_token", &csrf), ("code", "123456")])
            .await
            .location(),
        Some("/verify")
    );
    let missing = app.get("/nope").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("We couldn’t find that page."));
}

/// A form posted from a cookieless browser, its cookies written by hand:
/// the `Set-Cookie` values of the answer.
async fn post_with_cookies(app: &TestApp, cookies: &str, form: &[(&str, &str)]) -> Vec<String> {
    let response = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .post(app.url("/verify"))
        .header("Cookie", cookies)
        .form(form)
        .send()
        .await
        .unwrap();
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

/// The form-token cookie a page set (`name=value`) and the form's token.
async fn form_cookie(app: &TestApp) -> (String, String) {
    let page = reqwest::get(app.url("/verify")).await.unwrap();
    let cookie = page.headers()["set-cookie"].to_str().unwrap().to_owned();
    let pair = cookie.split(';').next().unwrap().to_owned();
    let body = page.text().await.unwrap();
    let page = crate::helpers::Page {
        status: StatusCode::OK,
        headers: Default::default(),
        body,
    };
    (pair, page.csrf())
}

async fn foreign_session_ids_are_not_adopted(backend: Backend) {
    let app = spawn_app(backend).await;
    let (csrf_cookie, csrf) = form_cookie(&app).await;
    let set = post_with_cookies(
        &app,
        &format!("{csrf_cookie}; pv_session=AAAAAAAAAAAAAAAAAAAAAA"),
        &[
            ("csrf_token", &csrf),
            ("phone", "+14155552671"),
            ("country", "US"),
        ],
    )
    .await;
    let session = set
        .iter()
        .find(|c| c.starts_with("pv_session="))
        .expect("a new session");
    assert!(!session.contains("AAAAAAAAAAAAAAAAAAAAAA"), "{session}");
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax"),
        "{session}"
    );
}

async fn security_headers_on_every_page(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/verify", "/verify/code", "/nope", "/dev/outbox"] {
        let page = app.get(path).await;
        let h = |name: &str| {
            page.headers
                .get(name)
                .map(|v| v.to_str().unwrap().to_owned())
        };
        assert_eq!(h("cache-control").as_deref(), Some("no-store"), "{path}");
        assert_eq!(
            h("x-content-type-options").as_deref(),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(
            h("referrer-policy").as_deref(),
            Some("no-referrer"),
            "{path}"
        );
        let csp = h("content-security-policy").unwrap();
        assert!(
            csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(
            h("strict-transport-security").is_none(),
            "no HSTS over plain http"
        );
    }
    let https = spawn_app_with(
        backend,
        &[
            ("PUBLIC_URL", "https://verify.example"),
            ("DEV_OUTBOX_PUBLIC", "true"),
        ],
    )
    .await;
    let page = https.get("/verify").await;
    assert!(page.headers.get("strict-transport-security").is_some());
    let (csrf_cookie, csrf) = form_cookie(&https).await;
    assert!(csrf_cookie.starts_with("__Host-pv_csrf="), "{csrf_cookie}");
    let set = post_with_cookies(
        &https,
        &csrf_cookie,
        &[
            ("csrf_token", &csrf),
            ("phone", "+14155552671"),
            ("country", "US"),
        ],
    )
    .await;
    let cookie = set
        .iter()
        .find(|c| c.starts_with("__Host-pv_session="))
        .unwrap_or_else(|| panic!("a session cookie in {set:?}"));
    assert!(
        cookie.contains("Secure") && cookie.contains("Path=/") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    let raw = reqwest::get(https.url("/verify")).await.unwrap();
    let cookie = raw.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("__Host-pv_csrf=")
            && cookie.contains("Secure")
            && cookie.contains("Path=/")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

async fn health_and_readiness(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert!(
        ready.headers.get("set-cookie").is_none(),
        "probes do not make sessions"
    );
    let css = app.get("/static/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(
        css.headers
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    // The README's figures: every asset of the pages, as served, under
    // 22 KB (22,000 bytes); the optional page script under 4 KB; the host
    // pages' script under 10 KB, its words under 1 KB.
    let mut total = 0;
    for name in [
        "style.css",
        "verify.js",
        "embed.js",
        "challenge.js",
        "challenge-worker.js",
        "favicon.svg",
    ] {
        let asset = app.get(&format!("/static/{name}")).await;
        assert_eq!(asset.status, StatusCode::OK, "{name}");
        if name == "verify.js" {
            assert!(asset.body.len() < 4_000, "verify.js: {}", asset.body.len());
        }
        total += asset.body.len();
    }
    let host = app.get("/static/phone-verify.js").await;
    assert_eq!(host.status, StatusCode::OK);
    assert!(
        host.body.len() < 10_000,
        "phone-verify.js is {} bytes",
        host.body.len()
    );
    let on_disk: u64 = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/static"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let ico = app
        .client
        .get(app.url("/favicon.ico"))
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert_eq!(
        (total + host.body.len() + ico.len()) as u64,
        on_disk,
        "every file in static/ is served"
    );
    assert!(total < 22_000, "the pages' assets are {total} bytes");
    for lang in phone_verify::i18n::LOCALES {
        let words = app
            .get(&format!("/static/phone-verify-strings.js?lang={lang}"))
            .await;
        assert_eq!(words.status, StatusCode::OK, "{lang}");
        assert!(
            words.body.len() < 1024,
            "{lang}: the dialog's words are {} bytes",
            words.body.len()
        );
    }
}

async fn cleanup_task_deletes_expired_rows(backend: Backend) {
    let app = spawn_app_with(backend, &[("CLEANUP_INTERVAL_SECONDS", "1")]).await;
    app.start(US, "US").await;
    let id = app.pending_id(US).await;
    // Not yet: expired, but within the grace period.
    app.clock.advance(Duration::seconds(601));
    let purged = app.state.verifier.purge_expired().await.unwrap();
    assert_eq!(purged.verifications, 0);
    assert!(
        app.state.store.get(id).await.unwrap().is_some(),
        "kept during the grace period"
    );
    app.clock
        .advance(phone_verify::storage::Retention::EXPIRED_GRACE);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while app.state.store.get(id).await.unwrap().is_some() {
        assert!(
            std::time::Instant::now() < deadline,
            "the cleanup task did not delete the expired row"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // The user is told to start again rather than shown an error.
    assert_eq!(app.get("/verify/code").await.location(), Some("/verify"));
    assert!(app.get("/verify").await.body.contains("Your code expired."));
}

async fn branding_by_configuration(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("BRAND_ACCENT_COLOR", "#ffcc00"),
            ("BRAND_LOGO_URL", "https://cdn.acme.example/logo.svg"),
        ],
    )
    .await;
    let page = app.get("/verify").await;
    assert!(
        page.body
            .contains(r#"<link rel="stylesheet" href="/static/brand.css">"#)
    );
    assert!(
        page.body
            .contains(r#"<img class="logo" src="https://cdn.acme.example/logo.svg""#)
    );
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("img-src 'self' data: https://cdn.acme.example;"),
        "{csp}"
    );
    let css = app.get("/static/brand.css").await.body;
    // A light accent gets dark text; its dark-mode shade too.
    assert!(
        css.contains(":root{--accent:#ffcc00;--accent-text:#111111}"),
        "{css}"
    );
    assert!(css.contains("prefers-color-scheme: dark"), "{css}");
    let plain = spawn_app(backend).await;
    assert!(!plain.get("/verify").await.body.contains("brand.css"));
    assert_eq!(
        plain.get("/static/brand.css").await.status,
        StatusCode::NOT_FOUND
    );
}
