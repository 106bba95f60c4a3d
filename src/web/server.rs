//! Serving connections so that slow or many clients cannot take the
//! service down: a request's headers must arrive within
//! `HTTP_HEADER_TIMEOUT_SECONDS`, an idle keep-alive connection closes after
//! `HTTP_IDLE_TIMEOUT_SECONDS` (the body's deadline is the `read_body`
//! middleware's), a response the client does not read closes the
//! connection once writing has made no progress for the header deadline,
//! a connection answers at most [`MAX_REQUESTS_PER_CONNECTION`] requests
//! (pipelined ones wait in a bounded buffer), connections are capped in all
//! (below the open-file limit) and per client address, a connection past a
//! cap is closed at once — except that a small reserve of connections, one
//! per client address, is kept for `/healthz` and `/readyz` — and accept
//! errors (such as running out of descriptors) back off instead of
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

use axum::{Router, extract::ConnectInfo, response::IntoResponse as _};
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

/// Connections kept for health checks once the caps are reached: at most
/// one per client address, each for one `/healthz` or `/readyz` request
/// within [`HEALTH_HEADER_TIMEOUT`].
pub const HEALTH_RESERVE: u32 = 32;
const HEALTH_HEADER_TIMEOUT: Duration = Duration::from_secs(1);

/// Requests one connection may make; the last answer says `Connection:
/// close`.
pub const MAX_REQUESTS_PER_CONNECTION: u32 = 1000;

/// What hyper buffers of a connection, each way: a request's headers (and
/// pipelined requests, which wait past it in the kernel), and the answers
/// not yet sent (about one page: a client that does not read gets few
/// rendered).
const READ_BUFFER: usize = 16 * 1024;

/// The kernel's send buffer of a connection (Linux doubles it: room for
/// about two of the largest pages, 14 KB each).
const SEND_BUFFER: usize = 16 * 1024;

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
        let room = descriptors
            .saturating_sub(RESERVED_DESCRIPTORS + u64::from(HEALTH_RESERVE))
            .max(16);
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
///
/// Connections are accepted on a thread of their own, which also serves
/// the health reserve: however busy the runtime's workers are with other
/// clients' requests, a new connection is accepted, and a health check on
/// the reserve answered, without waiting for them.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> io::Result<()> {
    tracing::info!(
        max_connections = limits.max_connections,
        max_per_client = limits.max_per_client,
        health_reserve = HEALTH_RESERVE,
        "accepting connections"
    );
    let listener = listener.into_std()?;
    let workers = tokio::runtime::Handle::current();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let (done, finished) = tokio::sync::oneshot::channel::<io::Result<()>>();
    std::thread::Builder::new()
        .name("pv-accept".into())
        .spawn(move || {
            let result = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .and_then(|runtime| {
                    runtime.block_on(accept_loop(listener, router, limits, workers, stopped))
                });
            let _ = done.send(result);
        })?;
    shutdown.await;
    let _ = stop.send(());
    finished
        .await
        .unwrap_or_else(|_| Err(io::Error::other("the accept thread ended")))
}

async fn accept_loop(
    listener: std::net::TcpListener,
    router: Router,
    limits: Limits,
    workers: tokio::runtime::Handle,
    stopped: tokio::sync::oneshot::Receiver<()>,
) -> io::Result<()> {
    let listener = TcpListener::from_std(listener)?;
    let open = Arc::new(Open::new(limits));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(stopped);
    let mut backoff = Duration::from_millis(5);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut shutdown => break,
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
                    _ = &mut shutdown => break,
                }
                backoff = (backoff * 2).min(Duration::from_secs(1));
                continue;
            }
        };
        let Some(slot) = open.admit(peer.ip()) else {
            // Past a cap and the health reserve: closed at once.
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        // A small send buffer: a client that does not read its answers
        // stalls after a few of them (and is closed at the write deadline)
        // instead of having hundreds rendered into the kernel's buffers.
        let _ = socket2::SockRef::from(&stream).set_send_buffer_size(SEND_BUFFER);
        let watcher = graceful.watcher();
        let router = router.clone();
        let workers = workers.clone();
        tokio::spawn(async move {
            // A connection that begins with a health check (its first bytes
            // say so) and the reserve's are served here, beside the accept
            // loop, health checks only; the rest by the runtime's workers.
            let mut head = [0u8; 16];
            let peeked = tokio::time::timeout(limits.header_timeout, stream.peek(&mut head)).await;
            let Ok(Ok(n)) = peeked else {
                return; // Nothing within the header deadline: closed.
            };
            if slot.reserve || is_health_head(&head[..n]) {
                connection(stream, peer, slot, router, limits, watcher, true).await;
                return;
            }
            let Ok(stream) = stream.into_std() else {
                return;
            };
            workers.spawn(async move {
                if let Ok(stream) = TcpStream::from_std(stream) {
                    connection(stream, peer, slot, router, limits, watcher, false).await;
                }
            });
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// The first bytes of a health check: `GET` or `HEAD` of `/healthz` or
/// `/readyz`.
fn is_health_head(head: &[u8]) -> bool {
    [
        &b"GET /healthz"[..],
        b"GET /readyz",
        b"HEAD /healthz",
        b"HEAD /readyz",
    ]
    .iter()
    .any(|p| {
        head.strip_prefix(*p)
            .and_then(|rest| rest.first())
            .is_some_and(|b| matches!(b, b' ' | b'?'))
    })
}

/// Serves one admitted connection until it ends; then its slot is freed.
/// `health`: a connection kept for health checks (anything else is
/// answered once and the connection closes); a reserve connection answers
/// one request, 503 unless it is a health check.
async fn connection(
    stream: TcpStream,
    peer: std::net::SocketAddr,
    slot: Slot,
    router: Router,
    limits: Limits,
    watcher: hyper_util::server::graceful::Watcher,
    health: bool,
) {
    let one = slot.reserve;
    let phase = Arc::new(Phase::new());
    let mut io_limits = limits;
    if health {
        io_limits.header_timeout = limits.header_timeout.min(HEALTH_HEADER_TIMEOUT);
    }
    let io = TimedIo::new(stream, phase.clone(), io_limits);
    let served = Arc::new(std::sync::atomic::AtomicU32::new(0));
    let service = tower::service_fn(move |request: axum::http::Request<hyper::body::Incoming>| {
        let router = router.clone();
        let phase = phase.clone();
        phase.busy();
        let count = served.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let mut request = request.map(axum::body::Body::new);
        request.extensions_mut().insert(ConnectInfo(peer));
        async move {
            // Past a health check on a connection kept for them: the
            // reserve's refuse anything else; another answers it once and
            // closes, so the client's next request comes on a connection
            // the workers serve.
            let other = health && !is_health_check(&request);
            let mut response = if other && one {
                (
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    [(axum::http::header::RETRY_AFTER, "1")],
                    "Too many connections.",
                )
                    .into_response()
            } else {
                match router.oneshot(request).await {
                    Ok(response) => response,
                    Err(never) => match never {},
                }
            };
            if one || other || count >= MAX_REQUESTS_PER_CONNECTION {
                response.headers_mut().insert(
                    axum::http::header::CONNECTION,
                    axum::http::HeaderValue::from_static("close"),
                );
            }
            phase.idle();
            Ok::<_, std::convert::Infallible>(response)
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        // Our own header and idle deadlines (hyper's would also close
        // idle keep-alive connections at the header deadline).
        .header_read_timeout(None)
        .max_buf_size(READ_BUFFER)
        .keep_alive(!one);
    let connection = builder.serve_connection(TokioIo::new(io), TowerToHyperService::new(service));
    let _ = watcher.watch(connection).await;
    drop(slot);
}

/// A request the health reserve answers: `GET`/`HEAD` `/healthz` or `/readyz`.
fn is_health_check<B>(request: &axum::http::Request<B>) -> bool {
    matches!(
        *request.method(),
        axum::http::Method::GET | axum::http::Method::HEAD
    ) && matches!(request.uri().path(), "/healthz" | "/readyz")
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

/// The open connections, in all and per client: the ordinary ones, and
/// the health reserve's.
struct Open {
    limits: Limits,
    counts: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    total: u32,
    per_client: HashMap<IpAddr, u32>,
    reserve: u32,
    reserve_clients: std::collections::HashSet<IpAddr>,
}

/// One admitted connection; it counts until dropped.
struct Slot {
    open: Arc<Open>,
    client: IpAddr,
    /// One of the health reserve's: it answers only health checks.
    reserve: bool,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut counts = self.open.lock();
        if self.reserve {
            counts.reserve = counts.reserve.saturating_sub(1);
            counts.reserve_clients.remove(&self.client);
            return;
        }
        counts.total = counts.total.saturating_sub(1);
        if let Some(n) = counts.per_client.get_mut(&self.client) {
            *n -= 1;
            if *n == 0 {
                counts.per_client.remove(&self.client);
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

    fn lock(&self) -> std::sync::MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A slot for a connection from `peer`: an ordinary one under the
    /// caps, else one of the health reserve's (one per client address),
    /// else none.
    fn admit(self: &Arc<Self>, peer: IpAddr) -> Option<Slot> {
        let client = self.limits.client_address.key(peer);
        let mut counts = self.lock();
        let mine = counts.per_client.get(&client).copied().unwrap_or(0);
        if counts.total < self.limits.max_connections
            && self.limits.max_per_client.is_none_or(|max| mine < max)
        {
            counts.total += 1;
            counts.per_client.insert(client, mine + 1);
            return Some(Slot {
                open: self.clone(),
                client,
                reserve: false,
            });
        }
        if counts.reserve >= HEALTH_RESERVE || !counts.reserve_clients.insert(client) {
            return None;
        }
        counts.reserve += 1;
        Some(Slot {
            open: self.clone(),
            client,
            reserve: true,
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
/// slow with a request's headers or stays idle too long, and whose writes
/// fail with `TimedOut` when the client has read nothing of an answer for
/// the header deadline (a client that pipelines requests and never reads).
struct TimedIo {
    stream: TcpStream,
    phase: Arc<Phase>,
    limits: Limits,
    sleep: Pin<Box<Sleep>>,
    /// Since when writing has made no progress, while it has not.
    stalled: Option<Instant>,
    write_sleep: Pin<Box<Sleep>>,
}

impl TimedIo {
    fn new(stream: TcpStream, phase: Arc<Phase>, limits: Limits) -> Self {
        let first = Instant::now() + limits.header_timeout;
        Self {
            stream,
            phase,
            limits,
            sleep: Box::pin(tokio::time::sleep_until(first)),
            stalled: None,
            write_sleep: Box::pin(tokio::time::sleep_until(first)),
        }
    }

    /// A write's result: progress clears the stall; no progress past the
    /// deadline is `TimedOut`.
    fn written<T>(
        &mut self,
        cx: &mut Context<'_>,
        poll: Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        if poll.is_ready() {
            self.stalled = None;
            return poll;
        }
        let since = *self.stalled.get_or_insert_with(Instant::now);
        let deadline = since + self.limits.header_timeout;
        if self.write_sleep.deadline() != deadline {
            self.write_sleep.as_mut().reset(deadline);
        }
        match self.write_sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client does not read its answers",
            ))),
            Poll::Pending => Poll::Pending,
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
        let this = self.get_mut();
        let poll = Pin::new(&mut this.stream).poll_write(cx, buf);
        this.written(cx, poll)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.stream).poll_flush(cx);
        this.written(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        this.written(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::is_health_head;

    #[test]
    fn a_health_check_is_told_by_its_first_bytes() {
        for yes in [
            &b"GET /healthz HTTP/1.1\r\n"[..],
            b"GET /readyz?x=1 HTTP",
            b"HEAD /healthz HTTP/1.1",
        ] {
            assert!(is_health_head(&yes[..yes.len().min(16)]), "{yes:?}");
        }
        for no in [
            &b"GET /healthzz HTTP/1.1"[..],
            b"GET /verify HTTP/1.1",
            b"POST /healthz HTTP",
            b"GET /heal",
            b"",
        ] {
            assert!(!is_health_head(&no[..no.len().min(16)]), "{no:?}");
        }
    }
}
