//! What the proof-of-work challenge costs the server: issuing one (one
//! PBKDF2-SHA-256 derivation at the secret counter, two HMACs) and checking
//! a solution (base64 and JSON, two HMACs, no derivation); and the wait
//! pass that stands in for it without JavaScript (issuing and checking
//! one: an HMAC or two each). Run by
//! `scripts/bench`; prints one line per measure in the results' format.
use std::time::Instant;

use base64::Engine as _;
use phone_verify::challenge::{ChallengeSettings, Challenger, Level, Mode};

fn main() {
    let challenger = Challenger::new(
        &[7; 32],
        ChallengeSettings {
            mode: Mode::Always,
            cost: 5000,
            ttl_seconds: 300,
            budget_percent: 50,
            client_burst: 10,
            wait_seconds: 20,
            wait_per_hour: 5,
        },
    );
    let now = time::OffsetDateTime::now_utc();
    let rounds = 2000;
    let started = Instant::now();
    let mut last = None;
    for _ in 0..rounds {
        last = Some(challenger.issue("bench-page", Level::Base, now));
    }
    let issue = started.elapsed().as_secs_f64() / f64::from(rounds);
    let challenge = last.expect("issued");
    let solution = altcha::solve_challenge(altcha::SolveChallengeOptions::new(&challenge))
        .expect("solvable")
        .expect("solved");
    let payload = base64::engine::general_purpose::STANDARD.encode(
        serde_json::to_vec(&altcha::Payload {
            challenge,
            solution,
        })
        .expect("JSON"),
    );
    let started = Instant::now();
    for _ in 0..rounds * 10 {
        challenger
            .check(&payload, "bench-page", now)
            .expect("a valid solution");
    }
    let check = started.elapsed().as_secs_f64() / f64::from(rounds * 10);
    let started = Instant::now();
    let mut pass = None;
    for _ in 0..rounds * 10 {
        pass = Some(challenger.issue_wait("bench-page", Level::Base, now));
    }
    let wait_issue = started.elapsed().as_secs_f64() / f64::from(rounds * 10);
    let pass = pass.expect("issued");
    let started = Instant::now();
    for _ in 0..rounds * 10 {
        challenger
            .check_wait(&pass.token, "bench-page", pass.ready_at)
            .expect("a pass after its wait");
    }
    let wait_check = started.elapsed().as_secs_f64() / f64::from(rounds * 10);
    println!("challenge\tissue\t{:.1} µs", issue * 1e6);
    println!("challenge\tcheck\t{:.1} µs", check * 1e6);
    println!("challenge\twait pass issue\t{:.1} µs", wait_issue * 1e6);
    println!("challenge\twait pass check\t{:.1} µs", wait_check * 1e6);
}
