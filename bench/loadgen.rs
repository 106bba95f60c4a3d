//! phone-verify's load generator: fixed concurrency over loopback, one
//! scenario at a time, printing requests/s and latency percentiles.
//!
//! cargo run --release --example loadgen -- <base-url> <scenario> <seconds> <concurrency> <api-key> [rate]
//! scenarios: create, flow, page, form. With a rate (units per second), the
//! load is open-loop: units start on a fixed schedule and latency counts from
//! the scheduled start, so a slow server cannot hide its queue.
//! LOADGEN_TIMELINE=<file> writes each unit's start and latency in ms.
use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, AtomicU64, Ordering},
    },
    time::{Duration, Instant},
};

#[derive(Clone)]
struct Ctx {
    base: String,
    key: String,
    counter: Arc<AtomicU64>,
}

impl Ctx {
    /// A fresh valid US number for each use (a verification per number).
    fn phone(&self) -> String {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let area = [415, 628, 650, 408, 510, 925, 707, 831][(n / 8_000) as usize % 8];
        format!("+1{area}555{:04}", 1000 + n % 8000)
    }
}

fn client(cookies: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(cookies)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(4)
        .build()
        .unwrap()
}

fn csrf(body: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = body.find(marker).map(|i| i + marker.len()).unwrap_or(0);
    body[start..].chars().take_while(|c| *c != '"').collect()
}

async fn code_for(c: &reqwest::Client, ctx: &Ctx, phone: &str) -> Option<String> {
    let url = format!(
        "{}/dev/outbox.json?to={}",
        ctx.base,
        phone.replace('+', "%2B")
    );
    let list: Vec<serde_json::Value> = c.get(url).send().await.ok()?.json().await.ok()?;
    let body = list.first()?["body"].as_str()?;
    body.rsplit('#').next().map(|s| s.trim().to_owned())
}

/// One unit of work; returns the requests it made, or an error.
async fn run_once(scenario: &str, c: &reqwest::Client, ctx: &Ctx) -> Result<u64, String> {
    match scenario {
        "create" => {
            let r = c
                .post(format!("{}/api/v1/verifications", ctx.base))
                .bearer_auth(&ctx.key)
                .json(&serde_json::json!({"phone": ctx.phone()}))
                .send()
                .await
                .map_err(|e| e.to_string())?;
            (r.status() == 201)
                .then_some(1)
                .ok_or(format!("create {}", r.status()))
        }
        "flow" => {
            let phone = ctx.phone();
            let r = c
                .post(format!("{}/api/v1/verifications", ctx.base))
                .bearer_auth(&ctx.key)
                .json(&serde_json::json!({"phone": phone}))
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if r.status() != 201 {
                return Err(format!("create {}", r.status()));
            }
            let v: serde_json::Value = r.json().await.map_err(|e| e.to_string())?;
            let code = code_for(c, ctx, &phone).await.ok_or("no code")?;
            let r = c
                .post(format!(
                    "{}/api/v1/verifications/{}/check",
                    ctx.base,
                    v["id"].as_str().unwrap_or_default()
                ))
                .bearer_auth(&ctx.key)
                .json(&serde_json::json!({"code": code}))
                .send()
                .await
                .map_err(|e| e.to_string())?;
            (r.status() == 200)
                .then_some(3)
                .ok_or(format!("check {}", r.status()))
        }
        "page" => {
            let r = c
                .get(format!("{}/verify", ctx.base))
                .send()
                .await
                .map_err(|e| e.to_string())?;
            let ok = r.status() == 200;
            let _ = r.bytes().await;
            ok.then_some(1).ok_or("page".into())
        }
        "form" => {
            let page = c
                .get(format!("{}/verify", ctx.base))
                .send()
                .await
                .map_err(|e| e.to_string())?
                .text()
                .await
                .map_err(|e| e.to_string())?;
            let token = csrf(&page);
            let phone = ctx.phone();
            let r = c
                .post(format!("{}/verify", ctx.base))
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("phone", phone.as_str()),
                    ("country", "US"),
                ])
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if r.status() != 303 {
                return Err(format!("start {}", r.status()));
            }
            let code = code_for(c, ctx, &phone).await.ok_or("no code")?;
            let r = c
                .post(format!("{}/verify/code", ctx.base))
                .form(&[("csrf_token", token.as_str()), ("code", code.as_str())])
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if r.status() != 303 {
                return Err(format!("check {}", r.status()));
            }
            let r = c
                .get(format!("{}/verify/done", ctx.base))
                .send()
                .await
                .map_err(|e| e.to_string())?;
            let _ = r.bytes().await;
            Ok(5)
        }
        other => Err(format!("unknown scenario {other}")),
    }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 6 {
        eprintln!(
            "usage: loadgen <base-url> <create|flow|page|form> <seconds> <concurrency> <api-key>"
        );
        std::process::exit(2);
    }
    let (base, scenario, seconds, concurrency, key) = (
        args[1].clone(),
        args[2].clone(),
        args[3].parse::<u64>().unwrap(),
        args[4].parse::<usize>().unwrap(),
        args[5].clone(),
    );
    let rate: Option<f64> = args
        .get(6)
        .and_then(|r| r.parse().ok())
        .filter(|r| *r > 0.0);
    let ctx = Ctx {
        base,
        key,
        counter: Arc::new(AtomicU64::new(0)),
    };
    let stop = Arc::new(AtomicBool::new(false));
    // (start offset, latency) of every measured unit.
    let latencies = Arc::new(Mutex::new(Vec::<(Duration, Duration)>::new()));
    let requests = Arc::new(AtomicU64::new(0));
    let errors = Arc::new(Mutex::new(Vec::<String>::new()));
    // Warm up, then measure.
    let warmup = Duration::from_secs(2);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let (ctx, stop, latencies, requests, errors, scenario) = (
            ctx.clone(),
            stop.clone(),
            latencies.clone(),
            requests.clone(),
            errors.clone(),
            scenario.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let c = client(scenario == "form" || scenario == "page");
            // Open loop: this worker's units start every `concurrency / rate` seconds.
            let period = rate.map(|r| Duration::from_secs_f64(concurrency as f64 / r));
            let mut next = started
                + period
                    .map(|p| p.mul_f64(worker as f64 / concurrency as f64))
                    .unwrap_or_default();
            while !stop.load(Ordering::Relaxed) {
                let t = match period {
                    Some(p) => {
                        tokio::time::sleep_until(next.into()).await;
                        let scheduled = next;
                        next += p;
                        scheduled
                    }
                    None => Instant::now(),
                };
                let result = run_once(&scenario, &c, &ctx).await;
                if t.duration_since(started) < warmup {
                    continue;
                }
                match result {
                    Ok(n) => {
                        requests.fetch_add(n, Ordering::Relaxed);
                        latencies
                            .lock()
                            .unwrap()
                            .push((t.duration_since(started), t.elapsed()));
                    }
                    Err(e) => errors.lock().unwrap().push(e),
                }
            }
        }));
    }
    tokio::time::sleep(warmup + Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        let _ = t.await;
    }
    let samples = latencies.lock().unwrap().clone();
    // LOADGEN_TIMELINE=<file>: every unit's start (ms since start) and
    // latency (ms), to see when a tail happens.
    if let Ok(path) = std::env::var("LOADGEN_TIMELINE") {
        let lines: String = samples
            .iter()
            .map(|(at, l)| {
                format!(
                    "{:.1}\t{:.2}\n",
                    at.as_secs_f64() * 1e3,
                    l.as_secs_f64() * 1e3
                )
            })
            .collect();
        std::fs::write(path, lines).expect("timeline file");
    }
    let mut l: Vec<Duration> = samples.iter().map(|(_, l)| *l).collect();
    l.sort();
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    let units = l.len() as f64 / seconds as f64;
    let reqs = requests.load(Ordering::Relaxed) as f64 / seconds as f64;
    let errors = errors.lock().unwrap();
    let scenario = match rate {
        Some(r) => format!("{scenario}@{r:.0}/s"),
        None => scenario,
    };
    println!(
        "{scenario}\t{units:.0} units/s\t{reqs:.0} req/s\tp50 {:.1} ms\tp99 {:.1} ms\tp999 {:.1} ms\terrors {}{}",
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        pct(0.999).as_secs_f64() * 1e3,
        errors.len(),
        errors
            .first()
            .map(|e| format!(" (first: {e})"))
            .unwrap_or_default()
    );
}
