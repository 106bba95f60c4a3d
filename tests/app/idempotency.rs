//! Retries made safe: `Idempotency-Key` on `/api/v1`'s POSTs and
//! `I-Twilio-Idempotency-Token` on the Twilio door's, over real HTTP, with
//! the shipped per-address limit.
use phone_verify::{
    clock::Clock as _,
    storage::{
        Retention,
        idempotency::{Claimed, KeyClaim},
    },
};
use reqwest::{StatusCode, header::HeaderMap};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::{
    both_backends,
    helpers::{Backend, SHIPPED_ADDRESS_LIMITS, TestApp, spawn_app_with},
    twilio::{ACCOUNT, KEY as TWILIO_KEY, SERVICE, twilio_app},
};

const KEY: &str = "idem-api-key-0123456789";
const OTHER: &str = "idem-other-key-abcdefgh";
const US: &str = "+14155552671";
const US2: &str = "+14155552672";

/// Two tenants (`acme`, and the unnamed key, a tenant of its own), the
/// shipped per-address limit.
async fn spawn(backend: Backend) -> TestApp {
    let keys = format!("acme:{KEY},{OTHER}");
    let mut settings = vec![("API_KEYS", keys.as_str())];
    settings.extend_from_slice(&SHIPPED_ADDRESS_LIMITS);
    spawn_app_with(backend, &settings).await
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Value,
}

impl Answer {
    fn replayed(&self) -> bool {
        self.headers
            .get("idempotent-replayed")
            .is_some_and(|v| v == "true")
    }
}

/// A POST as `bearer` with `Idempotency-Key: key` (when given).
async fn post(
    app: &TestApp,
    bearer: &str,
    key: Option<&str>,
    path: &str,
    body: Option<Value>,
) -> Answer {
    let mut request = app.client.post(app.url(path)).bearer_auth(bearer);
    if let Some(key) = key {
        request = request.header("Idempotency-Key", key);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.json().await.unwrap_or(Value::Null);
    Answer {
        status,
        headers,
        body,
    }
}

async fn create(app: &TestApp, bearer: &str, key: Option<&str>, phone: &str) -> Answer {
    post(
        app,
        bearer,
        key,
        "/api/v1/verifications",
        Some(json!({"phone": phone})),
    )
    .await
}

async fn keys_kept(app: &TestApp) -> i64 {
    app.count("SELECT count(*) FROM idempotency_keys").await
}

both_backends!(
    a_repeated_create_answers_the_first_answer_and_sends_once,
    a_repeated_check_or_cancel_spends_once,
    keys_are_per_tenant,
    after_24_hours_a_key_is_new_and_purged,
    refusals_that_invite_a_retry_are_not_kept,
    a_failed_request_is_not_kept,
    a_malformed_key_is_400_and_does_nothing,
    a_concurrent_pair_with_one_key_sends_one_text,
    a_repeat_while_the_first_runs_is_409_until_its_lease_lapses,
    the_twilio_door_takes_its_token,
);

async fn a_repeated_create_answers_the_first_answer_and_sends_once(backend: Backend) {
    let app = spawn(backend).await;
    let first = create(&app, KEY, Some("signup-42"), US).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.body);
    assert!(!first.replayed());
    let again = create(&app, KEY, Some("signup-42"), US).await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.body);
    assert_eq!(again.body, first.body, "the first answer, the same id");
    assert!(again.replayed());
    assert_eq!(
        again.headers.get("content-type").unwrap(),
        "application/json"
    );
    assert_eq!(app.outbox_len().await, 1, "one text");
    // The same key with another body, or another route: 422, nothing done.
    let other = create(&app, KEY, Some("signup-42"), US2).await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other.body["error"]["code"], "invalid_request");
    assert!(
        other.body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("another request"),
        "{}",
        other.body
    );
    let id = first.body["id"].as_str().unwrap();
    let elsewhere = post(
        &app,
        KEY,
        Some("signup-42"),
        &format!("/api/v1/verifications/{id}/cancel"),
        None,
    )
    .await;
    assert_eq!(elsewhere.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.outbox_len().await, 1, "nothing sent");
    assert_eq!(app.pending_count(US2).await, 0);
    assert_eq!(app.pending_count(US).await, 1, "not canceled");
    // Without a key, a create runs each time (here: the cooldown refuses).
    let unkeyed = create(&app, KEY, None, US).await;
    assert_eq!(unkeyed.status, StatusCode::TOO_MANY_REQUESTS);
}

async fn a_repeated_check_or_cancel_spends_once(backend: Backend) {
    let app = spawn(backend).await;
    let created = create(&app, KEY, None, US).await;
    let id = created.body["id"].as_str().unwrap().to_owned();
    let code = app.last_code(US).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let check = format!("/api/v1/verifications/{id}/check");
    let first = post(
        &app,
        KEY,
        Some("check-1"),
        &check,
        Some(json!({"code": wrong})),
    )
    .await;
    assert_eq!(first.status, StatusCode::BAD_REQUEST);
    assert_eq!(first.body["error"]["code"], "incorrect_code");
    assert_eq!(first.body["error"]["attempts_left"], 4);
    let again = post(
        &app,
        KEY,
        Some("check-1"),
        &check,
        Some(json!({"code": wrong})),
    )
    .await;
    assert_eq!((again.status, &again.body), (first.status, &first.body));
    assert!(again.replayed());
    assert_eq!(app.attempts_spent(US, 5).await, 1, "one attempt spent");
    // The right code, twice with one key: approved both times.
    let approved = post(
        &app,
        KEY,
        Some("check-2"),
        &check,
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(approved.status, StatusCode::OK);
    assert_eq!(approved.body["status"], "approved");
    let again = post(
        &app,
        KEY,
        Some("check-2"),
        &check,
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(
        (again.status, &again.body),
        (StatusCode::OK, &approved.body)
    );
    // Without the key the same check says it is approved already.
    let unkeyed = post(&app, KEY, None, &check, Some(json!({"code": code}))).await;
    assert_eq!(unkeyed.body["error"]["code"], "approved");

    // A cancel repeated: the first answer (200 canceled), not 400 canceled.
    let created = create(&app, KEY, None, US2).await;
    let id = created.body["id"].as_str().unwrap();
    let cancel = format!("/api/v1/verifications/{id}/cancel");
    let first = post(&app, KEY, Some("cancel-1"), &cancel, None).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body["status"], "canceled");
    let again = post(&app, KEY, Some("cancel-1"), &cancel, None).await;
    assert_eq!((again.status, &again.body), (StatusCode::OK, &first.body));
    let unkeyed = post(&app, KEY, None, &cancel, None).await;
    assert_eq!(unkeyed.body["error"]["code"], "canceled");
}

async fn keys_are_per_tenant(backend: Backend) {
    let app = spawn(backend).await;
    let mine = create(&app, KEY, Some("shared-key"), US).await;
    assert_eq!(mine.status, StatusCode::CREATED);
    // Another tenant's same key with the same body: never this tenant's
    // answer; it runs (and meets the number's cooldown).
    let theirs = create(&app, OTHER, Some("shared-key"), US).await;
    assert!(!theirs.replayed());
    assert_eq!(
        theirs.status,
        StatusCode::TOO_MANY_REQUESTS,
        "{}",
        theirs.body
    );
    // With another body: its own key, not 422.
    let theirs = create(&app, OTHER, Some("shared-key"), US2).await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{}", theirs.body);
    assert!(!theirs.replayed());
    assert_eq!(app.outbox_len().await, 2);
    assert_eq!(keys_kept(&app).await, 2);
    // Each tenant's repeat gets its own answer.
    assert_eq!(
        create(&app, KEY, Some("shared-key"), US).await.body,
        mine.body
    );
    assert_eq!(
        create(&app, OTHER, Some("shared-key"), US2).await.body,
        theirs.body
    );
}

async fn after_24_hours_a_key_is_new_and_purged(backend: Backend) {
    let app = spawn(backend).await;
    let first = create(&app, KEY, Some("daily"), US).await;
    assert_eq!(first.status, StatusCode::CREATED);
    app.clock
        .advance(time::Duration::hours(24) - time::Duration::seconds(1));
    let within = create(&app, KEY, Some("daily"), US).await;
    assert_eq!(within.body, first.body, "kept for 24 hours");
    assert_eq!(app.outbox_len().await, 1);
    app.clock.advance(time::Duration::seconds(2));
    // Past 24 hours, before any purge: the key is free again.
    let anew = create(&app, KEY, Some("daily"), US).await;
    assert_eq!(anew.status, StatusCode::CREATED, "{}", anew.body);
    assert!(!anew.replayed());
    assert_ne!(anew.body["id"], first.body["id"]);
    assert_eq!(app.outbox_len().await, 2);
    // The purge takes what is past its 24 hours.
    app.clock
        .advance(time::Duration::hours(24) + time::Duration::seconds(1));
    assert_eq!(keys_kept(&app).await, 1);
    app.state
        .store
        .purge(&Retention::at(app.clock.now()))
        .await
        .unwrap();
    assert_eq!(keys_kept(&app).await, 0, "purged after 24 hours");
}

async fn refusals_that_invite_a_retry_are_not_kept(backend: Backend) {
    let app = spawn(backend).await;
    assert_eq!(
        create(&app, KEY, None, US).await.status,
        StatusCode::CREATED
    );
    // Inside the cooldown: 429, and the key is let go.
    let refused = create(&app, KEY, Some("after-cooldown"), US).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers.get("retry-after").is_some());
    assert_eq!(keys_kept(&app).await, 0);
    app.clock.advance(time::Duration::minutes(10));
    let retried = create(&app, KEY, Some("after-cooldown"), US).await;
    assert_eq!(retried.status, StatusCode::CREATED, "{}", retried.body);
    assert_eq!(app.outbox_len().await, 2);
    // A final refusal (400) is kept: the same answer again.
    let bad = create(&app, KEY, Some("bad-number"), "+1415").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let again = create(&app, KEY, Some("bad-number"), "+1415").await;
    assert_eq!((again.status, &again.body), (bad.status, &bad.body));
    assert!(again.replayed());
}

/// Runs one statement on the app's database.
async fn execute(app: &TestApp, sql: &str) {
    use sqlx::Connection as _;
    match app.backend {
        Backend::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&app.db.url).await.unwrap();
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&app.db.url).await.unwrap();
            sqlx::query(sql).execute(&mut conn).await.unwrap();
        }
    }
}

/// A 5xx (here the database fails the send) is not kept: the retry with
/// the same key runs again.
async fn a_failed_request_is_not_kept(backend: Backend) {
    let app = spawn(backend).await;
    execute(
        &app,
        "ALTER TABLE verifications RENAME TO verifications_away",
    )
    .await;
    let failed = create(&app, KEY, Some("after-outage"), US).await;
    assert_eq!(
        failed.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        failed.body
    );
    assert_eq!(keys_kept(&app).await, 0, "the key is let go");
    assert_eq!(app.outbox_len().await, 0);
    execute(
        &app,
        "ALTER TABLE verifications_away RENAME TO verifications",
    )
    .await;
    let retried = create(&app, KEY, Some("after-outage"), US).await;
    assert_eq!(retried.status, StatusCode::CREATED, "{}", retried.body);
    assert!(!retried.replayed());
    assert_eq!(app.outbox_len().await, 1);
}

async fn a_malformed_key_is_400_and_does_nothing(backend: Backend) {
    let app = spawn(backend).await;
    let long = "k".repeat(256);
    for bad in [long.as_str(), "with\ttab", "with space", ""] {
        let answer = create(&app, KEY, Some(bad), US).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{bad:?}");
        assert_eq!(answer.body["error"]["code"], "invalid_request");
        assert!(
            answer.body["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Idempotency-Key")
        );
    }
    // Given twice.
    let twice = app
        .client
        .post(app.url("/api/v1/verifications"))
        .bearer_auth(KEY)
        .header("Idempotency-Key", "a")
        .header("Idempotency-Key", "a")
        .json(&json!({"phone": US}))
        .send()
        .await
        .unwrap();
    assert_eq!(twice.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.outbox_len().await, 0, "nothing sent");
    assert_eq!(keys_kept(&app).await, 0);
    // 255 visible ASCII characters are a key.
    let longest: String = (0..255)
        .map(|i| char::from(b'!' + (i % 94) as u8))
        .collect();
    let ok = create(&app, KEY, Some(longest.as_str()), US).await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    let again = create(&app, KEY, Some(longest.as_str()), US).await;
    assert_eq!(again.body, ok.body);
    assert_eq!(app.outbox_len().await, 1);
}

async fn a_concurrent_pair_with_one_key_sends_one_text(backend: Backend) {
    let app = spawn(backend).await;
    for round in 0..5 {
        let phone = format!("+1415555267{round}");
        let key = format!("race-{round}");
        let (a, b) = tokio::join!(
            create(&app, KEY, Some(key.as_str()), &phone),
            create(&app, KEY, Some(key.as_str()), &phone)
        );
        let mut ids = Vec::new();
        for answer in [&a, &b] {
            match answer.status {
                StatusCode::CREATED => ids.push(answer.body["id"].clone()),
                StatusCode::CONFLICT => {
                    assert_eq!(answer.body["error"]["code"], "invalid_request");
                    assert_eq!(answer.headers.get("retry-after").unwrap(), "1");
                }
                other => panic!("{other}: {}", answer.body),
            }
        }
        assert!(!ids.is_empty(), "one of the pair ran");
        ids.dedup();
        assert_eq!(ids.len(), 1, "one verification");
    }
    assert_eq!(app.outbox_len().await, 5, "one text per pair");
}

/// A request whose key another instance holds (it claimed it and has not
/// answered yet): 409 with `Retry-After: 1`, nothing sent; once the claim's
/// lease lapses (that instance died), the same request takes it over.
async fn a_repeat_while_the_first_runs_is_409_until_its_lease_lapses(backend: Backend) {
    let app = spawn(backend).await;
    let body = format!(r#"{{"phone":"{US}"}}"#);
    // As the app computes it: an HMAC under the server key.
    let hash: [u8; 32] = {
        use hmac::Mac as _;
        let mut mac =
            hmac::Hmac::<Sha256>::new_from_slice(app.state.settings.secret_key.bytes()).unwrap();
        mac.update(b"idempotency\0POST\0/api/v1/verifications\0");
        mac.update(body.as_bytes());
        mac.finalize().into_bytes().into()
    };
    let now = app.clock.now();
    let claimed = app
        .state
        .store
        .claim_key(&KeyClaim {
            tenant: "acme",
            key: "busy",
            request_hash: &hash,
            claim: uuid::Uuid::new_v4(),
            now,
            expires_at: now + time::Duration::hours(24),
            stale_before: now - time::Duration::minutes(5),
        })
        .await
        .unwrap();
    assert_eq!(claimed, Claimed::Yours);
    let send = async || {
        let r = app
            .client
            .post(app.url("/api/v1/verifications"))
            .bearer_auth(KEY)
            .header("Idempotency-Key", "busy")
            .header("Content-Type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        let status = r.status();
        let retry = r.headers().get("retry-after").cloned();
        (status, retry, r.json::<Value>().await.unwrap())
    };
    let (status, retry, answer) = send().await;
    assert_eq!(status, StatusCode::CONFLICT, "{answer}");
    assert_eq!(retry.unwrap(), "1");
    assert_eq!(answer["error"]["code"], "invalid_request");
    assert!(
        answer["error"]["message"]
            .as_str()
            .unwrap()
            .contains("in progress")
    );
    assert_eq!(app.outbox_len().await, 0, "nothing sent");
    // Another request with the key is 422 even while it runs.
    let other = create(&app, KEY, Some("busy"), US2).await;
    assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.clock
        .advance(time::Duration::minutes(5) + time::Duration::seconds(1));
    let (status, _, answer) = send().await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(app.outbox_len().await, 1);
    let (status, _, again) = send().await;
    assert_eq!((status, again), (StatusCode::CREATED, answer));
}

async fn the_twilio_door_takes_its_token(backend: Backend) {
    let app = twilio_app(backend, &[]).await;
    let http = reqwest::Client::new();
    let post = async |path: &str, token: Option<&str>, form: &[(&str, &str)]| {
        let mut request = http
            .post(app.url(&format!("/v2/Services/{SERVICE}{path}")))
            .basic_auth(ACCOUNT, Some(TWILIO_KEY))
            .form(form);
        if let Some(token) = token {
            request = request.header("I-Twilio-Idempotency-Token", token);
        }
        let r = request.send().await.unwrap();
        let status = r.status();
        let replayed = r.headers().get("idempotent-replayed").is_some();
        let body: Value = r.json().await.unwrap();
        (status, body, replayed)
    };
    let create_us = [("To", US), ("Channel", "sms")];
    let (status, first, replayed) = post("/Verifications", Some("tw-1"), &create_us).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert!(!replayed);
    let (status, again, replayed) = post("/Verifications", Some("tw-1"), &create_us).await;
    assert_eq!((status, &again), (StatusCode::CREATED, &first));
    assert!(replayed);
    assert_eq!(app.outbox_len().await, 1, "one text");
    // Another request with the token: Twilio's 422, nothing sent.
    let (status, other, _) = post(
        "/Verifications",
        Some("tw-1"),
        &[("To", US2), ("Channel", "sms")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(other["code"], 60200);
    assert_eq!(other["status"], 422);
    assert_eq!(app.outbox_len().await, 1);
    // A malformed token: 400 (60200).
    let long = "t".repeat(256);
    let (status, bad, _) = post("/Verifications", Some(long.as_str()), &create_us).await;
    assert_eq!(
        (status, bad["code"].as_u64()),
        (StatusCode::BAD_REQUEST, Some(60200))
    );
    // A wrong code checked twice with one token: one attempt spent.
    let code = app.last_code(US).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let sid = first["sid"].as_str().unwrap();
    let check = [("VerificationSid", sid), ("Code", wrong)];
    let (status, checked, _) = post("/VerificationCheck", Some("tw-check"), &check).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(checked["status"], "pending");
    let (_, again, replayed) = post("/VerificationCheck", Some("tw-check"), &check).await;
    assert_eq!(again, checked);
    assert!(replayed);
    assert_eq!(app.attempts_spent(US, 5).await, 1);
    // An update (cancel) repeated: the first answer.
    let path = format!("/Verifications/{sid}");
    let (status, canceled, _) =
        post(path.as_str(), Some("tw-cancel"), &[("Status", "canceled")]).await;
    assert_eq!(
        (status, canceled["status"].as_str()),
        (StatusCode::OK, Some("canceled"))
    );
    let (status, again, _) =
        post(path.as_str(), Some("tw-cancel"), &[("Status", "canceled")]).await;
    assert_eq!((status, &again), (StatusCode::OK, &canceled));
    // Without the token, the verification is gone (404), as with Twilio.
    let (status, _, _) = post(path.as_str(), None, &[("Status", "canceled")]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
