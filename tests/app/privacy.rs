//! Forgetting a number (issue 27): `phone-verify forget <number>` removes
//! it from every table — verifications, app flows, browser sessions, webhook
//! events and deliveries, kept API answers — while the logs kept only to
//! count (sends, wrong codes) know a number by HMAC(`SECRET_KEY`, number)
//! and keep its limits. Checked on what the database holds, as an operator
//! would: `pg_dump` on PostgreSQL, the files themselves on SQLite.
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    api::{call_as, get_as},
    both_backends,
    cli::command,
    embed::{RETURN_TO, acme, cookieless, start_flow},
    helpers::{
        Backend, Browser, SECRET, SHIPPED_ADDRESS_LIMITS, TestApp, fresh_db,
        spawn_app_with_clients, spawn_app_with_webhooks,
    },
    webhooks::WHSEC,
};

const KEY: &str = "privacy-api-key-0123456789";
/// The number forgotten, and its digits as any dump would show them.
const GONE: &str = "+14155552671";
const GONE_DIGITS: &str = "4155552671";
/// Another number, which must keep everything.
const KEPT: &str = "+14155550143";
const KEPT_DIGITS: &str = "4155550143";

both_backends!(
    forget_removes_a_number_everywhere_and_its_limits_still_hold,
    the_logs_kept_to_count_hold_no_number,
    numbers_logged_before_the_upgrade_are_keyed_and_still_count,
    forget_removes_a_number_kept_for_a_late_return,
);

/// Every byte the database keeps: `pg_dump`'s text on PostgreSQL, the file
/// and its write-ahead log on SQLite.
fn everything_kept(app: &TestApp) -> String {
    match app.backend {
        Backend::Postgres => {
            let bin = std::env::var("PV_TEST_PGBIN").expect("PV_TEST_PGBIN is set by scripts/test");
            let out = std::process::Command::new(std::path::Path::new(&bin).join("pg_dump"))
                .args(["--data-only", "--no-owner", "-d", &app.db.url])
                .output()
                .expect("pg_dump runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).into_owned()
        }
        Backend::Sqlite => {
            let file = app.db.file.clone().expect("a SQLite file");
            let mut bytes = std::fs::read(&file).expect("the database file");
            let wal = file.with_extension("db-wal");
            bytes.extend(std::fs::read(wal).unwrap_or_default());
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}

async fn spawn(backend: Backend) -> TestApp {
    let db = fresh_db(backend).await;
    let mut overrides = vec![("API_KEYS", KEY)];
    overrides.extend(SHIPPED_ADDRESS_LIMITS);
    spawn_app_with_webhooks(
        backend,
        db,
        &overrides,
        vec![acme(&[RETURN_TO])],
        // Nothing listens on the discard port: deliveries stay queued.
        vec![phone_verify::config::RawWebhook {
            url: "http://127.0.0.1:9/hook".into(),
            secret: WHSEC.into(),
            events: [
                "verification.started",
                "verification.approved",
                "verification.canceled",
            ]
            .map(String::from)
            .to_vec(),
            client_id: None,
            mask_phone: false,
            test_numbers: false,
        }],
    )
    .await
}

/// How many rows of each table that holds numbers name `phone`.
async fn rows_naming(app: &TestApp, phone: &str) -> Vec<(&'static str, i64)> {
    let packed: String = rmp_serde::to_vec(phone)
        .unwrap()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let (contains, session) = match app.backend {
        Backend::Postgres => (
            "strpos({col}, '{text}') > 0",
            format!(
                "SELECT count(*) FROM tower_sessions.session WHERE position('\\x{packed}'::bytea IN data) > 0"
            ),
        ),
        Backend::Sqlite => (
            "instr({col}, '{text}') > 0",
            format!("SELECT count(*) FROM tower_sessions WHERE instr(data, x'{packed}') > 0"),
        ),
    };
    let quoted = format!("\"{phone}\"");
    let has = |col: &str| contains.replace("{col}", col).replace("{text}", &quoted);
    let mut counts = Vec::new();
    for (table, sql) in [
        (
            "verifications",
            format!("SELECT count(*) FROM verifications WHERE phone = '{phone}'"),
        ),
        (
            "flows",
            format!(
                "SELECT count(*) FROM flows WHERE verified_phone = '{phone}' OR phone_hint = '{phone}'"
            ),
        ),
        (
            "webhook_deliveries",
            format!(
                "SELECT count(*) FROM webhook_deliveries WHERE {}",
                has("payload")
            ),
        ),
        (
            "idempotency_keys",
            format!(
                "SELECT count(*) FROM idempotency_keys WHERE {}",
                has("response_body")
            ),
        ),
        ("sessions", session),
    ] {
        counts.push((table, app.count(&sql).await));
    }
    counts
}

/// Runs `phone-verify forget <number>` against the app's database, with the
/// app's server key; its stdout.
fn forget(app: &TestApp, number: &str) -> (std::process::ExitStatus, String, String) {
    let dir = crate::cli::temp_dir();
    let out = command(&dir)
        .args(["forget", number])
        .env("DATABASE_URL", &app.db.url)
        .env("SECRET_KEY", SECRET)
        .output()
        .expect("the command runs");
    (
        out.status,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A number's verification in every place the app keeps one: a browser's
/// finished flow (its session names the number), an app's flow, API
/// creates (one with an idempotency key) up to its quota, a wrong code;
/// and the webhook events and deliveries of all that.
async fn leave_traces(app: &TestApp, phone: &str) -> (Browser, Vec<String>) {
    let mut ids = Vec::new();
    // The pages: the browser's session holds the verified number afterwards.
    let browser = app.new_browser(None);
    let code_page = browser.start(phone, "US").await;
    assert_eq!(
        code_page.status,
        StatusCode::SEE_OTHER,
        "{}",
        code_page.body
    );
    let done = browser.submit_code(&app.last_code(phone).await).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let shown = browser.get("/verify/done").await;
    assert!(
        shown.body.contains(&phone[phone.len() - 4..]),
        "{}",
        shown.body
    );
    app.clock.advance(time::Duration::seconds(31));
    // An app's flow, the number passed by the app.
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", "acme")
        .append_pair("return_to", RETURN_TO)
        .append_pair("phone", phone)
        .finish();
    start_flow(&cookieless(), app, &query, phone).await;
    app.clock.advance(time::Duration::seconds(31));
    // The API, with a kept answer, and a wrong code.
    let created = app
        .client
        .post(app.url("/api/v1/verifications"))
        .bearer_auth(KEY)
        .header("Idempotency-Key", format!("signup-{phone}"))
        .json(&json!({ "phone": phone }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let created: Value = created.json().await.unwrap();
    let id = created["id"].as_str().unwrap().to_owned();
    let (status, _) = call_as(
        app,
        KEY,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({ "code": "000000" })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    ids.push(id);
    // Up to the number's quota (SEND_LIMIT_PER_PHONE, 5 as shipped).
    loop {
        app.clock.advance(time::Duration::seconds(31));
        let (status, body) = call_as(
            app,
            KEY,
            "POST",
            "/api/v1/verifications",
            Some(json!({ "phone": phone })),
        )
        .await;
        if status == StatusCode::TOO_MANY_REQUESTS {
            assert_eq!(body["error"]["code"], "rate_limited", "{body}");
            break;
        }
        assert_eq!(status, StatusCode::CREATED, "{body}");
        ids.push(body["id"].as_str().unwrap().to_owned());
        assert!(ids.len() < 10, "the quota never refused");
    }
    (browser, ids)
}

async fn forget_removes_a_number_everywhere_and_its_limits_still_hold(backend: Backend) {
    let app = spawn(backend).await;
    let (gone_browser, gone_ids) = leave_traces(&app, GONE).await;
    let (kept_browser, kept_ids) = leave_traces(&app, KEPT).await;
    // Every event becomes its deliveries before the number is forgotten.
    let waiting = "SELECT count(*) FROM webhook_events";
    for _ in 0..400 {
        if app.count(waiting).await == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(app.count(waiting).await, 0, "events were not fanned out");
    let before = everything_kept(&app);
    assert!(
        before.contains(GONE_DIGITS),
        "the check below could not fail"
    );
    assert!(before.contains(KEPT_DIGITS));
    let kept_before = rows_naming(&app, KEPT).await;
    assert!(
        kept_before.iter().all(|(_, n)| *n > 0),
        "the other number is not in every table: {kept_before:?}"
    );

    let (status, out, err) = forget(&app, "+1 (415) 555-2671");
    assert!(status.success(), "{out}{err}");
    assert!(out.starts_with("forgot +1******2671: "), "{out}");
    assert!(
        !out.contains(GONE_DIGITS) && !err.contains(GONE_DIGITS),
        "{out}{err}"
    );
    // The browser's, the app's flow's and three API creates: the quota.
    assert!(
        out.starts_with("forgot +1******2671: 5 verifications, "),
        "{out}"
    );
    // (Webhook events may have become deliveries already.)
    for what in [
        "app flows",
        "browser sessions",
        "webhook deliveries",
        "kept API answers",
    ] {
        let count: u64 = out
            .find(what)
            .and_then(|at| out[..at].trim_end().rsplit(' ').next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no count of {what} in {out}"));
        assert!(count >= 1, "{what}: {out}");
    }

    let after = everything_kept(&app);
    if let Some(at) = after.find(GONE_DIGITS) {
        let mut before: Vec<char> = after[..at].chars().rev().take(300).collect();
        before.reverse();
        let before: String = before.into_iter().collect();
        let rest: String = after[at..].chars().take(100).collect();
        panic!("the number is still kept: …{before:?}{rest:?}…");
    }
    assert!(after.contains(KEPT_DIGITS), "another number went too");
    // pg_dump writes a session (bytea) in hex: the digits' hex is not there either.
    let hex: String = GONE_DIGITS.bytes().map(|b| format!("{b:02x}")).collect();
    assert!(
        !after.contains(&hex),
        "the number is still in a binary column"
    );
    assert_eq!(
        rows_naming(&app, KEPT).await,
        kept_before,
        "forget took another number's rows"
    );
    for id in &gone_ids {
        let (status, _) = get_as(&app, KEY, id).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
    for id in &kept_ids {
        let (status, _) = get_as(&app, KEY, id).await;
        assert_eq!(status, StatusCode::OK);
    }
    // The browser that verified the forgotten number is signed out of it;
    // the other one is not.
    let page = gone_browser.get("/verify/done").await;
    assert!(!page.body.contains("2671"), "{}", page.body);
    let page = kept_browser.get("/verify/done").await;
    assert!(page.body.contains("0143"), "{}", page.body);

    // Its limits still hold: the quota refuses, with the number gone.
    app.clock.advance(time::Duration::seconds(31));
    let (status, body) = call_as(
        &app,
        KEY,
        "POST",
        "/api/v1/verifications",
        Some(json!({ "phone": GONE })),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["error"]["code"], "rate_limited", "{body}");

    // Forgetting again finds nothing; a non-number is a usage error.
    let (status, out, _) = forget(&app, GONE);
    assert!(status.success());
    assert!(
        out.starts_with("forgot +1******2671: 0 verifications, 0 app flows"),
        "{out}"
    );
    let (status, _, err) = forget(&app, "not-a-number");
    assert_eq!(status.code(), Some(2), "{err}");
    assert!(err.contains("international form"), "{err}");
}

/// The send log and the wrong-code log hold a key, never the number; the
/// key is HMAC(SECRET_KEY, number), so another server key gives another.
async fn the_logs_kept_to_count_hold_no_number(backend: Backend) {
    let app = spawn(backend).await;
    let (status, body) = call_as(
        &app,
        KEY,
        "POST",
        "/api/v1/verifications",
        Some(json!({ "phone": GONE })),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_str().unwrap();
    let (status, _) = call_as(
        &app,
        KEY,
        "POST",
        &format!("/api/v1/verifications/{id}/check"),
        Some(json!({ "code": "000000" })),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let server_key = crate::helpers::settings(&app.db.url, &[]).secret_key;
    let key = phone_verify::domain::CodeHasher::new(server_key.bytes()).number_key(GONE);
    let other = phone_verify::domain::CodeHasher::new(&[1; 32]).number_key(GONE);
    assert_ne!(key, other);
    for table in ["sms_sends", "guesses"] {
        assert_eq!(
            app.count(&format!(
                "SELECT count(*) FROM {table} WHERE unkeyed_phone IS NOT NULL"
            ))
            .await,
            0,
            "{table}"
        );
        let hex: String = key.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
        let matching = match backend {
            Backend::Postgres => {
                format!("SELECT count(*) FROM {table} WHERE phone_key = '\\x{hex}'::bytea")
            }
            Backend::Sqlite => format!("SELECT count(*) FROM {table} WHERE phone_key = x'{hex}'"),
        };
        assert_eq!(app.count(&matching).await, 1, "{table}");
    }
}

/// A database from before numbers were keyed: its send log names the
/// number. After the upgrade (the migrations, then `key_numbers` at start)
/// the log holds the key instead, and the number's quota still counts those
/// sends.
async fn numbers_logged_before_the_upgrade_are_keyed_and_still_count(backend: Backend) {
    use sqlx::Connection;
    let db = fresh_db(backend).await;
    let now = time::OffsetDateTime::now_utc();
    let recent = now - time::Duration::minutes(5);
    let until = now + time::Duration::hours(1);
    // Every migration but the one that keys numbers.
    macro_rules! before_keys {
        ($dir:literal, $conn:expr) => {{
            let all = sqlx::migrate!($dir);
            let keyed = all
                .migrations
                .iter()
                .position(|m| m.description == "keyed numbers")
                .expect("the keying migration");
            let older = sqlx::migrate::Migrator {
                migrations: std::borrow::Cow::Owned(all.migrations[..keyed].to_vec()),
                ..sqlx::migrate!($dir)
            };
            older.run($conn).await.unwrap();
        }};
    }
    match backend {
        Backend::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
            before_keys!("./migrations/postgres", &mut conn);
            for _ in 0..5 {
                sqlx::query(
                    "INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country)
                     VALUES ($1, gen_random_uuid(), $2, TRUE, $3, '+1415555', 'US')",
                )
                .bind(GONE)
                .bind(recent)
                .bind(until)
                .execute(&mut conn)
                .await
                .unwrap();
            }
            sqlx::query("INSERT INTO guesses (phone, at, expires_at) VALUES ($1, $2, $3)")
                .bind(GONE)
                .bind(recent)
                .bind(until)
                .execute(&mut conn)
                .await
                .unwrap();
            sqlx::query(
                "INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at,
                                            updated_at, last_sent_at, expires_at, country)
                 VALUES (gen_random_uuid(), $1, '\\x00', 'pending', 5, 'en', $2, $2, $2, $3, 'US')",
            )
            .bind(GONE)
            .bind(recent)
            .bind(until)
            .execute(&mut conn)
            .await
            .unwrap();
        }
        Backend::Sqlite => {
            let options = db
                .url
                .parse::<sqlx::sqlite::SqliteConnectOptions>()
                .unwrap()
                .create_if_missing(true);
            let mut conn = sqlx::SqliteConnection::connect_with(&options)
                .await
                .unwrap();
            before_keys!("./migrations/sqlite", &mut conn);
            let ms = |t: time::OffsetDateTime| (t.unix_timestamp_nanos() / 1_000_000) as i64;
            for _ in 0..5 {
                sqlx::query(
                    "INSERT INTO sms_sends (phone, verification_id, sent_at, delivered, expires_at, prefix, country)
                     VALUES (?1, lower(hex(randomblob(16))), ?2, 1, ?3, '+1415555', 'US')",
                )
                .bind(GONE)
                .bind(ms(recent))
                .bind(ms(until))
                .execute(&mut conn)
                .await
                .unwrap();
            }
            sqlx::query("INSERT INTO guesses (phone, at, expires_at) VALUES (?1, ?2, ?3)")
                .bind(GONE)
                .bind(ms(recent))
                .bind(ms(until))
                .execute(&mut conn)
                .await
                .unwrap();
            sqlx::query(
                "INSERT INTO verifications (id, phone, code_hash, status, attempts_left, locale, created_at,
                                            updated_at, last_sent_at, expires_at, country)
                 VALUES ('0b6a4c56-7f7e-4a51-9f35-4b7f6b0c1d2e', ?1, x'00', 'pending', 5, 'en', ?2, ?2, ?2, ?3, 'US')",
            )
            .bind(GONE)
            .bind(ms(recent))
            .bind(ms(until))
            .execute(&mut conn)
            .await
            .unwrap();
        }
    }
    let mut overrides = vec![("API_KEYS", KEY)];
    overrides.extend(SHIPPED_ADDRESS_LIMITS);
    let app = crate::helpers::spawn_app_on(backend, db, &overrides).await;
    let unkeyed = "SELECT count(*) FROM verifications WHERE phone_key IS NULL";
    assert_eq!(
        app.count(unkeyed).await,
        0,
        "a verification from before has no key"
    );
    for table in ["sms_sends", "guesses"] {
        let unkeyed = format!(
            "SELECT count(*) FROM {table} WHERE unkeyed_phone IS NOT NULL OR phone_key IS NULL"
        );
        assert_eq!(app.count(&unkeyed).await, 0, "{table}");
    }
    // Forgotten, nothing of the number is left, not even in the free space
    // of the tables the upgrade rewrote.
    let (status, out, err) = forget(&app, GONE);
    assert!(status.success(), "{out}{err}");
    assert!(
        out.starts_with("forgot +1******2671: 1 verifications"),
        "{out}"
    );
    assert!(!everything_kept(&app).contains(GONE_DIGITS));
    let (status, body) = call_as(
        &app,
        KEY,
        "POST",
        "/api/v1/verifications",
        Some(json!({ "phone": GONE })),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["error"]["code"], "rate_limited", "{body}");
}

/// The number kept for a person who comes back late (issue 25): once its
/// verification is purged, the browser's session and the app's flow still
/// hold it, so the phone form offers it again; `forget` removes both, and
/// leaves another number's.
async fn forget_removes_a_number_kept_for_a_late_return(backend: Backend) {
    let app = spawn_app_with_clients(backend, &[], vec![acme(&[RETURN_TO])]).await;
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("client_id", "acme")
        .append_pair("return_to", RETURN_TO)
        .finish();
    let mut journeys = Vec::new();
    for phone in [GONE, KEPT] {
        let browser = app.new_browser(None);
        let started = browser.start(phone, "US").await;
        assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
        app.clock.advance(time::Duration::seconds(31));
        let frame = cookieless();
        let (flow, _) = start_flow(&frame, &app, &query, phone).await;
        app.clock.advance(time::Duration::seconds(31));
        journeys.push((browser, frame, flow));
    }
    // The codes expire and the verifications are purged; the flows (30
    // minutes) and the sessions live on.
    app.clock.advance(time::Duration::seconds(601));
    app.clock
        .advance(phone_verify::storage::Retention::EXPIRED_GRACE);
    let purged = app.state.verifier.purge_expired().await.unwrap();
    assert_eq!(purged.verifications, 4, "{purged:?}");
    let shown = |phone: &str| format!("value=\"+1 415-555-{}\"", &phone[phone.len() - 4..]);
    for ((browser, frame, flow), phone) in journeys.iter().zip([GONE, KEPT]) {
        let form = browser.get("/verify").await;
        assert!(form.body.contains(&shown(phone)), "{}", form.body);
        let form = crate::embed::page(
            frame
                .get(app.url(&format!("/verify?flow={flow}")))
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert!(form.body.contains(&shown(phone)), "{}", form.body);
    }
    let gone_before = rows_naming(&app, GONE).await;
    assert_eq!(
        gone_before,
        vec![
            ("verifications", 0),
            ("flows", 1),
            ("webhook_deliveries", 0),
            ("idempotency_keys", 0),
            ("sessions", 1),
        ],
        "the number is kept in a flow and a session only"
    );
    let kept_before = rows_naming(&app, KEPT).await;
    assert_eq!(kept_before, gone_before);

    let (status, out, err) = forget(&app, GONE);
    assert!(status.success(), "{out}{err}");
    assert!(
        out.starts_with("forgot +1******2671: 0 verifications, 1 app flows, 1 browser sessions, "),
        "{out}"
    );
    assert!(
        rows_naming(&app, GONE).await.iter().all(|(_, n)| *n == 0),
        "{:?}",
        rows_naming(&app, GONE).await
    );
    assert_eq!(rows_naming(&app, KEPT).await, kept_before);
    let after = everything_kept(&app);
    assert!(!after.contains(GONE_DIGITS), "the number is still kept");
    assert!(after.contains(KEPT_DIGITS), "another number went too");
    // The forgotten number's browser starts afresh; its flow is gone.
    let (gone_browser, gone_frame, gone_flow) = &journeys[0];
    let form = gone_browser.get("/verify").await;
    assert!(!form.body.contains("2671"), "{}", form.body);
    let stale = gone_frame
        .get(app.url(&format!("/verify?flow={gone_flow}")))
        .send()
        .await
        .unwrap();
    assert_ne!(stale.status(), StatusCode::OK);
    let (kept_browser, _, _) = &journeys[1];
    let form = kept_browser.get("/verify").await;
    assert!(form.body.contains(&shown(KEPT)), "{}", form.body);
}
