//! The real binary: start-up refusals, and a full run whose logs must hold
//! no code, no session id and no full number.
use std::{
    io::{BufRead, BufReader},
    process::{Command, Stdio},
    sync::{Arc, Mutex},
};

use crate::{
    both_backends,
    helpers::{Backend, SECRET, fresh_db},
};

const BIN: &str = env!("CARGO_BIN_EXE_phone-verify");

pub(crate) fn command(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

pub(crate) fn temp_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pv-cli-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn bad_configuration_exits_2_with_one_line() {
    let dir = temp_dir();
    for (name, value) in [
        ("OTP_LENGTH", "3"),
        ("DATABASE_URL", "mysql://x"),
        ("BIND_ADDR", "0.0.0.0:8080"),
    ] {
        let out = command(&dir)
            .env(name, value)
            .env("SECRET_KEY", SECRET)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}={value}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
        let expected = if name == "BIND_ADDR" {
            "SMS_PROVIDER"
        } else {
            name
        };
        assert!(stderr.contains(expected), "{stderr}");
    }
}

#[test]
fn check_config_redacts_and_secret_key_is_generated_once() {
    let dir = temp_dir();
    let run = || {
        command(&dir)
            .arg("check-config")
            .env("DATABASE_URL", "postgres://u:hunter2@db/pv")
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success());
    let text = String::from_utf8(first.stdout).unwrap();
    assert!(
        !text.contains("hunter2") && text.contains("SecretKey(<redacted>)"),
        "{text}"
    );
    let key = std::fs::read_to_string(dir.join("data/secret.key")).unwrap();
    assert_eq!(key.trim().len(), 64);
    assert!(run().status.success());
    assert_eq!(
        std::fs::read_to_string(dir.join("data/secret.key")).unwrap(),
        key,
        "reused, not regenerated"
    );
}

/// The real binary serving on a free port, its stdout and stderr collected.
pub(crate) struct Running {
    child: std::process::Child,
    pub(crate) base: String,
    logs: Arc<Mutex<String>>,
    readers: Vec<std::thread::JoinHandle<()>>,
}

impl Running {
    pub(crate) fn start(dir: &std::path::Path, env: &[(&str, &str)]) -> Self {
        Self::spawn(command(dir), env)
    }

    /// The binary under `ulimit -n open_files` (soft and hard).
    pub(crate) fn start_limited(
        dir: &std::path::Path,
        open_files: u32,
        env: &[(&str, &str)],
    ) -> Self {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", &format!("ulimit -n {open_files} && exec \"$0\""), BIN])
            .current_dir(dir)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default());
        Self::spawn(cmd, env)
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no shutdown, no flush; everything it logged.
    pub(crate) fn kill(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for r in self.readers {
            r.join().unwrap();
        }
        self.logs.lock().unwrap().clone()
    }

    fn spawn(mut cmd: Command, env: &[(&str, &str)]) -> Self {
        cmd.env("BIND_ADDR", "127.0.0.1:0").env("RUST_LOG", "debug");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let logs = Arc::new(Mutex::new(String::new()));
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let streams = [
            Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ];
        let readers = streams
            .into_iter()
            .map(|stream| {
                let logs = logs.clone();
                let addr_tx = addr_tx.clone();
                std::thread::spawn(move || {
                    for line in BufReader::new(stream).lines().map_while(Result::ok) {
                        if let Some(rest) = line.split("listening on http://").nth(1) {
                            let addr: String = rest
                                .chars()
                                .take_while(|c| !c.is_whitespace() && *c != '\x1b')
                                .collect();
                            let _ = addr_tx.send(addr);
                        }
                        let mut logs = logs.lock().unwrap();
                        logs.push_str(&line);
                        logs.push('\n');
                    }
                })
            })
            .collect();
        let addr = addr_rx
            .recv_timeout(std::time::Duration::from_secs(30))
            .unwrap_or_else(|_| {
                panic!(
                    "the app did not report its address: {}",
                    logs.lock().unwrap()
                )
            });
        Self {
            child,
            base: format!("http://{addr}"),
            logs,
            readers,
        }
    }

    /// SIGTERM, then the exit status and everything it logged.
    pub(crate) fn stop(mut self) -> (std::process::ExitStatus, String) {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let status = self.child.wait().unwrap();
        for r in self.readers {
            r.join().unwrap();
        }
        let logs = self.logs.lock().unwrap().clone();
        (status, logs)
    }
}

pub(crate) fn browser() -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    (client, jar)
}

pub(crate) async fn csrf(client: &reqwest::Client, base: &str) -> String {
    let body = client
        .get(format!("{base}/verify"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    crate::helpers::Page {
        status: reqwest::StatusCode::OK,
        headers: Default::default(),
        body,
    }
    .csrf()
}

both_backends!(logs_of_a_full_run_hold_no_secrets);

async fn logs_of_a_full_run_hold_no_secrets(backend: Backend) {
    let dir = temp_dir();
    let db = fresh_db(backend).await;
    let app = Running::start(&dir, &[("DATABASE_URL", &db.url)]);
    let base = app.base.clone();
    let (client, jar) = browser();
    let csrf = csrf(&client, &base).await;
    let phone = "+14155552671";
    let r = client
        .post(format!("{base}/verify"))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("phone", phone),
            ("country", "US"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let list: Vec<serde_json::Value> = client
        .get(format!("{base}/dev/outbox.json?to=%2B14155552671"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let code = crate::helpers::code_of(list[0]["body"].as_str().unwrap());
    let wrong = if code == "246813" { "135792" } else { "246813" };
    for typed in [wrong, code.as_str()] {
        client
            .post(format!("{base}/verify/code"))
            .form(&[("csrf_token", csrf.as_str()), ("code", typed)])
            .send()
            .await
            .unwrap();
    }
    use reqwest::cookie::CookieStore as _;
    let cookies = jar
        .cookies(&base.parse().unwrap())
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let session_id = cookies
        .split("; ")
        .find_map(|c| c.strip_prefix("pv_session="))
        .unwrap()
        .to_owned();
    let done = client
        .get(format!("{base}/verify/done"))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 200, "the flow completed");

    let (status, logs) = app.stop();
    assert!(status.success(), "graceful stop on SIGTERM");
    assert!(
        logs.contains("verification approved"),
        "the run was logged: {logs}"
    );
    assert!(logs.contains("+1******2671"), "numbers appear masked");
    assert!(
        !contains_number(&logs, &code),
        "a one-time code reached the logs"
    );
    assert!(
        !contains_number(&logs, wrong),
        "a typed code reached the logs"
    );
    assert!(!logs.contains(&session_id), "a session id reached the logs");
    assert!(
        !logs.contains("4155552671"),
        "a full number reached the logs"
    );
    assert!(!logs.contains(&csrf), "a CSRF token reached the logs");
}

/// The README's promise about SMS length: within a 12-character brand no
/// warning; a longer brand warns, per language, at start-up.
#[test]
fn a_brand_too_long_for_one_segment_is_warned_about_at_start_up() {
    let run = |brand: &str| {
        let dir = temp_dir();
        let app = Running::start(
            &dir,
            &[
                ("SECRET_KEY", SECRET),
                ("DATABASE_URL", &format!("sqlite://{}/pv.db", dir.display())),
                ("BRAND_NAME", brand),
                ("PUBLIC_URL", "https://verify.acme-example.co.uk"),
                ("DEV_OUTBOX_PUBLIC", "true"),
                ("BIND_ADDR", "127.0.0.1:0"),
            ],
        );
        app.stop().1
    };
    let logs = run("Acme Company");
    assert!(!logs.contains("more than one segment"), "{logs}");
    let logs = run("Acme Company Worldwide");
    let warned: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("the SMS takes more than one segment"))
        .collect();
    assert!(
        warned
            .iter()
            .any(|l| l.contains("lang") && l.contains("\"ar\"")),
        "{logs}"
    );
    assert!(warned.iter().all(|l| l.contains("WARN")), "{logs}");
}

/// Whatever `RUST_LOG` says — the catch-all `trace`, a span's directive
/// (`[request]=trace`, `[{request_id}]=trace`, which once let everything
/// inside a request through), or the SDK's own targets named at `trace` —
/// the AWS SDK's and the HTTP stack's targets stay at `info`: neither the
/// access key id nor a request signature reaches the logs of a text sent
/// through moto.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn aws_credentials_stay_out_of_trace_logs() {
    let moto = std::env::var("PV_TEST_MOTO_URL")
        .expect("PV_TEST_MOTO_URL is not set: run the suite with scripts/test, which starts moto");
    let key_id = "AKIAPVLOGLEAKCHECK01";
    let secret = "pv-secret-access-key-that-must-not-appear";
    // (The harness reads the address from the `info` line at start-up.)
    for (rust_log, raised) in [
        ("trace", true),
        ("info,[request]=trace", true),
        ("info,[{request_id}]=trace", true),
        (
            "info,aws_sigv4=trace,aws_smithy_runtime=trace,aws_smithy_http_client=trace,hyper_util=trace,h2=trace",
            false,
        ),
    ] {
        let dir = temp_dir();
        let app = Running::start(
            &dir,
            &[
                ("SECRET_KEY", SECRET),
                ("DATABASE_URL", &format!("sqlite://{}/pv.db", dir.display())),
                ("SMS_PROVIDER", "sns"),
                ("AWS_REGION", "us-east-1"),
                ("SNS_ENDPOINT_URL", &moto),
                ("AWS_ACCESS_KEY_ID", key_id),
                ("AWS_SECRET_ACCESS_KEY", secret),
                ("AWS_EC2_METADATA_DISABLED", "true"),
                ("RUST_LOG", rust_log),
            ],
        );
        let base = app.base.clone();
        let (client, _) = browser();
        let csrf = csrf(&client, &base).await;
        let r = client
            .post(format!("{base}/verify"))
            .form(&[
                ("csrf_token", csrf.as_str()),
                ("phone", "+14155552671"),
                ("country", "US"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            303,
            "{rust_log}: the text went out through moto"
        );
        let (_, logs) = app.stop();
        // The filter did raise what it names (our own lines inside the
        // request span); only the clamped targets stayed at `info`.
        assert_eq!(
            logs.contains("TRACE") || logs.contains("DEBUG"),
            raised,
            "{rust_log}: debug or trace lines\n{logs}"
        );
        for secret_text in [key_id, secret, "Signature=", "x-amz-security-token"] {
            assert!(
                !logs.contains(secret_text),
                "{rust_log}: {secret_text} reached the logs"
            );
        }
        assert!(
            !logs.to_ascii_lowercase().contains("authorization: aws4"),
            "{rust_log}: a signed header reached the logs"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sns_failure_gives_one_operator_log_line() {
    let stub = crate::sns::Stub::start(vec![crate::sns::denied()]).await;
    let dir = temp_dir();
    let app = Running::start(
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
    let (client, _) = browser();
    let csrf = csrf(&client, &app.base).await;
    let r = client
        .post(format!("{}/verify", app.base))
        .form(&[
            ("csrf_token", csrf.as_str()),
            ("phone", "+14155552671"),
            ("country", "US"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    let (_, logs) = app.stop();
    let lines: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("sms send failed"))
        .collect();
    assert_eq!(lines.len(), 1, "{logs}");
    assert!(
        lines[0].contains("AuthorizationError") && lines[0].contains("+1******2671"),
        "{}",
        lines[0]
    );
    assert!(
        !logs.contains("4155552671"),
        "a full number reached the logs"
    );
}

#[test]
fn check_config_with_sns_reports_credentials() {
    let dir = temp_dir();
    let sns = [
        ("SMS_PROVIDER", "sns"),
        ("AWS_REGION", "eu-west-1"),
        ("AWS_EC2_METADATA_DISABLED", "true"),
    ];
    let with = command(&dir)
        .arg("check-config")
        .envs(sns)
        .env("HOME", &dir)
        .env("AWS_ACCESS_KEY_ID", "AKIATESTING")
        .env("AWS_SECRET_ACCESS_KEY", "secret-value")
        .output()
        .unwrap();
    let out = String::from_utf8(with.stdout).unwrap();
    assert!(with.status.success(), "{out}");
    assert!(
        out.contains("AWS credentials: resolved") && out.contains("region eu-west-1"),
        "{out}"
    );
    assert!(!out.contains("secret-value"), "{out}");
    let without = command(&dir)
        .arg("check-config")
        .envs(sns)
        .env("HOME", &dir)
        .output()
        .unwrap();
    assert_eq!(without.status.code(), Some(2));
    assert!(
        String::from_utf8(without.stdout)
            .unwrap()
            .contains("AWS credentials: NOT resolved")
    );
}

/// Whether `digits` stands in `text` as a number of its own (not inside a
/// longer run of digits such as a timestamp's nanoseconds).
fn contains_number(text: &str, digits: &str) -> bool {
    text.match_indices(digits).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + digits.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[test]
fn contains_number_ignores_longer_runs() {
    assert!(contains_number("code #123456", "123456"));
    assert!(contains_number("123456", "123456"));
    assert!(!contains_number("t=13:55:59.123456789Z", "123456"));
    assert!(!contains_number("nothing here", "123456"));
}

/// Raw UTF-8 in a request path (U+202E, the right-to-left override, which
/// reorders what a terminal shows) reaches the text log only
/// percent-encoded (as does every byte outside printable ASCII).
#[test]
fn a_request_path_is_escaped_in_text_logs() {
    use std::io::{Read, Write};
    let dir = temp_dir();
    let app = Running::start(
        &dir,
        &[
            ("SECRET_KEY", SECRET),
            ("DATABASE_URL", &format!("sqlite://{}/pv.db", dir.display())),
            ("LOG_FORMAT", "text"),
            ("RUST_LOG", "info"),
        ],
    );
    let addr = app.base.trim_start_matches("http://").to_owned();
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    let mut request = b"GET /verify/".to_vec();
    request.extend_from_slice("\u{202E}gnp.exe".as_bytes());
    request.extend_from_slice(b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    stream.write_all(&request).unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
    let (_, logs) = app.stop();
    assert!(
        logs.contains("/verify/%E2%80%AEgnp.exe"),
        "the path is logged escaped: {logs}"
    );
    assert!(!logs.contains('\u{202E}'), "raw U+202E reached the log");
}
