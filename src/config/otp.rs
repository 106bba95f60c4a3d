//! Codes and how often one number may get one: length, lifetime, attempts,
//! cooldown, quota and the wrong-code budget.
use super::{ConfigError, keys, problem, source::Source};

/// Code lifetime, length and attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtpSettings {
    pub length: u8,
    pub ttl_seconds: u32,
    pub max_attempts: u32,
}

/// Limits on how often one number may be texted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SendSettings {
    pub resend_cooldown_seconds: u32,
    pub limit_per_phone: u32,
    pub limit_window_seconds: u32,
    /// Wrong codes allowed per number in the window, over all its
    /// verifications (`WRONG_CODE_LIMIT_PER_PHONE`, default `OTP_MAX_ATTEMPTS`).
    pub wrong_code_limit: u32,
}

pub fn otp(src: &Source) -> Result<OtpSettings, ConfigError> {
    Ok(OtpSettings {
        length: keys::OTP_LENGTH.read(src)? as u8,
        ttl_seconds: keys::OTP_TTL_SECONDS.read(src)?,
        max_attempts: keys::OTP_MAX_ATTEMPTS.read(src)?,
    })
}

pub fn send(src: &Source, otp: &OtpSettings) -> Result<SendSettings, ConfigError> {
    Ok(SendSettings {
        resend_cooldown_seconds: keys::RESEND_COOLDOWN_SECONDS.read(src)?,
        limit_per_phone: keys::SEND_LIMIT_PER_PHONE.read(src)?,
        limit_window_seconds: keys::SEND_LIMIT_WINDOW_SECONDS.read(src)?,
        wrong_code_limit: keys::WRONG_CODE_LIMIT_PER_PHONE.read_or(src, otp.max_attempts)?,
    })
}

/// `TEST_NUMBERS`: `+15005550006=123456,…`, numbers with a fixed code
/// (E.164 → code), never a real mobile number of a country sent to.
pub fn test_numbers(
    src: &Source,
    otp: &OtpSettings,
    allowed_countries: &[&'static str],
) -> Result<Vec<(String, String)>, ConfigError> {
    let mut numbers = Vec::new();
    for entry in src.list("TEST_NUMBERS") {
        let (number, code) = entry.split_once('=').ok_or_else(|| {
            problem(
                "TEST_NUMBERS",
                format!("`{entry}` is not number=code, such as +15005550006=123456"),
            )
        })?;
        let code = code.trim();
        if code.len() != usize::from(otp.length) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(problem(
                "TEST_NUMBERS",
                format!(
                    "the code for {} must be {} digits (OTP_LENGTH)",
                    number.trim(),
                    otp.length
                ),
            ));
        }
        let e164 = crate::domain::phone::test_number(number.trim(), allowed_countries)
            .map_err(|why| problem("TEST_NUMBERS", why))?;
        numbers.push((e164, code.to_owned()));
    }
    Ok(numbers)
}
