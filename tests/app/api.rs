//! The JSON API, over HTTP, with the SPEC's status codes and error objects.
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    both_backends,
    helpers::{Backend, SHIPPED_ADDRESS_LIMITS, TestApp, spawn_app_with},
};

const KEY: &str = "test-api-key-0123456789";
const US: &str = "+14155552671";

/// An instance with two API keys and the shipped per-address limit.
async fn spawn(backend: Backend) -> TestApp {
    let keys = format!("other-key-abcdefghijkl,{KEY}");
    let mut settings = vec![
        ("API_KEYS", keys.as_str()),
        ("TEST_NUMBERS", "+15005550006=246810"),
    ];
    settings.extend_from_slice(&SHIPPED_ADDRESS_LIMITS);
    spawn_app_with(backend, &settings).await
}

async fn call(app: &TestApp, method: &str, path: &str, body: Option<Value>) -> (StatusCode, Value) {
    call_as(app, KEY, method, path, body).await
}

/// An API call with `key`: the status and the JSON answer.
/// `GET /api/v1/verifications/{id}` as the holder of `key`.
pub(crate) async fn get_as(app: &TestApp, key: &str, id: &str) -> (StatusCode, Value) {
    call_as(
        app,
        key,
        "GET",
        &format!("/api/v1/verifications/{id}"),
        None,
    )
    .await
}

pub(crate) async fn call_as(
    app: &TestApp,
    key: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = app
        .client
        .request(method.parse().unwrap(), app.url(path))
        .bearer_auth(key);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

both_backends!(
    api_happy_path,
    api_wrong_code_then_attempts_left,
    api_expired_and_canceled,
    api_unknown_id_is_404,
    api_needs_a_key,
    api_wants_json,
    api_test_numbers,
    api_locale_and_country_fallback,
    openapi_lists_every_route,
);

async fn api_happy_path(backend: Backend) {
    let app = spawn(backend).await;
    let (status, created) = call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": US})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["status"], "pending");
    assert_eq!(created["phone"], US);
    assert_eq!(created["attempts_left"], 5);
    assert!(created["expires_at"].as_str().unwrap().ends_with('Z'));
    assert!(created["resend_after"].is_string());
    let id = created["id"].as_str().unwrap();
    let code = app.last_code(US).await;
    let (status, read) = call(&app, "GET", &format!("/api/v1/verifications/{id}"), None).await;
    assert_eq!(
        (status, read["status"].as_str()),
        (StatusCode::OK, Some("pending"))
    );
    let (status, approved) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(approved["status"], "approved");
    let (status, again) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(again["error"]["code"], "approved");
    assert_eq!(app.outbox_len().await, 1);
}

async fn api_wrong_code_then_attempts_left(backend: Backend) {
    let app = spawn(backend).await;
    let (_, created) = call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": US})),
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let code = app.last_code(US).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, body) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({"code": wrong})),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "incorrect_code");
    assert_eq!(body["error"]["attempts_left"], 4);
    assert!(body["error"]["message"].is_string());
    // Starting again inside the cooldown is refused with Retry-After.
    let response = app
        .client
        .post(app.url("/api/v1/verifications"))
        .bearer_auth(KEY)
        .json(&json!({"phone": US}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(response.headers().get("retry-after").is_some());
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "rate_limited"
    );
    let (status, body) = call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "+1 800 555 0199"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_phone"))
    );
}

async fn api_expired_and_canceled(backend: Backend) {
    let app = spawn(backend).await;
    let (_, first) = call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": US})),
    )
    .await;
    let id = first["id"].as_str().unwrap().to_owned();
    app.clock.advance(time::Duration::seconds(601));
    let (status, body) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({"code": "123456"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("expired"))
    );
    let (_, read) = call(&app, "GET", &format!("/api/v1/verifications/{id}"), None).await;
    assert_eq!(read["status"], "expired");

    let (_, second) = call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "+34612345678"})),
    )
    .await;
    let id = second["id"].as_str().unwrap();
    let (status, canceled) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{id}/cancel"),
        None,
    )
    .await;
    assert_eq!(
        (status, canceled["status"].as_str()),
        (StatusCode::OK, Some("canceled"))
    );
    let (status, body) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({"code": "123456"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("canceled"))
    );
    let (status, body) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{id}/cancel"),
        None,
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("canceled"))
    );
}

async fn api_unknown_id_is_404(backend: Backend) {
    let app = spawn(backend).await;
    for path in [
        format!("/api/v1/verifications/{}", uuid::Uuid::new_v4()),
        "/api/v1/verifications/not-a-uuid".to_owned(),
    ] {
        let (status, body) = call(&app, "GET", &path, None).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (StatusCode::NOT_FOUND, Some("not_found")),
            "{path}"
        );
    }
    let (status, body) = call(
        &app,
        "POST",
        &format!("/api/v1/verifications/{}/check", uuid::Uuid::new_v4()),
        Some(json!({"code": "1"})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("not_found"))
    );
    let (status, _) = call(&app, "GET", "/api/v1/nothing-here", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn api_needs_a_key(backend: Backend) {
    let app = spawn(backend).await;
    for auth in [
        None,
        Some("Bearer wrong-key-0123456789"),
        Some(&format!("Basic {KEY}")),
        Some("Bearer "),
    ] {
        let mut request = app
            .client
            .post(app.url("/api/v1/verifications"))
            .json(&json!({"phone": US}));
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{auth:?}");
        assert_eq!(
            response.json::<Value>().await.unwrap()["error"]["code"],
            "unauthorized"
        );
    }
    assert_eq!(app.outbox_len().await, 0);
    // Without API_KEYS there is no API.
    let off = spawn_app_with(backend, &[]).await;
    let response = off
        .client
        .post(off.url("/api/v1/verifications"))
        .bearer_auth(KEY)
        .json(&json!({"phone": US}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

async fn api_wants_json(backend: Backend) {
    let app = spawn(backend).await;
    let response = app
        .client
        .post(app.url("/api/v1/verifications"))
        .bearer_auth(KEY)
        .form(&[("phone", US)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "unsupported_media_type"
    );
    let response = app
        .client
        .post(app.url("/api/v1/verifications"))
        .bearer_auth(KEY)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json::<Value>().await.unwrap()["error"]["code"],
        "invalid_request"
    );
    let (status, body) = call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": US, "extra": 1})),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_request"))
    );
    let big = "1".repeat(20_000);
    let (status, _) = call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": big})),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
}

async fn api_test_numbers(backend: Backend) {
    let app = spawn(backend).await;
    for _ in 0..8 {
        // Not counted: no cooldown, no quota.
        let (status, created) = call(
            &app,
            "POST",
            "/api/v1/verifications",
            Some(json!({"phone": "+15005550006"})),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let id = created["id"].as_str().unwrap().to_owned();
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/verifications/{id}/check"),
            Some(json!({"code": "246810"})),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    assert_eq!(
        app.outbox_len().await,
        0,
        "nothing is sent to a test number"
    );
    // The HTML flow takes them too.
    assert_eq!(
        app.start("+15005550006", "US").await.location(),
        Some("/verify/code")
    );
    assert_eq!(
        app.submit_code("246810").await.location(),
        Some("/verify/done")
    );
    // A real mobile number is refused as a test number at start-up.
    let db = crate::helpers::fresh_db(backend).await;
    let raw = std::collections::HashMap::from([
        ("DATABASE_URL".to_owned(), db.url.clone()),
        ("SECRET_KEY".to_owned(), crate::helpers::SECRET.to_owned()),
        ("TEST_NUMBERS".to_owned(), format!("{US}=123456")),
    ]);
    let err = phone_verify::config::Settings::from_map(&raw, std::path::Path::new("/nonexistent"))
        .unwrap_err();
    assert_eq!(err.name, "TEST_NUMBERS");
    assert!(err.problem.contains("real mobile"), "{err}");
}

async fn api_locale_and_country_fallback(backend: Backend) {
    let app = spawn(backend).await;
    call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": US, "locale": "es-MX"})),
    )
    .await;
    assert!(
        app.last_sms(US).await.starts_with("Acme: usa "),
        "the API's locale"
    );
    call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "612 34 56 78", "country": "ES"})),
    )
    .await;
    assert!(
        app.last_sms("+34612345678").await.starts_with("Acme: usa "),
        "a Spanish number gets Spanish"
    );
    call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "+81 90 1234 5678"})),
    )
    .await;
    assert!(
        app.last_sms("+819012345678")
            .await
            .starts_with("Acmeの認証コード"),
        "Japan reads Japanese"
    );
    call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "+31612345678"})),
    )
    .await;
    assert!(
        app.last_sms("+31612345678")
            .await
            .starts_with("Je code voor Acme"),
        "the Netherlands reads Dutch"
    );
    call(
        &app,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": "+46701234567"})),
    )
    .await;
    assert!(
        app.last_sms("+46701234567")
            .await
            .starts_with("Your Acme code"),
        "Swedish is not shipped: DEFAULT_LOCALE"
    );
}

async fn openapi_lists_every_route(backend: Backend) {
    let app = spawn(backend).await;
    let doc: Value = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let documented: Vec<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let expected = [
        ("POST", "/api/v1/verifications"),
        ("GET", "/api/v1/verifications/{id}"),
        ("POST", "/api/v1/verifications/{id}/check"),
        ("POST", "/api/v1/verifications/{id}/cancel"),
        ("GET", "/api/v1/openapi.json"),
    ];
    let mut want: Vec<(String, String)> = expected
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    let mut got = documented.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want, "the document lists exactly the API's routes");
    // And every documented route is served (not the 404 fallback).
    let id = uuid::Uuid::new_v4().to_string();
    for (method, path) in documented {
        let path = path.replace("{id}", &id);
        let mut request = app
            .client
            .request(method.parse().unwrap(), app.url(&path))
            .bearer_auth(KEY);
        if method == "POST" {
            request = request.json(&json!({}));
        }
        let response = request.send().await.unwrap();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        let not_routed = body["error"]["message"] == "No such verification." && !path.contains(&id);
        assert!(!not_routed, "{method} {path} is documented but not routed");
    }
}
