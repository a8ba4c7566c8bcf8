//! The `noticeguard` binary as a user runs it.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_noticeguard");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/notice.txt");

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("NOTICEGUARD_DICT_DIR")
        .env_remove("NOTICEGUARD_TOKEN_SECRET")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // A run that fails before reading its input (a broken dictionary) may close stdin
    // first: the broken pipe is that run's outcome, which the caller checks, not an error.
    match input.write_all(stdin.unwrap_or_default()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.unwrap(),
    }
    drop(input);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn sample_notice_is_masked_and_exits_1() {
    let o = run(&["scan", SAMPLE], None);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    for raw in ["11010519491231002X", "13812345678", "6222021234567890128", "0797-8221234"] {
        assert!(!out.contains(raw), "{raw} left in output");
    }
    assert!(out.contains("11*************02X") && out.contains("138****5678"));
    assert!(out.contains("0797-8225678"), "the supervision number is public and stays");
}

#[test]
fn clean_text_exits_0() {
    let o = run(&["scan", "-"], Some("本次公示无个人信息。咨询电话：12345".as_bytes()));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "本次公示无个人信息。咨询电话：12345");
}

#[test]
fn json_output_has_the_documented_shape() {
    let text = "张三𠀀身份证号：11010519491231002X";
    let o = run(&["scan", "--json"], Some(text.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["id"], "-");
    assert_eq!(v["masked_text"], "张*𠀀身份证号：11*************02X");
    let findings = v["findings"].as_array().unwrap();
    let f = findings.iter().find(|f| f["kind"] == "id_card").unwrap();
    for key in [
        "kind",
        "status",
        "severity",
        "confidence",
        "start",
        "end",
        "byte_start",
        "byte_end",
        "utf16_start",
        "utf16_end",
        "masked",
        "rule",
        "explanation",
        "record",
    ] {
        assert!(!f[key].is_null(), "missing {key}");
    }
    assert_eq!((f["kind"].as_str(), f["status"].as_str()), (Some("id_card"), Some("leaked")));
    // Unicode-scalar, byte and UTF-16 offsets of the same span.
    assert_eq!((f["start"].as_u64(), f["end"].as_u64()), (Some(8), Some(26)));
    assert_eq!((f["byte_start"].as_u64(), f["byte_end"].as_u64()), (Some(25), Some(43)));
    assert_eq!((f["utf16_start"].as_u64(), f["utf16_end"].as_u64()), (Some(9), Some(27)));
    assert_eq!(v["risk"]["level"], "critical");
    assert!(!out.contains("11010519491231002X"));
}

#[test]
fn jsonl_batch_echoes_ids() {
    let input = "{\"id\":\"a\",\"text\":\"电话13812345678\"}\n\n{\"id\":7,\"text\":\"无\"}\n";
    let o = run(&["scan", "--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> =
        stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0]["id"].as_str(), lines[1]["id"].as_str()), (Some("a"), Some("7")));
    assert_eq!(lines[0]["masked_text"], "电话138****5678");
}

#[test]
fn bad_jsonl_lines_are_errors_naming_the_line() {
    let input = "{\"id\":\"a\",\"text\":\"13812345678\"}\n{\"id\":\"b\"}\nnot json\n";
    let o = run(&["scan", "--jsonl", "-"], Some(input.as_bytes()));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("line 2") && err.contains("line 3"), "{err}");
    assert_eq!(stdout(&o).lines().count(), 1, "good lines are still scanned");
    assert!(!err.contains("13812345678"));
}

#[test]
fn invalid_utf8_is_a_clear_error_and_other_files_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("gbk.txt");
    // "身份证" in GBK.
    std::fs::write(&bad, [0xC9, 0xED, 0xB7, 0xDD, 0xD6, 0xA4]).unwrap();
    let good = dir.path().join("ok.txt");
    std::fs::write(&good, "手机13812345678").unwrap();
    let o = run(&["scan", bad.to_str().unwrap(), good.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("gbk.txt") && err.contains("not valid UTF-8"), "{err}");
    assert!(!err.contains("panicked"));
    assert_eq!(stdout(&o), "手机138****5678");
}

#[test]
fn missing_file_and_unknown_profile_are_errors() {
    let o = run(&["scan", "/nonexistent/notice.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot open /nonexistent/notice.txt"), "{}", stderr(&o));

    let o = run(&["scan", "--profile", "nope", "-"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("unknown profile \"nope\"") && err.contains("default"), "{err}");
}

#[test]
fn dictionary_directory_adds_profiles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("profiles")).unwrap();
    std::fs::write(dir.path().join("profiles/labels.toml"), "style = \"label\"\n").unwrap();
    let o = run(
        &["--dict-dir", dir.path().to_str().unwrap(), "scan", "--profile", "labels"],
        Some("手机13812345678".as_bytes()),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stdout(&o), "手机【手机号码】");

    let o = run(&["--dict-dir", dir.path().to_str().unwrap(), "profiles"], None);
    assert_eq!(
        stdout(&o),
        "default\nexpropriation\nlabels\npenalty\npersonnel\nsocial_assistance\n"
    );
}

#[test]
fn broken_override_dictionary_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mobile_segments.tsv"), "138\n99\n").unwrap();
    let o = run(&["--dict-dir", dir.path().to_str().unwrap(), "scan", "-"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("mobile_segments.tsv line 2"), "{err}");
}

#[test]
fn token_style_needs_a_secret_and_then_pseudonymizes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("profiles")).unwrap();
    std::fs::write(dir.path().join("profiles/pseudo.toml"), "style = \"token\"\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let o = run(&["--dict-dir", d, "scan", "--profile", "pseudo", "-"], Some(b"13812345678"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no token secret"), "{}", stderr(&o));

    let secret = dir.path().join("secret");
    std::fs::write(&secret, "s3cret\n").unwrap();
    let o = run(
        &[
            "--dict-dir",
            d,
            "--token-secret-file",
            secret.to_str().unwrap(),
            "scan",
            "--profile",
            "pseudo",
            "-",
        ],
        Some(b"13812345678"),
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("【手机号码:") && !out.contains("13812345678"), "{out}");
}

#[test]
fn eval_prints_per_class_figures() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/notices.eval.jsonl");
    let o = run(&["eval", "--corpus", corpus], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("precision") && out.contains("id_card") && out.contains("residual"),
        "{out}"
    );

    let o = run(&["eval", "--json", "--corpus", corpus], None);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(v["report"]["classes"]["id_card"]["gold"].as_u64().unwrap() > 100);
}

#[test]
fn stats_reads_the_store_as_table_json_and_csv() {
    use noticeguard::store::{DocumentMeta, LeakStore, SqlStore};
    use noticeguard::{Document, ScannerBuilder};

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("s.db").display());
    let scanner = ScannerBuilder::new().fingerprint_key("k").build().unwrap();
    let profile = scanner.profile("default").unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let store = SqlStore::connect(&url, scanner.deduction_rules().clone()).await.unwrap();
        for (id, unit, region, text) in [
            ("a", "甲镇政府", "360730101", "身份证号：11010519491231002X"),
            ("b", "乙镇政府", "360730102", "电话13812345678"),
            ("c", "丙县民政局", "360731000", "无"),
        ] {
            let report = scanner.scan(&Document::new(id, text), &profile).unwrap();
            let meta = DocumentMeta {
                caller: "t".into(),
                document_id: id.into(),
                unit: unit.into(),
                region_code: region.into(),
                category: String::new(),
                published_at: Some("2026-03-01".into()),
            };
            store.record(&meta, &report, 0).await.unwrap();
        }
    });
    let o = run(&["stats", "--database-url", &url], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let table = stdout(&o);
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("key") && lines[0].contains("deduction"), "{table}");
    assert!(lines[1].starts_with("360730") && lines[1].ends_with("12.00"), "{table}");
    assert!(lines[2].starts_with("360731") && lines[2].ends_with("0.00"), "{table}");

    let o = run(
        &[
            "stats",
            "--database-url",
            &url,
            "--group-by",
            "township",
            "--region",
            "360730",
            "--json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["key"], "360730101");
    assert_eq!(groups[0]["leaks_by_kind"]["id_card"], 1);
    assert_eq!(groups[1]["leaks_by_kind"]["mobile_phone"], 1);

    let o = run(&["stats", "--database-url", &url, "--group-by", "unit", "--csv"], None);
    let csv = stdout(&o);
    assert!(csv.lines().any(|l| l == "甲镇政府,1,1,1,0,1,6.00"), "{csv}");

    let o = run(
        &["stats", "--database-url", &format!("sqlite://{}", dir.path().join("none.db").display())],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no database"));
}
