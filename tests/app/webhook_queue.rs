//! Test traffic cannot crowd out real webhook events (issue 23): starts of
//! a `TEST_NUMBERS` number, which no limit counts, reach only endpoints that
//! ask for them (`test_numbers = true`), and stop at 1,000 waiting there;
//! a real verification's events are queued however full the queue is.
use std::time::{Duration, Instant};

use phone_verify::config::RawWebhook;
use serde_json::json;

use crate::{
    api::call_as,
    both_backends,
    helpers::{Backend, TestApp, fresh_db, spawn_app_with_webhooks},
    webhooks::WHSEC,
};

const KEY: &str = "queue-api-key-0123456789";
const TEST: &str = "+15005550006";
const REAL: &str = "+14155552671";
/// Nothing listens on the discard port: every attempt fails.
const WITH_TESTS: &str = "http://127.0.0.1:9/with-tests";
const DEFAULT: &str = "http://127.0.0.1:9/default";

both_backends!(test_numbers_cannot_crowd_out_real_events);

fn dead(url: &str, test_numbers: bool) -> RawWebhook {
    RawWebhook {
        url: url.into(),
        secret: WHSEC.into(),
        events: vec![
            "verification.started".into(),
            "verification.canceled".into(),
        ],
        client_id: None,
        mask_phone: false,
        test_numbers,
    }
}

/// Waits until every event has been turned into deliveries.
async fn fanned_out(app: &TestApp) {
    let start = Instant::now();
    while app.count("SELECT count(*) FROM webhook_events").await > 0 {
        assert!(start.elapsed() < Duration::from_secs(60), "fan-out stalled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn deliveries(app: &TestApp, endpoint: &str, number: &str) -> i64 {
    app.count(&format!(
        "SELECT count(*) FROM webhook_deliveries WHERE endpoint = '{endpoint}' AND payload LIKE '%{}%'",
        &number[1..]
    ))
    .await
}

async fn test_numbers_cannot_crowd_out_real_events(backend: Backend) {
    let app = spawn_app_with_webhooks(
        backend,
        fresh_db(backend).await,
        &[
            ("API_KEYS", KEY),
            ("TEST_NUMBERS", "+15005550006=123456"),
            ("API_RATE_LIMIT_PER_MINUTE", "1000000"),
            ("API_RATE_LIMIT_BURST", "100000"),
        ],
        Vec::new(),
        vec![dead(WITH_TESTS, true), dead(DEFAULT, false)],
    )
    .await;
    // 1,100 starts of the test number: each a started event, and from the
    // second on a canceled one for the start it replaces.
    for _ in 0..1100 {
        let (status, body) = call_as(
            &app,
            KEY,
            "POST",
            "/api/v1/verifications",
            Some(json!({"phone": TEST})),
        )
        .await;
        assert_eq!(status, reqwest::StatusCode::CREATED, "{body}");
    }
    fanned_out(&app).await;
    assert_eq!(
        deliveries(&app, DEFAULT, TEST).await,
        0,
        "an endpoint that does not ask gets no test events"
    );
    let queued = deliveries(&app, WITH_TESTS, TEST).await;
    assert_eq!(queued, 1000, "test events stop at 1,000 waiting");
    // A real verification's event is queued for both endpoints.
    let (status, _) = call_as(
        &app,
        KEY,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": REAL})),
    )
    .await;
    assert_eq!(status, reqwest::StatusCode::CREATED);
    fanned_out(&app).await;
    assert_eq!(deliveries(&app, WITH_TESTS, REAL).await, 1);
    assert_eq!(deliveries(&app, DEFAULT, REAL).await, 1);
    let metrics = app.get("/metrics").await.body;
    assert!(
        metrics.contains("phone_verify_webhook_dropped_total 1199"),
        "{}",
        metrics
            .lines()
            .filter(|l| l.contains("dropped"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}
