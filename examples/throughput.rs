//! Wall-time throughput of the whole scan on your own files, for comparing two builds on a
//! machine whose speed drifts (shared VMs): run each build alternately with
//! `scripts/ab_throughput.py` and keep the fastest round of each.
//!
//! `cargo run --release --example throughput -- [--jieba] REPS FILE...` prints, per file, the
//! best MB/s of REPS scans with the built-in dictionaries and the `default` profile; with
//! `--jieba`, of jieba-rs's whole-text `tag` of every line instead (the reference that
//! `benches/detect.rs` also measures).

use std::io::Write;
use std::time::Instant;

use noticeguard::{Document, Scanner};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let jieba = args.first().is_some_and(|a| a == "--jieba");
    if jieba {
        args.remove(0);
    }
    let (Some(reps), files) = (args.first().and_then(|r| r.parse::<usize>().ok()), &args[1..])
    else {
        return Err("usage: throughput [--jieba] REPS FILE...".into());
    };
    let scanner = Scanner::built_in();
    let profile = scanner.profile("default")?;
    let segmenter = jieba.then(jieba_rs::Jieba::new);
    let mut out = std::io::stdout().lock();
    for file in files {
        let text = std::fs::read_to_string(file)?;
        let mut best = f64::INFINITY;
        for _ in 0..reps.max(1) {
            let started = Instant::now();
            match &segmenter {
                Some(j) => {
                    let words: usize = text.lines().map(|l| j.tag(l, true).len()).sum();
                    std::hint::black_box(words);
                }
                None => {
                    std::hint::black_box(scanner.scan(&Document::new("f", &text), &profile)?);
                }
            }
            best = best.min(started.elapsed().as_secs_f64());
        }
        writeln!(out, "{file} {:.1}", text.len() as f64 / 1e6 / best)?;
    }
    Ok(())
}
