//! One store suite, run against both real backends: SQLite in a temporary directory, and
//! PostgreSQL at `NOTICEGUARD_TEST_DATABASE_URL` (`.ci/run` starts a throwaway cluster).
//! Without that variable the PostgreSQL half says so; under `CI=true` it fails.

use noticeguard::store::{DocumentMeta, Filter, GroupBy, LeakStore, SqlStore};
use noticeguard::{Document, ScanReport, Scanner, ScannerBuilder};

/// Values that the notices below contain and that must never be stored.
const RAW: &[&str] = &[
    "11010519491231002X",
    "36073019800101003X",
    "13812345678",
    "13912345678",
    "6222021234567890128",
];

fn scanner() -> Scanner {
    ScannerBuilder::new().fingerprint_key("test-key").build().unwrap()
}

fn scan(scanner: &Scanner, text: &str) -> ScanReport {
    scanner.scan(&Document::new("", text), &scanner.profile("default").unwrap()).unwrap()
}

fn meta(id: &str, unit: &str, region: &str, published: &str) -> DocumentMeta {
    DocumentMeta {
        caller: "cms".into(),
        document_id: id.into(),
        unit: unit.into(),
        region_code: region.into(),
        category: "social_assistance".into(),
        published_at: Some(published.into()),
    }
}

/// Connects to a fresh database of each available backend.
async fn stores() -> Vec<(String, SqlStore, Option<tempfile::TempDir>)> {
    let rules = scanner().deduction_rules().clone();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("noticeguard.db").display());
    let mut stores = vec![(
        "sqlite".to_owned(),
        SqlStore::connect(&url, rules.clone()).await.unwrap(),
        Some(dir),
    )];
    match std::env::var("NOTICEGUARD_TEST_DATABASE_URL") {
        Ok(url) => {
            let store = SqlStore::connect(&url, rules)
                .await
                .expect("PostgreSQL at NOTICEGUARD_TEST_DATABASE_URL");
            // A clean slate for each test function (they run one after another on PostgreSQL).
            sqlx_reset(&url).await;
            stores.push(("postgres".to_owned(), store, None));
        }
        Err(_) if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!(
                "CI=true but NOTICEGUARD_TEST_DATABASE_URL is not set: the PostgreSQL suite must run in CI"
            );
        }
        Err(_) => {
            // Straight to the stderr handle: libtest captures the print macros of passing
            // tests, and this notice must be seen.
            static NOTICE: std::sync::Once = std::sync::Once::new();
            NOTICE.call_once(|| {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "\nNOTE: the PostgreSQL store suite did NOT run (set NOTICEGUARD_TEST_DATABASE_URL=postgres://…)\n"
                );
            });
        }
    }
    stores
}

/// Empties the tables (PostgreSQL only; SQLite databases are fresh files).
async fn sqlx_reset(url: &str) {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url).await.unwrap();
    sqlx::query("TRUNCATE findings, documents, rescan_files, rescan_jobs RESTART IDENTITY CASCADE")
        .execute(&mut conn)
        .await
        .unwrap();
}

/// PostgreSQL tests share one database: run them one at a time.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

#[tokio::test]
async fn record_replace_and_statistics() {
    let _guard = SERIAL.lock().await;
    let scanner = scanner();
    for (backend, store, _dir) in stores().await {
        // Two townships of county 360730, one of county 360731, one unit elsewhere.
        let docs = [
            (
                "a1",
                "甲镇政府",
                "360730101",
                "2026-01-10",
                "身份证号：11010519491231002X，电话13812345678",
            ),
            ("a2", "甲镇政府", "360730101", "2026-02-11", "身份证号：11*************02X"),
            (
                "b1",
                "乙镇政府",
                "360730102",
                "2026-04-01",
                "电话13912345678；身份证号：11010519491231002X",
            ),
            (
                "c1",
                "丙县民政局",
                "360731000",
                "2026-05-05",
                "开户账号：6222021234567890128，身份证号：36073019800101003X",
            ),
            ("d1", "北京某局", "110105000", "2026-06-06", "无个人信息。监督电话：0797-8225678"),
        ];
        for (id, unit, region, date, text) in docs {
            store
                .record(&meta(id, unit, region, date), &scan(&scanner, text), 1_790_000_000)
                .await
                .unwrap();
        }
        // Re-scanning replaces: a1 is fixed now.
        store
            .record(
                &meta("a1", "甲镇政府", "360730101", "2026-01-10"),
                &scan(&scanner, "已整改，无个人信息"),
                1_790_000_100,
            )
            .await
            .unwrap();

        let by_county = store.stats(&Filter::default(), GroupBy::County).await.unwrap();
        let keys: Vec<&str> = by_county.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["110105", "360730", "360731"], "{backend}");
        let c360730 = &by_county[1];
        assert_eq!(
            (c360730.documents, c360730.documents_with_leaks),
            (3, 1),
            "{backend}: a1 fixed, a2 masked, b1 leaks"
        );
        assert_eq!(c360730.leaks_by_kind.get("id_card"), Some(&1), "{backend}");
        assert_eq!(c360730.leaks_by_kind.get("mobile_phone"), Some(&1), "{backend}");
        assert_eq!(c360730.distinct_persons, 1, "{backend}");
        // Example rules: 6 per leaking document, capped at 6 per unit per year.
        assert_eq!(c360730.deduction, 6.0, "{backend}");
        let c360731 = &by_county[2];
        assert_eq!(c360731.leaks_by_kind.get("bank_card"), Some(&1), "{backend}");
        assert_eq!((c360731.distinct_persons, c360731.deduction), (1, 6.0), "{backend}");
        assert_eq!(
            (by_county[0].documents, by_county[0].documents_with_leaks, by_county[0].deduction),
            (1, 0, 0.0)
        );

        let by_township = store
            .stats(
                &Filter { region_prefix: "360730".into(), ..Filter::default() },
                GroupBy::Township,
            )
            .await
            .unwrap();
        let summary: Vec<(String, u64, u64)> = by_township
            .iter()
            .map(|r| (r.key.clone(), r.documents, r.documents_with_leaks))
            .collect();
        assert_eq!(summary, [("360730101".into(), 2, 0), ("360730102".into(), 1, 1)], "{backend}");

        let by_kind = store.stats(&Filter::default(), GroupBy::Kind).await.unwrap();
        let id_row = by_kind.iter().find(|r| r.key == "id_card").unwrap();
        assert_eq!(id_row.leaks_by_kind.get("id_card"), Some(&2), "{backend}: b1 and c1");
        assert_eq!(id_row.distinct_persons, 2, "{backend}: two different IDs");

        let by_month = store
            .stats(
                &Filter { from: "2026-02-01".into(), to: "2026-04-30".into(), ..Filter::default() },
                GroupBy::Month,
            )
            .await
            .unwrap();
        let months: Vec<&str> = by_month.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(months, ["2026-02", "2026-04"], "{backend}");

        let leaked_only = store
            .stats(&Filter { status: "leaked".into(), ..Filter::default() }, GroupBy::Unit)
            .await
            .unwrap();
        let units: Vec<&str> = leaked_only.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(units, ["丙县民政局", "乙镇政府"], "{backend}");
    }
}

#[tokio::test]
async fn findings_are_paginated_and_masked() {
    let _guard = SERIAL.lock().await;
    let scanner = scanner();
    for (backend, store, _dir) in stores().await {
        let text = (0..25).map(|i| format!("电话1381234{i:04}；")).collect::<String>();
        store
            .record(
                &meta("p1", "甲镇政府", "360730101", "2026-03-03"),
                &scan(&scanner, &text),
                1_790_000_000,
            )
            .await
            .unwrap();
        let mut token = String::new();
        let mut seen = Vec::new();
        loop {
            let page = store.findings(&Filter::default(), 10, &token).await.unwrap();
            seen.extend(page.findings);
            if page.next_page_token.is_empty() {
                break;
            }
            token = page.next_page_token;
        }
        assert_eq!(seen.len(), 25, "{backend}");
        assert!(
            seen.iter().all(|f| f.masked.contains("****") && f.kind == "mobile_phone"),
            "{backend}"
        );
        assert_eq!(seen[0].start, 2);
        assert!(store.findings(&Filter::default(), 10, "not-a-token").await.is_err());
    }
}

/// The database holds no raw value, not even its digits in sequence.
#[tokio::test]
async fn nothing_personal_is_stored() {
    let _guard = SERIAL.lock().await;
    let scanner = scanner();
    for (backend, store, dir) in stores().await {
        let text = "户主身份证号：11010519491231002X，身份证号 360730 19800101 003X，电话13812345678、13912345678，\
                    开户账号：6222 0212 3456 7890 128";
        store
            .record(
                &meta("n1", "甲镇政府", "360730101", "2026-03-03"),
                &scan(&scanner, text),
                1_790_000_000,
            )
            .await
            .unwrap();
        let dump = match &dir {
            Some(dir) => {
                drop(store); // close the pool so the WAL is checkpointed into the file
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                let mut bytes = Vec::new();
                for entry in std::fs::read_dir(dir.path()).unwrap() {
                    bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
                }
                String::from_utf8_lossy(&bytes).into_owned()
            }
            None => {
                use sqlx::Connection;
                let url = std::env::var("NOTICEGUARD_TEST_DATABASE_URL").unwrap();
                let mut conn = sqlx::PgConnection::connect(&url).await.unwrap();
                let rows: Vec<(String,)> = sqlx::query_as(
                    "SELECT d::text FROM documents d UNION ALL SELECT f::text FROM findings f",
                )
                .fetch_all(&mut conn)
                .await
                .unwrap();
                rows.into_iter().map(|r| r.0).collect::<Vec<_>>().join("\n")
            }
        };
        assert!(
            dump.contains("138****5678") || dump.contains("138****"),
            "{backend}: the dump is readable"
        );
        for raw in RAW {
            assert!(!dump.contains(raw), "{backend}: {raw} is stored");
        }
        // Nor the middle digits that masking hides.
        for digits in ["19491231", "19800101", "1234567890"] {
            assert!(!dump.contains(digits), "{backend}: {digits} is stored");
        }
    }
}

#[tokio::test]
async fn recording_needs_a_fingerprint_key_and_unreachable_databases_are_unavailable() {
    let rules = scanner().deduction_rules().clone();
    let dir = tempfile::tempdir().unwrap();
    let store = SqlStore::connect(
        &format!("sqlite://{}", dir.path().join("x.db").display()),
        rules.clone(),
    )
    .await
    .unwrap();
    let unkeyed = Scanner::built_in();
    let err = store
        .record(&meta("k", "u", "36", "2026-01-01"), &scan(&unkeyed, "13812345678"), 0)
        .await
        .unwrap_err();
    assert!(matches!(err, noticeguard::store::StoreError::Invalid(_)), "{err}");

    let err =
        SqlStore::connect("postgres://nobody@127.0.0.1:1/none", rules.clone()).await.unwrap_err();
    assert!(matches!(err, noticeguard::store::StoreError::Unavailable(_)), "{err}");
    assert!(SqlStore::connect("mysql://x", rules).await.is_err());
}

/// Re-scan jobs on both backends: files recorded with their documents in one transaction,
/// finished files listed for resume, counts, replacement of a changed file.
#[tokio::test]
async fn rescan_jobs_record_files_once_and_resume() {
    use noticeguard::store::{RescanJob, RescannedFile};
    let _guard = SERIAL.lock().await;
    let scanner = scanner();
    for (backend, store, _dir) in stores().await {
        let job = RescanJob {
            id: "job1".into(),
            roots: "/srv/a".into(),
            shard: String::new(),
            files_total: 3,
        };
        store.begin_rescan(&job, 1_700_000_000).await.unwrap();
        let leaking = scan(&scanner, "户主姓名\t联系电话\n张伟\t13812345678\n");
        let clean = scan(&scanner, "通知：按时报送。");
        let file = |path: &str, hash: &str, report: &ScanReport| RescannedFile {
            path: path.into(),
            content_hash: hash.into(),
            outcome: "scanned",
            reason: String::new(),
            bytes: 100,
            findings: report.findings.len() as u64,
            leaks: report.risk.leaks as u64,
        };
        let (m1, m2) = (meta("a/1.txt", "u", "360726", ""), meta("a/2.txt", "u", "360726", ""));
        let failed = RescannedFile {
            path: "a/3.docx".into(),
            content_hash: "h3".into(),
            outcome: "failed",
            reason: "corrupt".into(),
            bytes: 10,
            findings: 0,
            leaks: 0,
        };
        store
            .record_rescanned(
                "job1",
                &[
                    (file("a/1.txt", "h1", &leaking), Some((&m1, &leaking))),
                    (file("a/2.txt", "h2", &clean), Some((&m2, &clean))),
                    (failed, None),
                ],
                1_700_000_001,
            )
            .await
            .unwrap();
        let mut done = store.rescanned_files("job1").await.unwrap();
        done.sort();
        assert_eq!(
            done,
            vec![
                ("a/1.txt".into(), "h1".into()),
                ("a/2.txt".into(), "h2".into()),
                ("a/3.docx".into(), "h3".into())
            ],
            "{backend}"
        );
        // The file changed: recorded again, it replaces its row and its document.
        store
            .record_rescanned(
                "job1",
                &[(file("a/1.txt", "h1b", &leaking), Some((&m1, &leaking)))],
                1_700_000_002,
            )
            .await
            .unwrap();
        store.end_rescan("job1", "finished", 3, 1_700_000_003).await.unwrap();
        let status = store.rescan_status("job1").await.unwrap().unwrap();
        assert_eq!(
            (
                status.state.as_str(),
                status.files_total,
                status.files_scanned,
                status.files_failed,
                status.leaks
            ),
            ("finished", 3, 2, 1, 2),
            "{backend}"
        );
        let rows =
            store.stats(&noticeguard::store::Filter::default(), GroupBy::Unit).await.unwrap();
        assert_eq!(rows.iter().map(|r| r.documents).sum::<u64>(), 2, "{backend}: each file once");
        assert!(store.rescan_status("nope").await.unwrap().is_none());
        // Starting the job again keeps what it holds.
        store.begin_rescan(&job, 1_700_000_004).await.unwrap();
        assert_eq!(store.rescanned_files("job1").await.unwrap().len(), 3, "{backend}");
    }
}
