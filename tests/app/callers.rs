//! A backend is not a browser (issue 22): with the shipped per-address
//! limit, an app's server is limited per tenant, the person behind it by
//! their own address (`client_ip`, `DeviceIp`), keys of one name are one
//! tenant, each tenant has its own pending verification of a number, every
//! texted code works, and wrong credentials are throttled per address.
use reqwest::StatusCode;
use serde_json::{Value, json};
use time::Duration;

use crate::{
    api::call_as,
    both_backends,
    helpers::{
        Backend, SHIPPED_ADDRESS_LIMITS, TestApp, code_of, spawn_app_with, spawn_app_with_clients,
    },
    twilio::{ACCOUNT, KEY as TWILIO_KEY, SERVICE, twilio_app},
};

const KEY: &str = "acme-key-one-0123456789";
const ROTATED: &str = "acme-key-two-0123456789";
const OTHER: &str = "other-tenant-0123456789";

both_backends!(
    a_backend_with_the_shipped_defaults_is_limited_per_tenant_not_per_address,
    wrong_credentials_are_throttled_per_address,
    client_ip_is_the_person_address,
    without_client_ip_a_tenant_is_one_network_for_the_breaker,
    with_client_ip_the_persons_networks_trip_the_breaker,
    keys_of_one_name_are_one_tenant,
    each_tenant_has_its_own_pending_verification,
    every_text_works_through_both_apis,
    the_twilio_door_takes_what_twilio_apps_send,
    risk_check_disable_only_for_a_service_allowed_it,
    the_wrong_code_budget_is_the_numbers_across_tenants,
);

/// An instance with three keys (two of tenant `acme`), the Twilio door, and
/// every limit as shipped, plus `overrides`.
async fn spawn(backend: Backend, overrides: &[(&str, &str)]) -> TestApp {
    let keys = format!("acme:{KEY},acme:{ROTATED},{OTHER}");
    let mut settings = vec![
        ("API_KEYS", keys.as_str()),
        ("TWILIO_ACCOUNT_SID", ACCOUNT),
        ("TWILIO_SERVICE_SID", SERVICE),
    ];
    settings.extend_from_slice(&SHIPPED_ADDRESS_LIMITS);
    settings.extend_from_slice(overrides);
    spawn_app_with(backend, &settings).await
}

async fn create(app: &TestApp, key: &str, body: Value) -> (StatusCode, Value) {
    call_as(app, key, "POST", "/api/v1/verifications", Some(body)).await
}

/// A check of verification `id` with `code`, as tenant `key`.
async fn check(app: &TestApp, key: &str, id: &str, code: &str) -> (StatusCode, Value) {
    call_as(
        app,
        key,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({ "code": code })),
    )
    .await
}

/// A Twilio create over plain HTTP with `form`: status and body.
async fn twilio_post(app: &TestApp, path: &str, form: &[(&str, &str)]) -> (StatusCode, Value) {
    let r = reqwest::Client::new()
        .post(app.url(&format!("/v2/Services/{SERVICE}{path}")))
        .basic_auth(ACCOUNT, Some(KEY))
        .form(form)
        .send()
        .await
        .unwrap();
    let status = r.status();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// A Twilio `GET` of the service's `path` over plain HTTP: the JSON.
async fn twilio_get(app: &TestApp, path: &str) -> Value {
    reqwest::Client::new()
        .get(app.url(&format!("/v2/Services/{SERVICE}{path}")))
        .basic_auth(ACCOUNT, Some(KEY))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

fn us(n: usize) -> String {
    format!("+1415555{:04}", 1000 + n)
}

async fn a_backend_with_the_shipped_defaults_is_limited_per_tenant_not_per_address(
    backend: Backend,
) {
    let app = spawn(backend, &[]).await;
    // Thirty creates and thirty Twilio creates from one address: the
    // per-address limit (burst 10, 20 a minute) never applies.
    for n in 0..30 {
        let (status, body) = create(&app, KEY, json!({"phone": us(n)})).await;
        assert_eq!(status, StatusCode::CREATED, "create {n}: {body}");
        let to = format!("+1628555{:04}", 1000 + n);
        let (status, body) = twilio_post(
            &app,
            "/Verifications",
            &[("To", to.as_str()), ("Channel", "sms")],
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "Twilio create {n}: {body}");
    }
    assert_eq!(app.outbox_len().await, 60);
    // Each tenant has its own rate: past it 429 with Retry-After, while
    // another tenant goes on.
    let app = spawn(
        backend,
        &[
            ("API_RATE_LIMIT_PER_MINUTE", "1"),
            ("API_RATE_LIMIT_BURST", "3"),
        ],
    )
    .await;
    let path = "/api/v1/verifications/00000000-0000-0000-0000-000000000000";
    for _ in 0..3 {
        assert_eq!(
            call_as(&app, KEY, "GET", path, None).await.0,
            StatusCode::NOT_FOUND
        );
    }
    let refused = app
        .client
        .get(app.url(path))
        .bearer_auth(ROTATED)
        .send()
        .await
        .unwrap();
    assert_eq!(
        refused.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "both keys of acme share its rate"
    );
    assert!(refused.headers().get("retry-after").is_some());
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["error"]["code"], "rate_limited");
    assert_eq!(
        call_as(&app, OTHER, "GET", path, None).await.0,
        StatusCode::NOT_FOUND,
        "another tenant is not limited by acme's calls"
    );
}

async fn wrong_credentials_are_throttled_per_address(backend: Backend) {
    let app = spawn(backend, &[("TRUST_PROXY_HEADERS", "true")]).await;
    let from = |ip: &str| {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert("x-forwarded-for", ip.parse().unwrap());
        reqwest::Client::builder()
            .default_headers(headers)
            .build()
            .unwrap()
    };
    let http = from("198.51.100.7");
    let (mut unauthorized, mut limited) = (0, 0);
    for i in 0..200 {
        let request = if i % 2 == 0 {
            http.get(app.url("/api/v1/verifications/00000000-0000-0000-0000-000000000000"))
                .bearer_auth(format!("guess-{i:020}"))
        } else {
            http.get(app.url(&format!("/v2/Services/{SERVICE}")))
                .basic_auth(ACCOUNT, Some(format!("guess-{i:020}")))
        };
        let r = request.send().await.unwrap();
        match r.status() {
            StatusCode::UNAUTHORIZED => unauthorized += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                assert!(r.headers().get("retry-after").is_some());
                limited += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(
        unauthorized <= 12,
        "the shipped burst is 10 (and 20 a minute): {unauthorized} answered 401"
    );
    assert_eq!(unauthorized + limited, 200);
    // From that address even the right key is refused for the minute, so
    // a right guess cannot stand out; from another address it works.
    let create_from = |ip: &'static str| {
        from(ip)
            .post(app.url("/api/v1/verifications"))
            .bearer_auth(KEY)
            .json(&json!({"phone": us(0)}))
            .send()
    };
    let held = create_from("198.51.100.7").await.unwrap();
    assert_eq!(held.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(held.headers().get("retry-after").is_some());
    assert_eq!(
        create_from("198.51.100.8").await.unwrap().status(),
        StatusCode::CREATED
    );
    assert_eq!(app.outbox_len().await, 1);
    // The public OpenAPI document is not held back.
    let doc = reqwest::Client::new()
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(doc.status(), StatusCode::OK);
}

async fn client_ip_is_the_person_address(backend: Backend) {
    let app = spawn(backend, &[]).await;
    for bad in ["not-an-ip", "203.0.113.7:443", "", "999.1.1.1"] {
        let (status, body) = create(&app, KEY, json!({"phone": us(0), "client_ip": bad})).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert_eq!(body["error"]["code"], "invalid_request");
    }
    let (status, body) = twilio_post(
        &app,
        "/Verifications",
        &[
            ("To", us(0).as_str()),
            ("Channel", "sms"),
            ("DeviceIp", "nope"),
        ],
    )
    .await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::BAD_REQUEST, json!(60200))
    );
    assert_eq!(app.outbox_len().await, 0);
    // One person's address: the per-address limit (burst 10) counts their
    // sends through either door; another person is not held back.
    let mut statuses = Vec::new();
    for n in 0..11 {
        let (status, _) = if n % 2 == 0 {
            create(
                &app,
                KEY,
                json!({"phone": us(n), "client_ip": "203.0.113.7"}),
            )
            .await
        } else {
            twilio_post(
                &app,
                "/Verifications",
                &[
                    ("To", us(n).as_str()),
                    ("Channel", "sms"),
                    ("DeviceIp", "203.0.113.7"),
                ],
            )
            .await
        };
        statuses.push(status);
    }
    assert!(
        statuses[..10].iter().all(|s| *s == StatusCode::CREATED),
        "{statuses:?}"
    );
    assert_eq!(
        statuses[10],
        StatusCode::TOO_MANY_REQUESTS,
        "the eleventh send for one person"
    );
    let (status, _) = create(
        &app,
        KEY,
        json!({"phone": us(20), "client_ip": "2001:db8:1::7"}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(app.outbox_len().await, 11);
}

async fn without_client_ip_a_tenant_is_one_network_for_the_breaker(backend: Backend) {
    let app = spawn(backend, &[]).await;
    // Forty texts to one prefix from one tenant, no person named: one
    // network, below the breaker's five; nothing is flagged.
    for n in 0..40 {
        let (status, body) = create(&app, KEY, json!({"phone": us(n)})).await;
        assert_eq!(status, StatusCode::CREATED, "{n}: {body}");
    }
    assert_eq!(app.count("SELECT count(*) FROM send_blocks").await, 0);
    // A page visitor still reaches the prefix.
    let page = app.start("+14155559999", "US").await;
    assert_eq!(page.location(), Some("/verify/code"));
}

async fn with_client_ip_the_persons_networks_trip_the_breaker(backend: Backend) {
    let app = spawn(backend, &[]).await;
    let mut refused = None;
    for n in 0..40 {
        let ip = format!("198.51.{n}.7");
        let (status, body) = create(&app, KEY, json!({"phone": us(n), "client_ip": ip})).await;
        if status != StatusCode::CREATED {
            refused = Some((n, status, body));
            break;
        }
    }
    let (n, status, body) = refused.expect("forty persons' texts to one prefix trip the breaker");
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["error"]["code"], "rate_limited");
    assert!(n >= 10, "not before PUMPING_MIN_SENDS (10): {n}");
    assert_eq!(app.count("SELECT count(*) FROM send_blocks").await, 1);
}

async fn keys_of_one_name_are_one_tenant(backend: Backend) {
    let app = spawn(backend, &[]).await;
    let (status, made) = create(&app, KEY, json!({"phone": us(0)})).await;
    assert_eq!(status, StatusCode::CREATED);
    let id = made["id"].as_str().unwrap();
    let path = format!("/api/v1/verifications/{id}");
    // The rotated key sees and checks it.
    let (status, seen) = call_as(&app, ROTATED, "GET", &path, None).await;
    assert_eq!((status, seen["id"].as_str()), (StatusCode::OK, Some(id)));
    // Another tenant does not.
    assert_eq!(
        call_as(&app, OTHER, "GET", &path, None).await.0,
        StatusCode::NOT_FOUND
    );
    let code = app.last_code(&us(0)).await;
    let (status, checked) = check(&app, ROTATED, id, &code).await;
    assert_eq!(
        (status, &checked["status"]),
        (StatusCode::OK, &json!("approved"))
    );
}

async fn each_tenant_has_its_own_pending_verification(backend: Backend) {
    let app = spawn(backend, &[]).await;
    let phone = us(0);
    let (_, made) = create(&app, KEY, json!({"phone": phone})).await;
    let id = made["id"].as_str().unwrap().to_owned();
    let code = app.last_code(&phone).await;
    // A page visitor and another tenant start the same number (after the
    // number's shared cooldown): the tenant's verification stays pending.
    app.clock.advance(Duration::seconds(31));
    assert_eq!(
        app.start(&phone, "US").await.location(),
        Some("/verify/code")
    );
    app.clock.advance(Duration::seconds(31));
    let (status, _) = create(&app, OTHER, json!({"phone": phone})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(app.pending_count(&phone).await, 3, "one per tenant");
    // The cooldown is the number's, whatever the door.
    let (status, body) = create(&app, KEY, json!({"phone": phone})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    let (status, checked) = check(&app, KEY, &id, &code).await;
    assert_eq!(
        (status, &checked["status"]),
        (StatusCode::OK, &json!("approved")),
        "{checked}"
    );
    // A tenant's new start replaces only its own.
    app.clock.advance(Duration::seconds(31));
    let (status, _) = create(&app, OTHER, json!({"phone": phone})).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        app.pending_count(&phone).await,
        2,
        "the page's and OTHER's newest"
    );
    // The number's quota (five texts an hour) is shared: four went, a
    // fifth goes, a sixth is refused whoever asks.
    app.clock.advance(Duration::seconds(31));
    let (status, _) = create(&app, KEY, json!({"phone": phone})).await;
    assert_eq!(status, StatusCode::CREATED);
    app.clock.advance(Duration::seconds(31));
    let (status, body) = create(&app, KEY, json!({"phone": phone})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}

async fn every_text_works_through_both_apis(backend: Backend) {
    let app = twilio_app(backend, &[]).await;
    let http = reqwest::Client::new();
    // Three texts through Twilio's create (the same verification, as with
    // Twilio); then the code of text k approves, for each k.
    for k in 0..3 {
        let to = us(k);
        let mut codes = Vec::new();
        let mut sid = String::new();
        for _ in 0..3 {
            let r = http
                .post(app.url(&format!("/v2/Services/{SERVICE}/Verifications")))
                .basic_auth(ACCOUNT, Some(TWILIO_KEY))
                .form(&[("To", to.as_str()), ("Channel", "sms")])
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
            let body: Value = r.json().await.unwrap();
            let this = body["sid"].as_str().unwrap().to_owned();
            assert!(sid.is_empty() || sid == this, "one verification");
            sid = this;
            codes.push(code_of(&app.last_sms(&to).await));
            app.clock.advance(Duration::seconds(31));
        }
        let r = http
            .post(app.url(&format!("/v2/Services/{SERVICE}/VerificationCheck")))
            .basic_auth(ACCOUNT, Some(TWILIO_KEY))
            .form(&[("To", to.as_str()), ("Code", codes[k].as_str())])
            .send()
            .await
            .unwrap();
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["status"], "approved", "text {k} of 3: {body}");
    }
}

async fn the_twilio_door_takes_what_twilio_apps_send(backend: Backend) {
    let app = spawn(backend, &[]).await;
    // Parameters real Twilio apps send.
    let tags = r#"{"order":"42","flow":"signup"}"#;
    let to = us(0);
    let (status, made) = twilio_post(
        &app,
        "/Verifications",
        &[
            ("To", to.as_str()),
            ("Channel", "sms"),
            ("DeviceIp", "203.0.113.7"),
            ("Tags", tags),
            ("EnableSnaClientToken", "false"),
            ("RiskCheck", "enable"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    assert_eq!(made["tags"], json!({"order": "42", "flow": "signup"}));
    let sid = made["sid"].as_str().unwrap();
    let fetched = twilio_get(&app, &format!("/Verifications/{sid}")).await;
    assert_eq!(fetched["tags"], made["tags"], "tags are stored");
    // Refused by name: what phone-verify does not do, and RiskCheck=disable
    // for a service that is not allowed to.
    for (form, named) in [
        (vec![("RiskCheck", "disable")], "RiskCheck=disable"),
        (vec![("RateLimits", "{}")], "RateLimits"),
        (vec![("TemplateSid", "HJ0123")], "TemplateSid"),
        (vec![("CustomCode", "123456")], "CustomCode"),
        (vec![("Amount", "1")], "Amount"),
        (vec![("Payee", "x")], "Payee"),
        (
            vec![("EnableSnaClientToken", "true")],
            "EnableSnaClientToken",
        ),
    ] {
        let mut f = vec![("To", us(1)), ("Channel", "sms".into())];
        f.extend(form.iter().map(|(k, v)| (*k, v.to_string())));
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body) = twilio_post(&app, "/Verifications", &f).await;
        assert_eq!(
            (status, body["code"].clone()),
            (StatusCode::BAD_REQUEST, json!(60204)),
            "{named}"
        );
        assert!(body["message"].as_str().unwrap().contains(named), "{body}");
    }
    // Bad values: tags that are not Twilio's map, a name with a bidi
    // override or a zero-width space, a parameter given twice.
    for form in [
        vec![("Tags", "[1,2]")],
        vec![("Tags", r#"{"a":1}"#)],
        vec![("CustomFriendlyName", "Acme\u{202E}kcab")],
        vec![("CustomFriendlyName", "Ac\u{200B}me")],
        vec![("To", "+14155551002")],
    ] {
        let to = us(1);
        let mut f = vec![("To", to.as_str()), ("Channel", "sms")];
        f.extend(form.iter().copied());
        let (status, body) = twilio_post(&app, "/Verifications", &f).await;
        assert_eq!(
            (status, body["code"].clone()),
            (StatusCode::BAD_REQUEST, json!(60200)),
            "{form:?}: {body}"
        );
    }
    // A body over the limit.
    let big = "x".repeat(20 * 1024);
    let (status, body) = twilio_post(
        &app,
        "/Verifications",
        &[
            ("To", us(1).as_str()),
            ("Channel", "sms"),
            ("Tags", big.as_str()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(app.outbox_len().await, 1, "nothing else was sent");
    // A check without To or VerificationSid: Twilio's 60436.
    let (status, body) = twilio_post(&app, "/VerificationCheck", &[("Code", "123456")]).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::BAD_REQUEST, json!(60436))
    );
    // An unknown path under /v2: Twilio-shaped JSON.
    for path in [
        "/v2/Services/{SERVICE}/RateLimits",
        "/v2",
        "/v2/Nothing/Here",
    ] {
        let r = reqwest::Client::new()
            .get(app.url(&path.replace("{SERVICE}", SERVICE)))
            .basic_auth(ACCOUNT, Some(KEY))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        let body: Value = r.json().await.expect("JSON, not HTML");
        assert_eq!(body["code"], 20404, "{path}");
    }
    // The service: real dates, links only to what exists.
    let service = twilio_get(&app, "").await;
    assert!(service["date_created"].is_string() && service["date_updated"].is_string());
    let links: Vec<&String> = service["links"].as_object().unwrap().keys().collect();
    assert_eq!(links, vec!["verification_checks", "verifications"]);
    // After the last attempt: 429 and 60202; after approval: 404.
    let wrong = if app.last_code(&to).await == "000000" {
        "111111"
    } else {
        "000000"
    };
    for _ in 0..5 {
        let (status, _) = twilio_post(
            &app,
            "/VerificationCheck",
            &[("To", to.as_str()), ("Code", wrong)],
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, body) = twilio_post(
        &app,
        "/VerificationCheck",
        &[("VerificationSid", sid), ("Code", wrong)],
    )
    .await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::TOO_MANY_REQUESTS, json!(60202))
    );
}

async fn risk_check_disable_only_for_a_service_allowed_it(backend: Backend) {
    const ALLOWED: &str = "VA0123456789abcdef0123456789abcdef";
    let keys = format!("acme:{KEY},{OTHER}");
    let mut settings = vec![
        ("API_KEYS", keys.as_str()),
        ("TWILIO_ACCOUNT_SID", ACCOUNT),
        ("TWILIO_SERVICE_SID", SERVICE),
        ("PUMPING_MIN_SENDS", "3"),
        ("PUMPING_MIN_NETWORKS", "3"),
    ];
    settings.extend_from_slice(&SHIPPED_ADDRESS_LIMITS);
    let client = phone_verify::config::RawClient {
        id: "shop".into(),
        secret: "s".repeat(32),
        service_sid: Some(ALLOWED.into()),
        allow_risk_check_disable: vec!["acme".into()],
        ..Default::default()
    };
    let app = spawn_app_with_clients(backend, &settings, vec![client]).await;
    let post = async |service: &str, form: &[(&str, &str)]| {
        let r = reqwest::Client::new()
            .post(app.url(&format!("/v2/Services/{service}/Verifications")))
            .basic_auth(ACCOUNT, Some(KEY))
            .form(form)
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json::<Value>().await.unwrap())
    };
    // Three persons' texts flag the prefix; the next is blocked (60410).
    let mut blocked = None;
    for n in 0..6 {
        let (to, ip) = (us(n), format!("198.51.{n}.7"));
        let (status, body) = post(
            SERVICE,
            &[
                ("To", to.as_str()),
                ("Channel", "sms"),
                ("DeviceIp", ip.as_str()),
            ],
        )
        .await;
        if status != StatusCode::CREATED {
            blocked = Some((status, body));
            break;
        }
    }
    let (status, body) = blocked.expect("the breaker fires");
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::FORBIDDEN, json!(60410))
    );
    // The default service may not turn the check off; the allowed one may.
    let to = us(10);
    let off = [
        ("To", to.as_str()),
        ("Channel", "sms"),
        ("RiskCheck", "disable"),
    ];
    let (status, body) = post(SERVICE, &off).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::BAD_REQUEST, json!(60204))
    );
    let other = reqwest::Client::new()
        .post(app.url(&format!("/v2/Services/{ALLOWED}/Verifications")))
        .basic_auth(ACCOUNT, Some(OTHER))
        .form(&off)
        .send()
        .await
        .unwrap();
    assert_eq!(
        other.json::<Value>().await.unwrap()["code"],
        60204,
        "only the tenants the service names"
    );
    let (status, body) = post(ALLOWED, &off).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let (status, body) = post(ALLOWED, &[("To", us(11).as_str()), ("Channel", "sms")]).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::FORBIDDEN, json!(60410)),
        "without RiskCheck=disable the breaker holds for that service too"
    );
}

/// Two tenants each hold a pending verification of one number: the
/// number's wrong-code budget (5, as shipped) still bounds the guesses over
/// both, not 5 each (at most one guess more, on the one that was not the
/// last to spend the budget).
async fn the_wrong_code_budget_is_the_numbers_across_tenants(backend: Backend) {
    let app = spawn(backend, &[]).await;
    let phone = us(0);
    let (_, first) = create(&app, KEY, json!({"phone": phone})).await;
    app.clock.advance(Duration::seconds(31));
    let (_, second) = create(&app, OTHER, json!({"phone": phone})).await;
    let wrong = {
        let code = app.last_code(&phone).await;
        if code == "000000" { "111111" } else { "000000" }
    };
    let mut open = vec![
        (KEY, first["id"].as_str().unwrap().to_owned()),
        (OTHER, second["id"].as_str().unwrap().to_owned()),
    ];
    let mut guesses = 0;
    while !open.is_empty() && guesses < 20 {
        let mut still = Vec::new();
        for (key, id) in open {
            let (status, body) = check(&app, key, &id, wrong).await;
            assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
            guesses += 1;
            if body["error"]["code"] == "incorrect_code" {
                still.push((key, id));
            } else {
                assert_eq!(body["error"]["code"], "max_attempts_reached", "{body}");
            }
        }
        open = still;
    }
    assert!(
        guesses <= 6,
        "{guesses} wrong codes over two tenants' verifications"
    );
    // And a new start is refused: the number's budget is spent.
    app.clock.advance(Duration::seconds(31));
    let (status, body) = create(&app, KEY, json!({"phone": phone})).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
}
