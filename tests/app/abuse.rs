//! Attack scenarios. Each counts the texts actually sent (the dev outbox is
//! the SMS sender here) and the requests refused.
use std::sync::Arc;

use phone_verify::{
    domain::{PhoneNumber, SendRefusal},
    verification::VerifyError,
};
use reqwest::StatusCode;
use time::Duration;

use crate::{
    both_backends,
    helpers::{Backend, fresh_db, spawn_app, spawn_app_on, spawn_app_with},
};

const US: &str = "+14155552671";

both_backends!(
    brute_force_across_many_sessions,
    wrong_codes_are_budgeted_per_number_across_restarts,
    resend_flood,
    pumping_burst_from_rotating_ips_is_blocked,
    one_source_cannot_aim_the_pumping_breaker,
    pumping_guard_in_monitor_mode_only_reports,
    spoofed_forwarded_for_does_not_change_the_bucket,
    xss_payloads_come_back_escaped,
    one_mebibyte_body_is_refused_fast,
    odd_codes_get_a_clean_400,
    country_outside_the_allowlist,
    global_budget_exhausted,
    multiple_instances_share_the_per_number_quota,
    start_answers_alike_with_or_without_a_pending_code,
);

async fn brute_force_across_many_sessions(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[("SEND_LIMIT_PER_PHONE", "3"), ("OTP_MAX_ATTEMPTS", "5")],
    )
    .await;
    let (mut refused_starts, mut guesses) = (0, 0);
    for session in 0..10 {
        app.clock.advance(Duration::seconds(31));
        let attacker = app.new_browser(None);
        let started = attacker.start(US, "US").await;
        if started.status == StatusCode::TOO_MANY_REQUESTS {
            refused_starts += 1;
            continue;
        }
        assert_eq!(started.status, StatusCode::SEE_OTHER, "session {session}");
        for guess in 0..8 {
            let page = attacker
                .submit_code(&format!("{:06}", 100_000 + session * 10 + guess))
                .await;
            guesses += 1;
            if !page.body.contains("isn’t right") {
                break;
            }
        }
    }
    let sent = app.outbox_len().await;
    let spent = app.attempts_spent(US, 5).await;
    eprintln!(
        "brute force: {sent} SMS sent, {spent} guesses judged of {guesses}, {refused_starts} starts refused"
    );
    assert_eq!(sent, 1, "once the number's wrong codes are spent, no text");
    assert_eq!(refused_starts, 9);
    assert_eq!(spent, 5, "five guesses per number, however many sessions");
}

/// No sequence of starts, resends, cancels or restarts buys more than
/// `WRONG_CODE_LIMIT_PER_PHONE` wrong codes for one number in the window
/// (by default `OTP_MAX_ATTEMPTS`); once they are spent, a start is refused
/// with 429 and `Retry-After` before any text is sent, and the last wrong
/// code answers "too many wrong codes".
async fn wrong_codes_are_budgeted_per_number_across_restarts(backend: Backend) {
    let app = spawn_app_with(backend, &[("RESEND_COOLDOWN_SECONDS", "0")]).await;
    let mut judged = 0;
    let mut last_page = String::new();
    for round in 0..10 {
        let attacker = app.new_browser(None);
        let started = attacker.start(US, "US").await;
        if started.status == StatusCode::TOO_MANY_REQUESTS {
            assert!(
                started
                    .body
                    .contains("Too many wrong codes were entered for this number."),
                "{}",
                started.body
            );
            let wait = started.retry_after().expect("Retry-After");
            assert!((3000..=3600).contains(&wait), "{wait}");
            break;
        }
        assert_eq!(started.status, StatusCode::SEE_OTHER, "round {round}");
        // Two wrong codes, a resend, one more wrong code, then start again.
        for guess in 0..3 {
            if guess == 2 {
                let csrf = attacker.get("/verify").await.csrf();
                attacker
                    .post("/verify/resend", &[("csrf_token", &csrf)])
                    .await;
            }
            let page = attacker
                .submit_code(&format!("{:06}", 100_000 + round * 10 + guess))
                .await;
            if page.status == StatusCode::BAD_REQUEST {
                judged += 1;
                last_page = page.body;
            }
        }
    }
    assert_eq!(judged, 5, "five wrong codes judged in all");
    assert!(
        last_page.contains("<h1>Too many wrong codes</h1>")
            && last_page.contains("You can try this number again in 60 minutes."),
        "the last wrong code: {last_page}"
    );
    let sent = app.outbox_len().await;
    assert_eq!(app.attempts_spent(US, 5).await, 5);
    // The API's cancel and create buy nothing either.
    let other = "+14155552672";
    let phone = PhoneNumber::parse(other, None).unwrap();
    let requester = Default::default();
    let v = app
        .state
        .verifier
        .start(&phone, "en", &requester)
        .await
        .unwrap();
    for wrong in ["000001", "000002", "000003"] {
        app.state.verifier.check(v.id, wrong, None).await.unwrap();
    }
    app.state.verifier.cancel(v.id, None).await.unwrap();
    app.clock.advance(Duration::seconds(31));
    let again = app
        .state
        .verifier
        .start(&phone, "en", &requester)
        .await
        .unwrap();
    assert_eq!(again.attempts_left, 2);
    assert_eq!(app.outbox_len().await, sent + 2);
}

async fn resend_flood(backend: Backend) {
    let app = spawn_app(backend).await;
    let phone = PhoneNumber::parse(US, None).unwrap();
    let v = app
        .state
        .verifier
        .start(&phone, "en", &Default::default())
        .await
        .unwrap();
    app.clock.advance(Duration::seconds(31));
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let verifier = Arc::clone(&app.state.verifier);
            tokio::spawn(async move { verifier.resend(v.id, &Default::default()).await })
        })
        .collect();
    let (mut sent, mut cooldown) = (0, 0);
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => sent += 1,
            Err(VerifyError::Refused(SendRefusal::Cooldown { .. })) => cooldown += 1,
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
    eprintln!("resend flood: {sent} sent, {cooldown} refused");
    assert_eq!((sent, cooldown), (1, 49));
    assert_eq!(app.outbox_len().await, 2, "the first code and one resend");
}

async fn pumping_burst_from_rotating_ips_is_blocked(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("TRUST_PROXY_HEADERS", "true"),
            ("IP_RATE_LIMIT_PER_MINUTE", "20"),
            ("IP_RATE_LIMIT_BURST", "10"),
            ("PUMPING_MIN_SENDS", "5"),
            ("PUMPING_GUARD", "block"),
        ],
    )
    .await;
    let (mut sent, mut blocked) = (0, 0);
    for i in 0..15 {
        let bot = app.new_browser(Some(&format!("198.51.{i}.7")));
        let page = bot.start(&format!("+4474001234{i:02}"), "GB").await;
        match page.status {
            StatusCode::SEE_OTHER => sent += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                assert!(
                    page.body
                        .contains("We can’t send codes to this number right now."),
                    "{}",
                    page.body
                );
                assert!(
                    page.retry_after().unwrap() > 3000,
                    "blocked for the block period"
                );
                blocked += 1;
            }
            other => panic!("unexpected {other}: {}", page.body),
        }
    }
    eprintln!("pumping burst: {sent} sent, {blocked} refused");
    assert_eq!((sent, blocked), (5, 10), "blocked after the threshold");
    assert_eq!(app.outbox_len().await, 5);
    // Another prefix of the same country still works.
    let person = app.new_browser(Some("203.0.113.50"));
    assert_eq!(
        person.start("+447911123456", "GB").await.status,
        StatusCode::SEE_OTHER
    );
    let metrics = app.get("/metrics").await.body;
    assert!(
        metrics.contains(r#"phone_verify_pumping_decisions_total{scope="prefix:+447400",rule="prefix_unverified",action="block"} 1"#),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"phone_verify_refusals_total{reason="pumping"} 10"#),
        "{metrics}"
    );
}

/// The breaker counts distinct client networks: 100 unverified texts to one
/// prefix from one address block nothing; the same from 40 /24 networks do.
async fn one_source_cannot_aim_the_pumping_breaker(backend: Backend) {
    let app = spawn_app_with(
        backend,
        // Eleven texts from one address would be asked for a challenge.
        &[
            ("TRUST_PROXY_HEADERS", "true"),
            ("PUMPING_GUARD", "block"),
            ("BOT_CHALLENGE", "off"),
        ],
    )
    .await;
    let one = app.new_browser(Some("192.0.2.1"));
    for i in 0..100 {
        let page = one.start(&format!("+4474001234{i:02}"), "GB").await;
        assert_eq!(
            page.status,
            StatusCode::SEE_OTHER,
            "send {i} from one address"
        );
    }
    assert_eq!(app.outbox_len().await, 100);
    let mut blocked = 0;
    for i in 0..40 {
        let bot = app.new_browser(Some(&format!("198.51.{i}.7")));
        let page = bot.start(&format!("+4474005678{i:02}"), "GB").await;
        match page.status {
            StatusCode::SEE_OTHER => {}
            StatusCode::TOO_MANY_REQUESTS => blocked += 1,
            other => panic!("unexpected {other}: {}", page.body),
        }
    }
    eprintln!("from 40 networks: {blocked} refused");
    assert!(blocked > 0, "many networks do trip the breaker");
    let metrics = app.get("/metrics").await.body;
    assert!(
        metrics.contains(r#"scope="prefix:+447400",rule="prefix_unverified",action="block"} 1"#),
        "{metrics}"
    );
}

async fn pumping_guard_in_monitor_mode_only_reports(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("PUMPING_MIN_SENDS", "5"),
            ("PUMPING_GUARD", "monitor"),
            ("TRUST_PROXY_HEADERS", "true"),
        ],
    )
    .await;
    for i in 0..8 {
        let bot = app.new_browser(Some(&format!("203.0.{i}.9")));
        assert_eq!(
            bot.start(&format!("+4474001234{i:02}"), "GB").await.status,
            StatusCode::SEE_OTHER
        );
    }
    assert_eq!(app.outbox_len().await, 8, "monitor mode blocks nothing");
    let metrics = app.get("/metrics").await.body;
    assert!(
        metrics.contains(r#"action="monitor"} 1"#),
        "announced once: {metrics}"
    );
}

async fn spoofed_forwarded_for_does_not_change_the_bucket(backend: Backend) {
    for trust in [false, true] {
        let app = spawn_app_with(
            backend,
            &[
                ("IP_RATE_LIMIT_PER_MINUTE", "1"),
                ("IP_RATE_LIMIT_BURST", "3"),
                ("TRUST_PROXY_HEADERS", if trust { "true" } else { "false" }),
            ],
        )
        .await;
        let (mut passed, mut limited) = (0, 0);
        for i in 0..6 {
            let client = app.new_browser(Some(&format!("192.0.2.{i}")));
            let page = client
                .start(&format!("+1415555{:04}", 2600 + i), "US")
                .await;
            if page.status == StatusCode::TOO_MANY_REQUESTS {
                assert!(page.retry_after().unwrap() >= 1);
                assert!(
                    page.body.contains("Too many requests from your network."),
                    "{}",
                    page.body
                );
                limited += 1;
            } else {
                assert_eq!(page.status, StatusCode::SEE_OTHER);
                passed += 1;
            }
        }
        eprintln!("trust={trust}: {passed} passed, {limited} rate limited");
        if trust {
            assert_eq!(
                (passed, limited),
                (6, 0),
                "each forwarded address has its own bucket"
            );
        } else {
            assert_eq!(
                (passed, limited),
                (3, 3),
                "the header is ignored: one bucket for the peer"
            );
        }
        assert_eq!(app.outbox_len().await, passed);
    }
}

async fn xss_payloads_come_back_escaped(backend: Backend) {
    let app = spawn_app(backend).await;
    let payload = r#""><img src=x onerror=alert(1)>"#;
    let encoded = "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E";
    let page = app
        .get(&format!(
            "/verify?phone={encoded}&country={encoded}&lang={encoded}&state={encoded}"
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("<img src=x"), "{}", page.body);
    assert!(
        page.body
            .contains("&#34;&#62;&#60;img src=x onerror=alert(1)&#62;")
            || page.body.contains("&quot;&gt;&lt;img")
    );
    let csrf = page.csrf();
    let posted = app
        .post(
            "/verify",
            &[
                ("csrf_token", &csrf),
                ("phone", payload),
                ("country", payload),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::BAD_REQUEST);
    assert!(!posted.body.contains("<img src=x"));
    app.start(US, "US").await;
    let code_page = app.submit_code(payload).await;
    assert_eq!(code_page.status, StatusCode::BAD_REQUEST);
    assert!(!code_page.body.contains("<img src=x"));
    assert_eq!(app.outbox_len().await, 1);
}

async fn one_mebibyte_body_is_refused_fast(backend: Backend) {
    let app = spawn_app(backend).await;
    let csrf = app.csrf().await;
    let body = format!("csrf_token={csrf}&phone={}", "1".repeat(1 << 20));
    let started = std::time::Instant::now();
    // Its own connection: the server closes it after refusing the body.
    let response = reqwest::Client::new()
        .post(app.url("/verify"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(app.outbox_len().await, 0);
}

async fn odd_codes_get_a_clean_400(backend: Backend) {
    let app = spawn_app_with(backend, &[("OTP_MAX_ATTEMPTS", "10")]).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    let long = "7".repeat(10_000);
    for typed in [
        long.as_str(),
        "\u{200B}\u{200B}\u{200B}",
        "١٢٣٤٥",
        "１２３４５６７",
        "\u{0000}123456",
        "12\u{FE0F}3456",
    ] {
        let page = app.submit_code(typed).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{typed:?}");
        assert!(
            page.body.contains("The code is 6 digits."),
            "{typed:?}: {}",
            page.body
        );
    }
    assert_eq!(app.attempts_spent(US, 10).await, 0, "slips spend nothing");
    let phone = app.start(&"9".repeat(10_000), "US").await;
    assert_eq!(phone.status, StatusCode::BAD_REQUEST);
    // Zero-width marks around the right code are forgiven.
    let typed = format!("\u{200E}{}\u{200B}", code);
    assert_eq!(
        app.submit_code(&typed).await.location(),
        Some("/verify/done")
    );
    assert_eq!(app.outbox_len().await, 1);
}

async fn country_outside_the_allowlist(backend: Backend) {
    let app = spawn_app_with(backend, &[("ALLOWED_COUNTRIES", "US,CA")]).await;
    let page = app.start("612 34 56 78", "ES").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(
        page.body
            .contains("We can’t send codes to numbers in this country."),
        "{}",
        page.body
    );
    assert_eq!(app.outbox_len().await, 0);
    assert_eq!(app.start(US, "US").await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.outbox_len().await, 1);
}

async fn global_budget_exhausted(backend: Backend) {
    // Past half the budget the adaptive challenge would ask first.
    let app = spawn_app_with(
        backend,
        &[("SMS_GLOBAL_LIMIT_PER_HOUR", "2"), ("BOT_CHALLENGE", "off")],
    )
    .await;
    assert_eq!(
        app.new_browser(None).start(US, "US").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.new_browser(None)
            .start("+34612345678", "ES")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let page = app.new_browser(None).start("+447911123456", "GB").await;
    assert_eq!(page.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(page.retry_after().is_some_and(|s| (1..=3600).contains(&s)));
    assert!(
        page.body
            .contains("We can’t send any more codes right now."),
        "{}",
        page.body
    );
    assert_eq!(app.outbox_len().await, 2);
    // The next clock hour has a fresh budget.
    app.clock.advance(Duration::hours(1));
    assert_eq!(
        app.new_browser(None)
            .start("+447911123456", "GB")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
}

async fn multiple_instances_share_the_per_number_quota(backend: Backend) {
    let db = fresh_db(backend).await;
    let settings = [
        ("RESEND_COOLDOWN_SECONDS", "0"),
        ("SEND_LIMIT_PER_PHONE", "5"),
        ("BOT_CHALLENGE", "off"),
    ];
    let mut apps = Vec::new();
    for _ in 0..3 {
        apps.push(spawn_app_on(backend, db.share(), &settings).await);
    }
    let browsers: Vec<_> = (0..100).map(|i| apps[i % 3].new_browser(None)).collect();
    let mut csrf = Vec::new();
    for b in &browsers {
        csrf.push(b.get("/verify").await.csrf());
    }
    let tasks: Vec<_> = browsers
        .into_iter()
        .zip(csrf)
        .map(|(b, token)| {
            tokio::spawn(async move {
                b.post(
                    "/verify",
                    &[("csrf_token", &token), ("phone", US), ("country", "US")],
                )
                .await
                .status
            })
        })
        .collect();
    let (mut ok, mut refused) = (0, 0);
    for task in tasks {
        match task.await.unwrap() {
            StatusCode::SEE_OTHER => ok += 1,
            StatusCode::TOO_MANY_REQUESTS => refused += 1,
            other => panic!("unexpected {other}"),
        }
    }
    let mut sent = 0;
    for app in &apps {
        sent += app.outbox_len().await;
    }
    eprintln!("three instances: {sent} SMS sent, {ok} starts accepted, {refused} refused");
    assert_eq!(sent, 5, "at most SEND_LIMIT_PER_PHONE across instances");
    assert_eq!((ok, refused), (5, 95));
    drop(db);
}

async fn start_answers_alike_with_or_without_a_pending_code(backend: Backend) {
    let app = spawn_app(backend).await;
    let (had, fresh) = ("+14155552671", "+14155552672");
    app.new_browser(None).start(had, "US").await;
    app.clock.advance(Duration::seconds(31));
    let (a, b) = (app.new_browser(None), app.new_browser(None));
    let (pa, pb) = (a.start(had, "US").await, b.start(fresh, "US").await);
    assert_eq!((pa.status, pa.location()), (pb.status, pb.location()));
    let page = |p: crate::helpers::Page, masked: &str| {
        let csrf = p.csrf();
        p.body.replace(&csrf, "TOKEN").replace(masked, "NUMBER")
    };
    let ca = page(a.get("/verify/code").await, "+1 415-555-2671");
    let cb = page(b.get("/verify/code").await, "+1 415-555-2672");
    assert_eq!(
        ca, cb,
        "the code page does not tell whether the number had a pending code"
    );
}
