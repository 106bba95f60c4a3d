//! Amazon SNS: `Publish` straight to a phone number, with one client built
//! at start-up and reused.
//!
//! Retry policy: a retried `Publish` can text the person twice, so the SDK's
//! own retries are off and the only automatic retry is on throttling, which
//! SNS answers before it accepts a message. A 5xx, a broken connection or a
//! timeout is not retried (SNS may already have sent the text): the person
//! sees an error and may ask again at once (a failed send lifts the cooldown).
//! The whole send, opt-out check and retries included, has one deadline.
use std::time::Duration;

use async_trait::async_trait;
use aws_sdk_sns::{
    Client,
    error::{ProvideErrorMetadata, SdkError},
    types::MessageAttributeValue,
};

use super::{SmsError, SmsMessage, SmsSender};
use crate::config::SnsSettings;

/// Pauses before the retries of a throttled send.
const THROTTLE_BACKOFF: [Duration; 2] = [Duration::from_millis(250), Duration::from_millis(750)];

pub struct SnsSender {
    client: Client,
    settings: SnsSettings,
    metrics: std::sync::Arc<crate::metrics::Metrics>,
}

impl std::fmt::Debug for SnsSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SnsSender")
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

/// The shared AWS configuration: the default credential chain, the region
/// from the settings, no SDK retries, the endpoint override if any.
pub async fn sdk_config(settings: &SnsSettings) -> aws_config::SdkConfig {
    let mut loader = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(settings.region.clone()))
        .retry_config(aws_config::retry::RetryConfig::disabled())
        .timeout_config(
            aws_config::timeout::TimeoutConfig::builder()
                .connect_timeout(settings.timeout.min(Duration::from_secs(3)))
                .operation_timeout(settings.timeout)
                .build(),
        );
    if let Some(endpoint) = &settings.endpoint_url {
        loader = loader.endpoint_url(endpoint.as_str());
    }
    loader.load().await
}

impl SnsSender {
    pub async fn new(
        settings: SnsSettings,
        metrics: std::sync::Arc<crate::metrics::Metrics>,
    ) -> Self {
        let config = sdk_config(&settings).await;
        Self {
            client: Client::new(&config),
            settings,
            metrics,
        }
    }

    fn attribute(data_type: &str, value: &str) -> MessageAttributeValue {
        MessageAttributeValue::builder()
            .data_type(data_type)
            .string_value(value)
            .build()
            .expect("data type is set")
    }

    async fn opted_out(&self, e164: &str) -> Result<bool, SmsError> {
        match self
            .client
            .check_if_phone_number_is_opted_out()
            .phone_number(e164)
            .send()
            .await
        {
            Ok(out) => Ok(out.is_opted_out()),
            Err(e) => match classify(&e) {
                // Without the permission (or if the check alone fails) the send
                // still goes ahead: the check is a courtesy, not a gate.
                SmsError::Unavailable(reason) if !matches!(e, SdkError::TimeoutError(_)) => {
                    tracing::warn!(reason, "SNS opt-out check failed; sending anyway");
                    Ok(false)
                }
                other => Err(other),
            },
        }
    }

    async fn publish(&self, message: &SmsMessage) -> Result<(), SmsError> {
        let e164 = message.to.e164();
        if self.opted_out(e164).await? {
            return Err(SmsError::OptedOut);
        }
        let mut backoff = THROTTLE_BACKOFF.iter();
        loop {
            let mut request = self
                .client
                .publish()
                .phone_number(e164)
                .message(&message.body)
                .message_attributes(
                    "AWS.SNS.SMS.SMSType",
                    Self::attribute("String", self.settings.sms_type.as_str()),
                );
            if let Some(sender_id) = &self.settings.sender_id {
                request = request.message_attributes(
                    "AWS.SNS.SMS.SenderID",
                    Self::attribute("String", sender_id),
                );
            }
            if let Some(number) = &self.settings.origination_number {
                request = request.message_attributes(
                    "AWS.MM.SMS.OriginationNumber",
                    Self::attribute("String", number),
                );
            }
            if let Some(price) = &self.settings.max_price_usd {
                request = request
                    .message_attributes("AWS.SNS.SMS.MaxPrice", Self::attribute("Number", price));
            }
            match request.send().await {
                Ok(_) => return Ok(()),
                Err(e) => match (classify(&e), backoff.next()) {
                    (SmsError::Throttled, Some(pause)) => tokio::time::sleep(*pause).await,
                    (error, _) => return Err(error),
                },
            }
        }
    }
}

/// What an SNS failure means for the person and the operator.
fn classify<E: ProvideErrorMetadata + std::fmt::Debug>(error: &SdkError<E>) -> SmsError {
    match error {
        SdkError::ServiceError(service) => {
            let err = service.err();
            let code = err.code().unwrap_or("Unknown");
            // SNS messages can quote the number: keep only its last digits.
            let text = scrub(err.message().unwrap_or(""));
            let lowered = text.to_ascii_lowercase();
            match code {
                _ if lowered.contains("opted out") || code == "OptedOut" => SmsError::OptedOut,
                "InvalidParameter" | "InvalidParameterValue" | "ParameterValueInvalid" => {
                    SmsError::InvalidNumber(format!("{code}: {text}"))
                }
                "Throttled" | "Throttling" | "ThrottlingException" | "KMSThrottling" => {
                    SmsError::Throttled
                }
                _ => SmsError::Unavailable(format!(
                    "{code}: {text} (HTTP {})",
                    service.raw().status().as_u16()
                )),
            }
        }
        SdkError::TimeoutError(_) => SmsError::Unavailable("timed out".into()),
        SdkError::DispatchFailure(failure) => SmsError::Unavailable(format!(
            "could not reach SNS ({}): {:?}",
            if failure.is_timeout() {
                "timeout"
            } else if failure.is_io() {
                "connection"
            } else {
                "dispatch"
            },
            failure.as_connector_error().map(|c| c.to_string())
        )),
        SdkError::ResponseError(_) => SmsError::Unavailable("unreadable answer from SNS".into()),
        SdkError::ConstructionFailure(_) => {
            SmsError::Unavailable("request could not be built (credentials or region?)".into())
        }
        other => SmsError::Unavailable(format!("{other:?}")),
    }
}

/// Masks every run of seven or more digits but its last four.
fn scrub(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() >= 7 {
            out.push_str(&"*".repeat(run.len() - 4));
            out.push_str(&run[run.len() - 4..]);
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[async_trait]
impl SmsSender for SnsSender {
    fn name(&self) -> &'static str {
        "sns"
    }

    async fn send(&self, message: &SmsMessage) -> Result<(), SmsError> {
        let started = std::time::Instant::now();
        let result = match tokio::time::timeout(self.settings.timeout, self.publish(message)).await
        {
            Ok(result) => result,
            Err(_) => Err(SmsError::Unavailable(format!(
                "no answer from SNS within {} s",
                self.settings.timeout.as_secs_f32()
            ))),
        };
        let label = match &result {
            Ok(()) => "sent",
            Err(SmsError::InvalidNumber(_)) => "invalid_number",
            Err(SmsError::OptedOut) => "opted_out",
            Err(SmsError::Throttled) => "throttled",
            Err(SmsError::Unavailable(_)) => "unavailable",
        };
        self.metrics
            .sns
            .get_or_create(&crate::metrics::ResultLabel { result: label })
            .observe(started.elapsed().as_secs_f64());
        result
    }
}

/// For `check-config`: whether credentials resolve, without sending anything.
pub async fn check_credentials(settings: &SnsSettings) -> Result<String, String> {
    use aws_credential_types::provider::ProvideCredentials as _;
    let config = sdk_config(settings).await;
    let provider = config
        .credentials_provider()
        .ok_or("no credential provider configured")?;
    match tokio::time::timeout(Duration::from_secs(10), provider.provide_credentials()).await {
        Ok(Ok(creds)) => Ok(format!(
            "access key {}…",
            creds.access_key_id().chars().take(4).collect::<String>()
        )),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("timed out resolving credentials".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::scrub;

    #[test]
    fn scrub_masks_long_digit_runs_only() {
        assert_eq!(
            scrub("Invalid parameter: PhoneNumber Reason: +14155552671 is not valid"),
            "Invalid parameter: PhoneNumber Reason: +*******2671 is not valid"
        );
        assert_eq!(scrub("HTTP 500 at 12:30"), "HTTP 500 at 12:30");
    }
}
