//! A verification as the rules see it, whatever stores it.
use time::OffsetDateTime;
use uuid::Uuid;

/// Where a verification stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pending,
    Approved,
    Expired,
    Canceled,
    MaxAttemptsReached,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::Expired => "expired",
            Status::Canceled => "canceled",
            Status::MaxAttemptsReached => "max_attempts_reached",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "pending" => Status::Pending,
            "approved" => Status::Approved,
            "expired" => Status::Expired,
            "canceled" => Status::Canceled,
            "max_attempts_reached" => Status::MaxAttemptsReached,
            _ => return None,
        })
    }
}

/// A verification as stored. `code_hash` is the HMAC, never the code.
#[derive(Clone, PartialEq, Eq)]
pub struct Verification {
    pub id: Uuid,
    /// E.164.
    pub phone: String,
    /// The number's ISO 3166 country, or `+` and its calling code for a
    /// number of no country.
    pub country: String,
    pub code_hash: Vec<u8>,
    /// The codes resends replaced, each good until its own expiry (a late
    /// text still works).
    pub older_codes: OlderCodes,
    pub status: Status,
    pub attempts_left: u32,
    pub locale: String,
    pub created_at: OffsetDateTime,
    /// The last change: a send, a check, a cancel.
    pub updated_at: OffsetDateTime,
    pub last_sent_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    /// The API key (its name) that created it; `None` for the pages.
    pub tenant: Option<String>,
    /// Twilio's `Tags`: a JSON object as the app sent it.
    pub tags: Option<String>,
}

impl std::fmt::Debug for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verification")
            .field("id", &self.id)
            .field("status", &self.status)
            .field("attempts_left", &self.attempts_left)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl Verification {
    /// The hashes a code may match at `now`: the current code's, then each
    /// older code's until its own expiry.
    pub fn live_hashes(&self, now: OffsetDateTime) -> Vec<&[u8]> {
        std::iter::once(self.code_hash.as_slice())
            .chain(self.older_codes.live(now))
            .collect()
    }

    /// The status as of `now`: a pending verification past its expiry is expired.
    pub fn status_at(&self, now: OffsetDateTime) -> Status {
        if self.status == Status::Pending && self.expires_at <= now {
            Status::Expired
        } else {
            self.status
        }
    }
}

/// The codes that resends replaced, packed as the databases keep them
/// (`older_codes`): per code its 32-byte HMAC, then its expiry in
/// milliseconds since the epoch as a big-endian `i64`. PostgreSQL appends
/// and prunes the same layout in `pv_resend_and_send` (`pv_live_codes`).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct OlderCodes(Vec<u8>);

impl OlderCodes {
    const HASH: usize = 32;
    const ENTRY: usize = Self::HASH + 8;

    /// As stored; `None` is none.
    pub fn from_stored(bytes: Option<Vec<u8>>) -> Self {
        Self(bytes.unwrap_or_default())
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    fn entries(&self) -> impl Iterator<Item = (&[u8], i64)> {
        self.0.chunks_exact(Self::ENTRY).map(|e| {
            let (hash, until) = e.split_at(Self::HASH);
            let mut ms = [0u8; 8];
            ms.copy_from_slice(until);
            (hash, i64::from_be_bytes(ms))
        })
    }

    /// The hashes still good at `now`, oldest first.
    pub fn live(&self, now: OffsetDateTime) -> impl Iterator<Item = &[u8]> {
        let now = millis(now);
        self.entries()
            .filter(move |(_, until)| *until > now)
            .map(|(hash, _)| hash)
    }

    /// After a resend at `now` of `new`: the codes still good, and the
    /// replaced current code (`hash`, good until `until`) unless it is
    /// `new` again (a test number's fixed code is not kept twice).
    pub fn after_resend(
        &self,
        hash: &[u8],
        until: OffsetDateTime,
        new: &[u8],
        now: OffsetDateTime,
    ) -> Self {
        let now_ms = millis(now);
        let mut bytes = Vec::with_capacity(self.0.len() + Self::ENTRY);
        for (h, ms) in self.entries().filter(|(_, ms)| *ms > now_ms) {
            bytes.extend_from_slice(h);
            bytes.extend_from_slice(&ms.to_be_bytes());
        }
        if hash != new {
            bytes.extend_from_slice(hash);
            bytes.extend_from_slice(&millis(until).to_be_bytes());
        }
        Self(bytes)
    }
}

impl std::fmt::Debug for OlderCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "OlderCodes({})", self.0.len() / Self::ENTRY)
    }
}

fn millis(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// A verification about to be created.
#[derive(Debug, Clone)]
pub struct NewVerification {
    pub id: Uuid,
    pub phone: String,
    /// The number's key in the logs of its sends and wrong codes.
    pub phone_key: super::NumberKey,
    pub country: String,
    pub code_hash: Vec<u8>,
    pub locale: String,
    pub max_attempts: u32,
    pub expires_at: OffsetDateTime,
    pub tenant: Option<String>,
    /// The app (`[[clients]]` id) whose flow or Twilio service started it,
    /// for webhooks.
    pub client: Option<String>,
    /// Twilio's `Tags`, as sent.
    pub tags: Option<String>,
}

/// What a typed code turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Not the code: spends an attempt.
    Wrong,
    /// The current code.
    Current,
    /// A code a resend replaced, before its own expiry.
    Previous,
}

/// What a check records beside the verification itself.
#[derive(Debug, Clone, Copy)]
pub struct CheckRecord {
    /// Until when a wrong guess counts against the number's budget.
    pub guess_until: OffsetDateTime,
    /// The number's wrong-code budget (`WRONG_CODE_LIMIT_PER_PHONE`) and the
    /// start of its window: a wrong guess that spends the budget's last
    /// ends the verification, whichever tenant's it is (each tenant has its
    /// own pending verification; the number has one budget).
    pub guess_budget: u32,
    pub guess_since: OffsetDateTime,
    /// The clock hour of the operator page's counter an approval adds to.
    pub hour: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn older_codes_keep_each_code_until_its_own_expiry() {
        let t0 = datetime!(2026-12-03 12:00 UTC);
        let minute = time::Duration::minutes(1);
        let none = OlderCodes::default();
        assert_eq!(none.live(t0).count(), 0);
        let one = none.after_resend(&[1; 32], t0 + 10 * minute, &[2; 32], t0);
        let two = one.after_resend(&[2; 32], t0 + 11 * minute, &[3; 32], t0 + minute);
        let live: Vec<&[u8]> = two.live(t0 + 2 * minute).collect();
        assert_eq!(live, vec![&[1u8; 32][..], &[2u8; 32][..]], "oldest first");
        assert_eq!(
            two.live(t0 + 10 * minute).count(),
            1,
            "the first ends at 10 minutes"
        );
        // A resend prunes what has expired: the packing stays bounded.
        let three = two.after_resend(&[3; 32], t0 + 20 * minute, &[4; 32], t0 + 10 * minute);
        assert_eq!(three.as_bytes().len(), 2 * 40);
        // The same code sent again is not kept twice.
        assert_eq!(
            three.after_resend(&[4; 32], t0 + 21 * minute, &[4; 32], t0 + 10 * minute),
            three
        );
        assert_eq!(
            OlderCodes::from_stored(Some(three.as_bytes().to_vec())),
            three
        );
        // Millisecond expiries, as both databases pack them.
        let until = t0 + time::Duration::milliseconds(1500);
        let ms = OlderCodes::default().after_resend(&[4; 32], until, &[5; 32], t0);
        assert_eq!(
            ms.as_bytes()[32..],
            (until.unix_timestamp_nanos() / 1_000_000).to_be_bytes()[8..]
        );
        assert_eq!(ms.live(until - time::Duration::milliseconds(1)).count(), 1);
        assert_eq!(ms.live(until).count(), 0);
    }
}
