//! SMS through the real aws-sdk-sns client: against moto (the AWS emulator
//! `scripts/test` starts) for conformance, and against a local stub speaking
//! SNS's awsQuery protocol for faults.
use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use axum::{extract::State, http::StatusCode as AxumStatus, response::IntoResponse};
use base64::Engine as _;
use reqwest::StatusCode;

use crate::{
    both_backends,
    helpers::{Backend, TestApp, code_of, spawn_app_with},
};

pub fn moto_url() -> String {
    std::env::var("PV_TEST_MOTO_URL").expect(
        "PV_TEST_MOTO_URL is not set: run the suite with scripts/test, which starts moto_server",
    )
}

/// A valid US mobile-or-fixed number no other test uses (moto is shared);
/// never ending in 99, which moto reports as opted out.
fn unique_number() -> String {
    let n = 2000 + (uuid::Uuid::new_v4().as_u128() % 7000) as u32;
    let n = if n % 100 == 99 { n - 1 } else { n };
    format!("+1628555{n:04}")
}

async fn spawn_with_sns(backend: Backend, endpoint: &str, extra: &[(&str, &str)]) -> TestApp {
    let mut overrides = vec![
        ("SMS_PROVIDER", "sns"),
        ("AWS_REGION", "us-east-1"),
        ("SNS_ENDPOINT_URL", endpoint),
    ];
    overrides.extend_from_slice(extra);
    spawn_app_with(backend, &overrides).await
}

// ---------- moto ----------

/// Every SMS moto holds for `phone`, oldest first.
async fn moto_messages(phone: &str) -> Vec<String> {
    let data: serde_json::Value = reqwest::get(format!("{}/moto-api/data.json", moto_url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // moto lists SNS only once something was published to it.
    data["sns"]["SMS"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|m| m["phone_number"] == phone)
        .map(|m| m["message"].as_str().unwrap().to_owned())
        .collect()
}

/// The Publish requests moto recorded for `phone`, as form fields.
async fn recorded_publishes(phone: &str) -> Vec<HashMap<String, String>> {
    let text = reqwest::get(format!(
        "{}/moto-api/recorder/download-recording",
        moto_url()
    ))
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    text.lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|entry| {
            let body = entry["body"].as_str()?;
            let bytes = if entry["body_encoded"] == true {
                base64::engine::general_purpose::STANDARD
                    .decode(body)
                    .ok()?
            } else {
                body.as_bytes().to_vec()
            };
            Some(
                url::form_urlencoded::parse(&bytes)
                    .into_owned()
                    .collect::<HashMap<_, _>>(),
            )
        })
        .filter(|form| {
            form.get("Action").map(String::as_str) == Some("Publish")
                && form.get("PhoneNumber").map(String::as_str) == Some(phone)
        })
        .collect()
}

/// The message attributes of one recorded Publish, name → value.
fn attributes(form: &HashMap<String, String>) -> HashMap<String, String> {
    (1..10)
        .filter_map(|i| {
            let name = form.get(&format!("MessageAttributes.entry.{i}.Name"))?;
            let value = form.get(&format!("MessageAttributes.entry.{i}.Value.StringValue"))?;
            Some((name.clone(), value.clone()))
        })
        .collect()
}

async fn flow_through_moto(backend: Backend) {
    let app = spawn_with_sns(backend, &moto_url(), &[("SNS_SENDER_ID", "Acme")]).await;
    let phone = unique_number();
    app.get("/verify?lang=es").await;
    let started = Instant::now();
    let page = app.start(&phone, "US").await;
    let took = started.elapsed();
    assert_eq!(page.location(), Some("/verify/code"), "{}", page.body);
    eprintln!("one start through moto took {took:?}");

    let messages = moto_messages(&phone).await;
    assert_eq!(
        messages.len(),
        1,
        "exactly one message per send: {messages:?}"
    );
    let code = code_of(&messages[0]);
    assert_eq!(
        messages[0],
        format!(
            "Acme: usa {code} para verificar tu teléfono. Caduca en 10 minutos.\n@127.0.0.1 #{code}"
        )
    );
    let publishes = recorded_publishes(&phone).await;
    assert_eq!(publishes.len(), 1);
    let attrs = attributes(&publishes[0]);
    assert_eq!(
        attrs.get("AWS.SNS.SMS.SMSType").map(String::as_str),
        Some("Transactional")
    );
    assert_eq!(
        attrs.get("AWS.SNS.SMS.SenderID").map(String::as_str),
        Some("Acme")
    );
    assert_eq!(publishes[0].get("Message"), Some(&messages[0]));

    app.clock.advance(time::Duration::seconds(31));
    assert_eq!(app.resend().await.location(), Some("/verify/code"));
    let messages = moto_messages(&phone).await;
    assert_eq!(messages.len(), 2, "one more for the resend");
    let fresh = code_of(&messages[1]);
    assert_eq!(
        app.submit_code(&fresh).await.location(),
        Some("/verify/done")
    );
    assert!(
        app.get("/dev/outbox.json").await.status == StatusCode::NOT_FOUND,
        "no dev outbox with SNS"
    );
}

async fn numbers_refused_before_sns(backend: Backend) {
    let app = spawn_with_sns(backend, &moto_url(), &[]).await;
    for (input, shown) in [
        ("+1 628 555", "doesn’t look like a valid phone number"),
        ("+1 800 555 0199", "can’t receive text messages"),
    ] {
        let page = app.start(input, "US").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        assert!(page.body.contains(shown), "{}", page.body);
    }
    assert!(moto_messages("+18005550199").await.is_empty());
}

async fn opted_out_number_through_moto(backend: Backend) {
    let app = spawn_with_sns(backend, &moto_url(), &[]).await;
    // moto reports numbers ending in 99 as opted out.
    let phone = format!("{}99", &unique_number()[..10]);
    for _ in 0..2 {
        let page = app.start(&phone, "US").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{}", page.body);
        assert!(
            page.body.contains("opted out of text messages"),
            "{}",
            page.body
        );
    }
    assert!(
        moto_messages(&phone).await.is_empty(),
        "nothing published to an opted-out number"
    );
    assert_eq!(
        app.pending_count(&phone).await,
        0,
        "no verification waits for a code that was never sent"
    );
}

// ---------- a stub SNS for faults ----------

#[derive(Debug, Clone)]
pub enum Reply {
    Ok,
    Error {
        status: u16,
        code: &'static str,
        message: &'static str,
    },
    Hang,
    /// Answers OK after a pause.
    Slow(u64),
}

#[derive(Default)]
struct StubState {
    publish: Vec<Reply>,
    check: Option<Reply>,
    publishes: usize,
}

#[derive(Clone)]
pub struct Stub {
    pub url: String,
    state: Arc<Mutex<StubState>>,
}

impl Stub {
    /// `publish` answers the Publish calls in turn, the last one repeating.
    pub async fn start(publish: Vec<Reply>) -> Self {
        let state = Arc::new(Mutex::new(StubState {
            publish,
            ..Default::default()
        }));
        let app = axum::Router::new()
            .fallback(stub_handler)
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { url, state }
    }

    fn publishes(&self) -> usize {
        self.state.lock().unwrap().publishes
    }
}

const NS: &str = "http://sns.amazonaws.com/doc/2010-03-31/";

async fn stub_handler(
    State(state): State<Arc<Mutex<StubState>>>,
    body: String,
) -> axum::response::Response {
    let form: HashMap<String, String> = url::form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let action = form.get("Action").cloned().unwrap_or_default();
    let reply = {
        let mut s = state.lock().unwrap();
        if action == "Publish" {
            s.publishes += 1;
            let i = (s.publishes - 1).min(s.publish.len() - 1);
            s.publish[i].clone()
        } else {
            s.check.clone().unwrap_or(Reply::Ok)
        }
    };
    let xml = |status: u16, body: String| {
        (
            AxumStatus::from_u16(status).unwrap(),
            [("content-type", "text/xml")],
            body,
        )
            .into_response()
    };
    match reply {
        Reply::Slow(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            if action == "Publish" {
                xml(
                    200,
                    format!(
                        "<PublishResponse xmlns=\"{NS}\"><PublishResult><MessageId>stub-1</MessageId></PublishResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></PublishResponse>"
                    ),
                )
            } else {
                xml(
                    200,
                    format!(
                        "<CheckIfPhoneNumberIsOptedOutResponse xmlns=\"{NS}\"><CheckIfPhoneNumberIsOptedOutResult><isOptedOut>false</isOptedOut></CheckIfPhoneNumberIsOptedOutResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></CheckIfPhoneNumberIsOptedOutResponse>"
                    ),
                )
            }
        }
        Reply::Hang => {
            tokio::time::sleep(Duration::from_secs(600)).await;
            xml(500, String::new())
        }
        Reply::Error {
            status,
            code,
            message,
        } => xml(
            status,
            format!(
                "<ErrorResponse xmlns=\"{NS}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>stub</RequestId></ErrorResponse>"
            ),
        ),
        Reply::Ok if action == "Publish" => xml(
            200,
            format!(
                "<PublishResponse xmlns=\"{NS}\"><PublishResult><MessageId>stub-1</MessageId></PublishResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></PublishResponse>"
            ),
        ),
        Reply::Ok => xml(
            200,
            format!(
                "<CheckIfPhoneNumberIsOptedOutResponse xmlns=\"{NS}\"><CheckIfPhoneNumberIsOptedOutResult><isOptedOut>false</isOptedOut></CheckIfPhoneNumberIsOptedOutResult><ResponseMetadata><RequestId>stub</RequestId></ResponseMetadata></CheckIfPhoneNumberIsOptedOutResponse>"
            ),
        ),
    }
}

const US: &str = "+14155552671";

fn internal_error() -> Reply {
    Reply::Error {
        status: 500,
        code: "InternalError",
        message: "Internal failure",
    }
}
fn throttled() -> Reply {
    Reply::Error {
        status: 400,
        code: "Throttled",
        message: "Rate exceeded",
    }
}
pub fn denied() -> Reply {
    Reply::Error {
        status: 403,
        code: "AuthorizationError",
        message: "User is not authorized to perform: SNS:Publish",
    }
}

/// After a failed send: an error page, no pending verification, the app
/// still serving, and an immediate retry allowed (no cooldown).
async fn assert_failed_cleanly(
    app: &TestApp,
    page: &crate::helpers::Page,
    status: StatusCode,
    text: &str,
) {
    assert_eq!(page.status, status, "{}", page.body);
    assert!(page.body.contains(text), "{}", page.body);
    assert!(
        !page.body.contains("Internal failure") && !page.body.contains("AuthorizationError"),
        "no provider internals shown"
    );
    assert_eq!(
        app.pending_count(US).await,
        0,
        "no verification waits for a code that never went out"
    );
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
}

both_backends!(
    flow_through_moto,
    numbers_refused_before_sns,
    opted_out_number_through_moto,
    sns_internal_error_is_not_retried,
    sns_throttling_is_retried_then_refused,
    sns_throttled_once_then_sent,
    sns_hanging_endpoint_hits_the_deadline,
    sns_authorization_error,
    sns_invalid_parameter_is_an_invalid_phone,
    sns_opt_out_check_denied_still_sends,
    failed_sends_count_toward_the_quota,
    the_twilio_api_words_provider_failures_in_twilio_codes,
);

/// Through Twilio's SDK: an opted-out number (moto) is 21610; a provider
/// failure (the stub's 500) is 20503 with `Retry-After`.
async fn the_twilio_api_words_provider_failures_in_twilio_codes(backend: Backend) {
    use crate::twilio::{ACCOUNT, KEY, SERVICE, Sdk};
    let twilio = [
        ("TWILIO_ACCOUNT_SID", ACCOUNT),
        ("TWILIO_SERVICE_SID", SERVICE),
        ("API_KEYS", "acme:twiliokey0123456789abcdef"),
    ];
    let app = spawn_with_sns(backend, &moto_url(), &twilio).await;
    let mut sdk = Sdk::python(&app, ACCOUNT, KEY);
    let phone = format!("{}99", &unique_number()[..10]);
    let err = sdk
        .call(serde_json::json!({"op": "create", "to": phone, "channel": "sms"}))
        .unwrap_err();
    assert_eq!(
        (err["status"].as_u64(), err["code"].as_u64()),
        (Some(400), Some(21610))
    );
    let stub = Stub::start(vec![internal_error()]).await;
    let app = spawn_with_sns(backend, &stub.url, &twilio).await;
    let response = reqwest::Client::new()
        .post(app.url(&format!("/v2/Services/{SERVICE}/Verifications")))
        .basic_auth(ACCOUNT, Some(KEY))
        .form(&[("To", US), ("Channel", "sms")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(response.headers().contains_key("retry-after"));
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["code"], 20503);
}

async fn sns_internal_error_is_not_retried(backend: Backend) {
    let stub = Stub::start(vec![internal_error()]).await;
    let app = spawn_with_sns(backend, &stub.url, &[]).await;
    let page = app.start(US, "US").await;
    assert_failed_cleanly(
        &app,
        &page,
        StatusCode::SERVICE_UNAVAILABLE,
        "We couldn’t send the text message.",
    )
    .await;
    assert!(page.retry_after().is_some());
    assert_eq!(
        stub.publishes(),
        1,
        "a 5xx may have sent the text: never retried"
    );
    // The person may try again at once.
    let again = app.start(US, "US").await;
    assert_eq!(again.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(stub.publishes(), 2);
}

async fn sns_throttling_is_retried_then_refused(backend: Backend) {
    let stub = Stub::start(vec![throttled()]).await;
    let app = spawn_with_sns(backend, &stub.url, &[]).await;
    let page = app.start(US, "US").await;
    assert_failed_cleanly(
        &app,
        &page,
        StatusCode::SERVICE_UNAVAILABLE,
        "We couldn’t send the text message.",
    )
    .await;
    assert!(page.retry_after().is_some(), "503 with Retry-After");
    assert_eq!(stub.publishes(), 3, "throttled sends are retried twice");
}

async fn sns_throttled_once_then_sent(backend: Backend) {
    let stub = Stub::start(vec![throttled(), Reply::Ok]).await;
    let app = spawn_with_sns(backend, &stub.url, &[]).await;
    assert_eq!(app.start(US, "US").await.location(), Some("/verify/code"));
    assert_eq!(stub.publishes(), 2);
    assert_eq!(app.pending_count(US).await, 1);
}

async fn sns_hanging_endpoint_hits_the_deadline(backend: Backend) {
    let stub = Stub::start(vec![Reply::Hang]).await;
    let app = spawn_with_sns(backend, &stub.url, &[("SNS_TIMEOUT_SECONDS", "1")]).await;
    let started = Instant::now();
    let page = app.start(US, "US").await;
    let took = started.elapsed();
    assert_failed_cleanly(
        &app,
        &page,
        StatusCode::SERVICE_UNAVAILABLE,
        "We couldn’t send the text message.",
    )
    .await;
    assert!(
        took < Duration::from_secs(5),
        "the deadline fired: {took:?}"
    );
    assert_eq!(stub.publishes(), 1);
}

async fn sns_authorization_error(backend: Backend) {
    let stub = Stub::start(vec![denied()]).await;
    let app = spawn_with_sns(backend, &stub.url, &[]).await;
    let page = app.start(US, "US").await;
    assert_failed_cleanly(
        &app,
        &page,
        StatusCode::SERVICE_UNAVAILABLE,
        "We couldn’t send the text message.",
    )
    .await;
    assert_eq!(stub.publishes(), 1);
}

async fn sns_invalid_parameter_is_an_invalid_phone(backend: Backend) {
    let stub = Stub::start(vec![Reply::Error {
        status: 400,
        code: "InvalidParameter",
        message: "Invalid parameter: PhoneNumber Reason: +14155552671 is not valid to publish to",
    }])
    .await;
    let app = spawn_with_sns(backend, &stub.url, &[]).await;
    let page = app.start(US, "US").await;
    assert_failed_cleanly(
        &app,
        &page,
        StatusCode::BAD_REQUEST,
        "That doesn’t look like a valid phone number.",
    )
    .await;
}

async fn sns_opt_out_check_denied_still_sends(backend: Backend) {
    let stub = Stub::start(vec![Reply::Ok]).await;
    stub.state.lock().unwrap().check = Some(Reply::Error {
        status: 403,
        code: "AuthorizationError",
        message: "not authorized to perform: SNS:CheckIfPhoneNumberIsOptedOut",
    });
    let app = spawn_with_sns(backend, &stub.url, &[]).await;
    assert_eq!(app.start(US, "US").await.location(), Some("/verify/code"));
    assert_eq!(stub.publishes(), 1);
}

async fn failed_sends_count_toward_the_quota(backend: Backend) {
    let stub = Stub::start(vec![internal_error(), internal_error(), Reply::Ok]).await;
    let app = spawn_with_sns(backend, &stub.url, &[("SEND_LIMIT_PER_PHONE", "2")]).await;
    assert_eq!(
        app.start(US, "US").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        app.start(US, "US").await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    let page = app.start(US, "US").await;
    assert_eq!(
        page.status,
        StatusCode::TOO_MANY_REQUESTS,
        "pumping defense: failed sends count"
    );
    assert_eq!(stub.publishes(), 2);
}
