//! How a refused or failed verification becomes an HTTP answer, decided
//! once for the pages and the API: the status, when to try again, the
//! localized message and the API's error code.
use axum::{
    http::{HeaderValue, StatusCode, header},
    response::Response,
};
use time::Duration;

use crate::{
    domain::{SendRefusal, Status},
    i18n::{Arg, Tr},
    sms::SmsError,
    verification::VerifyError,
};

/// How long a client is told to wait after a failure of the SMS provider or
/// the database.
pub const UNAVAILABLE_RETRY: Duration = Duration::seconds(5);

/// One outcome's answer.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: StatusCode,
    /// The API's error code (SPEC).
    pub code: &'static str,
    /// The localized message and its arguments.
    pub message_id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
    /// For `Retry-After`.
    pub retry_after: Option<Duration>,
}

impl Outcome {
    fn new(status: StatusCode, code: &'static str, message_id: &'static str) -> Self {
        Self {
            status,
            code,
            message_id,
            args: Vec::new(),
            retry_after: None,
        }
    }

    fn retry(mut self, after: Duration) -> Self {
        self.retry_after = Some(after);
        self
    }

    fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `tr`'s language.
    pub fn message(&self, tr: &Tr) -> String {
        if self.args.is_empty() {
            tr.t(self.message_id)
        } else {
            tr.args(self.message_id, &self.args)
        }
    }

    /// Adds `Retry-After` to `response` when the outcome has one.
    pub fn stamp(&self, response: &mut Response) {
        if let Some(after) = self.retry_after {
            set_retry_after(response, after);
        }
    }
}

/// Whole seconds, rounded up, at least one: what `Retry-After` says.
pub fn retry_seconds(after: Duration) -> u64 {
    let ms = after.whole_milliseconds().max(0) as u64;
    ms.div_ceil(1000).max(1)
}

/// Sets `Retry-After` on a response.
pub fn set_retry_after(response: &mut Response, after: Duration) {
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_seconds(after)));
}

/// The answer to a refused send.
pub fn refusal(refusal: SendRefusal) -> Outcome {
    let after = refusal.retry_after();
    let minutes = retry_seconds(after).div_ceil(60) as i64;
    match refusal {
        SendRefusal::Cooldown { .. } => Outcome::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "error-cooldown",
        )
        .arg("seconds", retry_seconds(after) as i64),
        SendRefusal::Quota { .. } => {
            Outcome::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "error-quota")
                .arg("minutes", minutes)
        }
        SendRefusal::Guesses { .. } => Outcome::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "error-wrong-code-limit",
        )
        .arg("minutes", minutes),
        SendRefusal::Pumping { .. } => Outcome::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "error-blocked",
        ),
        SendRefusal::Budget { .. } => Outcome::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "budget_exhausted",
            "error-budget",
        ),
        // Only the pages are asked (they show the challenge with it).
        SendRefusal::Challenge { .. } => {
            return Outcome::new(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "challenge-needed",
            );
        }
    }
    .retry(after)
}

/// The answer to a text the provider did not send.
pub fn sms_failure(e: &SmsError) -> Outcome {
    match e {
        SmsError::InvalidNumber(_) => Outcome::new(
            StatusCode::BAD_REQUEST,
            "invalid_phone",
            "error-invalid-phone",
        ),
        SmsError::OptedOut => {
            Outcome::new(StatusCode::BAD_REQUEST, "invalid_phone", "error-opted-out")
        }
        SmsError::Throttled | SmsError::Unavailable(_) => Outcome::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "sms_failed",
            "error-sms-failed",
        )
        .retry(UNAVAILABLE_RETRY),
    }
}

/// The answer to a check or change of a verification that is no longer
/// pending (or still is, for an operation that needs it ended).
pub fn not_pending(status: Status) -> Outcome {
    let (code, message_id) = match status {
        Status::Expired => ("expired", "error-expired"),
        Status::Approved => ("approved", "error-no-longer-valid"),
        Status::Canceled => ("canceled", "error-no-longer-valid"),
        Status::MaxAttemptsReached => ("max_attempts_reached", "error-max-attempts"),
        Status::Pending => ("invalid_request", "error-bad-request"),
    };
    Outcome::new(StatusCode::BAD_REQUEST, code, message_id)
}

/// Every outcome of the rules that is not a success.
pub fn of(error: &VerifyError) -> Outcome {
    match error {
        VerifyError::Refused(r) => refusal(*r),
        VerifyError::CountryNotAllowed => Outcome::new(
            StatusCode::FORBIDDEN,
            "country_not_allowed",
            "error-country-not-allowed",
        ),
        VerifyError::SmsFailed(e) => sms_failure(e),
        VerifyError::NotPending(status) => not_pending(*status),
        VerifyError::NotFound => {
            Outcome::new(StatusCode::NOT_FOUND, "not_found", "error-not-found")
        }
        VerifyError::Store(_) => Outcome::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "error-unavailable",
        )
        .retry(UNAVAILABLE_RETRY),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_rounds_up_to_whole_seconds() {
        assert_eq!(retry_seconds(Duration::ZERO), 1);
        assert_eq!(retry_seconds(Duration::milliseconds(1)), 1);
        assert_eq!(retry_seconds(Duration::milliseconds(1001)), 2);
        assert_eq!(retry_seconds(Duration::seconds(30)), 30);
        assert_eq!(retry_seconds(Duration::seconds(-5)), 1);
    }

    #[test]
    fn every_refusal_has_its_status_and_code() {
        let after = Duration::seconds(90);
        let cases = [
            (
                SendRefusal::Cooldown { retry_after: after },
                429,
                "rate_limited",
            ),
            (
                SendRefusal::Quota { retry_after: after },
                429,
                "rate_limited",
            ),
            (
                SendRefusal::Guesses { retry_after: after },
                429,
                "rate_limited",
            ),
            (
                SendRefusal::Pumping { retry_after: after },
                429,
                "rate_limited",
            ),
            (
                SendRefusal::Budget { retry_after: after },
                503,
                "budget_exhausted",
            ),
        ];
        for (r, status, code) in cases {
            let o = refusal(r);
            assert_eq!((o.status.as_u16(), o.code), (status, code), "{r:?}");
            assert_eq!(o.retry_after, Some(after));
        }
        assert_eq!(refusal(cases[1].0).args[0].0, "minutes");
    }
}
