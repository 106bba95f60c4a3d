//! The dev outbox: keeps the newest messages in memory instead of texting
//! them, and shows them at `/dev/outbox`. Never for production: start-up
//! refuses it on a non-loopback address unless `DEV_OUTBOX_PUBLIC=true`.
use std::{
    collections::VecDeque,
    sync::{Arc, Mutex},
};

use async_trait::async_trait;
use time::OffsetDateTime;

use super::{SmsError, SmsMessage, SmsSender};
use crate::clock::Clock;

/// How many messages the outbox keeps.
pub const CAPACITY: usize = 1000;

#[derive(Debug, Clone, serde::Serialize)]
pub struct OutboxMessage {
    pub to: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub sent_at: OffsetDateTime,
}

pub struct Outbox {
    messages: Mutex<VecDeque<OutboxMessage>>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Outbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Outbox")
    }
}

impl Outbox {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            messages: Mutex::new(VecDeque::with_capacity(64)),
            clock,
        }
    }

    /// Newest first, optionally only those to one E.164 number.
    pub fn list(&self, to: Option<&str>) -> Vec<OutboxMessage> {
        let messages = self
            .messages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        messages
            .iter()
            .rev()
            .filter(|m| to.is_none_or(|to| m.to == to))
            .cloned()
            .collect()
    }
}

#[async_trait]
impl SmsSender for Outbox {
    fn name(&self) -> &'static str {
        "outbox"
    }

    async fn send(&self, message: &SmsMessage) -> Result<(), SmsError> {
        let mut messages = self
            .messages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if messages.len() == CAPACITY {
            messages.pop_front();
        }
        messages.push_back(OutboxMessage {
            to: message.to.e164().to_owned(),
            body: message.body.clone(),
            sent_at: self.clock.now(),
        });
        drop(messages);
        tracing::info!(to = %message.to.masked(), "sms kept in the dev outbox");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{clock::SystemClock, domain::PhoneNumber};

    #[tokio::test]
    async fn keeps_the_newest_thousand_newest_first() {
        let outbox = Outbox::new(Arc::new(SystemClock));
        let a = PhoneNumber::parse("+14155552671", None).unwrap();
        let b = PhoneNumber::parse("+34612345678", None).unwrap();
        for i in 0..CAPACITY + 5 {
            let to = if i % 2 == 0 { a.clone() } else { b.clone() };
            outbox
                .send(&SmsMessage {
                    to,
                    body: format!("m{i}"),
                })
                .await
                .unwrap();
        }
        let all = outbox.list(None);
        assert_eq!(all.len(), CAPACITY);
        assert_eq!(all[0].body, format!("m{}", CAPACITY + 4));
        assert_eq!(all.last().unwrap().body, "m5");
        let only_b = outbox.list(Some("+34612345678"));
        assert!(only_b.iter().all(|m| m.to == "+34612345678"));
        assert_eq!(only_b.len(), CAPACITY / 2);
    }
}
