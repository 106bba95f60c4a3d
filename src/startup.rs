//! Builds the application from settings: database, migrations, SMS sender,
//! rules, router, listener and background tasks. Used by `main` and tests alike.
use std::{future::Future, net::SocketAddr, sync::Arc, time::Duration};

use tokio::net::TcpListener;
use tower_sessions::ExpiredDeletion;

use crate::{
    clock::{Clock, SystemClock},
    config::{Settings, SmsProvider},
    domain::CodeHasher,
    i18n::I18n,
    metrics::Metrics,
    sms::{Outbox, SmsSender, sns::SnsSender},
    storage::{self, sessions::SessionStoreAny},
    verification::{Policy, Verifier},
    web,
    web::state::AppState,
};

pub struct Application {
    listener: TcpListener,
    /// `METRICS_BIND_ADDR`'s listener, when set.
    metrics_listener: Option<TcpListener>,
    state: AppState,
    sessions: SessionStoreAny,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// Builds with a given clock (tests move time instead of sleeping).
    pub async fn build_with_clock(
        settings: Settings,
        clock: Arc<dyn Clock>,
    ) -> anyhow::Result<Self> {
        let hasher = CodeHasher::new(settings.secret_key.bytes());
        let (store, sessions) = storage::open(&settings.database_url, &hasher).await?;
        // State changes write webhook events only when someone reads them.
        store.set_events(!settings.webhooks.is_empty());
        let i18n = Arc::new(I18n::with_locales_dir(
            &settings.default_locale,
            settings.locales_dir.as_ref(),
        )?);
        for warning in settings.warnings() {
            tracing::warn!("{warning}");
        }
        if let Some(dir) = &settings.locales_dir {
            tracing::info!(
                dir = %dir.dir.display(),
                locales = dir.locales.len(),
                "messages from LOCALES_DIR"
            );
        }
        let metrics = Arc::new(Metrics::default());
        let (sms, outbox): (Arc<dyn SmsSender>, _) = match settings.sms_provider {
            SmsProvider::Outbox => {
                let outbox = Arc::new(Outbox::new(clock.clone()));
                (outbox.clone(), Some(outbox))
            }
            SmsProvider::Sns => {
                let sns = settings
                    .sns
                    .clone()
                    .ok_or_else(|| anyhow::anyhow!("SNS settings missing"))?;
                (Arc::new(SnsSender::new(sns, metrics.clone()).await), None)
            }
        };
        let policy = Policy {
            otp: settings.otp,
            send: settings.send,
            abuse: settings.abuse.clone(),
            test_numbers: settings.test_numbers.iter().cloned().collect(),
            brand: settings.brand.name.clone(),
            webotp_host: settings
                .public_url
                .host_str()
                .unwrap_or("localhost")
                .to_owned(),
        };
        let verifier = Arc::new(Verifier::new(
            store.clone(),
            sms,
            clock.clone(),
            hasher,
            i18n.clone(),
            policy,
            metrics.clone(),
        ));
        for (lang, encoding, units, segments) in verifier.sms_report() {
            if segments > 1 {
                tracing::warn!(
                    lang,
                    encoding = encoding.as_str(),
                    units,
                    segments,
                    "the SMS takes more than one segment"
                );
            } else {
                tracing::debug!(
                    lang,
                    encoding = encoding.as_str(),
                    units,
                    segments,
                    "SMS size"
                );
            }
        }
        let listener = TcpListener::bind(settings.bind_addr)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", settings.bind_addr))?;
        let metrics_listener = match settings.metrics_bind_addr {
            None => None,
            Some(addr) => Some(TcpListener::bind(addr).await.map_err(|e| {
                anyhow::anyhow!("cannot listen on {addr} (METRICS_BIND_ADDR): {e}")
            })?),
        };
        let brand = settings.brand.name.as_str().into();
        let csp = web::security::csp(
            &web::security::logo_origin(settings.brand.logo_url.as_deref()),
            "",
            "'none'",
        )
        .into();
        let signer = web::security::Signer::new(settings.secret_key.bytes());
        let client_address = web::security::ClientAddress::from_settings(&settings.abuse);
        let state = AppState {
            signer,
            client_address,
            admin_logins: Arc::new(crate::web::admin::login_throttle()),
            twilio: settings.twilio()?.map(Arc::new),
            started_at: clock.now(),
            gate: Arc::new(crate::web::challenge::Gate::new(
                settings.secret_key.bytes(),
                settings.abuse.challenge,
            )),
            settings: Arc::new(settings),
            verifier,
            store,
            i18n,
            clock,
            outbox,
            brand,
            csp,
            metrics,
        };
        Ok(Self {
            listener,
            metrics_listener,
            state,
            sessions,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn port(&self) -> u16 {
        self.local_addr().port()
    }

    /// The metrics listener's address (`METRICS_BIND_ADDR`), when set.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics_listener
            .as_ref()
            .and_then(|l| l.local_addr().ok())
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then drains in-flight requests.
    /// The cleanup task runs alongside and stops with the server.
    pub async fn run_until_stopped(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let cleanup = tokio::spawn(cleanup_loop(self.state.clone(), self.sessions.clone()));
        let settings = &self.state.settings;
        let webhooks = (!settings.webhooks.is_empty()).then(|| {
            let dispatcher = Arc::new(crate::webhooks::Dispatcher::new(
                self.state.store.clone(),
                settings.webhooks.clone(),
                settings.webhook_retry_schedule.clone(),
                self.state.metrics.clone(),
                self.state.clock.clone(),
                settings
                    .test_numbers
                    .iter()
                    .map(|(n, _)| n.clone())
                    .collect(),
            ));
            tokio::spawn(dispatcher.run())
        });
        // `/metrics` on its own listener: tenant names and per-country
        // counts stay off the public one.
        let metrics = self.metrics_listener.map(|listener| {
            if let Ok(addr) = listener.local_addr() {
                tracing::info!("metrics on http://{addr}/metrics");
            }
            let router = web::health::metrics_router(self.state.clone());
            tokio::spawn(async move {
                if let Err(e) = axum::serve(listener, router).await {
                    tracing::warn!(error = %e, "the metrics listener stopped");
                }
            })
        });
        let limits = web::server::Limits::new(&self.state.settings.http, self.state.client_address);
        let router = web::router(self.state, self.sessions);
        let result = web::server::serve(self.listener, router, limits, shutdown).await;
        cleanup.abort();
        if let Some(task) = metrics {
            task.abort();
        }
        if let Some(task) = webhooks {
            task.abort();
        }
        result
    }
}

/// Every `CLEANUP_INTERVAL_SECONDS`: deletes expired verifications, stale
/// send records and expired sessions.
async fn cleanup_loop(state: AppState, sessions: SessionStoreAny) {
    let period = Duration::from_secs(u64::from(state.settings.cleanup_interval_seconds));
    let mut ticker = tokio::time::interval(period);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticker.tick().await;
        match state.verifier.purge_expired().await {
            Ok(purged) if purged.verifications + purged.sends > 0 => {
                tracing::info!(
                    verifications = purged.verifications,
                    sends = purged.sends,
                    "purged expired rows"
                );
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "cleanup failed"),
        }
        if let Err(e) = sessions.delete_expired().await {
            tracing::warn!(error = %e, "session cleanup failed");
        }
    }
}
