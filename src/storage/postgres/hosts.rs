//! Several PostgreSQL hosts in one `DATABASE_URL`, as libpq takes them
//! (`postgres://u@h1:5432,h2:5432/db?target_session_attrs=read-write`), and
//! following a failover between them.
//!
//! Written by hand: sqlx parses one host per URL, and no maintained crate
//! turns libpq's multi-host form into sqlx's options. The rules are
//! libpq's (PostgreSQL's "Connection Strings" and `target_session_attrs`):
//! hosts are tried in the order given, and the first that fits is kept.
use std::{
    str::FromStr,
    sync::{Arc, Mutex, PoisonError, Weak},
    time::{Duration, Instant},
};

use sqlx::{
    Connection, PgConnection, PgPool,
    postgres::{PgConnectOptions, PgPoolOptions},
};

/// What a host must be to be kept (`target_session_attrs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionAttrs {
    /// Any host that answers (libpq's default).
    Any,
    /// One that accepts writes (`transaction_read_only` is off).
    ReadWrite,
    /// One that is not in recovery (not a standby).
    Primary,
}

impl SessionAttrs {
    fn parse(value: &str) -> Result<Self, String> {
        match value {
            "any" => Ok(Self::Any),
            "read-write" => Ok(Self::ReadWrite),
            "primary" => Ok(Self::Primary),
            "read-only" | "standby" | "prefer-standby" => Err(format!(
                "target_session_attrs={value} is not supported: phone-verify writes; use any, read-write or primary"
            )),
            other => Err(format!(
                "target_session_attrs={other:?} is not one of any, read-write, primary"
            )),
        }
    }

    /// Whether the session on `conn` fits.
    pub async fn fits(self, conn: &mut PgConnection) -> Result<bool, sqlx::Error> {
        let probe = match self {
            Self::Any => return conn.ping().await.map(|()| true),
            Self::ReadWrite => "SELECT current_setting('transaction_read_only') = 'off'",
            Self::Primary => "SELECT NOT pg_is_in_recovery()",
        };
        sqlx::query_scalar(probe).fetch_one(conn).await
    }
}

/// The error of a connection to a host that does not fit: the database is
/// unavailable for now (503), as when it cannot be reached.
pub fn unfit() -> sqlx::Error {
    sqlx::Error::Io(std::io::Error::new(
        std::io::ErrorKind::ConnectionRefused,
        "the database host does not fit target_session_attrs (no writable host)",
    ))
}

/// The hosts of a `DATABASE_URL`, each with its connect options.
#[derive(Clone)]
pub struct Hosts {
    /// A name for logs (`host:port`, no credentials) and the options, in
    /// the order to try them.
    pub targets: Vec<(String, PgConnectOptions)>,
    pub attrs: SessionAttrs,
}

/// sqlx's options print their password: only the names.
impl std::fmt::Debug for Hosts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hosts")
            .field(
                "targets",
                &self.targets.iter().map(|t| &t.0).collect::<Vec<_>>(),
            )
            .field("attrs", &self.attrs)
            .finish()
    }
}

impl Hosts {
    /// One host and no `target_session_attrs`: nothing to follow.
    pub fn is_plain(&self) -> bool {
        self.targets.len() == 1 && self.attrs == SessionAttrs::Any
    }
}

/// The parts of a `postgres://` URL around its host list.
struct Split<'a> {
    scheme: &'a str,
    userinfo: Option<&'a str>,
    hosts: &'a str,
    /// From the `/` of the database name (or empty) to the end.
    tail: &'a str,
}

fn split(url: &str) -> Result<Split<'_>, String> {
    let (scheme, rest) = url
        .split_once("://")
        .filter(|(s, _)| *s == "postgres" || *s == "postgresql")
        .ok_or("must start with postgres:// or postgresql://")?;
    // The user part ends at the last `@` before the query: a password with
    // a `/` or `?` that should have been percent-encoded stays in it.
    let before_query = rest.find('?').unwrap_or(rest.len());
    let (userinfo, after) = match rest[..before_query].rfind('@') {
        Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
        None => (None, rest),
    };
    let end = after.find(['/', '?']).unwrap_or(after.len());
    Ok(Split {
        scheme,
        userinfo,
        hosts: &after[..end],
        tail: &after[end..],
    })
}

/// `host[:port]` or `[v6][:port]`, the `n`th entry of the host list. The
/// error names the entry by its place, never by its text.
fn host_port(entry: &str, n: usize) -> Result<(&str, Option<&str>), String> {
    let (host, port) = if let Some(v6) = entry.strip_prefix('[') {
        let (inner, after) = v6
            .split_once(']')
            .ok_or_else(|| format!("host {n}: an IPv6 address needs its closing ]"))?;
        let port = match after {
            "" => None,
            p => Some(
                p.strip_prefix(':')
                    .ok_or_else(|| format!("host {n}: a port follows the ] after a :"))?,
            ),
        };
        (&entry[..inner.len() + 2], port)
    } else {
        match entry.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (entry, None),
        }
    };
    if host.is_empty() || host == "[]" {
        return Err(format!("host {n} of the list is empty"));
    }
    if let Some(p) = port
        && p.parse::<u16>().ok().filter(|p| *p > 0).is_none()
    {
        return Err(format!("host {n}: the port is not a port number"));
    }
    Ok((host, port))
}

/// Reads a `DATABASE_URL` for PostgreSQL: one host or several, and
/// `target_session_attrs` (`any`, `read-write`, `primary`). A URL with one
/// host goes to sqlx as it is (a socket folder in `host=`, `PGPORT`…). The
/// error says what is wrong without repeating the URL (it may hold a
/// password).
pub fn parse(url: &str) -> Result<Hosts, String> {
    let parts = split(url)?;
    let mut attrs = SessionAttrs::Any;
    // The query without target_session_attrs, which sqlx does not know.
    let mut kept = url::form_urlencoded::Serializer::new(String::new());
    let (path, query) = parts.tail.split_once('?').unwrap_or((parts.tail, ""));
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match &*key {
            "target_session_attrs" => attrs = SessionAttrs::parse(&value)?,
            "host" | "hostaddr" | "port" if value.contains(',') => {
                return Err(format!(
                    "{key}= with several values is not supported: list the hosts as host1:port1,host2:port2 after the @"
                ));
            }
            "load_balance_hosts" if value != "disable" => {
                return Err("load_balance_hosts is not supported: hosts are tried in order".into());
            }
            "load_balance_hosts" => {}
            _ => {
                kept.append_pair(&key, &value);
            }
        }
    }
    let query = kept.finish();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    let userinfo = parts.userinfo.map(|u| format!("{u}@")).unwrap_or_default();
    let entries: Vec<&str> = parts.hosts.split(',').collect();
    let mut targets = Vec::new();
    if let [only] = entries[..] {
        // One host, perhaps none (a socket, PGHOST): as sqlx reads it.
        let one = format!("{}://{userinfo}{only}{path}{query}", parts.scheme);
        let options = PgConnectOptions::from_str(&one)
            .map_err(|_| "sqlx cannot read it as a PostgreSQL URL".to_owned())?;
        let name = if only.is_empty() { "(local)" } else { only };
        targets.push((name.to_owned(), options));
    } else {
        for (n, entry) in entries.iter().enumerate() {
            let (host, port) = host_port(entry, n + 1)?;
            // Without a port, sqlx's default (PGPORT, else 5432).
            let at = port.map(|p| format!(":{p}")).unwrap_or_default();
            let one = format!("{}://{userinfo}{host}{at}{path}{query}", parts.scheme);
            let options = PgConnectOptions::from_str(&one)
                .map_err(|_| format!("host {}: sqlx cannot read it as a PostgreSQL URL", n + 1))?;
            targets.push((format!("{host}{at}"), options));
        }
    }
    Ok(Hosts { targets, attrs })
}

/// The URL with its password replaced by `***` (in the user part and in a
/// `password=` parameter), for `check-config`; several hosts are kept.
pub fn redact(url: &str) -> String {
    let Ok(parts) = split(url) else {
        return url.to_owned();
    };
    let mut out = format!("{}://", parts.scheme);
    if let Some(userinfo) = parts.userinfo {
        match userinfo.split_once(':') {
            Some((user, _)) => out.push_str(&format!("{user}:***@")),
            None => out.push_str(&format!("{userinfo}@")),
        }
    }
    out.push_str(parts.hosts);
    let (path, query) = parts.tail.split_once('?').unwrap_or((parts.tail, ""));
    out.push_str(path);
    if !query.is_empty() {
        let redacted: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some(("password", _)) => "password=***".to_owned(),
                _ => pair.to_owned(),
            })
            .collect();
        out.push('?');
        out.push_str(&redacted.join("&"));
    }
    out
}

/// How long one host may take to connect and answer the probe.
const HOST_TIMEOUT: Duration = Duration::from_secs(2);
/// How often the follower looks at the current host.
const WATCH_EVERY: Duration = Duration::from_millis(500);

/// Connects to `options` and tells whether the session fits `attrs`.
async fn fits(options: &PgConnectOptions, attrs: SessionAttrs) -> bool {
    let attempt = async {
        let mut conn = PgConnection::connect_with(options).await.ok()?;
        let fit = attrs.fits(&mut conn).await.ok()?;
        let _ = conn.close().await;
        Some(fit)
    };
    matches!(
        tokio::time::timeout(HOST_TIMEOUT, attempt).await,
        Ok(Some(true))
    )
}

/// The first host, in order, that fits.
pub async fn find(hosts: &Hosts) -> Option<usize> {
    for (i, (_, options)) in hosts.targets.iter().enumerate() {
        if fits(options, hosts.attrs).await {
            return Some(i);
        }
    }
    None
}

/// Which host the pool connects to, and since when.
#[derive(Debug)]
pub struct Follower {
    hosts: Hosts,
    current: Mutex<(usize, Instant)>,
    /// The follower's own connection to the current host.
    probe: tokio::sync::Mutex<Option<PgConnection>>,
}

impl Follower {
    pub fn attrs(&self) -> SessionAttrs {
        self.hosts.attrs
    }

    pub fn new(hosts: Hosts, current: usize) -> Arc<Self> {
        Arc::new(Self {
            hosts,
            current: Mutex::new((current, Instant::now())),
            probe: tokio::sync::Mutex::new(None),
        })
    }

    fn current(&self) -> (usize, Instant) {
        *self.current.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The pool's options: every new connection is checked against
    /// `target_session_attrs` (one that does not fit is refused, and the
    /// request gets 503), and a connection opened before the last switch of
    /// host is dropped instead of used.
    pub fn pool_options(self: &Arc<Self>, options: PgPoolOptions) -> PgPoolOptions {
        let attrs = self.hosts.attrs;
        let on_acquire = Arc::downgrade(self);
        options
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if attrs.fits(conn).await? {
                        Ok(())
                    } else {
                        Err(unfit())
                    }
                })
            })
            .before_acquire(move |conn, meta| {
                let follower = on_acquire.upgrade();
                Box::pin(async move {
                    if let Some(f) = follower
                        && f.current().1.elapsed() < meta.age
                    {
                        // Opened before the switch: to the old host.
                        return Ok(false);
                    }
                    if meta.idle_for > Duration::from_secs(1) {
                        conn.ping().await?;
                    }
                    Ok(true)
                })
            })
    }

    /// Looks again at the hosts: keeps the current one while it answers
    /// and fits, or moves the pool to the first that does. The question
    /// goes over a connection of the follower's own, so a busy pool is not
    /// taken for a dead host. `false` when no host fits.
    pub async fn check(&self, pool: &PgPool) -> bool {
        let (now, _) = self.current();
        let mut probe = self.probe.lock().await;
        if probe.is_none() {
            let connect = PgConnection::connect_with(&self.hosts.targets[now].1);
            *probe = tokio::time::timeout(HOST_TIMEOUT, connect)
                .await
                .ok()
                .and_then(Result::ok);
        }
        let verdict = match probe.as_mut() {
            Some(conn) => tokio::time::timeout(HOST_TIMEOUT, self.hosts.attrs.fits(conn))
                .await
                .ok()
                .and_then(Result::ok),
            None => None,
        };
        match verdict {
            Some(true) => return true,
            // Answers but does not fit (a standby now, say): keep asking it.
            Some(false) => {}
            // Unreachable, or the connection broke: a new one next time.
            None => *probe = None,
        }
        let Some(found) = find(&self.hosts).await else {
            tracing::warn!(
                hosts = self.hosts.targets.len(),
                "no database host fits target_session_attrs; waiting for one"
            );
            return false;
        };
        if found != now {
            pool.set_connect_options(self.hosts.targets[found].1.clone());
            *self.current.lock().unwrap_or_else(PoisonError::into_inner) = (found, Instant::now());
            *probe = None;
            tracing::warn!(
                from = %self.hosts.targets[now].0,
                to = %self.hosts.targets[found].0,
                "database host switched"
            );
        }
        true
    }

    /// Watches the current host in the background while the store lives.
    pub fn watch(self: &Arc<Self>, pool: PgPool) {
        let follower: Weak<Self> = Arc::downgrade(self);
        let pool = pool.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(WATCH_EVERY).await;
                let Some(f) = follower.upgrade() else { break };
                if pool.is_closed() {
                    break;
                }
                f.check(&pool).await;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_host_is_plain_and_read_as_sqlx_reads_it() {
        let h = parse("postgres://u:p@db.example:6543/pv?sslmode=disable").unwrap();
        assert!(h.is_plain());
        assert_eq!(h.targets[0].0, "db.example:6543");
        assert_eq!(h.targets[0].1.get_port(), 6543);
        let h = parse("postgresql://db.example/pv").unwrap();
        assert_eq!(h.targets[0].0, "db.example");
        // A socket folder, no host in the URL.
        let h = parse("postgres:///pv?host=/run/postgresql").unwrap();
        assert!(h.is_plain());
        assert_eq!(h.targets[0].0, "(local)");
        assert_eq!(h.targets[0].1.get_database(), Some("pv"));
    }

    #[test]
    fn several_hosts_in_order_with_their_ports() {
        let h = parse(
            "postgres://u:p%40ss@h1:5433,[::1]:5434,h3/pv?target_session_attrs=read%2Dwrite&application_name=x",
        )
        .unwrap();
        let names: Vec<_> = h.targets.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(names, ["h1:5433", "[::1]:5434", "h3"]);
        assert_eq!(h.attrs, SessionAttrs::ReadWrite);
        assert_eq!(h.targets[1].1.get_port(), 5434);
        assert_eq!(h.targets[2].1.get_database(), Some("pv"));
        assert_eq!(h.targets[0].1.get_username(), "u");
        assert_eq!(
            parse("postgres://h1,h2/pv?target_session_attrs=primary")
                .unwrap()
                .attrs,
            SessionAttrs::Primary
        );
        // One host with target_session_attrs is followed too.
        assert!(
            !parse("postgres://h1/pv?target_session_attrs=read-write")
                .unwrap()
                .is_plain()
        );
    }

    #[test]
    fn what_cannot_work_is_refused_without_the_password() {
        for (url, says) in [
            (
                "postgres://u:secret@h1,h2/pv?target_session_attrs=standby",
                "not supported",
            ),
            (
                "postgres://u:secret@h1,h2/pv?target_session_attrs=maybe",
                "not one of",
            ),
            ("postgres://u:secret@h1,/pv", "empty"),
            ("postgres://u:secret@h1:99999,h2/pv", "not a port"),
            ("postgres://u:secret@[::1,h2/pv", "closing ]"),
            ("postgres://u:secret@/pv?host=h1%2ch2", "several values"),
            (
                "postgres://u:secret@h1/pv?load_balance_hosts=random",
                "not supported",
            ),
            // A password with characters that should have been encoded.
            ("postgres://pv:s3cr3t/x@db1,db2/pv", "cannot read it"),
            ("postgres://pv:ab?cd@db1,db2:0/pv", "cannot read it"),
        ] {
            let e = parse(url).unwrap_err();
            assert!(e.contains(says), "{url}: {e}");
            for secret in ["secret", "s3cr3t", "ab"] {
                assert!(!e.contains(secret), "{url}: {e}");
            }
        }
    }

    #[test]
    fn no_password_in_redacted_urls_or_debug_output() {
        assert_eq!(
            redact("postgres://u:s3cret@h1:5432,h2:5432/pv?target_session_attrs=read-write"),
            "postgres://u:***@h1:5432,h2:5432/pv?target_session_attrs=read-write"
        );
        assert_eq!(redact("postgres://u@h1,h2/pv"), "postgres://u@h1,h2/pv");
        assert_eq!(
            redact("postgres://h1/pv?user=u&password=s3cret"),
            "postgres://h1/pv?user=u&password=***"
        );
        assert_eq!(
            redact("postgres://pv:s3/cr@db1/pv"),
            "postgres://pv:***@db1/pv"
        );
        let hosts = parse("postgres://u:s3cret@h1,h2/pv?target_session_attrs=read-write").unwrap();
        let follower = Follower::new(hosts, 0);
        assert!(!format!("{follower:?}").contains("s3cret"));
    }
}
