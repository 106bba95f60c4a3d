//! The text message: its body in the person's language, its size in each
//! shipped language, and its delivery through the `SmsSender`.
use crate::{
    domain::{OtpCode, PhoneNumber, Verification},
    i18n::{Arg, Tr},
    sms::{SmsMessage, segments::Encoding},
};

use super::{Requester, Verifier, VerifyError, events::Event};

impl Verifier {
    /// The SMS: the localized sentence, then the WebOTP line `@host #code`.
    pub fn sms_body(&self, locale: &str, code: &OtpCode) -> String {
        self.sms_text(locale, code, &Requester::default())
    }

    /// The SMS for `requester`: in its brand (a Twilio service's name) if it
    /// has one; with Android's app hash as the last line instead of the
    /// WebOTP line if it sent one.
    pub fn sms_text(&self, locale: &str, code: &OtpCode, requester: &Requester) -> String {
        self.text(locale, code, requester, self.ttl_seconds())
    }

    /// The SMS, stating a lifetime of `ttl` seconds.
    fn text(&self, locale: &str, code: &OtpCode, requester: &Requester, ttl: i64) -> String {
        let lang = self
            .i18n
            .locale(locale)
            .unwrap_or(self.i18n.default_locale());
        let brand = requester.brand.as_deref().unwrap_or(&self.policy.brand);
        let tr = Tr::new(self.i18n.clone(), lang, brand.into());
        let (id, lifetime) = crate::i18n::lifetime(ttl, "sms-body", "sms-body-seconds");
        let text = tr.plain(
            id,
            &[
                ("brand", Arg::from(&*tr.brand)),
                ("code", Arg::from(code.expose())),
                lifetime,
            ],
        );
        match &requester.app_hash {
            Some(hash) => format!("{text}\n{hash}"),
            None => crate::sms::with_webotp_line(&text, &self.policy.webotp_host, code.expose()),
        }
    }

    /// The code's lifetime in whole seconds, as the text states it.
    fn ttl_seconds(&self) -> i64 {
        i64::from(self.policy.otp.ttl_seconds)
    }

    /// Each available locale's SMS (the shipped ones and those
    /// `LOCALES_DIR` adds) with a sample code: its encoding, length
    /// (septets or UTF-16 units) and segments — the longer of its two
    /// wordings (a lifetime in minutes, and in seconds under a minute).
    pub fn sms_report(&self) -> Vec<(&'static str, Encoding, usize, usize)> {
        let sample = OtpCode::generate(self.policy.otp.length);
        let none = Requester::default();
        self.i18n
            .locales()
            .iter()
            .map(|lang| {
                [self.ttl_seconds(), 59]
                    .map(|ttl| crate::sms::segments::measure(&self.text(lang, &sample, &none, ttl)))
                    .into_iter()
                    .max_by_key(|(_, units, segments)| (*segments, *units))
                    .map(|(encoding, units, segments)| (*lang, encoding, units, segments))
                    .expect("two wordings")
            })
            .collect()
    }

    /// Texts `code` for `verification`. A send that failed cancels the
    /// verification (its code never arrived) and is marked undelivered.
    pub(super) async fn deliver(
        &self,
        verification: &Verification,
        phone: &PhoneNumber,
        code: &OtpCode,
        requester: &Requester,
    ) -> Result<(), VerifyError> {
        let message = SmsMessage {
            to: phone.clone(),
            body: self.sms_text(&verification.locale, code, requester),
        };
        let country = verification.country.as_str();
        if let Err(error) = self.sms.send(&message).await {
            self.record(Event::SmsFailed {
                error: &error,
                country,
                masked: &phone.masked(),
            })
            .await;
            self.store
                .send_failed(verification.id, self.clock.now())
                .await?;
            return Err(VerifyError::SmsFailed(error));
        }
        self.record(Event::Sent { country }).await;
        Ok(())
    }
}
