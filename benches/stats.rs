//! Statistics over a large store: fills an SQLite database with `STATS_FINDINGS` findings
//! (default 1,000,000: 10,000 documents of 100 findings over 200 units in 40 townships), then
//! times each grouping of `stats` and a findings page. Target: under 1 s per query.
//!
//! ```sh
//! cargo bench --bench stats
//! STATS_FINDINGS=200000 cargo bench --bench stats
//! ```
#![allow(clippy::print_stdout)] // the report is the output of this benchmark

use std::time::Instant;

use noticeguard::store::{DocumentMeta, Filter, GroupBy, LeakStore, SqlStore};
use noticeguard::{Document, ScannerBuilder};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let quick = !std::env::args().any(|a| a == "--bench");
    let total: usize = std::env::var("STATS_FINDINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 5_000 } else { 1_000_000 });
    let per_document = 100;
    let documents = total.div_ceil(per_document);

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("stats.db").display());
    let scanner = ScannerBuilder::new().fingerprint_key("bench").build().unwrap();
    let profile = scanner.profile("default").unwrap();
    let store = SqlStore::connect(&url, scanner.deduction_rules().clone()).await.unwrap();

    // One document's text: 50 IDs and 50 mobiles, varied per document below by replacing
    // digits so that keyed hashes differ.
    let text = |d: usize| -> String {
        let mut t = String::new();
        for i in 0..per_document / 2 {
            let body = format!(
                "36073{}1980{:02}{:02}{:03}",
                d % 10,
                1 + i % 12,
                1 + (d + i) % 28,
                (d * 7 + i) % 1000
            );
            let w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            let sum: u32 = body.bytes().zip(w).map(|(c, w)| u32::from(c - b'0') * w).sum();
            t.push_str(&format!(
                "身份证号：{body}{}；电话138{:08}；",
                b"10X98765432"[(sum % 11) as usize] as char,
                d * 100 + i
            ));
        }
        t
    };
    let started = Instant::now();
    for d in 0..documents {
        let report = scanner.scan(&Document::new("", &text(d)), &profile).unwrap();
        let meta = DocumentMeta {
            caller: "bench".into(),
            document_id: format!("doc-{d}"),
            unit: format!("单位{}", d % 200),
            region_code: format!("36073{}{:03}", d % 2, d % 40),
            category: "social_assistance".into(),
            published_at: Some(format!("2026-{:02}-15", 1 + d % 12)),
        };
        store.record(&meta, &report, 1_790_000_000).await.unwrap();
    }
    let fill = started.elapsed();
    let db_bytes: u64 =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
    println!(
        "stats: {documents} documents, {} findings recorded in {:.1} s ({:.0} findings/s), database {:.0} MB",
        documents * per_document,
        fill.as_secs_f64(),
        (documents * per_document) as f64 / fill.as_secs_f64(),
        db_bytes as f64 / 1e6
    );
    for group_by in
        [GroupBy::County, GroupBy::Township, GroupBy::Unit, GroupBy::Kind, GroupBy::Month]
    {
        let mut best = f64::MAX;
        let mut groups = 0;
        for _ in 0..3 {
            let t = Instant::now();
            groups = store.stats(&Filter::default(), group_by).await.unwrap().len();
            best = best.min(t.elapsed().as_secs_f64());
        }
        println!("  stats by {group_by:?}: {groups} groups, best of 3: {:.0} ms", best * 1000.0);
    }
    let filtered =
        Filter { region_prefix: "3607301".into(), kind: "id_card".into(), ..Filter::default() };
    let t = Instant::now();
    let rows = store.stats(&filtered, GroupBy::Township).await.unwrap();
    println!(
        "  stats by township, region 3607301 + kind id_card: {} groups, {:.0} ms",
        rows.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let t = Instant::now();
    let page = store.findings(&Filter::default(), 100, "").await.unwrap();
    println!(
        "  first findings page: {} findings, {:.1} ms",
        page.findings.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
}
