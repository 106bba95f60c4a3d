//! A client that pipelines requests and never reads the answers cannot hold
//! the service (issue 23): from 16 addresses × 64 connections, each
//! pipelining a thousand `GET /verify` in one write and never reading, with
//! the server at `ulimit -n 1024` and 3 s deadlines, `/healthz` from a fresh
//! address answers within 1 s throughout, and the stalled connections are
//! closed once writing has made no progress for the deadline.
use std::{
    io::{Read, Write},
    net::{SocketAddr, TcpStream},
    time::{Duration, Instant},
};

use crate::{
    cli::{Running, temp_dir},
    helpers::SECRET,
};

/// One `GET /healthz` from `from`, timed: the status line, within 1 s.
fn health_from(from: &str, addr: SocketAddr) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
        let within = Duration::from_secs(1);
        let started = tokio::time::Instant::now();
        let mut stream = tokio::time::timeout(within, socket.connect(addr))
            .await
            .map_err(|_| "no connection within 1 s".to_owned())?
            .map_err(|e| e.to_string())?;
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .await
            .map_err(|e| e.to_string())?;
        let mut answer = Vec::new();
        tokio::time::timeout(
            within.saturating_sub(started.elapsed()),
            stream.read_to_end(&mut answer),
        )
        .await
        .map_err(|_| "no answer within 1 s".to_owned())?
        .map_err(|e| e.to_string())?;
        Ok(String::from_utf8_lossy(&answer)
            .lines()
            .next()
            .unwrap_or("")
            .to_owned())
    })
}

#[test]
fn clients_that_never_read_cannot_hold_the_service() {
    let _ = rlimit::increase_nofile_limit(16_384);
    let dir = temp_dir();
    let app = Running::start_limited(
        &dir,
        1024,
        &[
            ("SECRET_KEY", SECRET),
            ("DATABASE_URL", &format!("sqlite://{}/pv.db", dir.display())),
            ("HTTP_HEADER_TIMEOUT_SECONDS", "3"),
            ("HTTP_BODY_TIMEOUT_SECONDS", "3"),
            ("HTTP_IDLE_TIMEOUT_SECONDS", "3"),
            ("RUST_LOG", "warn,phone_verify=info,phone_verify::web=warn"),
        ],
    );
    let addr: SocketAddr = app.base.trim_start_matches("http://").parse().unwrap();
    let pipelined = b"GET /verify HTTP/1.1\r\nHost: x\r\n\r\n".repeat(1000);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut attack: Vec<TcpStream> = Vec::new();
    for a in 0..16 {
        for _ in 0..64 {
            let connected = runtime.block_on(async {
                let socket = tokio::net::TcpSocket::new_v4().ok()?;
                socket
                    .bind(format!("127.0.1.{}:0", 10 + a).parse().unwrap())
                    .ok()?;
                let stream = tokio::time::timeout(Duration::from_secs(1), socket.connect(addr))
                    .await
                    .ok()?
                    .ok()?;
                stream.into_std().ok()
            });
            let Some(mut stream) = connected else {
                continue;
            };
            // Non-blocking already (tokio's): as much as the server takes.
            let _ = stream.write(&pipelined);
            attack.push(stream);
        }
    }
    assert!(attack.len() > 800, "{} connections opened", attack.len());
    // Health checks from fresh addresses, for fifteen seconds.
    let until = Instant::now() + Duration::from_secs(15);
    let mut probes = 0;
    while Instant::now() < until {
        probes += 1;
        let t = Instant::now();
        let answer = health_from(&format!("127.0.2.{probes}"), addr);
        eprintln!(
            "probe {probes} after {:?}: {answer:?} in {:?}",
            Instant::now(),
            t.elapsed()
        );
        if std::env::var("PV_PROBE_DEBUG").is_ok() {
            std::thread::sleep(Duration::from_millis(500));
            continue;
        }
        assert!(
            answer
                .as_deref()
                .is_ok_and(|s| s.starts_with("HTTP/1.1 200")),
            "probe {probes}: {answer:?}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    // The stalled connections are closed and their slots freed: an
    // ordinary page from a fresh address is served (with every slot still
    // held it would get the reserve's 503, or no connection at all). On a
    // loaded machine the server may still be working through the pipelined
    // requests of the last connections when the probes end, so the page is
    // asked for until a deadline rather than once.
    let ask = || {
        let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(1)).ok()?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .ok()?;
        stream
            .write_all(b"GET /verify HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .ok()?;
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        Some(String::from_utf8_lossy(&answer).lines().next()?.to_owned())
    };
    let asked = Instant::now();
    let deadline = asked + Duration::from_secs(60);
    let mut answers = Vec::new();
    loop {
        let page = ask();
        if page.as_deref() == Some("HTTP/1.1 200 OK") {
            eprintln!(
                "an ordinary page {:?} after the probes ({} refused before)",
                asked.elapsed(),
                answers.len()
            );
            break;
        }
        answers.push(page);
        assert!(
            Instant::now() < deadline,
            "no ordinary page within 60 s of the probes: {answers:?}"
        );
        std::thread::sleep(Duration::from_secs(1));
    }
    drop(attack);
    app.stop();
}
