//! Load benchmark of the service: p50/p90/p99 latency and throughput of `Scan` with 10 KB
//! notices at 64 concurrent RPCs, against the release `noticeguard serve` binary started as
//! its own process on a loopback port.
//!
//! ```sh
//! cargo bench --bench load                         # 64 concurrent, 20,000 requests
//! LOAD_CONCURRENCY=16 LOAD_REQUESTS=5000 cargo bench --bench load
//! ```
//!
//! Client and server share the machine's cores, so the figures are a lower bound of what
//! the server does alone.

#![allow(clippy::print_stdout)] // the report is the output of this benchmark

mod common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use noticeguard::service::pb::notice_guard_client::NoticeGuardClient;
use noticeguard::service::pb::{self, ScanRequest};
use tonic::transport::Channel;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i]
}

#[tokio::main]
async fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass nothing: run briefly.
    let quick = !std::env::args().any(|a| a == "--bench");
    let concurrency = env_or("LOAD_CONCURRENCY", 64);
    let total = env_or("LOAD_REQUESTS", if quick { 200 } else { 20_000 });
    let connections = env_or("LOAD_CONNECTIONS", 4);

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let addr = format!("127.0.0.1:{port}");
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_noticeguard"))
            .args(["serve", "--listen", &addr])
            .env("NOTICEGUARD_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("noticeguard serve starts"),
    );
    let started = Instant::now();
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(started.elapsed() < Duration::from_secs(10), "server did not start");
        std::thread::sleep(Duration::from_millis(10));
    }
    let startup = started.elapsed();

    let text = common::notice(10 * 1024);
    let mut channels = Vec::new();
    for _ in 0..connections {
        channels
            .push(Channel::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap());
    }
    let request = |i: usize| ScanRequest {
        document: Some(pb::Document {
            id: format!("load-{i}"),
            content: Some(pb::document::Content::Text(text.clone())),
            ..Default::default()
        }),
        ..Default::default()
    };
    // Warm-up.
    let mut warm = NoticeGuardClient::new(channels[0].clone());
    for i in 0..50 {
        warm.scan(request(i)).await.unwrap();
    }

    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let began = Instant::now();
    let mut tasks = Vec::new();
    for worker in 0..concurrency {
        let mut client = NoticeGuardClient::new(channels[worker % connections].clone());
        let next = next.clone();
        let requests: Vec<ScanRequest> =
            (0..total.div_ceil(concurrency)).map(|i| request(worker * 1_000_000 + i)).collect();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            for r in requests {
                if next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= total {
                    break;
                }
                let t = Instant::now();
                let response = client.scan(r).await.expect("scan succeeds");
                latencies.push(t.elapsed());
                assert!(!response.get_ref().findings.is_empty());
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    let elapsed = began.elapsed();
    latencies.sort_unstable();
    let n = latencies.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "load: {n} Scan requests of {} bytes, {concurrency} concurrent over {connections} connections",
        text.len()
    );
    println!("  server start-up (spawn to listening): {:.0} ms", ms(startup));
    println!(
        "  latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
        ms(percentile(&latencies, 0.50)),
        ms(percentile(&latencies, 0.90)),
        ms(percentile(&latencies, 0.99)),
        ms(latencies[n - 1])
    );
    println!(
        "  throughput: {:.0} requests/s, {:.1} MiB/s of notice text",
        n as f64 / elapsed.as_secs_f64(),
        (n * text.len()) as f64 / elapsed.as_secs_f64() / (1024.0 * 1024.0)
    );
}
