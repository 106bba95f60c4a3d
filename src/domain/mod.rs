//! Domain types: parsed once at the edge, trusted everywhere below.
pub mod code;
pub mod digits;
pub mod hours;
pub mod limits;
pub mod phone;
pub mod record;
pub mod segments;
pub mod stats;

pub use code::{CodeHasher, NumberKey, OtpCode};
pub use hours::{clock_hour, timestamp};
pub use limits::{
    Admitted, Block, ChallengeLevel, ChallengeWhy, NumberWindow, PumpingAction, PumpingLimits,
    PumpingRule, SendGate, SendLimits, SendRefusal, SendStats,
};
pub use phone::{PhoneError, PhoneNumber};
pub use record::{Answer, CheckRecord, NewVerification, OlderCodes, Status, Verification};
pub use stats::{Reason, StatKind};
