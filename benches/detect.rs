//! Throughput of the scanner on synthetic notices (criterion).
//!
//! Groups: `build` (dictionaries, automata, profiles), `scan/<size>` (whole pipeline on
//! notices of ~130 B, ~2 KB, ~64 KB and 1 MB, and 1 MB on one line), `scan/prose` (notice text without
//! identifiers), `scan/kind/<kind>` (text dense with one kind), `scan/corpus` (the labeled
//! corpus of tests/data joined into one text: tables with names and addresses, prose, lists,
//! 任前 lines; `scan/corpus_documents`: the same notices scanned one by one),
//! `segment/*` (jieba-rs tagging of the whole text, line by line, against the scanner that
//! tags only windows around surname candidates), `mask/<style>`.
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
    // A notice extracted with no line breaks: one row of a table with thousands of cells
    // (reading it column by column was once quadratic).
    let one_line = notice(1024 * 1024).replace('\n', "，");
    group.throughput(Throughput::Bytes(one_line.len() as u64));
    group.bench_function("one_line_1mb", |b| {
        b.iter(|| scanner.scan(&Document::new("b", black_box(&one_line)), &profile))
    });
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

/// The texts of the labeled corpus: notices with names and addresses.
fn corpus_documents() -> Vec<String> {
    include_str!("../tests/data/notices.eval.jsonl")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            v["text"].as_str().expect("text").to_owned()
        })
        .collect()
}

/// The texts of the labeled corpus, joined into one document.
fn corpus_text() -> String {
    corpus_documents().join("\n\n")
}

fn corpus(c: &mut Criterion) {
    let scanner = Scanner::built_in();
    let profile = scanner.profile("default").unwrap();
    let text = corpus_text();
    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("corpus", |b| {
        b.iter(|| scanner.scan(&Document::new("b", black_box(&text)), &profile))
    });
    // Each notice a document of its own, as a publishing system sends them: the joined text
    // above makes the rules that look across a document (other mentions of a found name,
    // columns) look at a thousand notices at once.
    let documents = corpus_documents();
    group.throughput(Throughput::Bytes(documents.iter().map(|d| d.len() as u64).sum()));
    group.bench_function("corpus_documents", |b| {
        b.iter(|| {
            for text in &documents {
                black_box(scanner.scan(&Document::new("b", black_box(text)), &profile).ok());
            }
        })
    });
    group.finish();
}

/// Whole-text segmentation (what a plain jieba pipeline does) against the scanner, which
/// segments windows around candidates only: on prose, the 64 KB notice and the corpus. Run
/// side by side, the ratio of the two is steadier than either figure on a shared machine.
fn segment(c: &mut Criterion) {
    let jieba = jieba_rs::Jieba::new();
    let scanner = Scanner::built_in();
    let profile = scanner.profile("default").unwrap();
    let prose = PROSE.repeat(64 * 1024 / PROSE.len());
    let long = notice(64 * 1024);
    let corpus = corpus_text();
    let mut group = c.benchmark_group("segment");
    for (name, text) in [("prose", &prose), ("long", &long), ("corpus", &corpus)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("jieba_whole_text/{name}"), |b| {
            b.iter(|| {
                black_box(text).lines().map(|line| jieba.tag(line, true).len()).sum::<usize>()
            })
        });
        group.bench_function(format!("scanner_windows/{name}"), |b| {
            b.iter(|| scanner.scan(&Document::new("b", black_box(text)), &profile))
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

criterion_group!(benches, build, scan, corpus, segment, mask);
criterion_main!(benches);
