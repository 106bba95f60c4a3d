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

fn command(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

fn temp_dir() -> std::path::PathBuf {
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

both_backends!(logs_of_a_full_run_hold_no_secrets);

async fn logs_of_a_full_run_hold_no_secrets(backend: Backend) {
    let dir = temp_dir();
    let db = fresh_db(backend).await;
    let mut child = command(&dir)
        .env("BIND_ADDR", "127.0.0.1:0")
        .env("DATABASE_URL", &db.url)
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let logs = Arc::new(Mutex::new(String::new()));
    let (addr_tx, addr_rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let readers: Vec<_> = [
        Box::new(stdout) as Box<dyn std::io::Read + Send>,
        Box::new(stderr),
    ]
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
                logs.lock().unwrap().push_str(&line);
                logs.lock().unwrap().push('\n');
            }
        })
    })
    .collect();
    let addr = addr_rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the app reports its address");

    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let base = format!("http://{addr}");
    let page = client
        .get(format!("{base}/verify"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csrf = crate::helpers::Page {
        status: reqwest::StatusCode::OK,
        headers: Default::default(),
        body: page,
    }
    .csrf();
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

    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(child.id().to_string())
            .status();
    }
    let status = child.wait().unwrap();
    for r in readers {
        r.join().unwrap();
    }
    assert!(status.success(), "graceful stop on SIGTERM");
    let logs = logs.lock().unwrap().clone();
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
