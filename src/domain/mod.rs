//! Domain types: parsed once at the edge, trusted everywhere below.
pub mod code;
pub mod digits;
pub mod phone;

pub use code::{CodeHasher, OtpCode};
pub use phone::{PhoneError, PhoneNumber};
