//! Serving connections so that slow or many clients cannot take the
//! service down: a request's headers must arrive within
//! `HTTP_HEADER_TIMEOUT_SECONDS`, an idle keep-alive connection closes after
//! `HTTP_IDLE_TIMEOUT_SECONDS` (the body's deadline is the `read_body`
//! middleware's), connections are capped in all (below the open-file limit)
//! and per client address, a connection past a cap is closed at once, and
//! accept errors (such as running out of descriptors) back off instead of
//! spinning. HTTP/1.1, with a graceful stop.
use std::{
    collections::HashMap,
    future::Future,
    io,
    net::IpAddr,
    pin::Pin,
    sync::{Arc, Mutex, PoisonError},
    task::{Context, Poll},
    time::Duration,
};

use axum::{Router, extract::ConnectInfo};
use hyper_util::{
    rt::{TokioIo, TokioTimer},
    server::graceful::GracefulShutdown,
    service::TowerToHyperService,
};
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    net::{TcpListener, TcpStream},
    time::{Instant, Sleep},
};
use tower::ServiceExt as _;

use super::security::ClientAddress;
use crate::config::HttpSettings;

/// Descriptors kept free for everything but client connections: the
/// database pool, SQLite's files, the SMS client, logs.
pub const RESERVED_DESCRIPTORS: u64 = 100;

/// How the server treats connections.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    /// Open connections in all.
    pub max_connections: u32,
    /// Open connections per client address; `None` behind a trusted proxy
    /// (every peer is the proxy).
    pub max_per_client: Option<u32>,
    pub client_address: ClientAddress,
}

impl Limits {
    /// The settings' limits, the total kept below the process's open-file
    /// limit.
    pub fn new(http: &HttpSettings, client_address: ClientAddress) -> Self {
        let descriptors = rlimit::getrlimit(rlimit::Resource::NOFILE)
            .map(|(soft, _)| soft)
            .unwrap_or(1024);
        let room = descriptors.saturating_sub(RESERVED_DESCRIPTORS).max(16);
        Self {
            header_timeout: http.header_timeout,
            idle_timeout: http.idle_timeout,
            max_connections: http
                .max_connections
                .min(u32::try_from(room).unwrap_or(u32::MAX)),
            max_per_client: (!client_address.trust_proxy).then_some(http.max_connections_per_ip),
            client_address,
        }
    }
}

/// Raises the soft open-file limit to the hard limit (so the connection cap
/// can be as high as the system allows); returns the new soft limit.
pub fn raise_open_file_limit() -> Option<u64> {
    rlimit::increase_nofile_limit(u64::MAX).ok()
}

/// Serves `router` on `listener` until `shutdown` completes, then stops
/// accepting and lets the connections finish their requests.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    tracing::info!(
        max_connections = limits.max_connections,
        max_per_client = limits.max_per_client,
        "accepting connections"
    );
    let open = Arc::new(Open::new(limits));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    let mut backoff = Duration::from_millis(5);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(pair) => {
                backoff = Duration::from_millis(5);
                pair
            }
            Err(e) if is_connection_error(&e) => continue,
            Err(e) => {
                // Out of descriptors or memory: wait for connections to close.
                tracing::warn!(error = %e, backoff_ms = backoff.as_millis() as u64, "accept error");
                tokio::select! {
                    () = tokio::time::sleep(backoff) => {},
                    () = &mut shutdown => break,
                }
                backoff = (backoff * 2).min(Duration::from_secs(1));
                continue;
            }
        };
        let Some(slot) = open.admit(peer.ip()) else {
            // Past a cap: closed at once.
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let phase = Arc::new(Phase::new());
        let io = TimedIo::new(stream, phase.clone(), limits);
        let router = router.clone();
        let service =
            tower::service_fn(move |request: axum::http::Request<hyper::body::Incoming>| {
                let router = router.clone();
                let phase = phase.clone();
                phase.busy();
                let mut request = request.map(axum::body::Body::new);
                request.extensions_mut().insert(ConnectInfo(peer));
                async move {
                    let response = router.oneshot(request).await;
                    phase.idle();
                    response
                }
            });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            // Our own header and idle deadlines (hyper's would also close
            // idle keep-alive connections at the header deadline).
            .header_read_timeout(None)
            .keep_alive(true);
        let connection =
            builder.serve_connection(TokioIo::new(io), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Errors of one connection that accept reports; the next one may be fine.
fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

/// The open connections, in all and per client.
struct Open {
    limits: Limits,
    counts: Mutex<(u32, HashMap<IpAddr, u32>)>,
}

/// One admitted connection; it counts until dropped.
struct Slot {
    open: Arc<Open>,
    client: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut counts = self.open.lock();
        counts.0 = counts.0.saturating_sub(1);
        if let Some(n) = counts.1.get_mut(&self.client) {
            *n -= 1;
            if *n == 0 {
                counts.1.remove(&self.client);
            }
        }
    }
}

impl Open {
    fn new(limits: Limits) -> Self {
        Self {
            limits,
            counts: Mutex::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (u32, HashMap<IpAddr, u32>)> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A slot for a connection from `peer`, unless a cap is reached.
    fn admit(self: &Arc<Self>, peer: IpAddr) -> Option<Slot> {
        let client = self.limits.client_address.key(peer);
        let mut counts = self.lock();
        if counts.0 >= self.limits.max_connections {
            return None;
        }
        let mine = counts.1.get(&client).copied().unwrap_or(0);
        if self.limits.max_per_client.is_some_and(|max| mine >= max) {
            return None;
        }
        counts.0 += 1;
        counts.1.insert(client, mine + 1);
        Some(Slot {
            open: self.clone(),
            client,
        })
    }
}

/// Where a connection stands, for its deadlines.
struct Phase(Mutex<State>);

#[derive(Debug, Clone, Copy)]
enum State {
    /// Waiting for a request's headers, since then.
    Headers(Instant),
    /// A request is being answered: no deadline here.
    Busy,
    /// Between requests (keep-alive), since then.
    Idle(Instant),
}

impl Phase {
    fn new() -> Self {
        Self(Mutex::new(State::Headers(Instant::now())))
    }

    fn set(&self, state: State) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = state;
    }

    fn get(&self) -> State {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn busy(&self) {
        self.set(State::Busy);
    }

    fn idle(&self) {
        self.set(State::Idle(Instant::now()));
    }
}

/// A connection whose reads fail with `TimedOut` when the client is too
/// slow with a request's headers or stays idle too long.
struct TimedIo {
    stream: TcpStream,
    phase: Arc<Phase>,
    limits: Limits,
    sleep: Pin<Box<Sleep>>,
}

impl TimedIo {
    fn new(stream: TcpStream, phase: Arc<Phase>, limits: Limits) -> Self {
        let first = Instant::now() + limits.header_timeout;
        Self {
            stream,
            phase,
            limits,
            sleep: Box::pin(tokio::time::sleep_until(first)),
        }
    }

    /// The deadline of the current phase, if it has one.
    fn deadline(&self) -> Option<Instant> {
        match self.phase.get() {
            State::Headers(since) => Some(since + self.limits.header_timeout),
            State::Idle(since) => Some(since + self.limits.idle_timeout),
            State::Busy => None,
        }
    }
}

impl AsyncRead for TimedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                // The first bytes of the next request: its headers' clock starts.
                if buf.filled().len() > before
                    && let State::Idle(_) = this.phase.get()
                {
                    this.phase.set(State::Headers(Instant::now()));
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => {
                let Some(deadline) = this.deadline() else {
                    return Poll::Pending;
                };
                if this.sleep.deadline() != deadline {
                    this.sleep.as_mut().reset(deadline);
                }
                match this.sleep.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "client too slow or idle too long",
                    ))),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }
}

impl AsyncWrite for TimedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}
