//! phone-verify: proves a person controls a phone number.
#![forbid(unsafe_code)]
pub mod challenge;
pub mod clock;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod metrics;
pub mod pumping;
pub mod sms;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod verification;
pub mod web;
pub mod webhooks;
