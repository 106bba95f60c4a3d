//! Hostile traffic, round two: bounded memory, slow and many clients, page
//! views that write nothing, operator logins that are throttled, API keys
//! that are tenants, and one rate-limit bucket per client.
use std::{
    io::{Read, Write},
    net::{SocketAddr, TcpStream},
    time::{Duration, Instant},
};

use reqwest::StatusCode;
use serde_json::json;

use crate::{
    api::call_as,
    both_backends,
    cli::{Running, temp_dir},
    helpers::{Backend, SECRET, TestApp, free_port, spawn_app_with, spawn_app_with_clients},
};

const US: &str = "+14155552671";

both_backends!(
    page_views_write_no_rows,
    operator_logins_are_throttled,
    failures_from_many_addresses_cannot_lock_the_operator_out,
    metrics_bind_addr_takes_the_metrics_off_the_public_listener,
    api_keys_are_tenants,
    one_bucket_per_client,
);

/// The resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

/// Sends one raw HTTP/1.1 request and reads the whole answer.
fn raw_answer(addr: SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn addr_of(base: &str) -> SocketAddr {
    base.trim_start_matches("http://").parse().unwrap()
}

/// Random letters (a method, a path segment).
fn random_token(len: usize) -> String {
    use rand::Rng as _;
    let mut rng = rand::rng();
    (0..len)
        .map(|_| char::from(b'A' + rng.random_range(0..26u8)))
        .collect()
}

/// Requests with made-up methods and paths add no metric series: the
/// labels come from a closed set, so neither `/metrics` nor the process's
/// memory grows with them.
#[test]
fn request_methods_and_paths_cannot_grow_the_metrics() {
    let dir = temp_dir();
    let app = Running::start(
        &dir,
        &[
            ("SECRET_KEY", SECRET),
            ("DATABASE_URL", &format!("sqlite://{}/pv.db", dir.display())),
            ("RUST_LOG", "warn,phone_verify=info,phone_verify::web=warn"),
        ],
    );
    let addr = addr_of(&app.base);
    let metrics = || {
        let answer = raw_answer(
            addr,
            b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        );
        answer
            .split_once("\r\n\r\n")
            .map(|(_, body)| body.to_owned())
            .unwrap_or_default()
    };
    let send_random = |n: usize| {
        use rand::Rng as _;
        for _ in 0..n {
            let method = random_token(rand::rng().random_range(1..4000));
            let path = format!(
                "/{}/{}",
                random_token(8),
                random_token(rand::rng().random_range(1..200))
            );
            raw_answer(
                addr,
                format!("{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .as_bytes(),
            );
        }
    };
    send_random(1000);
    metrics(); // The scrape's own series.
    let (body_before, rss_before) = (metrics().len(), rss_kib(app.pid()));
    send_random(1000);
    let (body_after, rss_after) = (metrics().len(), rss_kib(app.pid()));
    eprintln!("/metrics {body_before} → {body_after} bytes, RSS {rss_before} → {rss_after} KiB");
    let text = metrics();
    assert!(
        text.contains(r#"method="other",route="unmatched""#),
        "made-up methods and paths share one series: {text}"
    );
    // The counts in it may gain a digit or two; no series is added.
    assert!(
        body_after <= body_before + 64,
        "/metrics grew from {body_before} to {body_after} bytes"
    );
    assert!(
        rss_after <= rss_before + 1024,
        "RSS grew from {rss_before} to {rss_after} KiB"
    );
    app.stop();
}

/// Half-finished connections cannot exhaust the descriptors: with a low
/// `ulimit -n`, more of them than the limit from one address leave
/// `/healthz` answering another address at once, and a connection that
/// never finishes its headers is closed at the deadline.
#[test]
fn slow_and_many_clients_cannot_take_the_service_down() {
    let dir = temp_dir();
    let app = Running::start_limited(
        &dir,
        256,
        &[
            ("SECRET_KEY", SECRET),
            ("DATABASE_URL", &format!("sqlite://{}/pv.db", dir.display())),
            ("HTTP_HEADER_TIMEOUT_SECONDS", "2"),
            ("RUST_LOG", "warn,phone_verify=info,phone_verify::web=warn"),
        ],
    );
    let addr = addr_of(&app.base);
    let mut held = Vec::new();
    for _ in 0..300 {
        match TcpStream::connect(addr) {
            Ok(mut stream) => {
                let _ = stream.write_all(b"GET /verify HT");
                held.push(stream);
            }
            Err(_) => break,
        }
    }
    assert_eq!(held.len(), 300, "every connection was accepted or closed");
    // Past the per-address cap, connections are closed at once.
    let mut closed = 0;
    for stream in held.iter_mut().rev().take(100) {
        stream
            .set_read_timeout(Some(Duration::from_millis(500)))
            .unwrap();
        let mut byte = [0u8; 1];
        match stream.read(&mut byte) {
            Ok(0) => closed += 1,
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => closed += 1,
            _ => {}
        }
    }
    assert!(
        closed >= 90,
        "connections past the cap were closed: {closed}"
    );

    // Another client address is served at once.
    let started = Instant::now();
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.2:0".parse().unwrap()).unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let status = runtime.block_on(async {
        let mut stream = tokio::time::timeout(Duration::from_secs(1), socket.connect(addr))
            .await
            .expect("connected within 1 s")
            .unwrap();
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .unwrap();
        let mut answer = Vec::new();
        tokio::time::timeout(Duration::from_secs(1), stream.read_to_end(&mut answer))
            .await
            .expect("answered within 1 s")
            .unwrap();
        String::from_utf8_lossy(&answer).to_string()
    });
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    assert!(started.elapsed() < Duration::from_secs(1));

    // A connection that never finishes its headers is closed at the deadline.
    drop(held);
    std::thread::sleep(Duration::from_millis(300));
    let mut slow = TcpStream::connect(addr).unwrap();
    let opened = Instant::now();
    slow.write_all(b"GET /verify HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut rest = Vec::new();
    let _ = slow.read_to_end(&mut rest);
    let waited = opened.elapsed();
    assert!(
        waited >= Duration::from_millis(1500) && waited < Duration::from_secs(5),
        "closed after {waited:?}"
    );
    app.stop();
}

/// An idle keep-alive connection lives past the header deadline and closes
/// at the idle deadline; a body that trickles in too slowly gets 408.
#[test]
fn idle_connections_and_slow_bodies_have_their_own_deadlines() {
    let dir = temp_dir();
    let app = Running::start(
        &dir,
        &[
            ("SECRET_KEY", SECRET),
            ("DATABASE_URL", &format!("sqlite://{}/pv.db", dir.display())),
            ("HTTP_HEADER_TIMEOUT_SECONDS", "1"),
            ("HTTP_BODY_TIMEOUT_SECONDS", "1"),
            ("HTTP_IDLE_TIMEOUT_SECONDS", "3"),
            ("RUST_LOG", "warn,phone_verify=info,phone_verify::web=warn"),
        ],
    );
    let addr = addr_of(&app.base);
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut buf = [0u8; 512];
    let n = stream.read(&mut buf).unwrap();
    assert!(String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"));
    let idle_since = Instant::now();
    std::thread::sleep(Duration::from_millis(1800));
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let n = stream.read(&mut buf).unwrap();
    assert!(
        String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 200"),
        "still open after the header deadline"
    );
    let again = Instant::now();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    let idle = again.elapsed();
    assert!(
        idle >= Duration::from_millis(2500) && idle < Duration::from_secs(6),
        "closed after {idle:?} idle ({:?} in all)",
        idle_since.elapsed()
    );

    let mut slow_body = TcpStream::connect(addr).unwrap();
    slow_body
        .write_all(
            b"POST /verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nphone=1",
        )
        .unwrap();
    slow_body
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let sent = Instant::now();
    let mut answer = Vec::new();
    let _ = slow_body.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        sent.elapsed() < Duration::from_secs(4),
        "{:?}",
        sent.elapsed()
    );
    app.stop();
}

/// Rows of the sessions and flows tables.
async fn rows(app: &TestApp) -> (i64, i64) {
    let sessions = match app.backend {
        Backend::Sqlite => "tower_sessions",
        Backend::Postgres => "tower_sessions.session",
    };
    (
        app.count(&format!("SELECT count(*) FROM {sessions}")).await,
        app.count("SELECT count(*) FROM flows").await,
    )
}

/// A thousand page views, with and without an app's parameters or a
/// language, write no row: state is stored at the first form post.
async fn page_views_write_no_rows(backend: Backend) {
    let app = spawn_app_with_clients(
        backend,
        &[],
        vec![phone_verify::config::RawClient {
            id: "acme".into(),
            name: None,
            secret: "acme-secret-of-at-least-thirty-two-bytes!".into(),
            redirect_uris: vec!["https://acme.example/cb".into()],
            frame_ancestors: vec!["https://acme.example".into()],
            service_sid: None,
            allow_risk_check_disable: Vec::new(),
        }],
    )
    .await;
    // A first form post makes the tables exist with one session.
    app.start(US, "US").await;
    let before = rows(&app).await;
    let plain = reqwest::Client::new();
    for i in 0..1000 {
        let path = match i % 4 {
            0 => "/verify".to_owned(),
            1 => "/verify?lang=es".to_owned(),
            2 => "/verify?client_id=acme&return_to=https%3A%2F%2Facme.example%2Fcb&embed=1"
                .to_owned(),
            _ => format!(
                "/verify?client_id=acme&return_to=https%3A%2F%2Facme.example%2Fcb&state={i}"
            ),
        };
        let response = plain.get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
    assert_eq!(rows(&app).await, before, "no session or flow row written");
}

/// Failed operator logins are limited per client: after ten, 429 with
/// `Retry-After`, even for the right password; other clients are not.
async fn operator_logins_are_throttled(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("ADMIN_PASSWORD", "operator-password-123"),
            ("TRUST_PROXY_HEADERS", "true"),
        ],
    )
    .await;
    let login = |client: &str, password: &str| {
        app.client
            .get(app.url("/admin"))
            .header("x-forwarded-for", client)
            .basic_auth("ops", Some(password))
            .send()
    };
    let mut statuses = Vec::new();
    for i in 0..300 {
        statuses.push(
            login("203.0.113.9", &format!("guess-{i}"))
                .await
                .unwrap()
                .status(),
        );
    }
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let throttled = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((refused, throttled), (10, 290));
    let blocked = login("203.0.113.9", "operator-password-123").await.unwrap();
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = blocked.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&wait), "{wait}");
    let other = login("198.51.100.4", "operator-password-123")
        .await
        .unwrap();
    assert_eq!(
        other.status(),
        StatusCode::OK,
        "another client is not affected"
    );
}

/// One failed login from each of 12,000 addresses (more than the throttle
/// remembers) locks no one out: the right password from a fresh address is
/// 200, the table stays within its bound, and an address that used up its
/// failures before the flood is still held.
async fn failures_from_many_addresses_cannot_lock_the_operator_out(backend: Backend) {
    let app = spawn_app_with(
        backend,
        &[
            ("ADMIN_PASSWORD", "operator-password-123"),
            ("TRUST_PROXY_HEADERS", "true"),
        ],
    )
    .await;
    let login = |client: String, password: String| {
        let request = app
            .client
            .get(app.url("/admin"))
            .header("x-forwarded-for", client)
            .basic_auth("ops", Some(password));
        async move { request.send().await.unwrap().status() }
    };
    for i in 0..10 {
        login("192.0.2.200".into(), format!("guess-{i}")).await;
    }
    assert_eq!(
        login("192.0.2.200".into(), "operator-password-123".into()).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    let mut statuses = std::collections::HashMap::new();
    for chunk in 0..120u32 {
        let mut tasks = tokio::task::JoinSet::new();
        for j in 0..100u32 {
            let n = chunk * 100 + j;
            let address = format!("10.{}.{}.{}", n >> 16, (n >> 8) & 0xff, n & 0xff);
            tasks.spawn(login(address, format!("guess-{n}")));
        }
        while let Some(status) = tasks.join_next().await {
            *statuses.entry(status.unwrap()).or_insert(0) += 1;
        }
    }
    assert_eq!(
        statuses,
        std::collections::HashMap::from([(StatusCode::UNAUTHORIZED, 12_000)]),
        "each failure is an ordinary 401"
    );
    assert!(
        app.state.admin_logins.len() <= phone_verify::web::admin::MAX_CLIENTS,
        "{} clients remembered",
        app.state.admin_logins.len()
    );
    assert_eq!(
        login("198.51.100.77".into(), "operator-password-123".into()).await,
        StatusCode::OK,
        "the operator from a fresh address is let in"
    );
    assert_eq!(
        login("10.0.0.1".into(), "operator-password-123".into()).await,
        StatusCode::OK,
        "an address with one failure is not held"
    );
    assert_eq!(
        login("192.0.2.200".into(), "operator-password-123".into()).await,
        StatusCode::TOO_MANY_REQUESTS,
        "the address that used up its failures is still held"
    );
}

/// With `METRICS_BIND_ADDR`, `/metrics` (tenant names, per-country counts)
/// is 404 on the public listener and 200 on its own; the metrics listener
/// serves nothing else. Without it, the public listener serves them.
async fn metrics_bind_addr_takes_the_metrics_off_the_public_listener(backend: Backend) {
    let port = free_port();
    let metrics_addr = format!("127.0.0.1:{port}");
    let app = spawn_app_with(backend, &[("METRICS_BIND_ADDR", &metrics_addr)]).await;
    app.start(US, "US").await;
    let public = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(public.status(), StatusCode::NOT_FOUND);
    assert!(!public.text().await.unwrap().contains("phone_verify_"));
    assert_eq!(
        app.client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let private = reqwest::get(format!("http://{metrics_addr}/metrics"))
        .await
        .unwrap();
    assert_eq!(private.status(), StatusCode::OK);
    let body = private.text().await.unwrap();
    assert!(body.contains("phone_verify_"), "{body}");
    for path in ["/verify", "/healthz", "/admin", "/api/v1/verifications"] {
        assert_eq!(
            reqwest::get(format!("http://{metrics_addr}{path}"))
                .await
                .unwrap()
                .status(),
            StatusCode::NOT_FOUND,
            "{path} on the metrics listener"
        );
    }
    let open = spawn_app_with(backend, &[]).await;
    assert_eq!(
        open.client
            .get(open.url("/metrics"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

/// Each API key is a tenant: another key's verification is not found, to
/// read, check or cancel. A key's name stands for it in the metrics.
async fn api_keys_are_tenants(backend: Backend) {
    let (a, b) = ("key-of-tenant-a-0123456789", "key-of-tenant-b-0123456789");
    let app = spawn_app_with(backend, &[("API_KEYS", &format!("shop:{a},blog:{b}"))]).await;
    let (status, created) = call_as(
        &app,
        a,
        "POST",
        "/api/v1/verifications",
        Some(json!({"phone": US})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_str().unwrap();
    let base = format!("/api/v1/verifications/{id}");
    for (method, path, body) in [
        ("GET", base.clone(), None),
        (
            "POST",
            format!("{base}/check"),
            Some(json!({"code": "123456"})),
        ),
        ("POST", format!("{base}/cancel"), None),
    ] {
        let (status, answer) = call_as(&app, b, method, &path, body).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{method} {path}: {answer}");
        assert_eq!(answer["error"]["code"], "not_found");
    }
    assert_eq!(
        call_as(&app, a, "GET", &base, None).await.1["attempts_left"],
        5,
        "another key's check spent nothing"
    );
    let code = app.last_code(US).await;
    let (status, approved) = call_as(
        &app,
        a,
        "POST",
        &format!("{base}/check"),
        Some(json!({"code": code})),
    )
    .await;
    assert_eq!(
        (status, approved["status"].as_str()),
        (StatusCode::OK, Some("approved"))
    );
    let metrics = app.get("/metrics").await.body;
    assert!(
        metrics.contains(r#"phone_verify_api_requests_total{key="shop"} 3"#),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"phone_verify_api_requests_total{key="blog"} 3"#),
        "{metrics}"
    );
    assert!(
        !metrics.contains(a) && !metrics.contains(b),
        "keys never appear"
    );
}

/// One client, one bucket: the pages and an app's sends for that person
/// (`client_ip`) draw on the same per-client limit, and one IPv6 /64 is one
/// client.
async fn one_bucket_per_client(backend: Backend) {
    let key = "bucket-test-key-0123456789";
    let app = spawn_app_with(
        backend,
        &[
            ("API_KEYS", key),
            ("IP_RATE_LIMIT_PER_MINUTE", "1"),
            ("IP_RATE_LIMIT_BURST", "3"),
            ("TRUST_PROXY_HEADERS", "true"),
        ],
    )
    .await;
    let page = |ip: &'static str, phone: String| {
        let browser = app.new_browser(Some(ip));
        async move { browser.start(&phone, "US").await.status }
    };
    // Two page posts and an API call from one client use up its burst of three.
    assert_eq!(
        page("2001:db8:1:2::1", "+14155552601".into()).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        page("2001:db8:1:2::ff", "+14155552602".into()).await,
        StatusCode::SEE_OTHER
    );
    // An app's send for a person of that /64 (`client_ip`) draws on the
    // person's bucket; the app's own calls, authenticated, never do.
    let api_call = |person: Option<&'static str>, phone: &'static str| {
        let mut body = json!({ "phone": phone });
        if let Some(ip) = person {
            body["client_ip"] = json!(ip);
        }
        app.client
            .post(app.url("/api/v1/verifications"))
            .header("x-forwarded-for", "2001:db8:1:2:aaaa::1")
            .bearer_auth(key)
            .json(&body)
            .send()
    };
    assert_eq!(
        api_call(Some("2001:db8:1:2:cccc::1"), "+14155552603")
            .await
            .unwrap()
            .status(),
        StatusCode::CREATED
    );
    let limited = api_call(Some("2001:db8:1:2:dddd::1"), "+14155552606")
        .await
        .unwrap();
    assert_eq!(
        limited.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "the same /64, the same bucket"
    );
    assert_eq!(
        api_call(None, "+14155552607").await.unwrap().status(),
        StatusCode::CREATED,
        "an authenticated call is not limited by its address"
    );
    assert_eq!(
        page("2001:db8:1:2::2", "+14155552604".into()).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        page("2001:db8:1:3::1", "+14155552605".into()).await,
        StatusCode::SEE_OTHER,
        "another /64 is another client"
    );
}
