//! Webhooks with a real receiver: `tests/clients/webhook_receiver.py`, built
//! on the `standardwebhooks` package from PyPI, checks every signature.
use std::{
    collections::HashMap,
    io::{BufRead, BufReader},
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use phone_verify::config::RawWebhook;
use serde_json::{Value, json};

use crate::{
    both_backends,
    cli::{Running, temp_dir},
    helpers::{Backend, SECRET, TestDb, free_port, fresh_db, spawn_app_with_webhooks},
};

/// 32 bytes, base64: the endpoints' secret.
pub(crate) const WHSEC: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=";
/// Another key of the same shape (the receiver that was told a wrong one).
const OTHER_WHSEC: &str = "whsec_c2VjcmV0LWtleS1vZi10aGlydHktdHdvLWJ5dGVzIQ==";
const KEY: &str = "hooks-api-key-0123456789";

/// The PyPI receiver on `port`, logging to `log`.
pub(crate) struct Receiver {
    child: Child,
    port: u16,
}

impl Receiver {
    pub(crate) fn start(port: u16, secret: &str, log: &Path, status: u16) -> Self {
        Self::start_slow(port, secret, log, status, 0.0)
    }

    /// One that waits `delay` seconds before each answer.
    pub(crate) fn start_slow(port: u16, secret: &str, log: &Path, status: u16, delay: f64) -> Self {
        let python = std::env::var("PV_TEST_PYTHON")
            .expect("PV_TEST_PYTHON is not set: run the suite with scripts/test (the venv has standardwebhooks)");
        let mut child = Command::new(python)
            .arg(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/clients/webhook_receiver.py"
            ))
            .args(["--port", &port.to_string(), "--secret", secret])
            .args(["--status", &status.to_string()])
            .args(["--delay", &delay.to_string()])
            .arg("--log")
            .arg(log)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert!(
            line.starts_with("ready"),
            "the receiver did not start: {line:?}"
        );
        Self { child, port }
    }

    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hooks", self.port)
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// What a receiver logged: one JSON object per request.
pub(crate) fn received(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Waits (up to `within`) until `done` holds for what `log` holds.
async fn wait_for(log: &Path, within: Duration, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
    let start = Instant::now();
    loop {
        let got = received(log);
        if done(&got) || start.elapsed() > within {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn of_type<'a>(got: &'a [Value], kind: &str) -> Vec<&'a Value> {
    got.iter()
        .filter(|r| r["payload"]["type"] == kind)
        .collect()
}

fn endpoint(url: &str, events: &[&str]) -> RawWebhook {
    RawWebhook {
        url: url.to_owned(),
        secret: WHSEC.to_owned(),
        events: events.iter().map(|e| (*e).to_owned()).collect(),
        client_id: None,
        mask_phone: false,
        test_numbers: false,
    }
}

const ALL: [&str; 7] = [
    "verification.started",
    "verification.approved",
    "verification.max_attempts_reached",
    "verification.expired",
    "verification.canceled",
    "sms.failed",
    "pumping.flagged",
];

both_backends!(
    events_carry_their_own_time_and_an_increasing_sequence,
    a_slow_endpoint_does_not_hold_up_the_others,
    a_page_flow_is_reported_signed_to_each_endpoint_as_configured,
    two_instances_deliver_each_event_once,
    gone_stops_a_redirect_is_retried_and_an_expiry_is_reported,
);

/// Polls `/metrics` until it holds every line of `wanted` (or 5 s pass).
async fn metrics_with(app: &crate::helpers::TestApp, wanted: &[&str]) {
    let start = Instant::now();
    loop {
        let metrics = app.get("/metrics").await.body;
        if wanted.iter().all(|w| metrics.contains(w)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "{wanted:?}: {metrics}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// 410 Gone gives up at once; a redirect is not followed but retried when
/// due; a code that runs out is reported as `verification.expired`.
async fn gone_stops_a_redirect_is_retried_and_an_expiry_is_reported(backend: Backend) {
    let dir = temp_dir();
    let (gone_log, moved_log, all_log) = (
        dir.join("gone.jsonl"),
        dir.join("moved.jsonl"),
        dir.join("all.jsonl"),
    );
    let gone = Receiver::start(free_port(), WHSEC, &gone_log, 410);
    let moved = Receiver::start(free_port(), WHSEC, &moved_log, 307);
    let all = Receiver::start(free_port(), WHSEC, &all_log, 204);
    let app = spawn_app_with_webhooks(
        backend,
        fresh_db(backend).await,
        &[],
        Vec::new(),
        vec![
            endpoint(&gone.url(), &["verification.started"]),
            endpoint(&moved.url(), &["verification.started"]),
            endpoint(
                &all.url(),
                &["verification.started", "verification.expired"],
            ),
        ],
    )
    .await;
    assert_eq!(app.start("4155552671", "US").await.status, 303);
    let id = app.pending_id("+14155552671").await;
    metrics_with(
        &app,
        &[
            r#"phone_verify_webhook_attempts_total{event="verification.started",result="failed"} 1"#,
            r#"phone_verify_webhook_attempts_total{event="verification.started",result="retry"} 1"#,
            r#"phone_verify_webhook_attempts_total{event="verification.started",result="delivered"} 1"#,
        ],
    )
    .await;
    let failed = app.state.store.failed_deliveries(10).await.unwrap();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].endpoint, gone.url());
    assert_eq!(failed[0].last_error.as_deref(), Some("HTTP 410 Gone"));

    // The code's 600 s pass: the expiry is reported, and the redirected
    // delivery (due 5 s after its attempt) is tried again.
    app.clock.advance(time::Duration::seconds(601));
    let got = wait_for(&all_log, Duration::from_secs(10), |g| g.len() >= 2).await;
    let expired = of_type(&got, "verification.expired");
    assert_eq!(expired.len(), 1, "{got:#?}");
    assert_eq!(expired[0]["verified"], true);
    assert_eq!(expired[0]["payload"]["data"]["id"], id.to_string());
    assert_eq!(expired[0]["payload"]["data"]["status"], "expired");
    let retried = wait_for(&moved_log, Duration::from_secs(10), |g| g.len() >= 2).await;
    assert_eq!(retried.len(), 2);
    assert_eq!(retried[0]["webhook_id"], retried[1]["webhook_id"]);
    assert_eq!(received(&gone_log).len(), 1, "410: one attempt only");
}

async fn a_page_flow_is_reported_signed_to_each_endpoint_as_configured(backend: Backend) {
    let dir = temp_dir();
    let (all_log, masked_log, tampered_log) = (
        dir.join("all.jsonl"),
        dir.join("masked.jsonl"),
        dir.join("tampered.jsonl"),
    );
    let all = Receiver::start(free_port(), WHSEC, &all_log, 204);
    let masked = Receiver::start(free_port(), WHSEC, &masked_log, 200);
    // This receiver was told another secret: nothing it gets verifies.
    let tampered = Receiver::start(free_port(), OTHER_WHSEC, &tampered_log, 204);
    let db = fresh_db(backend).await;
    let mut masking = endpoint(&masked.url(), &["verification.approved"]);
    masking.mask_phone = true;
    let app = spawn_app_with_webhooks(
        backend,
        db,
        &[],
        Vec::new(),
        vec![
            endpoint(&all.url(), &ALL),
            masking,
            endpoint(&tampered.url(), &ALL),
        ],
    )
    .await;
    let phone = "+14155552671";
    let started = app.start("4155552671", "US").await;
    assert_eq!(started.status, 303);
    let id = app.pending_id(phone).await;
    let code = app.last_code(phone).await;
    let done = app.submit_code(&code).await;
    assert_eq!(done.status, 303, "approved");

    let got = wait_for(&all_log, Duration::from_secs(10), |got| got.len() >= 2).await;
    assert_eq!(got.len(), 2, "started and approved: {got:#?}");
    assert!(got.iter().all(|r| r["verified"] == true), "{got:#?}");
    let approved = of_type(&got, "verification.approved");
    assert_eq!(approved.len(), 1, "{got:#?}");
    let data = &approved[0]["payload"]["data"];
    assert_eq!(data["id"], id.to_string());
    assert_eq!(data["status"], "approved");
    assert_eq!(data["phone_number"], phone);
    assert_eq!(data["phone"], phone);
    assert_eq!(data["country"], "US");
    assert_eq!(data["channel"], "sms");
    assert_eq!(data["client"], Value::Null);
    let ts = approved[0]["payload"]["timestamp"].as_str().unwrap();
    assert!(ts.ends_with('Z') && ts.len() == 24, "{ts}");
    assert!(
        approved[0]["webhook_id"]
            .as_str()
            .unwrap()
            .starts_with("msg_"),
        "{approved:?}"
    );
    let started = of_type(&got, "verification.started");
    assert_eq!(started[0]["payload"]["data"]["status"], "pending");

    let masked_got = wait_for(&masked_log, Duration::from_secs(10), |g| !g.is_empty()).await;
    assert_eq!(
        masked_got.len(),
        1,
        "only the event it asked for: {masked_got:#?}"
    );
    assert_eq!(masked_got[0]["verified"], true);
    assert_eq!(masked_got[0]["payload"]["type"], "verification.approved");
    assert_eq!(
        masked_got[0]["payload"]["data"]["phone_number"],
        "+1******2671"
    );
    assert_eq!(masked_got[0]["payload"]["data"]["phone"], "+1******2671");

    let tampered_got = wait_for(&tampered_log, Duration::from_secs(10), |g| g.len() >= 2).await;
    assert!(!tampered_got.is_empty());
    assert!(
        tampered_got.iter().all(|r| r["verified"] == false),
        "a wrong secret never verifies: {tampered_got:#?}"
    );
    // The receiver answered 400: the app keeps trying (the retry is not
    // due on this test's stopped clock), and counts the attempts.
    let wanted = [
        r#"phone_verify_webhook_attempts_total{event="verification.approved",result="delivered"} 2"#,
        r#"phone_verify_webhook_attempts_total{event="verification.approved",result="retry"} 1"#,
        "phone_verify_webhook_queue_depth 2",
    ];
    let start = Instant::now();
    let metrics = loop {
        let metrics = app.get("/metrics").await.body;
        if wanted.iter().all(|w| metrics.contains(w)) || start.elapsed() > Duration::from_secs(5) {
            break metrics;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    for w in wanted {
        assert!(metrics.contains(w), "{w}: {metrics}");
    }
    all.stop();
    masked.stop();
    tampered.stop();
}

/// Deliveries may arrive out of order, so each event carries its own time
/// (`data.occurred_at`, RFC 3339) and a sequence number (`data.sequence`)
/// that increases with every event: sorted by it, the events of two
/// interleaved verifications come out as they happened.
async fn events_carry_their_own_time_and_an_increasing_sequence(backend: Backend) {
    let dir = temp_dir();
    let log = dir.join("hooks.jsonl");
    let receiver = Receiver::start(free_port(), WHSEC, &log, 204);
    let db = fresh_db(backend).await;
    let app = spawn_app_with_webhooks(
        backend,
        db,
        &[],
        Vec::new(),
        vec![endpoint(&receiver.url(), &ALL)],
    )
    .await;
    let (first, second) = ("+14155552671", "+14155552672");
    let other = app.new_browser(None);
    assert_eq!(app.start(first, "US").await.status, 303);
    app.clock.advance(time::Duration::seconds(2));
    assert_eq!(other.start(second, "US").await.status, 303);
    app.clock.advance(time::Duration::seconds(2));
    let code = app.last_code(second).await;
    assert_eq!(other.submit_code(&code).await.status, 303);
    app.clock.advance(time::Duration::seconds(2));
    let code = app.last_code(first).await;
    assert_eq!(app.submit_code(&code).await.status, 303);

    let got = wait_for(&log, Duration::from_secs(10), |got| got.len() >= 4).await;
    assert_eq!(got.len(), 4, "{got:#?}");
    let mut events: Vec<(i64, String, String, String)> = got
        .iter()
        .map(|r| {
            let data = &r["payload"]["data"];
            let occurred = data["occurred_at"].as_str().unwrap().to_owned();
            time::OffsetDateTime::parse(&occurred, &time::format_description::well_known::Rfc3339)
                .unwrap_or_else(|e| panic!("{occurred} is not RFC 3339: {e}"));
            assert_eq!(occurred, r["payload"]["timestamp"], "the event's own time");
            (
                data["sequence"].as_i64().expect("an integer sequence"),
                r["payload"]["type"].as_str().unwrap().to_owned(),
                data["phone"].as_str().unwrap().to_owned(),
                occurred,
            )
        })
        .collect();
    events.sort();
    let order: Vec<(&str, &str)> = events
        .iter()
        .map(|(_, kind, phone, _)| (kind.as_str(), phone.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("verification.started", first),
            ("verification.started", second),
            ("verification.approved", second),
            ("verification.approved", first),
        ]
    );
    let sequences: Vec<i64> = events.iter().map(|e| e.0).collect();
    assert!(
        sequences.windows(2).all(|w| w[0] < w[1]),
        "strictly increasing: {sequences:?}"
    );
    let times: Vec<&str> = events.iter().map(|e| e.3.as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    receiver.stop();
}

/// Two instances on one database: every event arrives exactly once.
async fn two_instances_deliver_each_event_once(backend: Backend) {
    let dir = temp_dir();
    let log = dir.join("hooks.jsonl");
    let receiver = Receiver::start(free_port(), WHSEC, &log, 204);
    let db = fresh_db(backend).await;
    let hooks = || vec![endpoint(&receiver.url(), &["verification.started"])];
    let keys = [("API_KEYS", KEY), ("PUMPING_GUARD", "off")];
    let first = spawn_app_with_webhooks(backend, db.share(), &keys, Vec::new(), hooks()).await;
    let second = spawn_app_with_webhooks(backend, db.share(), &keys, Vec::new(), hooks()).await;
    let mut ids = Vec::new();
    for i in 0..20 {
        let app = if i % 2 == 0 { &first } else { &second };
        let (status, body) = crate::api::call_as(
            app,
            KEY,
            "POST",
            "/api/v1/verifications",
            Some(json!({ "phone": format!("+1415555{i:04}") })),
        )
        .await;
        assert_eq!(status, 201, "{body}");
        ids.push(body["id"].as_str().unwrap().to_owned());
    }
    wait_for(&log, Duration::from_secs(15), |g| g.len() >= 20).await;
    // Time for a second copy to show up, if one were coming.
    tokio::time::sleep(Duration::from_secs(2)).await;
    let got = received(&log);
    let mut per_id: HashMap<String, usize> = HashMap::new();
    for r in &got {
        assert_eq!(r["verified"], true);
        *per_id
            .entry(r["payload"]["data"]["id"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    assert_eq!(got.len(), 20, "{per_id:?}");
    for id in &ids {
        assert_eq!(per_id.get(id), Some(&1), "{id}: {per_id:?}");
    }
    drop(db);
}

/// The real binary with webhooks to `url` (a `CONFIG_FILE` in `dir`) and a
/// fast retry schedule.
fn start_binary(dir: &Path, db: &TestDb, url: &str, schedule: &str) -> Running {
    let config = dir.join("phone-verify.toml");
    std::fs::write(
        &config,
        format!(
            "[[webhooks]]\nurl = \"{url}\"\nsecret = \"{WHSEC}\"\nevents = [\"verification.started\", \"verification.approved\"]\n"
        ),
    )
    .unwrap();
    Running::start(
        dir,
        &[
            ("DATABASE_URL", &db.url),
            ("SECRET_KEY", SECRET),
            ("CONFIG_FILE", config.to_str().unwrap()),
            ("API_KEYS", KEY),
            ("WEBHOOK_RETRY_SCHEDULE", schedule),
            ("ADMIN_PASSWORD", "operator-password-1"),
        ],
    )
}

async fn api_start(base: &str, phone: &str) -> String {
    let r = reqwest::Client::new()
        .post(format!("{base}/api/v1/verifications"))
        .bearer_auth(KEY)
        .json(&json!({ "phone": phone }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let body: Value = r.json().await.unwrap();
    body["id"].as_str().unwrap().to_owned()
}

/// The receiver is down, then the app is killed (SIGKILL) after the state
/// change; on restart, and once the receiver is back, the event arrives.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_survives_a_down_receiver_and_a_killed_app() {
    let dir = temp_dir();
    let db = fresh_db(Backend::Postgres).await;
    let log = dir.join("hooks.jsonl");
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}/hooks");
    let app = start_binary(&dir, &db, &url, "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1");
    let id = api_start(&app.base, "+14155552671").await;
    let logs = app.kill();
    assert!(!logs.contains("4155552671"), "no full number in the logs");

    let app = start_binary(&dir, &db, &url, "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let receiver = Receiver::start(port, WHSEC, &log, 204);
    let got = wait_for(&log, Duration::from_secs(15), |g| !g.is_empty()).await;
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0]["verified"], true);
    assert_eq!(got[0]["payload"]["type"], "verification.started");
    assert_eq!(got[0]["payload"]["data"]["id"], id);
    let (_, logs) = app.stop();
    assert!(logs.contains("webhook attempt failed"), "{logs}");
    receiver.stop();
}

/// A receiver answering 500 sees the schedule's attempts (same message id,
/// the waits in between), then the delivery is failed, shown on /admin,
/// and `phone-verify webhooks redeliver --failed` sends it again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_receiver_sees_the_retry_schedule_then_a_redelivery() {
    let dir = temp_dir();
    let db = fresh_db(Backend::Sqlite).await;
    let log = dir.join("hooks.jsonl");
    let port = free_port();
    let receiver = Receiver::start(port, WHSEC, &log, 500);
    let app = start_binary(&dir, &db, &receiver.url(), "1,2");
    api_start(&app.base, "+14155552671").await;
    let got = wait_for(&log, Duration::from_secs(15), |g| g.len() >= 3).await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let got_after = received(&log);
    assert_eq!(got_after.len(), 3, "three attempts, no more: {got:#?}");
    assert!(got.iter().all(|r| r["verified"] == true));
    assert!(
        got.iter().all(|r| r["webhook_id"] == got[0]["webhook_id"]),
        "one message id for every attempt"
    );
    let at: Vec<f64> = got
        .iter()
        .map(|r| r["received"].as_f64().unwrap())
        .collect();
    let (first_wait, second_wait) = (at[1] - at[0], at[2] - at[1]);
    assert!((0.85..2.0).contains(&first_wait), "about 1 s: {first_wait}");
    assert!(
        (1.75..3.2).contains(&second_wait),
        "about 2 s: {second_wait}"
    );

    let admin = reqwest::Client::new()
        .get(format!("{}/admin", app.base))
        .basic_auth("ops", Some("operator-password-1"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(admin.contains("id=\"failed-deliveries\""), "{admin}");
    assert!(admin.contains("HTTP 500 Internal Server Error"), "{admin}");
    assert!(admin.contains("verification.started"), "{admin}");
    let metrics = reqwest::get(format!("{}/metrics", app.base))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        metrics.contains("phone_verify_webhook_failed_deliveries 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains(
            r#"phone_verify_webhook_attempts_total{event="verification.started",result="failed"} 1"#
        ),
        "{metrics}"
    );

    receiver.stop();
    let receiver = Receiver::start(port, WHSEC, &log, 204);
    let out = crate::cli::command(&dir)
        .args(["webhooks", "redeliver", "--failed"])
        .env("DATABASE_URL", &db.url)
        .env("SECRET_KEY", SECRET)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains('1'),
        "{out:?}"
    );
    let got = wait_for(&log, Duration::from_secs(10), |g| g.len() >= 4).await;
    assert_eq!(got.len(), 4);
    assert_eq!(
        got[3]["webhook_id"], got[0]["webhook_id"],
        "the same message"
    );
    let none = crate::cli::command(&dir)
        .args(["webhooks", "redeliver", "999999"])
        .env("DATABASE_URL", &db.url)
        .env("SECRET_KEY", SECRET)
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1), "{none:?}");
    let _ = app.stop();
    receiver.stop();
}

/// Each endpoint's problems, one line each, at start.
#[test]
fn bad_endpoints_are_refused_one_line_each() {
    let dir = temp_dir();
    let config = dir.join("bad.toml");
    std::fs::write(
        &config,
        r#"
[[webhooks]]
url = "http://acme.example/hooks"
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo="
events = ["verification.approved"]

[[webhooks]]
url = "https://acme.example/short"
secret = "whsec_c2hvcnQ="
events = ["verification.approved"]

[[webhooks]]
url = "https://acme.example/unknown"
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo="
events = ["verification.aproved"]

[[webhooks]]
url = "https://acme.example/client"
secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo="
events = ["verification.approved"]
client_id = "nobody"
"#,
    )
    .unwrap();
    let out = crate::cli::command(&dir)
        .arg("check-config")
        .env("SECRET_KEY", SECRET)
        .env("CONFIG_FILE", &config)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(
        lines[0].contains("http://acme.example/hooks") && lines[0].contains("https"),
        "{stderr}"
    );
    assert!(
        lines[1].contains("/short") && lines[1].contains("24 to 64"),
        "{stderr}"
    );
    assert!(lines[2].contains("verification.aproved"), "{stderr}");
    assert!(lines[3].contains("client_id `nobody`"), "{stderr}");
    let start = crate::cli::command(&dir)
        .env("SECRET_KEY", SECRET)
        .env("CONFIG_FILE", &config)
        .output()
        .unwrap();
    assert_eq!(start.status.code(), Some(2), "refused at start");
}

/// An endpoint that takes 8 s to answer holds at most its own slots: a
/// healthy one gets all its deliveries meanwhile.
async fn a_slow_endpoint_does_not_hold_up_the_others(backend: Backend) {
    let dir = temp_dir();
    let (slow_log, fast_log) = (dir.join("slow.jsonl"), dir.join("fast.jsonl"));
    let slow = Receiver::start_slow(free_port(), WHSEC, &slow_log, 204, 8.0);
    let fast = Receiver::start(free_port(), WHSEC, &fast_log, 204);
    let keys = [("API_KEYS", KEY), ("PUMPING_GUARD", "off")];
    let app = spawn_app_with_webhooks(
        backend,
        fresh_db(backend).await,
        &keys,
        Vec::new(),
        vec![
            endpoint(&slow.url(), &["verification.started"]),
            endpoint(&fast.url(), &["verification.started"]),
        ],
    )
    .await;
    for i in 0..30 {
        let (status, body) = crate::api::call_as(
            &app,
            KEY,
            "POST",
            "/api/v1/verifications",
            Some(json!({ "phone": format!("+1415555{i:04}") })),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let start = Instant::now();
    let got = wait_for(&fast_log, Duration::from_secs(6), |g| g.len() >= 30).await;
    assert_eq!(
        got.len(),
        30,
        "the healthy endpoint got everything in {:?}",
        start.elapsed()
    );
    assert!(start.elapsed() < Duration::from_secs(6));
    let slow_got = received(&slow_log);
    assert!(
        slow_got.len() <= 8,
        "the slow endpoint has at most eight attempts in flight: {}",
        slow_got.len()
    );
    slow.stop();
    fast.stop();
}
