//! `spawn_app`: the real application on port 0 with a fresh database, a
//! manual clock, and a client with a cookie jar that does not follow redirects.
use std::{collections::HashMap, path::PathBuf, sync::Arc};

use phone_verify::{
    clock::ManualClock, config::Settings, startup::Application, web::state::AppState,
};
use reqwest::{StatusCode, header};
use sqlx::Connection;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub const SECRET: &str = "5f2b6a4f0c3e1d2a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a";

/// The PostgreSQL server `scripts/test` started. Without it the PostgreSQL
/// half of the suite fails rather than passing unseen.
pub fn postgres_admin_url() -> String {
    std::env::var("PV_TEST_POSTGRES_URL").expect(
        "PV_TEST_POSTGRES_URL is not set: run the suite with scripts/test, which starts PostgreSQL",
    )
}

/// A database of its own for one test.
pub struct TestDb {
    pub url: String,
    pub file: Option<PathBuf>,
}

impl TestDb {
    /// A database this suite did not create (nothing to clean up).
    pub fn external(url: String) -> TestDb {
        TestDb { url, file: None }
    }

    /// Another handle on the same database (the file is removed by the original).
    pub fn share(&self) -> TestDb {
        TestDb {
            url: self.url.clone(),
            file: None,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
    }
}

pub async fn fresh_db(backend: Backend) -> TestDb {
    match backend {
        Backend::Sqlite => {
            let file = std::env::temp_dir().join(format!("pv-test-{}.db", uuid::Uuid::new_v4()));
            TestDb {
                url: format!("sqlite://{}", file.display()),
                file: Some(file),
            }
        }
        Backend::Postgres => {
            let admin = postgres_admin_url();
            let name = format!("pv_{}", uuid::Uuid::new_v4().simple());
            let mut conn = sqlx::PgConnection::connect(&admin)
                .await
                .expect("connect to the test PostgreSQL");
            sqlx::query(&format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .await
                .expect("create database");
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            TestDb {
                url: format!("{base}/{name}"),
                file: None,
            }
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub clock: Arc<ManualClock>,
    pub state: AppState,
    pub db: TestDb,
    pub jar: Arc<reqwest::cookie::Jar>,
    pub backend: Backend,
}

/// An override that leaves a key at its shipped default (undoing a test
/// default above, such as the lifted per-address limit).
pub const SHIPPED: &str = "\u{0}shipped";

/// The per-address limit as shipped (`IP_RATE_LIMIT_*` unset): the server
/// APIs' tests run with it, since a backend sends from one address.
pub const SHIPPED_ADDRESS_LIMITS: [(&str, &str); 2] = [
    ("IP_RATE_LIMIT_PER_MINUTE", SHIPPED),
    ("IP_RATE_LIMIT_BURST", SHIPPED),
];

/// Builds settings as an operator would write them, with test defaults.
pub fn settings(db_url: &str, overrides: &[(&str, &str)]) -> Settings {
    let mut raw: HashMap<String, String> = HashMap::from([
        ("BIND_ADDR".into(), "127.0.0.1:0".into()),
        ("DATABASE_URL".into(), db_url.into()),
        ("SECRET_KEY".into(), SECRET.into()),
        ("BRAND_NAME".into(), "Acme".into()),
        ("CLEANUP_INTERVAL_SECONDS".into(), "3600".into()),
        // One client address sends everything here: lift the per-IP limit
        // except in the tests that are about it.
        ("IP_RATE_LIMIT_PER_MINUTE".into(), "100000".into()),
        ("IP_RATE_LIMIT_BURST".into(), "100000".into()),
    ]);
    for (k, v) in overrides {
        if *v == SHIPPED {
            raw.remove(*k);
        } else {
            raw.insert((*k).into(), (*v).into());
        }
    }
    Settings::from_map(&raw, std::path::Path::new("/nonexistent/secret.key"))
        .expect("valid test settings")
}

pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, &[]).await
}

pub async fn spawn_app_with(backend: Backend, overrides: &[(&str, &str)]) -> TestApp {
    let db = fresh_db(backend).await;
    spawn_app_on(backend, db, overrides).await
}

/// An instance on an existing database (several instances may share one).
pub async fn spawn_app_on(backend: Backend, db: TestDb, overrides: &[(&str, &str)]) -> TestApp {
    spawn_full(backend, db, overrides, Vec::new(), Vec::new()).await
}

/// An instance with embedding clients.
pub async fn spawn_app_with_clients(
    backend: Backend,
    overrides: &[(&str, &str)],
    clients: Vec<phone_verify::config::RawClient>,
) -> TestApp {
    let db = fresh_db(backend).await;
    spawn_full(backend, db, overrides, clients, Vec::new()).await
}

/// A free loopback port (for apps whose URL must be known before they start).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An instance on `db` with embedding clients and webhook endpoints.
pub async fn spawn_app_with_webhooks(
    backend: Backend,
    db: TestDb,
    overrides: &[(&str, &str)],
    clients: Vec<phone_verify::config::RawClient>,
    webhooks: Vec<phone_verify::config::RawWebhook>,
) -> TestApp {
    spawn_full(backend, db, overrides, clients, webhooks).await
}

async fn spawn_full(
    backend: Backend,
    db: TestDb,
    overrides: &[(&str, &str)],
    clients: Vec<phone_verify::config::RawClient>,
    webhooks: Vec<phone_verify::config::RawWebhook>,
) -> TestApp {
    let clock = Arc::new(ManualClock::starting_now());
    let mut settings = settings(&db.url, overrides);
    settings.clients = phone_verify::config::validate_clients(clients).expect("valid test clients");
    settings.webhooks = phone_verify::config::validate_webhooks(webhooks, &settings.clients)
        .expect("valid test webhooks");
    let app = Application::build_with_clock(settings, clock.clone())
        .await
        .expect("application builds");
    let address = format!("http://{}", app.local_addr());
    let state = app.state().clone();
    tokio::spawn(app.run_until_stopped(std::future::pending()));
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        address,
        client,
        clock,
        state,
        db,
        jar,
        backend,
    }
}

pub struct Page {
    pub status: StatusCode,
    pub headers: header::HeaderMap,
    pub body: String,
}

impl Page {
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    /// The value of the first hidden `csrf_token` field.
    pub fn csrf(&self) -> String {
        let marker = "name=\"csrf_token\" value=\"";
        let start = self.body.find(marker).expect("the page has a CSRF field") + marker.len();
        let end = self.body[start..].find('"').expect("closing quote") + start;
        self.body[start..end].to_owned()
    }

    pub fn retry_after(&self) -> Option<u64> {
        self.headers
            .get(header::RETRY_AFTER)?
            .to_str()
            .ok()?
            .parse()
            .ok()
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    async fn page(response: reqwest::Response) -> Page {
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.text().await.expect("body");
        Page {
            status,
            headers,
            body,
        }
    }

    /// This app's own browser (its cookie jar), for the shared steps.
    fn me(&self) -> Browser {
        Browser {
            client: self.client.clone(),
            address: self.address.clone(),
        }
    }

    pub async fn get(&self, path: &str) -> Page {
        self.me().get(path).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(self.url(path));
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        Self::page(request.send().await.expect("GET")).await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        self.me().post(path, form).await
    }

    /// Opens the phone form and submits a number, as a person would.
    pub async fn start(&self, phone: &str, country: &str) -> Page {
        self.me().start(phone, country).await
    }

    pub async fn csrf(&self) -> String {
        self.get("/verify").await.csrf()
    }

    pub async fn submit_code(&self, code: &str) -> Page {
        self.me().submit_code(code).await
    }

    pub async fn resend(&self) -> Page {
        let csrf = self.csrf().await;
        self.post("/verify/resend", &[("csrf_token", &csrf)]).await
    }

    /// The newest SMS to `e164`, from the dev outbox.
    pub async fn last_sms(&self, e164: &str) -> String {
        let url = format!(
            "{}/dev/outbox.json?to={}",
            self.address,
            e164.replace('+', "%2B")
        );
        let list: Vec<serde_json::Value> = self
            .client
            .get(url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        list.first().expect("a message in the outbox")["body"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// The code in the newest SMS to `e164` (from the WebOTP line).
    pub async fn last_code(&self, e164: &str) -> String {
        code_of(&self.last_sms(e164).await)
    }

    pub async fn outbox_len(&self) -> usize {
        let list: Vec<serde_json::Value> = self
            .client
            .get(self.url("/dev/outbox.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        list.len()
    }

    /// One value from this app's database: `sql` uses `$1`, `$2` (rewritten to
    /// `?1`, `?2` for SQLite), bound to `text` and then `number` if given.
    async fn scalar<T>(&self, sql: &str, text: &str, number: Option<i64>) -> T
    where
        T: Send + Unpin,
        T: for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
        T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
    {
        match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.db.url).await.unwrap();
                let sql = sql.replace('$', "?");
                let mut query = sqlx::query_scalar(&sql).bind(text);
                if let Some(n) = number {
                    query = query.bind(n);
                }
                query.fetch_one(&mut conn).await.unwrap()
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.db.url).await.unwrap();
                let mut query = sqlx::query_scalar(sql).bind(text);
                if let Some(n) = number {
                    query = query.bind(n);
                }
                query.fetch_one(&mut conn).await.unwrap()
            }
        }
    }

    /// A count from this app's database (`sql` takes no parameters).
    pub async fn count(&self, sql: &str) -> i64 {
        match self.backend {
            Backend::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.db.url).await.unwrap();
                sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
            }
            Backend::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.db.url).await.unwrap();
                sqlx::query_scalar(sql).fetch_one(&mut conn).await.unwrap()
            }
        }
    }

    /// The id of the number's pending verification, read from the database.
    pub async fn pending_id(&self, e164: &str) -> uuid::Uuid {
        let id: String = self
            .scalar("SELECT CAST(id AS TEXT) FROM verifications WHERE phone = $1 AND status = 'pending'", e164, None)
            .await;
        id.parse().unwrap()
    }

    /// How many pending verifications the number has (0 or 1).
    pub async fn pending_count(&self, e164: &str) -> i64 {
        self.scalar(
            "SELECT count(*) FROM verifications WHERE phone = $1 AND status = 'pending'",
            e164,
            None,
        )
        .await
    }

    /// Attempts spent over every verification of the number.
    pub async fn attempts_spent(&self, e164: &str, max_attempts: i64) -> i64 {
        self.scalar(
            "SELECT CAST(COALESCE(SUM($2 - attempts_left), 0) AS BIGINT) FROM verifications
             WHERE phone = $1 AND status <> 'canceled'",
            e164,
            Some(max_attempts),
        )
        .await
    }

    /// The session cookie's value as the browser holds it.
    pub fn session_cookie(&self) -> Option<String> {
        use reqwest::cookie::CookieStore as _;
        let url: reqwest::Url = self.address.parse().unwrap();
        let cookies = self.jar.cookies(&url)?;
        cookies
            .to_str()
            .ok()?
            .split("; ")
            .find_map(|c| c.strip_prefix("pv_session="))
            .map(str::to_owned)
    }

    /// A browser of its own (fresh cookie jar) on this app, optionally behind
    /// a proxy that says the client is `forwarded_for`.
    pub fn new_browser(&self, forwarded_for: Option<&str>) -> Browser {
        let mut headers = reqwest::header::HeaderMap::new();
        if let Some(ip) = forwarded_for {
            headers.insert("x-forwarded-for", ip.parse().unwrap());
        }
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap();
        Browser {
            client,
            address: self.address.clone(),
        }
    }
}

/// One browser: its own cookies, its own (claimed) address.
pub struct Browser {
    pub client: reqwest::Client,
    address: String,
}

impl Browser {
    /// GET an absolute URL (another site, or a Location header).
    pub async fn get_abs(&self, url: &str) -> Page {
        TestApp::page(self.client.get(url).send().await.expect("GET")).await
    }

    pub async fn get(&self, path: &str) -> Page {
        TestApp::page(
            self.client
                .get(format!("{}{path}", self.address))
                .send()
                .await
                .expect("GET"),
        )
        .await
    }

    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        TestApp::page(
            self.client
                .post(format!("{}{path}", self.address))
                .form(form)
                .send()
                .await
                .expect("POST"),
        )
        .await
    }

    pub async fn start(&self, phone: &str, country: &str) -> Page {
        let csrf = self.get("/verify").await.csrf();
        self.post(
            "/verify",
            &[
                ("csrf_token", &csrf),
                ("phone", phone),
                ("country", country),
            ],
        )
        .await
    }

    pub async fn submit_code(&self, code: &str) -> Page {
        let csrf = self.get("/verify").await.csrf();
        self.post("/verify/code", &[("csrf_token", &csrf), ("code", code)])
            .await
    }
}

pub fn code_of(sms: &str) -> String {
    sms.rsplit('#')
        .next()
        .expect("WebOTP line")
        .trim()
        .to_owned()
}

/// The code written in Arabic-Indic digits.
pub fn arabic_indic(code: &str) -> String {
    code.chars()
        .map(|c| char::from_u32(0x0660 + c.to_digit(10).unwrap()).unwrap())
        .collect()
}

/// Runs `body` once per backend: `both_backends!(test_fn, …)` makes
/// `sqlite::test_fn` and `postgres::test_fn`.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Postgres).await
                }
            )*
        }
    };
}
