//! Throughput of the scanner on synthetic notices (criterion).
//!
//! Groups: `build` (dictionaries, automata, profiles), `scan/<size>` (whole pipeline on
//! notices of ~130 B, ~2 KB, ~64 KB and 1 MB), `scan/prose` (notice text without
//! identifiers), `scan/kind/<kind>` (text dense with one kind), `mask/<style>`.
//! Run `cargo bench --bench detect`; figures are recorded in docs/benchmarks.md.

mod common;

use std::fmt::Write;
use std::hint::black_box;

use common::{Lcg, PROSE, id, mobile, notice, row};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use noticeguard::{Document, Scanner, ScannerBuilder};

fn dense(kind: &str, bytes: usize) -> String {
    let mut r = Lcg(11);
    let mut text = String::new();
    while text.len() < bytes {
        match kind {
            "id_card" => write!(text, "身份证号：{}；", id(&mut r)),
            "mobile_phone" => write!(text, "联系电话：{}；", mobile(&mut r)),
            "landline" => write!(text, "座机：0797-{}；", 2_000_000 + r.next(7_000_000)),
            "bank_card" => write!(text, "一卡通账号：6217{:015}；", r.next(1_000_000_000_000_000)),
            _ => unreachable!(),
        }
        .unwrap();
    }
    text
}

fn build(c: &mut Criterion) {
    c.bench_function("build", |b| b.iter(|| black_box(Scanner::built_in())));
}

fn scan(c: &mut Criterion) {
    let scanner = Scanner::built_in();
    let profile = scanner.profile("default").unwrap();
    let mut group = c.benchmark_group("scan");
    for (name, bytes) in
        [("short", 130), ("medium", 2 * 1024), ("long", 64 * 1024), ("1mb", 1024 * 1024)]
    {
        let text = if name == "short" { row(&mut Lcg(3), 1) } else { notice(bytes) };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| scanner.scan(&Document::new("b", black_box(&text)), &profile))
        });
    }
    let prose = PROSE.repeat(64 * 1024 / PROSE.len());
    group.throughput(Throughput::Bytes(prose.len() as u64));
    group.bench_function("prose", |b| {
        b.iter(|| scanner.scan(&Document::new("b", black_box(&prose)), &profile))
    });
    for kind in ["id_card", "mobile_phone", "landline", "bank_card"] {
        let text = dense(kind, 64 * 1024);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("kind/{kind}"), |b| {
            b.iter(|| scanner.scan(&Document::new("b", black_box(&text)), &profile))
        });
    }
    group.finish();
}

fn mask(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("noticeguard-bench-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("profiles")).unwrap();
    for style in ["label", "token"] {
        std::fs::write(
            dir.join(format!("profiles/{style}.toml")),
            format!("style = \"{style}\"\n"),
        )
        .unwrap();
    }
    let scanner = ScannerBuilder::new().dict_dir(&dir).token_secret("bench").build().unwrap();
    let text = notice(64 * 1024);
    let mut group = c.benchmark_group("mask");
    group.throughput(Throughput::Bytes(text.len() as u64));
    for style in ["default", "label", "token"] {
        let profile = scanner.profile(style).unwrap();
        group.bench_function(style, |b| {
            b.iter(|| scanner.scan(&Document::new("b", black_box(&text)), &profile))
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(dir);
}

criterion_group!(benches, build, scan, mask);
criterion_main!(benches);
