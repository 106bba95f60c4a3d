//! Running it: request ids, metrics, the operator page, many instances,
//! a database outage and a graceful stop.
use std::{
    path::PathBuf,
    process::Command,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use reqwest::StatusCode;

use crate::{
    both_backends,
    helpers::{Backend, TestDb, free_port, fresh_db, spawn_app, spawn_app_on, spawn_app_with},
};

const US: &str = "+14155552671";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_ids_are_honoured_or_made() {
    let app = spawn_app(Backend::Sqlite).await;
    let given = app
        .get_with("/verify", &[("x-request-id", "req-42.abc")])
        .await;
    assert_eq!(given.headers["x-request-id"], "req-42.abc");
    let bad = app
        .get_with("/healthz", &[("x-request-id", "<script>alert(1)</script>")])
        .await;
    let made = bad.headers["x-request-id"].to_str().unwrap();
    assert!(
        uuid::Uuid::parse_str(made).is_ok(),
        "an unsafe id is replaced: {made}"
    );
    let none = app.get("/verify").await;
    assert!(uuid::Uuid::parse_str(none.headers["x-request-id"].to_str().unwrap()).is_ok());
}

both_backends!(
    metrics_count_the_flow,
    operator_page,
    any_instance_continues_a_flow
);

async fn metrics_count_the_flow(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    app.submit_code(wrong).await;
    app.submit_code(&code).await;
    app.clock.advance(time::Duration::seconds(1));
    app.new_browser(None).start(US, "US").await; // inside the cooldown
    let text = app.get("/metrics").await.body;
    for line in [
        r#"phone_verify_verifications_started_total{country="US"} 1"#,
        r#"phone_verify_verifications_approved_total{country="US"} 1"#,
        r#"phone_verify_verifications_failed_total{reason="incorrect_code"} 1"#,
        r#"phone_verify_sms_total{country="US",result="sent"} 1"#,
        r#"phone_verify_refusals_total{reason="cooldown"} 1"#,
        "phone_verify_verifications_pending 0",
    ] {
        assert!(text.contains(line), "missing {line}:\n{text}");
    }
    assert!(text.contains(r#"phone_verify_http_request_duration_seconds_count{method="POST",route="/verify/code",status="303"} 1"#), "{text}");
    assert!(text.contains(r#"phone_verify_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/verify""#) || text.contains(r#"route="/verify",status="200"}"#));
}

async fn operator_page(backend: Backend) {
    let app = spawn_app_with(backend, &[("ADMIN_PASSWORD", "operator-password-123")]).await;
    app.start(US, "US").await;
    let code = app.last_code(US).await;
    app.submit_code(&code).await;
    app.new_browser(None).start("+34612345678", "ES").await;
    app.new_browser(None).start("+34612345678", "ES").await; // cooldown
    let anonymous = app.client.get(app.url("/admin")).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    assert!(
        anonymous.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Basic")
    );
    let wrong = app
        .client
        .get(app.url("/admin"))
        .basic_auth("admin", Some("nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    let page = app
        .client
        .get(app.url("/admin"))
        .basic_auth("ops", Some("operator-password-123"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains(r#"<dd id="total-sent">2</dd>"#), "{html}");
    assert!(html.contains(r#"<dd id="total-approved">1</dd>"#));
    assert!(html.contains(r#"<dd id="total-conversion">50%</dd>"#));
    assert!(
        html.contains("<tr><td>US</td><td>1</td><td>1</td><td>100%</td></tr>"),
        "{html}"
    );
    assert!(html.contains("<tr><td>ES</td><td>1</td><td>0</td><td>0%</td></tr>"));
    assert!(
        html.contains("<title>cooldown: 1</title>"),
        "refusals are drawn"
    );
    assert!(html.contains("<svg class=\"chart\""));
    let off = spawn_app(backend).await;
    assert_eq!(off.get("/admin").await.status, StatusCode::NOT_FOUND);
}

/// Three instances on one database, and a browser whose every request goes
/// to the next one.
async fn any_instance_continues_a_flow(backend: Backend) {
    let db = fresh_db(backend).await;
    let mut apps = Vec::new();
    for _ in 0..3 {
        apps.push(spawn_app_on(backend, db.share(), &[]).await);
    }
    // Cookies are kept per host, not per port: one jar serves all three.
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut turn = 0;
    let mut next = || {
        turn += 1;
        apps[turn % 3].address.clone()
    };
    let page = client
        .get(format!("{}/verify", next()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = crate::helpers::Page {
        status: StatusCode::OK,
        headers: Default::default(),
        body: page,
    }
    .csrf();
    let r = client
        .post(format!("{}/verify", next()))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("phone", US),
            ("country", "US"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let code_page = client
        .get(format!("{}/verify/code", next()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        code_page.contains("+1 415-555-2671"),
        "another instance shows the code step"
    );
    let mut code = None;
    for app in &apps {
        if app.outbox_len().await > 0 {
            code = Some(app.last_code(US).await);
        }
    }
    let r = client
        .post(format!("{}/verify/code", next()))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("code", code.unwrap().as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/verify/done");
    let done = client
        .get(format!("{}/verify/done", next()))
        .send()
        .await
        .unwrap();
    assert_eq!(
        done.status(),
        StatusCode::OK,
        "a third instance knows the number is verified"
    );
    drop(db);
}

// ---------- a graceful stop ----------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_in_flight_requests_and_exits_0() {
    let stub = crate::sns::Stub::start(vec![crate::sns::Reply::Slow(1500)]).await;
    let dir = crate::cli::temp_dir();
    let app = crate::cli::Running::start(
        &dir,
        &[
            ("SMS_PROVIDER", "sns"),
            ("AWS_REGION", "us-east-1"),
            ("SNS_ENDPOINT_URL", &stub.url),
            ("AWS_ACCESS_KEY_ID", "testing"),
            ("AWS_SECRET_ACCESS_KEY", "testing"),
            ("AWS_EC2_METADATA_DISABLED", "true"),
        ],
    );
    let (client, _) = crate::cli::browser();
    let csrf = crate::cli::csrf(&client, &app.base).await;
    let base = app.base.clone();
    let in_flight = tokio::spawn(async move {
        client
            .post(format!("{base}/verify"))
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("phone", US),
                ("country", "US"),
            ])
            .send()
            .await
            .map(|r| r.status())
    });
    tokio::time::sleep(Duration::from_millis(400)).await;
    let stopped_at = Instant::now();
    let base = app.base.clone();
    let (status, logs) = tokio::task::spawn_blocking(move || app.stop())
        .await
        .unwrap();
    assert_eq!(
        in_flight.await.unwrap().unwrap(),
        StatusCode::SEE_OTHER,
        "the request in flight completed"
    );
    assert!(status.success(), "exit 0 after SIGTERM: {logs}");
    assert!(logs.contains("stopped"), "{logs}");
    eprintln!("graceful stop took {:?}", stopped_at.elapsed());
    assert!(
        reqwest::get(format!("{base}/healthz")).await.is_err(),
        "no longer accepting"
    );
}

// ---------- the database going away and coming back ----------

/// A PostgreSQL cluster of this test's own, to stop and start at will.
pub(crate) struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    pub(crate) port: u16,
}

impl Cluster {
    pub(crate) fn run(&self, program: &str, args: &[&str]) {
        let exe = self.bin.join(program);
        let root = unsafe_is_root();
        let status = if root {
            let mut line = format!("'{}'", exe.display());
            for a in args {
                line.push_str(&format!(" '{a}'"));
            }
            Command::new("su")
                .args(["postgres", "-s", "/bin/sh", "-c", &line])
                .status()
        } else {
            Command::new(exe).args(args).status()
        }
        .unwrap();
        assert!(status.success(), "{program} {args:?}");
    }

    /// An empty folder for a cluster, owned by `postgres` when run as root.
    fn empty() -> Self {
        let bin = PathBuf::from(
            std::env::var("PV_TEST_PGBIN").expect("PV_TEST_PGBIN is set by scripts/test"),
        );
        let dir = std::env::temp_dir().join(format!("pv-outage-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        if unsafe_is_root() {
            Command::new("chown")
                .args(["postgres", dir.to_str().unwrap()])
                .status()
                .unwrap();
        }
        Self {
            bin,
            dir,
            port: free_port(),
        }
    }

    /// Adds settings to the cluster's `postgresql.conf` (later lines win).
    pub(crate) fn configure(&self, lines: &str) {
        use std::io::Write as _;
        let mut conf = std::fs::OpenOptions::new()
            .append(true)
            .open(self.dir.join("data/postgresql.conf"))
            .unwrap();
        writeln!(conf, "{lines}").unwrap();
    }

    /// A primary whose commits wait for a synchronous standby (start one
    /// with [`Cluster::standby_of`] before writing).
    pub(crate) fn primary() -> Self {
        let cluster = Self::initdb();
        cluster.configure(
            "wal_level = replica\nmax_wal_senders = 4\nsynchronous_standby_names = '*'\nsynchronous_commit = on",
        );
        cluster.start();
        cluster
    }

    /// A streaming standby of `primary` (`pg_basebackup -R`), started; it
    /// asks no standby of its own once promoted.
    pub(crate) fn standby_of(primary: &Cluster) -> Self {
        let cluster = Self::empty();
        let data = cluster.dir.join("data");
        let port = primary.port.to_string();
        cluster.run(
            "pg_basebackup",
            &[
                "-D",
                data.to_str().unwrap(),
                "-h",
                "127.0.0.1",
                "-p",
                &port,
                "-U",
                "postgres",
                "-R",
                "-X",
                "stream",
            ],
        );
        cluster.configure("synchronous_standby_names = ''");
        cluster.start();
        cluster
    }

    pub(crate) fn promote(&self) {
        let data = self.dir.join("data");
        self.run("pg_ctl", &["-D", data.to_str().unwrap(), "-w", "promote"]);
    }

    pub(crate) fn new() -> Self {
        let cluster = Self::initdb();
        cluster.start();
        cluster
    }

    fn initdb() -> Self {
        let cluster = Self::empty();
        let data = cluster.dir.join("data");
        cluster.run(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
            ],
        );
        cluster
    }

    pub(crate) fn start(&self) {
        let data = self.dir.join("data");
        let opts = format!(
            "-h 127.0.0.1 -p {} -k {} -c fsync=off",
            self.port,
            self.dir.display()
        );
        let log = self.dir.join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-w",
                "-l",
                log.to_str().unwrap(),
                "-o",
                &opts,
                "start",
            ],
        );
    }

    pub(crate) fn stop(&self) {
        let data = self.dir.join("data");
        self.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        );
    }

    pub(crate) fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // Stopped already, or never started: nothing to do.
        let data = self.dir.join("data");
        if data.join("postmaster.pid").exists() {
            let _ = std::panic::catch_unwind(|| {
                self.run(
                    "pg_ctl",
                    &["-D", data.to_str().unwrap(), "-m", "immediate", "stop"],
                )
            });
        }
    }
}

fn unsafe_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_outage_gives_fast_503s_and_recovers() {
    let cluster = Cluster::new();
    let app = spawn_app_on(
        Backend::Postgres,
        TestDb::external(cluster.url()),
        &[
            ("PUMPING_GUARD", "off"),
            ("BOT_CHALLENGE", "off"),
            ("RESEND_COOLDOWN_SECONDS", "0"),
            ("SEND_LIMIT_PER_PHONE", "1000"),
        ],
    )
    .await;
    let app = Arc::new(app);
    let log: Arc<Mutex<Vec<(Instant, u16, Duration)>>> = Arc::default();
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let mut workers = Vec::new();
    for w in 0..4 {
        let (app, log, running) = (app.clone(), log.clone(), running.clone());
        workers.push(tokio::spawn(async move {
            let mut i = 0u32;
            while running.load(std::sync::atomic::Ordering::Relaxed) {
                i += 1;
                let browser = app.new_browser(None);
                let started = Instant::now();
                let form = browser.get("/verify").await;
                let status = if form.status == StatusCode::OK {
                    let phone = format!("+1415555{:04}", 2000 + (w * 1000 + i) % 4000);
                    browser
                        .post(
                            "/verify",
                            &[
                                ("csrf_token", &form.csrf()),
                                ("phone", &phone),
                                ("country", "US"),
                            ],
                        )
                        .await
                        .status
                } else {
                    form.status
                };
                log.lock()
                    .unwrap()
                    .push((started, status.as_u16(), started.elapsed()));
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }));
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let outage = Instant::now();
    cluster.stop();
    let down_at = Instant::now();
    tokio::time::sleep(Duration::from_secs(5)).await;
    let ready_down = app.get("/readyz").await.status;
    // Requests that began this close to the restart may wait it out and succeed.
    let restart_at = Instant::now() - Duration::from_millis(2500);
    cluster.start();
    let back = Instant::now();
    let recovered = loop {
        if app.get("/readyz").await.status == StatusCode::OK {
            break back.elapsed();
        }
        assert!(back.elapsed() < Duration::from_secs(30), "no recovery");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    tokio::time::sleep(Duration::from_secs(1)).await;
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    for w in workers {
        w.await.unwrap();
    }
    let log = log.lock().unwrap().clone();
    let during: Vec<_> = log
        .iter()
        .filter(|(t, _, _)| *t >= down_at && *t < restart_at)
        .collect();
    eprintln!("stopping PostgreSQL took {:?}", down_at - outage);
    let after: Vec<_> = log
        .iter()
        .filter(|(t, _, _)| *t >= back + recovered + Duration::from_millis(200))
        .collect();
    let errors = during.iter().filter(|(_, s, _)| *s >= 500).count();
    let slowest = during.iter().map(|(_, _, d)| *d).max().unwrap_or_default();
    let first_ok = log
        .iter()
        .filter(|(t, s, _)| *t >= back && *s < 500)
        .map(|(t, _, _)| t.duration_since(back))
        .min();
    eprintln!(
        "outage: {} requests during it, {errors} answered 5xx, slowest {slowest:?}; readyz down {ready_down}; ready again {recovered:?} after restart; first good start {first_ok:?} after restart; {} requests after, {} 5xx",
        during.len(),
        after.len(),
        after.iter().filter(|(_, s, _)| *s >= 500).count()
    );
    assert_eq!(ready_down, StatusCode::SERVICE_UNAVAILABLE);
    assert!(!during.is_empty());
    assert!(
        during.iter().all(|(_, s, _)| *s == 503),
        "only 503s while the database is down: {during:?}"
    );
    assert!(slowest < Duration::from_secs(5), "no hang: {slowest:?}");
    assert!(
        !after.is_empty() && after.iter().all(|(_, s, _)| *s == 303),
        "recovered by itself"
    );
}
