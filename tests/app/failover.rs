//! A PostgreSQL failover under load (issue 27): a primary with a streaming,
//! synchronous standby (`pg_basebackup -R`), phone-verify on both through
//! one multi-host `DATABASE_URL` with `target_session_attrs=read-write`,
//! API and form-flow load, the primary stopped hard (`-m immediate`) and
//! the standby promoted. Every answer is a success or 503 with
//! `Retry-After` (never 500), errors end soon after the promotion, every
//! approval answered 200 is still approved afterwards, and every create
//! answered 201 is there, with its text.
use std::{
    collections::HashSet,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU32, Ordering},
    },
    time::{Duration, Instant},
};

use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Connection;

use crate::{
    api::get_as,
    helpers::{Backend, TestApp, TestDb, spawn_app_on},
    ops::Cluster,
};

const KEY: &str = "failover-api-key-0123456789";

/// One answer seen by the load: when it was asked, what came back.
#[derive(Debug, Clone)]
struct Seen {
    at: Instant,
    what: &'static str,
    status: u16,
    retry_after: bool,
}

#[derive(Default)]
struct Record {
    seen: Mutex<Vec<Seen>>,
    /// Verifications created (201), with their number, and approved (200).
    created: Mutex<Vec<(String, String)>>,
    approved: Mutex<HashSet<String>>,
}

impl Record {
    fn note(
        &self,
        at: Instant,
        what: &'static str,
        status: StatusCode,
        headers: &reqwest::header::HeaderMap,
    ) {
        self.seen.lock().unwrap().push(Seen {
            at,
            what,
            status: status.as_u16(),
            retry_after: headers.contains_key("retry-after"),
        });
    }
}

async fn streaming_synchronously(primary: &Cluster) {
    let mut conn = sqlx::PgConnection::connect(&primary.url()).await.unwrap();
    for _ in 0..300 {
        let sync: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming' AND sync_state = 'sync'",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap();
        if sync == 1 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the standby never streamed synchronously");
}

/// A number for the next unit of load (numbers come round again, each
/// with its own limits lifted).
fn next_phone(n: &AtomicU32) -> String {
    format!(
        "+1415555{:04}",
        2000 + n.fetch_add(1, Ordering::Relaxed) % 7000
    )
}

/// The API: create, read the code from the dev outbox, check it.
async fn api_worker(
    app: Arc<TestApp>,
    record: Arc<Record>,
    running: Arc<AtomicBool>,
    n: Arc<AtomicU32>,
) {
    while running.load(Ordering::Relaxed) {
        let phone = next_phone(&n);
        let at = Instant::now();
        let response = app
            .client
            .post(app.url("/api/v1/verifications"))
            .bearer_auth(KEY)
            .json(&json!({ "phone": phone }))
            .send()
            .await
            .unwrap();
        record.note(at, "create", response.status(), response.headers());
        if response.status() != StatusCode::CREATED {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        }
        let body: Value = response.json().await.unwrap();
        let id = body["id"].as_str().unwrap().to_owned();
        record
            .created
            .lock()
            .unwrap()
            .push((id.clone(), phone.clone()));
        let code = app.last_code(&phone).await;
        let at = Instant::now();
        let response = app
            .client
            .post(app.url(&format!("/api/v1/verifications/{id}/check")))
            .bearer_auth(KEY)
            .json(&json!({ "code": code }))
            .send()
            .await
            .unwrap();
        record.note(at, "check", response.status(), response.headers());
        if response.status() == StatusCode::OK {
            record.approved.lock().unwrap().insert(id);
        }
    }
}

/// The pages: the phone form, the start, the code from the outbox, the
/// code form.
async fn form_worker(
    app: Arc<TestApp>,
    record: Arc<Record>,
    running: Arc<AtomicBool>,
    n: Arc<AtomicU32>,
) {
    while running.load(Ordering::Relaxed) {
        let phone = next_phone(&n);
        let browser = app.new_browser(None);
        let at = Instant::now();
        let form = browser.get("/verify").await;
        record.note(at, "phone page", form.status, &form.headers);
        if form.status != StatusCode::OK {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        }
        assert!(
            form.body.contains("name=\"csrf_token\""),
            "a phone page without its form: {}",
            form.body
        );
        let at = Instant::now();
        let started = browser
            .post(
                "/verify",
                &[
                    ("csrf_token", &form.csrf()),
                    ("phone", &phone),
                    ("country", "US"),
                ],
            )
            .await;
        record.note(at, "start", started.status, &started.headers);
        if started.status != StatusCode::SEE_OTHER {
            continue;
        }
        let code = app.last_code(&phone).await;
        let at = Instant::now();
        let page = browser.get("/verify/code").await;
        record.note(at, "code page", page.status, &page.headers);
        if page.status != StatusCode::OK {
            continue;
        }
        let at = Instant::now();
        let done = browser
            .post(
                "/verify/code",
                &[("csrf_token", &page.csrf()), ("code", &code)],
            )
            .await;
        record.note(at, "code", done.status, &done.headers);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failover_under_load_loses_nothing_and_errors_end_soon() {
    let primary = Cluster::primary();
    let standby = Cluster::standby_of(&primary);
    streaming_synchronously(&primary).await;
    let url = format!(
        "postgres://postgres@127.0.0.1:{},127.0.0.1:{}/postgres?target_session_attrs=read-write",
        primary.port, standby.port
    );
    let app = Arc::new(
        spawn_app_on(
            Backend::Postgres,
            TestDb::external(url),
            &[
                ("API_KEYS", KEY),
                ("PUMPING_GUARD", "off"),
                ("BOT_CHALLENGE", "off"),
                ("RESEND_COOLDOWN_SECONDS", "0"),
                ("SEND_LIMIT_PER_PHONE", "1000"),
                ("API_RATE_LIMIT_PER_MINUTE", "1000000"),
                ("API_RATE_LIMIT_BURST", "100000"),
                // The load texts more than the default hour's budget (1000)
                // on a quiet machine; its 503s would be taken for the
                // failover's.
                ("SMS_GLOBAL_LIMIT_PER_HOUR", "10000000"),
            ],
        )
        .await,
    );
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
    let record = Arc::new(Record::default());
    let running = Arc::new(AtomicBool::new(true));
    let n = Arc::new(AtomicU32::new(0));
    let mut workers = Vec::new();
    for _ in 0..3 {
        workers.push(tokio::spawn(api_worker(
            app.clone(),
            record.clone(),
            running.clone(),
            n.clone(),
        )));
    }
    for _ in 0..2 {
        workers.push(tokio::spawn(form_worker(
            app.clone(),
            record.clone(),
            running.clone(),
            n.clone(),
        )));
    }
    tokio::time::sleep(Duration::from_secs(2)).await;

    primary.stop();
    let stopped = Instant::now();
    // No writable host until the promotion: not ready.
    let mut ready_while_none = Vec::new();
    while stopped.elapsed() < Duration::from_secs(3) {
        ready_while_none.push(app.get("/readyz").await.status);
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    standby.promote();
    let promoted = Instant::now();
    let ready_again = loop {
        if app.get("/readyz").await.status == StatusCode::OK {
            break promoted.elapsed();
        }
        assert!(
            promoted.elapsed() < Duration::from_secs(30),
            "never ready again"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    tokio::time::sleep(Duration::from_secs(12)).await;
    running.store(false, Ordering::Relaxed);
    for w in workers {
        w.await.unwrap();
    }

    let seen = record.seen.lock().unwrap().clone();
    let errors: Vec<&Seen> = seen.iter().filter(|s| s.status >= 400).collect();
    for s in &errors {
        assert_eq!(s.status, 503, "{s:?}: only 503 while failing over");
        assert!(s.retry_after, "{s:?}: a 503 says when to retry");
    }
    for s in &seen {
        assert!(
            [200, 201, 303, 503].contains(&s.status),
            "{s:?}: an answer the load did not expect"
        );
    }
    let last_error = errors.iter().map(|s| s.at).max();
    let first_error = errors.iter().map(|s| s.at).min();
    let errors_after = errors.iter().filter(|s| s.at > promoted).count();
    let ok_after = seen
        .iter()
        .filter(|s| s.at > promoted + Duration::from_secs(10) && s.status < 400)
        .count();
    let mut by_request = std::collections::BTreeMap::<&str, usize>::new();
    for s in &errors {
        *by_request.entry(s.what).or_default() += 1;
    }
    // Seconds from the stop (negative: asked before it).
    let since_stop = |t: Instant| {
        t.checked_duration_since(stopped)
            .map_or_else(|| -(stopped - t).as_secs_f64(), |d| d.as_secs_f64())
    };
    eprintln!(
        "failover: {} answers, {} of them 503 ({by_request:?}); the promotion {:.2} s after the stop; \
         the 503s asked from {:?} s to {:?} s after the stop ({errors_after} asked after the promotion); \
         ready again {ready_again:?} after the promotion; {ok_after} good answers more than 10 s after it; \
         readyz while no host was writable: {ready_while_none:?}",
        seen.len(),
        errors.len(),
        since_stop(promoted),
        first_error.map(since_stop),
        last_error.map(since_stop),
    );
    assert!(
        ready_while_none
            .iter()
            .all(|s| *s == StatusCode::SERVICE_UNAVAILABLE),
        "readyz answered {ready_while_none:?} with no writable host"
    );
    if let Some(last) = last_error {
        assert!(
            last < promoted + Duration::from_secs(10),
            "errors went on {:?} after the promotion",
            last - promoted
        );
    }
    assert!(ok_after > 20, "the load did not go on after the failover");

    // Nothing lost: every approval is still approved, every create is
    // there and was texted.
    let approved = record.approved.lock().unwrap().clone();
    let created = record.created.lock().unwrap().clone();
    assert!(
        approved.len() > 20 && created.len() > 20,
        "too little load to say anything"
    );
    // The dev outbox keeps the newest 1000 texts; a quiet machine sends
    // more than that here, so the newest creates are looked up in it, and
    // every create's send in the store's log (written in the create's own
    // transaction, before its 201).
    let newest = created.len().saturating_sub(200);
    for (i, (id, phone)) in created.iter().enumerate() {
        let (status, body) = get_as(&app, KEY, id).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "a created verification is gone: {body}"
        );
        if approved.contains(id) {
            assert_eq!(body["status"], "approved", "an approval was lost: {body}");
        }
        let uuid: uuid::Uuid = id.parse().unwrap();
        assert!(
            !app.state.store.send_times(uuid).await.unwrap().is_empty(),
            "{phone}: a create without its send"
        );
        if i >= newest {
            assert!(!app.last_sms(phone).await.is_empty(), "{phone} has no text");
        }
    }
}
