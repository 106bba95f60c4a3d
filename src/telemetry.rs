//! Logs: text for people, JSON for machines. Numbers are masked and codes
//! and session ids never logged, by the code that writes each line.
use tracing::{Level, Metadata};
use tracing_subscriber::{EnvFilter, filter::FilterFn, fmt, prelude::*};

use crate::config::LogFormat;

/// The default filter: our own info lines, and only warnings from the
/// libraries that would otherwise log every statement or session step.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn,tower_sessions=warn,tower_sessions_core=warn";

/// The crates of the AWS SDK and of the HTTP clients and servers under it,
/// by the first segment of their targets: at debug and trace they log
/// credentials (the access key id, the signed `Authorization` header) and
/// request headers. Every crate whose name starts with `aws_` (the SDK, its
/// `aws_smithy_*` runtime, `aws_sigv4`, `aws_config`, `aws_lc_rs`) is one
/// of them too.
const CLAMPED_CRATES: &[&str] = &[
    "h2",
    "http",
    "http_body",
    "hyper",
    "hyper_rustls",
    "hyper_util",
    "reqwest",
    "rustls",
    "tokio_rustls",
    "tower",
    "tower_http",
];

/// The most a clamped crate may log, whatever `RUST_LOG` says.
pub const CLAMP: Level = Level::INFO;

/// Whether a target is one of the SDK's or the HTTP stack's
/// ([`CLAMPED_CRATES`], `aws_*`).
pub fn clamped_target(target: &str) -> bool {
    let krate = target.split("::").next().unwrap_or(target);
    krate.starts_with("aws_") || CLAMPED_CRATES.contains(&krate)
}

/// Whether a span or event may be logged at all: those of a clamped
/// target only at [`CLAMP`] or above.
pub fn allowed(metadata: &Metadata<'_>) -> bool {
    *metadata.level() <= CLAMP || !clamped_target(metadata.target())
}

/// The filter from `RUST_LOG` (else the default). It decides what is
/// logged, except that it cannot raise a clamped target past [`CLAMP`]:
/// [`init`] stacks [`clamp`] on top of it.
pub fn filter(rust_log: Option<&str>) -> EnvFilter {
    rust_log
        .and_then(|v| EnvFilter::try_new(v).ok())
        .unwrap_or_else(|| EnvFilter::new(DEFAULT_FILTER))
}

/// A filter of its own, beside `RUST_LOG`'s: it turns the SDK's and the HTTP
/// stack's debug and trace call sites off for good (their interest is
/// "never"), so no directive — a target's (`aws_sigv4=trace`), a span's
/// (`[request]=trace`, `[{request_id}]=trace`) or the catch-all (`trace`) —
/// can bring them back.
pub fn clamp() -> FilterFn<fn(&Metadata<'_>) -> bool> {
    FilterFn::new(allowed as fn(&Metadata<'_>) -> bool)
}

pub fn init(format: LogFormat) {
    let filter = filter(std::env::var("RUST_LOG").ok().as_deref());
    let registry = tracing_subscriber::registry().with(filter).with(clamp());
    let result = match format {
        LogFormat::Text => registry.with(fmt::layer().with_target(false)).try_init(),
        LogFormat::Json => registry
            .with(fmt::layer().json().flatten_event(true))
            .try_init(),
    };
    if let Err(e) = result {
        eprintln!("logging was already set up: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sdk_and_the_http_stack_are_clamped_and_our_own_lines_are_not() {
        for target in [
            "aws_sigv4::http_request::sign",
            "aws_smithy_runtime::client::orchestrator",
            "aws_config",
            "aws_sdk_sns",
            "aws_sdk_sts::config",
            "aws_credential_types::provider",
            "hyper_util::client::legacy::pool",
            "h2::codec",
            "rustls::client::hs",
            "reqwest::connect",
            "tower::buffer",
        ] {
            assert!(clamped_target(target), "{target}");
        }
        for target in ["phone_verify::web", "phone_verify", "sqlx::query", "awsome"] {
            assert!(!clamped_target(target), "{target}");
        }
    }
}
