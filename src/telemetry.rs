//! Logs: text for people, JSON for machines. Numbers are masked and codes
//! and session ids never logged, by the code that writes each line.
use tracing_subscriber::{EnvFilter, fmt, prelude::*};

use crate::config::LogFormat;

/// The default filter: our own info lines, and only warnings from the
/// libraries that would otherwise log every statement or session step.
pub const DEFAULT_FILTER: &str = "info,sqlx=warn,tower_sessions=warn,tower_sessions_core=warn";

/// The AWS SDK's and the HTTP client's own targets: at debug and trace they
/// log credentials (the access key id, the signed `Authorization` header).
const CREDENTIAL_TARGETS: &[&str] = &[
    "aws_config",
    "aws_credential_types",
    "aws_runtime",
    "aws_sdk_sns",
    "aws_sigv4",
    "aws_smithy_async",
    "aws_smithy_http",
    "aws_smithy_http_client",
    "aws_smithy_runtime",
    "aws_smithy_runtime_api",
    "aws_smithy_types",
    "aws_smithy_query",
    "aws_smithy_xml",
    "aws_types",
    "hyper",
    "hyper_util",
    "rustls",
];

/// The filter from `RUST_LOG` (else the default). The SDK's targets stay at
/// `info` or above unless `RUST_LOG` names one of them itself.
pub fn filter(rust_log: Option<&str>) -> EnvFilter {
    let mut filter = rust_log
        .and_then(|v| EnvFilter::try_new(v).ok())
        .unwrap_or_else(|| EnvFilter::new(DEFAULT_FILTER));
    let explicit = rust_log.unwrap_or("");
    for target in CREDENTIAL_TARGETS {
        let named = explicit
            .split(',')
            .any(|d| d.trim().split(['=', '[']).next() == Some(*target));
        if !named && let Ok(directive) = format!("{target}=info").parse() {
            filter = filter.add_directive(directive);
        }
    }
    filter
}

pub fn init(format: LogFormat) {
    let filter = filter(std::env::var("RUST_LOG").ok().as_deref());
    let registry = tracing_subscriber::registry().with(filter);
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
