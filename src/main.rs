//! The `phone-verify` command. Exit codes: 0 ok, 1 runtime failure
//! (database, port), 2 invalid configuration (one line per problem) or usage.
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use phone_verify::{
    config::Settings,
    domain::{CodeHasher, PhoneNumber},
    startup::Application,
    storage::{self, Retention},
    telemetry,
};

#[derive(Parser)]
#[command(
    name = "phone-verify",
    version,
    about = "Proves a person controls a phone number"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web flow (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Delete expired verifications, stale send records and expired sessions once.
    PurgeExpired,
    /// Print the effective configuration (secrets redacted) and exit.
    CheckConfig,
    /// Webhook deliveries.
    #[command(subcommand)]
    Webhooks(WebhooksCommand),
    /// Remove a phone number from every table (its verifications, app flows,
    /// sessions, webhook events and deliveries, kept answers); its limits
    /// still hold: the send and wrong-code logs know it only by a keyed hash.
    Forget {
        /// The number in international form (+14155552671).
        number: String,
    },
}

#[derive(Subcommand)]
enum WebhooksCommand {
    /// Send a failed delivery again (its id as on /admin), or every failed one.
    Redeliver {
        /// The delivery's id.
        #[arg(required_unless_present = "failed", conflicts_with = "failed")]
        id: Option<i64>,
        /// Every failed delivery.
        #[arg(long)]
        failed: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::load() {
        Ok(s) => s,
        Err(e) => {
            if let Some(Command::CheckConfig) = cli.command {
                // Every problem, one line each.
                for problem in Settings::problems() {
                    eprintln!("phone-verify: {problem}");
                }
            } else {
                eprintln!("phone-verify: {e}");
            }
            return ExitCode::from(2);
        }
    };
    if let Some(Command::CheckConfig) = cli.command {
        return check_config(&settings);
    }
    telemetry::init(settings.log_format);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("phone-verify: cannot start the runtime: {e}");
            return ExitCode::from(1);
        }
    };
    let hasher = CodeHasher::new(settings.secret_key.bytes());
    let result = runtime.block_on(async move {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(settings).await,
            Command::Migrate => {
                // Only the schema: the rows from before numbers were keyed
                // are keyed by the first command that runs with the server
                // key (serve, purge-expired, forget), so a migration job
                // without SECRET_KEY cannot key them with a key of its own.
                let (store, sessions) = storage::connect(&settings.database_url).await?;
                store.migrate().await?;
                sessions.migrate().await?;
                println!("migrations applied ({})", store.backend());
                Ok(())
            }
            Command::PurgeExpired => {
                let (store, sessions) = storage::open(&settings.database_url, &hasher).await?;
                store.set_events(!settings.webhooks.is_empty());
                let now = time::OffsetDateTime::now_utc();
                let purged = store.purge(&Retention::at(now)).await?;
                tower_sessions::ExpiredDeletion::delete_expired(&sessions).await?;
                println!(
                    "deleted {} verifications and {} send records",
                    purged.verifications, purged.sends
                );
                Ok(())
            }
            Command::Webhooks(WebhooksCommand::Redeliver { id, failed: _ }) => {
                use phone_verify::storage::webhooks::Redeliver;
                let (store, _) = storage::open(&settings.database_url, &hasher).await?;
                let which = id.map_or(Redeliver::AllFailed, Redeliver::One);
                let now = time::OffsetDateTime::now_utc();
                let n = store.redeliver(which, now).await?;
                if n == 0 && id.is_some() {
                    anyhow::bail!("no failed delivery with that id");
                }
                println!("{n} deliveries will be sent again by a running instance");
                Ok(())
            }
            Command::Forget { number } => match number_to_forget(&number) {
                Some(number) => forget(&settings, &hasher, number).await,
                None => Err(UsageError(
                    "forget: not a phone number in international form (+ and the country code)",
                )
                .into()),
            },
            Command::CheckConfig => unreachable!("handled before the runtime starts"),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<UsageError>() => {
            eprintln!("phone-verify: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            tracing::error!(error = format!("{e:#}"), "phone-verify stopped");
            eprintln!("phone-verify: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// `phone-verify forget <number>`: removes the number and prints what went.
/// The number is printed masked, as in the logs.
/// A command used wrongly: exit 2, like a bad setting.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct UsageError(&'static str);

/// The number `forget` was given, in E.164 and masked; `None` when it is
/// not a number in international form.
fn number_to_forget(number: &str) -> Option<(String, String)> {
    let number = number.trim();
    // Any number a verification can hold: a valid one in any layout, a test
    // number, or one in E.164 that no longer validates.
    let phone = PhoneNumber::from_stored(number).or_else(|| PhoneNumber::parse(number, None).ok());
    let (e164, shown) = match phone {
        Some(phone) => (phone.e164().to_owned(), phone.masked()),
        // A plus and 8 to 15 digits: never a calling code or a prefix alone.
        None if (9..=16).contains(&number.len())
            && number.starts_with('+')
            && number[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            let hidden = number.len() - 2;
            (
                number.to_owned(),
                format!("+{}{}", "*".repeat(hidden - 1), &number[hidden..]),
            )
        }
        None => return None,
    };
    Some((e164, shown))
}

async fn forget(
    settings: &Settings,
    hasher: &CodeHasher,
    (e164, shown): (String, String),
) -> anyhow::Result<()> {
    let (store, _) = storage::open(&settings.database_url, hasher).await?;
    let key = hasher.number_key(&e164);
    let gone = store.forget(&e164, &key).await?;
    println!(
        "forgot {}: {} verifications, {} app flows, {} browser sessions, {} webhook events, \
         {} webhook deliveries, {} kept API answers",
        shown,
        gone.verifications,
        gone.flows,
        gone.sessions,
        gone.webhook_events,
        gone.webhook_deliveries,
        gone.idempotency_keys
    );
    println!(
        "still counted toward its limits, under a keyed hash and without the number: \
         {} sends and {} wrong codes, each until its own expiry",
        gone.keyed_sends, gone.keyed_guesses
    );
    Ok(())
}

/// Prints the effective settings; with SNS, also whether AWS credentials
/// resolve (nothing is sent). Exit 2 when they do not.
fn check_config(settings: &Settings) -> ExitCode {
    println!("{settings:#?}");
    for warning in settings.warnings() {
        eprintln!("phone-verify: warning: {warning}");
    }
    if let Some(sns) = &settings.sns {
        println!(
            "SNS: region {}, SMS type {}, endpoint {}",
            sns.region,
            sns.sms_type.as_str(),
            sns.endpoint_url
                .as_ref()
                .map_or("AWS default".to_owned(), |u| u.to_string())
        );
        let runtime = tokio::runtime::Runtime::new().expect("a runtime for the credential check");
        match runtime.block_on(phone_verify::sms::sns::check_credentials(sns)) {
            Ok(which) => println!("AWS credentials: resolved ({which})"),
            Err(e) => {
                println!("AWS credentials: NOT resolved: {e}");
                eprintln!(
                    "phone-verify: invalid configuration: AWS credentials do not resolve: {e}"
                );
                return ExitCode::from(2);
            }
        }
    }
    println!("configuration ok");
    ExitCode::SUCCESS
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    if let Some(limit) = phone_verify::web::server::raise_open_file_limit() {
        tracing::debug!(limit, "open-file limit");
    }
    let app = Application::build(settings).await?;
    tracing::info!(
        backend = app.state().store.backend(),
        "listening on http://{}",
        app.local_addr()
    );
    app.run_until_stopped(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
