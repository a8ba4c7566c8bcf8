//! Throughput of the scanner on synthetic notices (criterion).
//!
//! Groups: `build` (dictionaries, automata, profiles), `scan/<size>` (whole pipeline on
//! notices of ~130 B, ~2 KB, ~64 KB and 1 MB), `scan/prose` (notice text without
//! identifiers), `scan/kind/<kind>` (text dense with one kind), `mask/<style>`.
//! Run `cargo bench --bench detect`; figures are recorded in docs/benchmarks.md.

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use noticeguard::{Document, Scanner, ScannerBuilder};

/// A deterministic pseudo-random sequence (no dependency on rand).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn id(r: &mut Lcg) -> String {
    let body = format!(
        "360730{}{:02}{:02}{:03}",
        1940 + r.next(70),
        1 + r.next(12),
        1 + r.next(28),
        r.next(1000)
    );
    let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = body.bytes().zip(w).map(|(d, w)| u32::from(d - b'0') * w).sum();
    format!("{body}{}", b"10X98765432"[(sum % 11) as usize] as char)
}

fn mobile(r: &mut Lcg) -> String {
    format!("1{}{:09}", ["38", "39", "58", "86", "92"][r.next(5) as usize], r.next(1_000_000_000))
}

/// One table row of a 低保 notice, about 130 bytes.
fn row(r: &mut Lcg, n: usize) -> String {
    format!(
        "{n}\t张某某\t{}\t{}\t{}人\t{}.00元\n",
        id(r),
        mobile(r),
        1 + r.next(5),
        300 + r.next(900)
    )
}

const PROSE: &str = "根据《社会救助暂行办法》和《江西省最低生活保障办法》规定，经本人申请、村（居）民委员会民主评议、\
乡镇人民政府审核，县民政局审批，现将拟纳入低保对象名单予以公示。公示期间，如有异议，请向乡镇人民政府或县民政局反映。\n";

/// A notice of about `bytes` bytes: prose paragraphs and table rows, half and half.
fn notice(bytes: usize) -> String {
    let mut r = Lcg(7);
    let mut text = String::from("关于2026年第三季度城乡最低生活保障对象的公示\n");
    let mut n = 1;
    while text.len() < bytes {
        if n % 2 == 0 {
            text.push_str(PROSE);
        }
        text.push_str(&row(&mut r, n));
        n += 1;
    }
    text.push_str("监督电话：0797-8225678，政务服务便民热线：12345\n");
    text
}

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
