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
    /// The code a resend replaced, still good until `prev_expires_at` (a
    /// late text): at most the two latest codes work.
    pub prev_code_hash: Option<Vec<u8>>,
    pub prev_expires_at: Option<OffsetDateTime>,
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
    /// The hashes a code may match at `now`: the current code's, and the
    /// previous one's until its own expiry.
    pub fn live_hashes(&self, now: OffsetDateTime) -> Vec<&[u8]> {
        let mut hashes = vec![self.code_hash.as_slice()];
        if let (Some(previous), Some(until)) = (&self.prev_code_hash, self.prev_expires_at)
            && until > now
        {
            hashes.push(previous);
        }
        hashes
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

/// A verification about to be created.
#[derive(Debug, Clone)]
pub struct NewVerification {
    pub id: Uuid,
    pub phone: String,
    pub country: String,
    pub code_hash: Vec<u8>,
    pub locale: String,
    pub max_attempts: u32,
    pub expires_at: OffsetDateTime,
    pub tenant: Option<String>,
    /// The app (`[[clients]]` id) whose flow or Twilio service started it,
    /// for webhooks.
    pub client: Option<String>,
}

/// What a typed code turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Not the code: spends an attempt.
    Wrong,
    /// The current code.
    Current,
    /// The code the last resend replaced, before its own expiry.
    Previous,
}

/// What a check records beside the verification itself.
#[derive(Debug, Clone, Copy)]
pub struct CheckRecord {
    /// Until when a wrong guess counts against the number's budget.
    pub guess_until: OffsetDateTime,
    /// The clock hour of the operator page's counter an approval adds to.
    pub hour: OffsetDateTime,
}
