//! The one integration test binary: the real application, over HTTP, on
//! SQLite and on PostgreSQL.
mod helpers;

mod abuse;
mod api;
mod assets;
mod browser;
mod browser_challenge;
mod browser_host;
mod browser_walk;
mod callers;
mod challenge;
mod cli;
mod embed;
mod failover;
mod flow;
mod flow_code;
mod flow_phone;
mod hardening;
mod idempotency;
mod layers;
mod locale_codes;
mod locales;
mod locales_dir;
mod ops;
mod privacy;
mod rules;
mod slow_readers;
mod sns;
mod store_contract;
mod twilio;
mod webhook_queue;
mod webhooks;
