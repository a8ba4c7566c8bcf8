//! What a village-name dictionary would cost at start-up: reads the villages of npm
//! `china-division` 2.7.0 (`dist/villages.csv`, 620k villages of the 2023 codes), keeps the
//! names without their committee suffix (红星村民委员会 → 红星村), builds the hash map the
//! division names use, and prints the count, the build time and the resident memory.
//!
//! `cargo run --release --example village_cost -- villages.csv` (decompress the file first;
//! see docs/benchmarks.md for the figures and the decision not to load villages).

use std::io::Write;
use std::time::Instant;

use rustc_hash::FxHashMap;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: village_cost VILLAGES.csv")?;
    let rss_before = resident_kb()?;
    let started = Instant::now();
    let csv = std::fs::read_to_string(&path)?;
    let read = started.elapsed();
    let mut names: FxHashMap<Box<str>, u32> = FxHashMap::default();
    for line in csv.lines().skip(1) {
        let Some(name) = line.split(',').nth(1) else { continue };
        let name = ["村民委员会", "居民委员会", "村委会", "居委会"]
            .iter()
            .fold(name.trim_matches('"'), |n, suffix| n.strip_suffix(suffix).unwrap_or(n));
        *names.entry(name.into()).or_default() += 1;
    }
    drop(csv);
    let built = started.elapsed();
    let shared = names.values().filter(|&&n| n > 1).count();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} distinct names ({} shared by several villages), {} bytes of text",
        names.len(),
        shared,
        names.keys().map(|k| k.len()).sum::<usize>()
    )?;
    writeln!(
        out,
        "read {:.0} ms, built {:.0} ms",
        read.as_secs_f64() * 1e3,
        built.as_secs_f64() * 1e3
    )?;
    writeln!(out, "resident memory added: {} KB", resident_kb()? - rss_before)?;
    Ok(())
}

/// Returns the process's resident set size (Linux).
fn resident_kb() -> Result<i64, Box<dyn std::error::Error>> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).ok_or("no VmRSS")?;
    Ok(line.split_whitespace().nth(1).ok_or("no VmRSS value")?.parse()?)
}
