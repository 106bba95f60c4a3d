//! The proof-of-work challenge over HTTP, solved by an independent ALTCHA
//! v2 implementation (the `altcha` package from PyPI, run by
//! `tests/clients/altcha_solve.py`): when it is asked for, that a solution
//! gets through once, for its own page, before it expires; and that what
//! it guards sends nothing without one.
use std::{io::Write, process::Stdio};

use base64::Engine as _;
use reqwest::StatusCode;
use serde_json::Value;

use crate::{
    both_backends,
    helpers::{Backend, Browser, Page, TestApp, fresh_db, spawn_app_on, spawn_app_with},
};

both_backends!(
    always_asks_every_page_send_and_a_solution_gets_through_once,
    a_solution_is_refused_when_expired_changed_or_for_another_page,
    two_instances_share_the_record_of_used_solutions,
    a_flagged_prefix_asks_for_a_raised_challenge_others_do_not,
    past_half_the_budget_every_send_is_asked,
    a_client_past_its_burst_is_asked_and_its_neighbours_only_with_others,
    failures_raise_the_address_and_its_network_only_with_others,
    unsolved_starts_to_a_flagged_prefix_send_nothing,
    the_api_and_off_are_never_asked,
    an_app_flow_in_an_iframe_is_asked_too,
    with_checks_off_a_flagged_prefix_is_refused,
    without_javascript_a_wait_gets_through_once_for_its_page,
    waits_are_bounded_per_address_across_instances,
    a_flagged_prefix_waits_four_times_as_long,
    with_waits_off_the_page_says_so_and_where_to_get_help,
);

/// `PUMPING_GUARD=challenge` with `BOT_CHALLENGE=off` refuses like `block`:
/// there is no check to ask for.
async fn with_checks_off_a_flagged_prefix_is_refused(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("TRUST_PROXY_HEADERS", "true"),
            ("PUMPING_MIN_SENDS", "5"),
            ("BOT_CHALLENGE", "off"),
        ],
    )
    .await;
    assert_eq!(flag_prefix(&app, 8).await, 5);
    let page = app
        .new_browser(Some("203.0.113.9"))
        .start("+447400123499", "GB")
        .await;
    assert_eq!(page.status, StatusCode::TOO_MANY_REQUESTS, "{}", page.body);
    assert!(
        page.body
            .contains("We can’t send codes to this number right now.")
    );
    assert!(widget_url(&page).is_none());
}

const US: &str = "+14155552671";

/// Solves the challenge JSON with the PyPI `altcha` package.
fn solve(challenge: &str) -> String {
    let python = std::env::var("PV_TEST_PYTHON")
        .expect("PV_TEST_PYTHON is not set: run the suite with scripts/test (the venv has altcha)");
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/clients/altcha_solve.py");
    let mut child = std::process::Command::new(python)
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(challenge.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "altcha_solve.py: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "altcha (PyPI): {}",
        String::from_utf8_lossy(&out.stderr).trim()
    );
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// The check's challenge URL on a page, if it carries the check.
fn widget_url(page: &Page) -> Option<String> {
    let marker = "class=\"bot-check\" data-url=\"";
    let start = page.body.find(marker)? + marker.len();
    let end = page.body[start..].find('"')? + start;
    Some(
        page.body[start..end]
            .replace("&amp;", "&")
            .replace("&#38;", "&"),
    )
}

/// A challenge fetched from `url` for this browser's page, solved.
async fn solved(browser: &Browser, url: &str) -> String {
    let challenge = browser.get(url).await;
    assert_eq!(challenge.status, StatusCode::OK, "{url}");
    assert!(
        challenge.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    solve(&challenge.body)
}

/// The level a payload's challenge was issued at.
fn level_of(payload: &str) -> u64 {
    let json: Value = serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(payload)
            .unwrap(),
    )
    .unwrap();
    json["challenge"]["parameters"]["data"]["level"]
        .as_u64()
        .unwrap()
}

/// Starts `phone` from this browser with the form's `altcha` field.
async fn start_with(browser: &Browser, phone: &str, altcha: &str) -> Page {
    let csrf = browser.get("/verify").await.csrf();
    browser
        .post(
            "/verify",
            &[
                ("csrf_token", &csrf),
                ("phone", phone),
                ("country", "US"),
                ("altcha", altcha),
            ],
        )
        .await
}

/// The page came back for the check: 400, saying why in words true with
/// or without JavaScript (the script's own wording only in the attribute it
/// reads), with the check on it.
fn asked(page: &Page) -> bool {
    page.status == StatusCode::BAD_REQUEST
        && page.body.contains(
            r#"id="bot-check-notice" role="status" tabindex="-1" autofocus data-scripted="Before we text you a code, your browser needs to do a quick check that you’re not a bot. It sends the form again by itself when it’s done.">Before we text you a code, we need to check that you’re not a bot.</p>"#,
        )
        && widget_url(page).is_some()
}

async fn metric(app: &TestApp, line: &str) -> bool {
    app.get("/metrics").await.body.contains(line)
}

async fn always_asks_every_page_send_and_a_solution_gets_through_once(backend: Backend) {
    let app = spawn_app_with(backend, &[("BOT_CHALLENGE", "always")]).await;
    let browser = app.new_browser(None);
    let form = browser.get("/verify").await;
    assert_eq!(form.status, StatusCode::OK);
    let url = widget_url(&form).expect("the phone step carries the check");
    assert_eq!(url, "/challenge?level=base");
    assert!(
        wait_token(&form).is_some()
            && form.body.contains(
                "Without JavaScript, this check is a wait instead: wait 20 seconds after this page opened, then press the button."
            ),
        "without JavaScript the page offers a wait"
    );
    assert!(
        form.body
            .contains(r#"<script src="/static/challenge.js" defer></script>"#)
    );
    // Without a solution: the page again, asking, and nothing sent.
    let refused = start_with(&browser, US, "").await;
    assert!(asked(&refused), "{}", refused.body);
    assert_eq!(app.outbox_len().await, 0);
    // Garbage is refused the same way, and counted.
    let refused = start_with(&browser, US, "bm90IGEgcGF5bG9hZA==").await;
    assert!(asked(&refused));
    assert!(
        metric(
            &app,
            r#"phone_verify_challenges_total{event="failed",reason="malformed"} 1"#
        )
        .await
    );
    // Solved by an independent implementation: through.
    let payload = solved(&browser, &url).await;
    assert_eq!(level_of(&payload), 1);
    let sent = start_with(&browser, US, &payload).await;
    assert_eq!(sent.location(), Some("/verify/code"), "{}", sent.body);
    assert_eq!(app.outbox_len().await, 1);
    // The code page's resend carries the check too; the same payload again
    // is a replay.
    let code_page = browser.get("/verify/code").await;
    assert!(widget_url(&code_page).is_some());
    app.clock.advance(time::Duration::seconds(31));
    let csrf = code_page.csrf();
    let replay = browser
        .post(
            "/verify/resend",
            &[("csrf_token", &csrf), ("altcha", &payload)],
        )
        .await;
    assert!(asked(&replay), "{}", replay.body);
    assert_eq!(app.outbox_len().await, 1);
    let fresh = solved(&browser, &widget_url(&code_page).unwrap()).await;
    let resent = browser
        .post(
            "/verify/resend",
            &[("csrf_token", &csrf), ("altcha", &fresh)],
        )
        .await;
    assert_eq!(resent.location(), Some("/verify/code"));
    assert_eq!(app.outbox_len().await, 2);
    for line in [
        r#"phone_verify_challenges_total{event="issued",reason="base"} 2"#,
        r#"phone_verify_challenges_total{event="solved",reason="base"} 2"#,
        r#"phone_verify_challenges_total{event="failed",reason="replayed"} 1"#,
        r#"phone_verify_challenges_total{event="required",reason="always"} 3"#,
    ] {
        assert!(metric(&app, line).await, "{line}");
    }
}

async fn a_solution_is_refused_when_expired_changed_or_for_another_page(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("BOT_CHALLENGE", "always"),
            ("IP_RATE_LIMIT_PER_MINUTE", "20"),
            ("IP_RATE_LIMIT_BURST", "10"),
        ],
    )
    .await;
    let browser = app.new_browser(None);
    browser.get("/verify").await;
    // For another page (another browser's session): refused.
    let other = app.new_browser(None);
    other.get("/verify").await;
    let theirs = solved(&other, "/challenge").await;
    assert!(asked(&start_with(&browser, US, &theirs).await));
    // Changed: the level raised by hand breaks the signature.
    let mine = solved(&browser, "/challenge").await;
    let mut json: Value = serde_json::from_slice(
        &base64::engine::general_purpose::STANDARD
            .decode(&mine)
            .unwrap(),
    )
    .unwrap();
    json["challenge"]["parameters"]["data"]["level"] = 2.into();
    let changed = base64::engine::general_purpose::STANDARD.encode(json.to_string());
    assert!(asked(&start_with(&browser, US, &changed).await));
    // Expired: past BOT_CHALLENGE_TTL_SECONDS (300 s).
    app.clock.advance(time::Duration::seconds(301));
    assert!(asked(&start_with(&browser, US, &mine).await));
    assert_eq!(app.outbox_len().await, 0);
    for reason in ["foreign", "bad_signature", "expired"] {
        let line =
            format!(r#"phone_verify_challenges_total{{event="failed",reason="{reason}"}} 1"#);
        assert!(metric(&app, &line).await, "{line}");
    }
    // Three failures from one network: its next challenges are raised.
    let raised = solved(&browser, "/challenge").await;
    assert_eq!(level_of(&raised), 2, "repeated failures raise the cost");
    assert_eq!(
        browser.get("/challenge?level=easy").await.status,
        StatusCode::BAD_REQUEST
    );
    // Fetching challenges has a per-client limit like the POSTs'.
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(browser.get("/challenge").await.status);
    }
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    let sent = start_with(&browser, US, &raised).await;
    assert_eq!(sent.location(), Some("/verify/code"));
}

async fn two_instances_share_the_record_of_used_solutions(backend: Backend) {
    let db = fresh_db(backend).await;
    let settings = [("BOT_CHALLENGE", "always")];
    let one = spawn_app_on(backend, db.share(), &settings).await;
    let two = spawn_app_on(backend, db.share(), &settings).await;
    // One browser (cookies are per host, not per port) on both instances.
    let browser = one.new_browser(None);
    browser.get("/verify").await;
    let payload = solved(&browser, "/challenge").await;
    assert_eq!(
        start_with(&browser, US, &payload).await.location(),
        Some("/verify/code")
    );
    let on_two = two.url("/verify");
    let csrf = browser.get_abs(&on_two).await.csrf();
    let replayed = browser
        .client
        .post(two.url("/verify"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("phone", "+14155552672"),
            ("country", "US"),
            ("altcha", payload.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(replayed.status(), StatusCode::BAD_REQUEST);
    let body = replayed.text().await.unwrap();
    assert!(
        body.contains("your browser needs to do a quick check"),
        "{body}"
    );
    assert!(
        metric(
            &two,
            r#"phone_verify_challenges_total{event="failed",reason="replayed"} 1"#
        )
        .await
    );
}

/// Sends to `+44 7400 12…` from `count` client networks, none verified.
async fn flag_prefix(app: &TestApp, count: usize) -> usize {
    let mut sent = 0;
    for i in 0..count {
        let bot = app.new_browser(Some(&format!("198.51.{i}.7")));
        let page = bot.start(&format!("+4474001234{i:02}"), "GB").await;
        if page.status == StatusCode::SEE_OTHER {
            sent += 1;
        }
    }
    sent
}

async fn a_flagged_prefix_asks_for_a_raised_challenge_others_do_not(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("TRUST_PROXY_HEADERS", "true"),
            ("PUMPING_MIN_SENDS", "5"),
            ("ADMIN_PASSWORD", "operator-password-123"),
        ],
    )
    .await;
    // Adaptive is the default: five texts pass, then the prefix is flagged.
    assert_eq!(flag_prefix(&app, 8).await, 5);
    let person = app.new_browser(Some("203.0.113.9"));
    let page = person.start("+447400123499", "GB").await;
    assert!(asked(&page), "{}", page.body);
    let url = widget_url(&page).unwrap();
    assert_eq!(url, "/challenge?level=raised");
    // A base solution is not enough; a raised one is.
    let base = solved(&person, "/challenge?level=base").await;
    assert!(asked(&start_with(&person, "+447400123499", &base).await));
    let raised = solved(&person, &url).await;
    assert_eq!(level_of(&raised), 2);
    let sent = start_with(&person, "+447400123499", &raised).await;
    assert_eq!(sent.location(), Some("/verify/code"), "{}", sent.body);
    // Another prefix of the same country is not asked.
    let other = app.new_browser(Some("203.0.113.10"));
    assert_eq!(
        other.start("+447911123456", "GB").await.location(),
        Some("/verify/code")
    );
    assert!(
        metric(
            &app,
            r#"phone_verify_challenges_total{event="required",reason="pumping"}"#
        )
        .await
    );
    // The operator page shows when and why.
    let admin = app
        .client
        .get(app.url("/admin"))
        .basic_auth("admin", Some("operator-password-123"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        admin.contains(r#"<strong id="challenge-mode">adaptive</strong>"#),
        "{admin}"
    );
    assert!(admin.contains("pumping "), "{admin}");
}

async fn past_half_the_budget_every_send_is_asked(backend: Backend) {
    let app = spawn_app_with(backend, &[("SMS_GLOBAL_LIMIT_PER_HOUR", "4")]).await;
    for i in 0..2 {
        let page = app
            .new_browser(None)
            .start(&format!("+1415555{:04}", 3000 + i), "US")
            .await;
        assert_eq!(page.location(), Some("/verify/code"), "text {i}");
    }
    let browser = app.new_browser(None);
    let page = browser.start("+14155553002", "US").await;
    assert!(asked(&page), "{}", page.body);
    let payload = solved(&browser, &widget_url(&page).unwrap()).await;
    assert_eq!(level_of(&payload), 1);
    let sent = start_with(&browser, "+14155553002", &payload).await;
    assert_eq!(sent.location(), Some("/verify/code"));
    assert!(
        metric(
            &app,
            r#"phone_verify_challenges_total{event="required",reason="budget"} 1"#
        )
        .await
    );
}

/// The burst is counted per address: one address past it is asked, its
/// neighbours in the /24 are not; the /24 is asked once its addresses
/// together sent three bursts' worth (each counting up to its own burst),
/// and another network never.
async fn a_client_past_its_burst_is_asked_and_its_neighbours_only_with_others(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("TRUST_PROXY_HEADERS", "true"),
            ("BOT_CHALLENGE_CLIENT_BURST", "2"),
        ],
    )
    .await;
    let office = |n| app.new_browser(Some(&format!("192.0.2.{n}")));
    // While nothing calls for the check, the page carries none.
    let page = office(1).get("/verify").await;
    assert!(widget_url(&page).is_none());
    assert!(!page.body.contains("challenge.js"));
    let mut number = 3100;
    let mut next = || {
        number += 1;
        format!("+1415555{number:04}")
    };
    let busy = office(1);
    for _ in 0..2 {
        assert_eq!(
            busy.start(&next(), "US").await.location(),
            Some("/verify/code")
        );
    }
    // Its third text is asked; a neighbour's first and second are not.
    let page = busy.start(&next(), "US").await;
    assert!(asked(&page), "{}", page.body);
    let payload = solved(&busy, &widget_url(&page).unwrap()).await;
    assert_eq!(
        start_with(&busy, &next(), &payload).await.location(),
        Some("/verify/code")
    );
    for n in [2, 3] {
        let neighbour = office(n);
        for _ in 0..2 {
            assert_eq!(
                neighbour.start(&next(), "US").await.location(),
                Some("/verify/code"),
                "192.0.2.{n} is not asked for 192.0.2.1's texts"
            );
        }
    }
    // Three addresses used their bursts: now the whole /24 is asked, a
    // network elsewhere is not.
    let page = office(9).start(&next(), "US").await;
    assert!(asked(&page), "{}", page.body);
    let elsewhere = app.new_browser(Some("203.0.113.1"));
    assert_eq!(
        elsewhere.start(&next(), "US").await.location(),
        Some("/verify/code")
    );
    assert!(
        metric(
            &app,
            r#"phone_verify_challenges_total{event="required",reason="client"} 2"#
        )
        .await
    );
}

/// The level of a challenge fetched by this browser.
async fn issued_level(browser: &Browser) -> u64 {
    let challenge = browser.get("/challenge").await;
    assert_eq!(challenge.status, StatusCode::OK);
    let json: Value = serde_json::from_str(&challenge.body).unwrap();
    json["parameters"]["data"]["level"].as_u64().unwrap()
}

/// Failed solutions are counted per address (an IPv6 /64): three from one
/// address raise its own challenges, not its neighbours'; the network (a
/// /24, a /48) is raised only once several of its addresses fail.
async fn failures_raise_the_address_and_its_network_only_with_others(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[("TRUST_PROXY_HEADERS", "true"), ("BOT_CHALLENGE", "always")],
    )
    .await;
    async fn fail(browser: &Browser) {
        for _ in 0..3 {
            assert!(asked(
                &start_with(browser, US, "bm90IGEgc29sdXRpb24=").await
            ));
        }
    }
    let at = |ip: &str| app.new_browser(Some(ip));
    let bad = at("192.0.2.1");
    assert_eq!(issued_level(&bad).await, 1);
    fail(&bad).await;
    assert_eq!(issued_level(&bad).await, 2, "its own failures raise it");
    assert_eq!(
        issued_level(&at("192.0.2.2")).await,
        1,
        "a neighbour in the /24 is not raised"
    );
    // IPv6: one /64 is one address; another /64 of the /48 is a neighbour.
    let v6 = at("2001:db8:1:2::1");
    fail(&v6).await;
    assert_eq!(issued_level(&at("2001:db8:1:2::99")).await, 2);
    assert_eq!(issued_level(&at("2001:db8:1:3::1")).await, 1);
    // Two more failing addresses in the /24: the whole network is raised,
    // another network is not.
    fail(&at("192.0.2.2")).await;
    assert_eq!(issued_level(&at("192.0.2.50")).await, 1);
    fail(&at("192.0.2.3")).await;
    assert_eq!(issued_level(&at("192.0.2.50")).await, 2);
    assert_eq!(issued_level(&at("198.51.100.1")).await, 1);
    assert_eq!(app.outbox_len().await, 0);
}

/// An attack script: many starts to a flagged prefix from rotating
/// addresses, never solving. Past the flag, no text goes out.
async fn unsolved_starts_to_a_flagged_prefix_send_nothing(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[("TRUST_PROXY_HEADERS", "true"), ("PUMPING_MIN_SENDS", "5")],
    )
    .await;
    let sent = flag_prefix(&app, 60).await;
    assert_eq!(sent, 5, "only the texts before the flag");
    assert_eq!(app.outbox_len().await, 5);
}

async fn the_api_and_off_are_never_asked(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("BOT_CHALLENGE", "always"),
            ("API_KEYS", "test-api-key-0123456789"),
        ],
    )
    .await;
    let created = crate::api::call_as(
        &app,
        "test-api-key-0123456789",
        "POST",
        "/api/v1/verifications",
        Some(serde_json::json!({"phone": US})),
    )
    .await;
    assert_eq!(created.0, StatusCode::CREATED, "{:?}", created.1);
    let off = spawn_app_with(backend, &[("BOT_CHALLENGE", "off")]).await;
    let page = off.get("/verify").await;
    assert!(widget_url(&page).is_none());
    assert!(!page.body.contains("challenge.js"));
    assert_eq!(off.get("/challenge").await.status, StatusCode::NOT_FOUND);
    assert_eq!(off.start(US, "US").await.location(), Some("/verify/code"));
}

async fn an_app_flow_in_an_iframe_is_asked_too(backend: Backend) {
    use crate::embed::{RETURN_TO, acme, cookieless, form_action, page};
    let app = crate::helpers::spawn_app_with_clients(
        backend,
        &[("BOT_CHALLENGE", "always")],
        vec![acme(&[RETURN_TO])],
    )
    .await;
    // Cookieless, as in a third-party iframe: the flow rides in the URL.
    let client = cookieless();
    let get = async |path: &str| page(client.get(app.url(path)).send().await.unwrap()).await;
    let query = format!(
        "client_id=acme&return_to={}&state=s1&embed=1",
        crate::embed::urlencode(RETURN_TO)
    );
    let first = get(&format!("/verify?{query}")).await;
    assert_eq!(first.status, StatusCode::OK);
    let url = widget_url(&first).expect("the embedded phone step carries the check");
    assert!(url.starts_with("/challenge?client_id=acme&"), "{url}");
    let challenge = get(&url).await;
    assert_eq!(challenge.status, StatusCode::OK, "{url}");
    let payload = solve(&challenge.body);
    // Solving takes time: the flow's form token moves on meanwhile, the
    // challenge's binding does not.
    app.clock.advance(time::Duration::seconds(5));
    let post = async |action: &str, form: &[(&str, &str)]| {
        page(
            client
                .post(app.url(action))
                .form(form)
                .send()
                .await
                .unwrap(),
        )
        .await
    };
    let started = post(
        &form_action(&first.body),
        &[
            ("csrf_token", &first.csrf()),
            ("phone", US),
            ("country", "US"),
            ("altcha", &payload),
        ],
    )
    .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    // Another flow without a solution: asked.
    let again = get(&format!("/verify?{query}")).await;
    let refused = post(
        &form_action(&again.body),
        &[
            ("csrf_token", &again.csrf()),
            ("phone", "+14155552672"),
            ("country", "US"),
        ],
    )
    .await;
    assert!(asked(&refused), "{}", refused.body);
}

/// The wait pass a page's form carries for a browser without JavaScript
/// (inside `<noscript>`), if any.
fn wait_token(page: &Page) -> Option<String> {
    let noscript = &page.body[page.body.find("<noscript>")?..page.body.find("</noscript>")?];
    let marker = r#"<input type="hidden" name="wait_token" value=""#;
    let start = noscript.find(marker)? + marker.len();
    let end = noscript[start..].find('"')? + start;
    Some(noscript[start..end].to_owned())
}

/// The check's notice on a page, if any.
fn notice(page: &Page) -> Option<&str> {
    let start = page.body.find(r#"id="bot-check-notice""#)?;
    let text = &page.body[start..];
    let text = &text[text.find('>')? + 1..];
    Some(&text[..text.find("</p>")?])
}

/// Starts `phone` from this browser's current phone page (its form token)
/// with the form's `wait_token`.
async fn start_waited(browser: &Browser, phone: &str, token: &str) -> Page {
    let csrf = browser.get("/verify").await.csrf();
    browser
        .post(
            "/verify",
            &[
                ("csrf_token", &csrf),
                ("phone", phone),
                ("country", "US"),
                ("wait_token", token),
            ],
        )
        .await
}

/// Without JavaScript (`BOT_CHALLENGE=always`, the shipped wait of 20 s):
/// the page's wait pass is refused before its time (429, how long is left,
/// the same pass again), accepted after it, once; another page's pass, a
/// changed one, and a replay are refused; the resend form has its own.
async fn without_javascript_a_wait_gets_through_once_for_its_page(backend: Backend) {
    let app = spawn_app_with(backend, &[("BOT_CHALLENGE", "always")]).await;
    let browser = app.new_browser(None);
    let form = browser.get("/verify").await;
    let token = wait_token(&form).expect("the phone step carries a wait pass");
    // Too early: nothing sent, the same pass, how long is left.
    let early = start_waited(&browser, US, &token).await;
    assert_eq!(
        early.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        early.body
    );
    assert_eq!(early.retry_after(), Some(20));
    assert_eq!(
        notice(&early),
        Some("Not yet: wait 20 more seconds, then press the button again.")
    );
    assert_eq!(wait_token(&early).as_deref(), Some(token.as_str()));
    assert!(
        !early.body.contains("by itself"),
        "the page promises nothing only the script does"
    );
    assert!(
        early.body.contains(&format!(r#"value="{US}""#)),
        "what was typed is kept"
    );
    app.clock.advance(time::Duration::seconds(19));
    let early = start_waited(&browser, US, &token).await;
    assert_eq!(early.retry_after(), Some(1));
    assert_eq!(
        notice(&early),
        Some("Not yet: wait 1 more second, then press the button again.")
    );
    assert_eq!(app.outbox_len().await, 0);
    // After the wait: through.
    app.clock.advance(time::Duration::seconds(1));
    let sent = start_waited(&browser, US, &token).await;
    assert_eq!(sent.location(), Some("/verify/code"), "{}", sent.body);
    assert_eq!(app.outbox_len().await, 1);
    // The code page's resend carries a pass of its own.
    let code_page = browser.get("/verify/code").await;
    let resend_token = wait_token(&code_page).expect("the resend form carries a wait pass");
    app.clock.advance(time::Duration::seconds(31));
    let resent = browser
        .post(
            "/verify/resend",
            &[
                ("csrf_token", &code_page.csrf()),
                ("wait_token", &resend_token),
            ],
        )
        .await;
    assert_eq!(resent.location(), Some("/verify/code"), "{}", resent.body);
    assert_eq!(app.outbox_len().await, 2);
    // Spent: the same pass again is refused, and the page asks with a
    // fresh one.
    let replay = start_waited(&browser, "+14155552672", &token).await;
    assert!(asked(&replay), "{}", replay.body);
    let fresh = wait_token(&replay).expect("a fresh pass");
    assert_ne!(fresh, token);
    assert!(replay.body.contains(
        "Without JavaScript, this check is a wait instead: wait 20 seconds after this page opened, then press the button."
    ));
    // Another page's pass (another browser's session), after its wait.
    let other = app.new_browser(None);
    let theirs = wait_token(&other.get("/verify").await).unwrap();
    app.clock.advance(time::Duration::seconds(21));
    assert!(asked(
        &start_waited(&browser, "+14155552672", &theirs).await
    ));
    // Changed: an earlier time breaks the signature.
    let mut parts: Vec<String> = fresh.split('.').map(str::to_owned).collect();
    parts[2] = (parts[2].parse::<i64>().unwrap() - 60_000).to_string();
    assert!(asked(
        &start_waited(&browser, "+14155552672", &parts.join(".")).await
    ));
    assert!(asked(
        &start_waited(&browser, "+14155552672", "w1.garbage").await
    ));
    assert_eq!(app.outbox_len().await, 2);
    for line in [
        r#"phone_verify_challenges_total{event="waited",reason="base"} 2"#,
        r#"phone_verify_challenges_total{event="failed",reason="wait_early"} 2"#,
        r#"phone_verify_challenges_total{event="failed",reason="wait_replayed"} 1"#,
        r#"phone_verify_challenges_total{event="failed",reason="wait_foreign"} 1"#,
        r#"phone_verify_challenges_total{event="failed",reason="wait_bad_signature"} 1"#,
        r#"phone_verify_challenges_total{event="failed",reason="wait_malformed"} 1"#,
    ] {
        assert!(metric(&app, line).await, "{line}");
    }
}

/// `BOT_CHALLENGE_WAIT_PER_HOUR` waited sends per address, across
/// instances: past it a pass is refused (429, when to come back, no new
/// pass), another address is not, and the next hour starts afresh.
async fn waits_are_bounded_per_address_across_instances(backend: Backend) {
    let db = fresh_db(backend).await;
    let settings = [
        ("BOT_CHALLENGE", "always"),
        ("TRUST_PROXY_HEADERS", "true"),
        ("BOT_CHALLENGE_WAIT_PER_HOUR", "2"),
    ];
    let one = spawn_app_on(backend, db.share(), &settings).await;
    let two = spawn_app_on(backend, db.share(), &settings).await;
    let mut number = 4000;
    let mut next = || {
        number += 1;
        format!("+1415555{number:04}")
    };
    // Passes taken from the pages first, used after the wait (both apps
    // share one database, each its own clock: both are moved).
    let from = |app: &TestApp, ip: &str| app.new_browser(Some(ip));
    let browsers = [
        from(&one, "192.0.2.1"),
        from(&two, "192.0.2.1"),
        from(&one, "192.0.2.1"),
        from(&two, "192.0.2.2"),
    ];
    let mut tokens = Vec::new();
    for b in &browsers {
        tokens.push(wait_token(&b.get("/verify").await).unwrap());
    }
    for app in [&one, &two] {
        app.clock.advance(time::Duration::seconds(20));
    }
    for (b, token) in browsers[..2].iter().zip(&tokens) {
        let sent = start_waited(b, &next(), token).await;
        assert_eq!(sent.location(), Some("/verify/code"), "{}", sent.body);
    }
    // The third from 192.0.2.1, on either instance: used up.
    let refused = start_waited(&browsers[2], &next(), &tokens[2]).await;
    assert_eq!(
        refused.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        refused.body
    );
    assert_eq!(refused.retry_after(), Some(3600));
    assert_eq!(
        notice(&refused),
        Some(
            "Too many checks without JavaScript from your network. Turn JavaScript on, or try again in 60 minutes."
        )
    );
    assert!(wait_token(&refused).is_none(), "no pass that cannot work");
    assert!(
        refused.body.contains(
            r#"<p class="error" id="bot-check-wait">This step needs JavaScript: turn it on, or use another browser, to get your code.</p>"#
        )
    );
    // Its neighbour is another address.
    let sent = start_waited(&browsers[3], &next(), &tokens[3]).await;
    assert_eq!(sent.location(), Some("/verify/code"), "{}", sent.body);
    // An hour after its first, 192.0.2.1 may wait again.
    for app in [&one, &two] {
        app.clock.advance(time::Duration::seconds(3600));
    }
    let again = from(&two, "192.0.2.1");
    let token = wait_token(&again.get("/verify").await).unwrap();
    for app in [&one, &two] {
        app.clock.advance(time::Duration::seconds(20));
    }
    assert_eq!(
        start_waited(&again, &next(), &token).await.location(),
        Some("/verify/code")
    );
    assert_eq!(one.outbox_len().await + two.outbox_len().await, 4);
    assert!(
        metric(
            &one,
            r#"phone_verify_challenges_total{event="failed",reason="wait_used_up"} 1"#
        )
        .await
    );
    let stored: i64 = one
        .count("SELECT count(*) FROM challenge_waits WHERE address LIKE '192.0.2.%'")
        .await;
    assert_eq!(stored, 0, "addresses are kept as keyed hashes only");
}

/// Adaptive: a flagged prefix asks for the raised level; without
/// JavaScript that is a wait four times as long (80 s).
async fn a_flagged_prefix_waits_four_times_as_long(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[("TRUST_PROXY_HEADERS", "true"), ("PUMPING_MIN_SENDS", "5")],
    )
    .await;
    assert_eq!(flag_prefix(&app, 8).await, 5);
    let person = app.new_browser(Some("203.0.113.9"));
    let page = person.start("+447400123499", "GB").await;
    assert!(asked(&page), "{}", page.body);
    assert!(page.body.contains(
        "Without JavaScript, this check is a wait instead: wait 80 seconds after this page opened, then press the button."
    ));
    let token = wait_token(&page).unwrap();
    let post = async || {
        person
            .post(
                "/verify",
                &[
                    ("csrf_token", &page.csrf()),
                    ("phone", "+447400123499"),
                    ("country", "GB"),
                    ("wait_token", &token),
                ],
            )
            .await
    };
    app.clock.advance(time::Duration::seconds(20));
    let early = post().await;
    assert_eq!(
        early.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        early.body
    );
    assert_eq!(early.retry_after(), Some(60));
    app.clock.advance(time::Duration::seconds(60));
    let sent = post().await;
    assert_eq!(sent.location(), Some("/verify/code"), "{}", sent.body);
    assert!(
        metric(
            &app,
            r#"phone_verify_challenges_total{event="waited",reason="raised"} 1"#
        )
        .await
    );
}

/// `BOT_CHALLENGE_WAIT_SECONDS=0`: no wait; a browser without JavaScript is
/// told the check needs it, with `SUPPORT_URL`, and a pass is worth nothing.
async fn with_waits_off_the_page_says_so_and_where_to_get_help(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("BOT_CHALLENGE", "always"),
            ("BOT_CHALLENGE_WAIT_SECONDS", "0"),
            ("SUPPORT_URL", "https://help.example.com/sms"),
        ],
    )
    .await;
    let browser = app.new_browser(None);
    let form = browser.get("/verify").await;
    assert!(wait_token(&form).is_none());
    assert!(form.body.contains(
        "<noscript>\n<p class=\"error\" id=\"bot-check-wait\">This step needs JavaScript: turn it on, or use another browser, to get your code.</p>\n<p><a href=\"https://help.example.com/sms\">Contact support</a></p>\n</noscript>"
    ), "{}", form.body);
    // A pass issued under another setting proves nothing here.
    let other = spawn_app_with(backend, &[("BOT_CHALLENGE", "always")]).await;
    let theirs = wait_token(&other.get("/verify").await).unwrap();
    app.clock.advance(time::Duration::seconds(30));
    assert!(asked(&start_waited(&browser, US, &theirs).await));
    assert_eq!(app.outbox_len().await, 0);
}
