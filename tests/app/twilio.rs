//! The Twilio Verify v2–compatible API, driven by Twilio's own SDKs (Python
//! from PyPI, Node from npm; `tests/clients/twilio_driver.*`) with only the
//! Verify base URL changed: the flows, each error with Twilio's code and
//! status, and the same limits as `/api/v1`.
use std::{
    io::{BufRead, BufReader, Write},
    process::{Child, ChildStdin, ChildStdout, Command, Stdio},
};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    both_backends,
    helpers::{Backend, SHIPPED_ADDRESS_LIMITS, TestApp, code_of, spawn_app_with},
};

pub(crate) const ACCOUNT: &str = "AC0123456789abcdef0123456789abcdef";
pub(crate) const SERVICE: &str = "VAfedcba9876543210fedcba9876543210";
pub(crate) const KEY: &str = "twiliokey0123456789abcdef";
const US: &str = "+14155552671";

/// One of Twilio's SDKs, answering operations one line at a time.
pub(crate) struct Sdk {
    pub(crate) name: &'static str,
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Drop for Sdk {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn script(name: &str) -> String {
    format!("{}/tests/clients/{name}", env!("CARGO_MANIFEST_DIR"))
}

impl Sdk {
    fn spawn(
        name: &'static str,
        mut command: Command,
        app: &TestApp,
        user: &str,
        password: &str,
    ) -> Self {
        command
            .args([&app.address, user, password, ACCOUNT, SERVICE])
            .env_remove("TWILIO_EDGE")
            .env_remove("TWILIO_REGION")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = command
            .spawn()
            .unwrap_or_else(|e| panic!("{name} SDK: {e}"));
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Self {
            name,
            child,
            stdin,
            stdout,
        }
    }

    /// Twilio's Python SDK (`twilio` from PyPI, in scripts/test's venv).
    pub(crate) fn python(app: &TestApp, user: &str, password: &str) -> Self {
        let python = std::env::var("PV_TEST_PYTHON")
            .expect("PV_TEST_PYTHON is not set: run the suite with scripts/test");
        let mut command = Command::new(python);
        command.arg(script("twilio_driver.py"));
        Self::spawn("python", command, app, user, password)
    }

    /// Twilio's Node SDK (`twilio` from npm, installed under target/).
    pub(crate) fn node(app: &TestApp, user: &str, password: &str) -> Self {
        let modules = format!(
            "{}/target/twilio-node/node_modules",
            env!("CARGO_MANIFEST_DIR")
        );
        assert!(
            std::path::Path::new(&modules).join("twilio").exists(),
            "the Node SDK is installed by scripts/test (npm)"
        );
        let mut command = Command::new("node");
        command
            .arg(script("twilio_driver.js"))
            .env("NODE_PATH", modules);
        Self::spawn("node", command, app, user, password)
    }

    pub(crate) fn both(app: &TestApp) -> [Sdk; 2] {
        [Sdk::python(app, ACCOUNT, KEY), Sdk::node(app, ACCOUNT, KEY)]
    }

    /// Runs one operation: `Ok(resource)` or `Err(error)` as the SDK saw it.
    pub(crate) fn call(&mut self, op: Value) -> Result<Value, Value> {
        tokio::task::block_in_place(|| {
            writeln!(self.stdin, "{op}").unwrap();
            self.stdin.flush().unwrap();
            let mut line = String::new();
            self.stdout.read_line(&mut line).unwrap();
            let result: Value = serde_json::from_str(&line)
                .unwrap_or_else(|_| panic!("{} SDK answered {line:?} to {op}", self.name));
            match (result.get("ok"), result.get("error")) {
                (Some(ok), _) => Ok(ok.clone()),
                (_, Some(err)) => Err(err.clone()),
                _ => panic!("{}: {result}", self.name),
            }
        })
    }

    fn create(&mut self, to: &str) -> Result<Value, Value> {
        self.call(json!({"op": "create", "to": to, "channel": "sms"}))
    }

    fn check(&mut self, to: &str, code: &str) -> Result<Value, Value> {
        self.call(json!({"op": "check", "to": to, "code": code}))
    }
}

/// An instance with the Twilio API on, the shipped per-address limit (and
/// `overrides`).
pub(crate) async fn twilio_app(backend: Backend, overrides: &[(&str, &str)]) -> TestApp {
    let mut settings = vec![
        ("TWILIO_ACCOUNT_SID", ACCOUNT),
        ("TWILIO_SERVICE_SID", SERVICE),
        ("API_KEYS", "acme:twiliokey0123456789abcdef"),
        ("BRAND_NAME", "Acme"),
    ];
    settings.extend_from_slice(&SHIPPED_ADDRESS_LIMITS);
    settings.extend_from_slice(overrides);
    spawn_app_with(backend, &settings).await
}

/// The SDK's error: (HTTP status, Twilio code).
fn code(result: Result<Value, Value>, sdk: &str) -> (u64, u64) {
    let err = result.expect_err(&format!("{sdk}: an error"));
    assert!(
        err["class"] == "TwilioRestException" || err["class"] == "RestException",
        "{sdk}: the SDK's own exception: {err}"
    );
    (
        err["status"].as_u64().unwrap(),
        err["code"].as_u64().unwrap(),
    )
}

both_backends!(
    create_check_fetch_cancel_and_approve_through_both_sdks,
    every_error_in_twilio_codes_through_both_sdks,
    the_same_limits_hold_through_both_apis,
    off_unless_configured,
    parameters_methods_and_headers_over_plain_http,
);

/// What the SDKs cannot easily send: wrong methods, odd parameters, and
/// the headers of a refusal.
async fn parameters_methods_and_headers_over_plain_http(backend: Backend) {
    let app = twilio_app(backend, &[]).await;
    let http = reqwest::Client::new();
    let post = async |path: &str, form: &[(&str, &str)]| {
        let r = http
            .post(app.url(&format!("/v2/Services/{SERVICE}{path}")))
            .basic_auth(ACCOUNT, Some(KEY))
            .form(form)
            .send()
            .await
            .unwrap();
        let status = r.status();
        let retry = r.headers().get("retry-after").cloned();
        let body: Value = r.json().await.unwrap();
        (status, body, retry)
    };
    let deleted = http
        .delete(app.url(&format!("/v2/Services/{SERVICE}/Verifications")))
        .basic_auth(ACCOUNT, Some(KEY))
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(deleted.json::<Value>().await.unwrap()["code"], 20004);
    for (form, parameter) in [
        (
            vec![
                ("To", US),
                ("Channel", "sms"),
                (
                    "CustomFriendlyName",
                    "A name that is longer than thirty characters",
                ),
            ],
            "CustomFriendlyName",
        ),
        (
            vec![("To", US), ("Channel", "sms"), ("AppHash", "short")],
            "AppHash",
        ),
        (vec![("To", US), ("Channel", "pigeon")], "Channel"),
        (vec![("To", US)], "Channel"),
    ] {
        let (status, body, _) = post("/Verifications", &form).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{parameter}");
        assert_eq!(body["code"], 60200);
        assert_eq!(
            body["message"],
            format!("Invalid parameter: {parameter}").as_str()
        );
        assert_eq!(body["status"], 400);
    }
    assert_eq!(app.outbox_len().await, 0);
    let (status, created, _) = post("/Verifications", &[("To", US), ("Channel", "sms")]).await;
    assert_eq!(status, StatusCode::CREATED);
    let sid = created["sid"].as_str().unwrap();
    let (status, body, _) = post(&format!("/Verifications/{sid}"), &[("Status", "pending")]).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::BAD_REQUEST, json!(60200))
    );
    // A code of Twilio's lengths but not ours: pending, nothing spent.
    let (status, body, _) = post("/VerificationCheck", &[("To", US), ("Code", "12345")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        (&body["status"], &body["valid"]),
        (&json!("pending"), &json!(false))
    );
    assert_eq!(app.attempts_spent(US, 5).await, 0);
    // A refusal carries Retry-After.
    let (status, body, retry) = post("/Verifications", &[("To", US), ("Channel", "sms")]).await;
    assert_eq!(
        (status, body["code"].clone()),
        (StatusCode::TOO_MANY_REQUESTS, json!(60212))
    );
    assert!(retry.is_some());
    // The tenant's rate, in Twilio's words.
    let limited = twilio_app(
        backend,
        &[
            ("API_RATE_LIMIT_PER_MINUTE", "1"),
            ("API_RATE_LIMIT_BURST", "1"),
        ],
    )
    .await;
    let mut codes = Vec::new();
    for _ in 0..2 {
        let r = http
            .post(limited.url(&format!("/v2/Services/{SERVICE}/VerificationCheck")))
            .basic_auth(ACCOUNT, Some(KEY))
            .form(&[("To", US), ("Code", "123456")])
            .send()
            .await
            .unwrap();
        codes.push(r.json::<Value>().await.unwrap()["code"].clone());
    }
    assert_eq!(codes, vec![json!(20404), json!(20429)]);
    // Dates in Twilio's form.
    let date = created["date_created"].as_str().unwrap();
    assert!(
        date.len() == 20 && date.ends_with('Z') && date.as_bytes()[10] == b'T',
        "{date}"
    );
}

async fn create_check_fetch_cancel_and_approve_through_both_sdks(backend: Backend) {
    let app = twilio_app(backend, &[("RESEND_COOLDOWN_SECONDS", "0")]).await;
    for (i, mut sdk) in Sdk::both(&app).into_iter().enumerate() {
        let n = sdk.name;
        let to = format!("+1415555{:04}", 2700 + i * 10);
        let created = sdk.create(&to).unwrap();
        assert_eq!(created["status"], "pending", "{n}");
        assert_eq!(created["valid"], false, "{n}");
        assert_eq!(created["to"], to.as_str(), "{n}");
        assert_eq!(created["channel"], "sms", "{n}");
        assert_eq!(created["service_sid"], SERVICE, "{n}");
        assert_eq!(created["account_sid"], ACCOUNT, "{n}");
        let sid = created["sid"].as_str().unwrap().to_owned();
        assert!(sid.starts_with("VE") && sid.len() == 34, "{n}: {sid}");
        assert!(
            created["date_created"]["datetime"].is_string(),
            "{n}: the SDK parsed the date: {created}"
        );
        assert_eq!(created["send_code_attempts"].as_array().unwrap().len(), 1);
        assert_eq!(
            created["url"],
            format!(
                "{}v2/Services/{SERVICE}/Verifications/{sid}",
                app.state.settings.public_url
            )
            .as_str()
        );
        let sms = app.last_sms(&to).await;
        assert!(sms.starts_with("Your Acme code is "), "{n}: {sms}");
        let code = code_of(&sms);

        // A wrong code: pending, not valid, an attempt spent.
        let wrong = if code == "000000" { "111111" } else { "000000" };
        let checked = sdk.check(&to, wrong).unwrap();
        assert_eq!(
            (&checked["status"], &checked["valid"]),
            (&json!("pending"), &json!(false)),
            "{n}"
        );
        assert_eq!(checked["sid"], sid.as_str());
        assert_eq!(app.attempts_spent(&to, 5).await, 1, "{n}");
        // Fetch while pending.
        let fetched = sdk.call(json!({"op": "fetch", "sid": sid})).unwrap();
        assert_eq!(fetched["status"], "pending", "{n}");
        // A second create for the same number is a new code on the same
        // verification, as with Twilio.
        let again = sdk.create(&to).unwrap();
        assert_eq!(again["sid"], sid.as_str(), "{n}");
        assert_eq!(
            again["send_code_attempts"].as_array().unwrap().len(),
            2,
            "{n}"
        );
        let code = code_of(&app.last_sms(&to).await);
        // The right code, by the verification's SID.
        let approved = sdk
            .call(json!({"op": "check", "verification_sid": sid, "code": code}))
            .unwrap();
        assert_eq!(
            (&approved["status"], &approved["valid"]),
            (&json!("approved"), &json!(true)),
            "{n}"
        );
        // Gone once approved, as with Twilio.
        assert_eq!(code_of_err(sdk.check(&to, &code), n), (404, 20404));
        assert_eq!(
            code_of_err(sdk.call(json!({"op": "fetch", "sid": sid})), n),
            (404, 20404)
        );

        // Cancel, and approve without a code.
        let other = format!("+1415555{:04}", 2701 + i * 10);
        let created = sdk.create(&other).unwrap();
        let sid = created["sid"].as_str().unwrap();
        let canceled = sdk
            .call(json!({"op": "update", "sid": sid, "status": "canceled"}))
            .unwrap();
        assert_eq!(canceled["status"], "canceled", "{n}");
        assert_eq!(code_of_err(sdk.check(&other, "123456"), n), (404, 20404));
        let third = format!("+1415555{:04}", 2702 + i * 10);
        let created = sdk.create(&third).unwrap();
        let sid = created["sid"].as_str().unwrap();
        let approved = sdk
            .call(json!({"op": "update", "sid": sid, "status": "approved"}))
            .unwrap();
        assert_eq!(
            (&approved["status"], &approved["valid"]),
            (&json!("approved"), &json!(true)),
            "{n}"
        );

        // The friendly name and Android's app hash shape the text.
        let fourth = format!("+1415555{:04}", 2703 + i * 10);
        sdk.call(json!({"op": "create", "to": fourth, "channel": "sms",
                        "custom_friendly_name": "Acme Shop", "app_hash": "He42w354ol9"}))
            .unwrap();
        let sms = app.last_sms(&fourth).await;
        assert!(sms.starts_with("Your Acme Shop code is "), "{n}: {sms}");
        assert!(sms.ends_with("\nHe42w354ol9"), "{n}: {sms}");
        // A Locale the service ships.
        let fifth = format!("+1415555{:04}", 2704 + i * 10);
        sdk.call(json!({"op": "create", "to": fifth, "channel": "sms", "locale": "es"}))
            .unwrap();
        assert!(app.last_sms(&fifth).await.starts_with("Acme: usa "), "{n}");

        let service = sdk.call(json!({"op": "service"})).unwrap();
        assert_eq!(service["sid"], SERVICE, "{n}");
        assert_eq!(service["friendly_name"], "Acme", "{n}");
        assert_eq!(service["code_length"], 6, "{n}");
    }
    assert_eq!(
        app.get("/metrics")
            .await
            .body
            .lines()
            .filter(|l| l.starts_with("phone_verify_api_requests_total{key=\"acme\"}"))
            .count(),
        1
    );
}

fn code_of_err(result: Result<Value, Value>, sdk: &str) -> (u64, u64) {
    code(result, sdk)
}

async fn every_error_in_twilio_codes_through_both_sdks(backend: Backend) {
    let app = twilio_app(
        backend,
        &[
            ("ALLOWED_COUNTRIES", "US,GB"),
            ("PUMPING_MIN_SENDS", "3"),
            ("PUMPING_MIN_NETWORKS", "3"),
        ],
    )
    .await;
    for (i, mut sdk) in Sdk::both(&app).into_iter().enumerate() {
        let n = sdk.name;
        let create = |to: &str| json!({"op": "create", "to": to, "channel": "sms"});
        // Authentication.
        let mut wrong = match n {
            "python" => Sdk::python(&app, ACCOUNT, "not-a-key-0123456789"),
            _ => Sdk::node(&app, ACCOUNT, "not-a-key-0123456789"),
        };
        assert_eq!(code(wrong.call(create(US)), n), (401, 20003));
        // Invalid parameters.
        assert_eq!(code(sdk.call(create("4155552671")), n), (400, 60200));
        assert_eq!(code(sdk.call(create("+1 12")), n), (400, 60200));
        assert_eq!(
            code(sdk.call(json!({"op": "check", "to": US, "code": "12"})), n),
            (400, 60200)
        );
        // Landlines and other numbers that cannot take a text.
        assert_eq!(code(sdk.call(create("+442079460018")), n), (403, 60205));
        // Channels and features phone-verify does not have.
        assert_eq!(
            code(
                sdk.call(json!({"op": "create", "to": US, "channel": "call"})),
                n
            ),
            (400, 60223)
        );
        assert_eq!(
            code(
                sdk.call(
                    json!({"op": "create", "to": US, "channel": "sms", "custom_code": "1234"})
                ),
                n
            ),
            (400, 60204)
        );
        // A country not allowed.
        assert_eq!(code(sdk.call(create("+34612345678")), n), (403, 60605));
        // Resources not found: an unknown SID, a number with nothing pending.
        assert_eq!(
            code(
                sdk.call(json!({"op": "fetch", "sid": "VE00000000000000000000000000000000"})),
                n
            ),
            (404, 20404)
        );
        assert_eq!(code(sdk.check("+14155550000", "123456"), n), (404, 20404));
        // The cooldown, then the number's quota.
        let to = format!("+1415555{:04}", 2800 + i);
        sdk.call(create(&to)).unwrap();
        assert_eq!(code(sdk.call(create(&to)), n), (429, 60212));
        // The number's wrong codes spent: a new start is refused.
        let code_sent = code_of(&app.last_sms(&to).await);
        let wrong_code = if code_sent == "000000" {
            "111111"
        } else {
            "000000"
        };
        for attempt in 0..5 {
            let checked = sdk.check(&to, wrong_code).unwrap();
            let want = if attempt < 4 {
                "pending"
            } else {
                "max_attempts_reached"
            };
            assert_eq!(checked["status"], want, "{n}: attempt {attempt}");
        }
        // Twilio's answer to a check after the last attempt.
        assert_eq!(code(sdk.check(&to, wrong_code), n), (429, 60202));
        app.clock.advance(time::Duration::seconds(31));
        assert_eq!(code(sdk.call(create(&to)), n), (429, 60202));
        // A prefix the pumping breaker flagged: the persons' addresses
        // (DeviceIp) are its client networks.
        let mut refused = None;
        for k in 0..6 {
            let to = format!("+44{}{k:06}", ["7400", "7911"][i]);
            let op = json!({"op": "create", "to": to, "channel": "sms",
                            "device_ip": format!("198.51.{}.7", 10 * i + k)});
            if let Err(e) = sdk.call(op) {
                refused = Some((k, e));
                break;
            }
        }
        let (k, err) = refused.expect("the breaker fires");
        assert_eq!(k, 3, "{n}: after three unverified texts");
        assert_eq!(
            (err["status"].as_u64(), err["code"].as_u64()),
            (Some(403), Some(60410))
        );
    }
    // An unknown service, an unsupported resource, and the quota (60203) and
    // the hour's budget (20429) on instances of their own.
    let mut sdk = Sdk::python(&app, ACCOUNT, KEY);
    let other = reqwest::Client::new()
        .get(app.url("/v2/Services/VA00000000000000000000000000000000"))
        .basic_auth(ACCOUNT, Some(KEY))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let body: Value = other.json().await.unwrap();
    assert_eq!(body["code"], 20404);
    assert_eq!(
        body["more_info"],
        "https://www.twilio.com/docs/errors/20404"
    );
    let unsupported = reqwest::Client::new()
        .get(app.url(&format!("/v2/Services/{SERVICE}/Entities")))
        .basic_auth(ACCOUNT, Some(KEY))
        .send()
        .await
        .unwrap();
    assert_eq!(unsupported.status(), StatusCode::NOT_FOUND);
    let body: Value = unsupported.json().await.unwrap();
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("phone-verify answers for"),
        "{body}"
    );
    drop(sdk.call(json!({"op": "service"})).unwrap());
    let quota = twilio_app(
        backend,
        &[
            ("RESEND_COOLDOWN_SECONDS", "0"),
            ("SEND_LIMIT_PER_PHONE", "2"),
        ],
    )
    .await;
    for mut sdk in Sdk::both(&quota) {
        let to = if sdk.name == "python" {
            "+14155552681"
        } else {
            "+14155552682"
        };
        sdk.create(to).unwrap();
        sdk.create(to).unwrap();
        let err = sdk.create(to);
        assert_eq!(code(err, sdk.name), (429, 60203));
    }
    let budget = twilio_app(backend, &[("SMS_GLOBAL_LIMIT_PER_HOUR", "1")]).await;
    let [mut python, mut node] = Sdk::both(&budget);
    python.create("+14155552691").unwrap();
    assert_eq!(code(python.create("+14155552692"), "python"), (429, 20429));
    assert_eq!(code(node.create("+14155552693"), "node"), (429, 20429));
}

/// One limit, through `/api/v1` and through the Twilio API: refused at the
/// same step, each in its own words.
struct Row {
    name: &'static str,
    settings: &'static [(&'static str, &'static str)],
    /// The step (0-based) whose send is refused, for a number of the row's
    /// prefix, and the two APIs' codes for it.
    refused_at: usize,
    api_v1: &'static str,
    twilio: u64,
    /// Each step texts the same number (else a new number each time).
    same_number: bool,
    /// Wrong codes before each step but the first.
    wrong_codes: bool,
}

const ROWS: &[Row] = &[
    Row {
        name: "cooldown",
        settings: &[],
        refused_at: 1,
        api_v1: "rate_limited",
        twilio: 60212,
        same_number: true,
        wrong_codes: false,
    },
    Row {
        name: "quota",
        settings: &[
            ("RESEND_COOLDOWN_SECONDS", "0"),
            ("SEND_LIMIT_PER_PHONE", "3"),
        ],
        refused_at: 3,
        api_v1: "rate_limited",
        twilio: 60203,
        same_number: true,
        wrong_codes: false,
    },
    Row {
        name: "wrong codes per number",
        settings: &[
            ("RESEND_COOLDOWN_SECONDS", "0"),
            ("OTP_MAX_ATTEMPTS", "2"),
            ("WRONG_CODE_LIMIT_PER_PHONE", "2"),
        ],
        refused_at: 1,
        api_v1: "rate_limited",
        twilio: 60202,
        same_number: true,
        wrong_codes: true,
    },
    Row {
        name: "global budget",
        settings: &[("SMS_GLOBAL_LIMIT_PER_HOUR", "4")],
        refused_at: 4,
        api_v1: "budget_exhausted",
        twilio: 20429,
        same_number: false,
        wrong_codes: false,
    },
    Row {
        name: "country allowlist",
        settings: &[("ALLOWED_COUNTRIES", "GB")],
        refused_at: 0,
        api_v1: "country_not_allowed",
        twilio: 60605,
        same_number: false,
        wrong_codes: false,
    },
    Row {
        name: "pumping breaker",
        settings: &[("PUMPING_MIN_SENDS", "3"), ("PUMPING_MIN_NETWORKS", "3")],
        refused_at: 3,
        api_v1: "rate_limited",
        twilio: 60410,
        same_number: false,
        wrong_codes: false,
    },
];

async fn the_same_limits_hold_through_both_apis(backend: Backend) {
    for row in ROWS {
        let app = twilio_app(backend, row.settings).await;
        let mut sdk = Sdk::python(&app, ACCOUNT, KEY);
        // The budget is the hour's for the whole instance: half the steps
        // each.
        for (api, prefix) in [("v1", "+1415555"), ("twilio", "+1628555")] {
            let mut refused = None;
            for step in 0..5 {
                let to = if row.same_number {
                    format!("{prefix}1000")
                } else {
                    format!("{prefix}{:04}", 1000 + step)
                };
                if row.wrong_codes && step > 0 {
                    for _ in 0..2 {
                        match api {
                            "v1" => {
                                let id = app.pending_id(&to).await;
                                let wrong = wrong_of(&app, &to).await;
                                crate::api::call_as(
                                    &app,
                                    KEY,
                                    "POST",
                                    &format!("/api/v1/verifications/{id}/check"),
                                    Some(json!({ "code": wrong })),
                                )
                                .await;
                            }
                            _ => {
                                let _ = sdk.check(&to, &wrong_of(&app, &to).await);
                            }
                        }
                    }
                }
                // Each step for a person of their own address (the
                // breaker's networks), as a signup form's backend sends it.
                let person = format!("198.51.{step}.7");
                let outcome = match api {
                    "v1" => {
                        let (status, body) = crate::api::call_as(
                            &app,
                            KEY,
                            "POST",
                            "/api/v1/verifications",
                            Some(json!({"phone": to, "client_ip": person})),
                        )
                        .await;
                        (status != StatusCode::CREATED)
                            .then(|| body["error"]["code"].as_str().unwrap_or("").to_owned())
                    }
                    _ => sdk
                        .call(json!({"op": "create", "to": to, "channel": "sms", "device_ip": person}))
                        .err()
                        .map(|e| e["code"].to_string()),
                };
                if let Some(code) = outcome {
                    refused = Some((step, code));
                    break;
                }
            }
            let (step, code) =
                refused.unwrap_or_else(|| panic!("{}: {api} never refused", row.name));
            let want = match api {
                "v1" => row.api_v1.to_owned(),
                _ => row.twilio.to_string(),
            };
            let at = if row.name == "global budget" && api == "twilio" {
                0
            } else {
                row.refused_at
            };
            assert_eq!((step, code), (at, want), "{}: {api}", row.name);
        }
    }
}

/// A wrong code for the number's pending verification.
async fn wrong_of(app: &TestApp, to: &str) -> String {
    let code = code_of(&app.last_sms(to).await);
    if code == "000000" {
        "111111".into()
    } else {
        "000000".into()
    }
}

async fn off_unless_configured(backend: Backend) {
    let app = spawn_app_with(backend, &[("API_KEYS", "acme:twiliokey0123456789abcdef")]).await;
    let off = reqwest::Client::new()
        .post(app.url(&format!("/v2/Services/{SERVICE}/Verifications")))
        .basic_auth(ACCOUNT, Some(KEY))
        .form(&[("To", US), ("Channel", "sms")])
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.outbox_len().await, 0);
}
