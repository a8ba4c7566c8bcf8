//! `noticeguard rescan` end to end: fixtures of every format are built here at test time
//! (a GBK page, an .xlsx recipients sheet, a .docx table, a PDF with a text layer, a
//! corrupt and an encrypted file), and a re-scan of a 2,000-file archive is killed with
//! SIGKILL midway and resumed.
#![cfg(feature = "archive")]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use noticeguard::Scanner;
use noticeguard::store::{Filter, GroupBy, LeakStore, SqlStore};

fn noticeguard() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_noticeguard"));
    cmd.env_remove("NOTICEGUARD_DATABASE_URL").env_remove("NOTICEGUARD_DICT_DIR");
    cmd
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A zip archive of (name, content) entries.
fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(&mut out));
        let options = zip::write::SimpleFileOptions::default();
        for (name, content) in entries {
            w.start_file(*name, options).unwrap();
            w.write_all(content.as_bytes()).unwrap();
        }
        w.finish().unwrap();
    }
    out
}

/// A minimal .xlsx with one sheet of inline strings.
fn xlsx(sheet: &str, rows: &[&[&str]]) -> Vec<u8> {
    let mut data = String::new();
    for (r, row) in rows.iter().enumerate() {
        data.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, cell) in row.iter().enumerate() {
            let col = (b'A' + c as u8) as char;
            data.push_str(&format!(
                "<c r=\"{col}{}\" t=\"inlineStr\"><is><t>{cell}</t></is></c>",
                r + 1
            ));
        }
        data.push_str("</row>");
    }
    let sheet_xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>"
    );
    let workbook = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{sheet}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    );
    zip(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
        ),
        ("xl/workbook.xml", &workbook),
        (
            "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
        ),
        ("xl/worksheets/sheet1.xml", &sheet_xml),
    ])
}

/// A minimal .docx: a title paragraph and a table.
fn docx(title: &str, rows: &[&[&str]]) -> Vec<u8> {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let table: String = rows
        .iter()
        .map(|r| format!("<w:tr>{}</w:tr>", r.iter().map(|t| cell(t)).collect::<String>()))
        .collect();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{title}</w:t></w:r></w:p><w:tbl>{table}</w:tbl></w:body></w:document>"
    );
    zip(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
        ),
        ("word/document.xml", &document),
    ])
}

/// A one-page PDF whose text layer holds `line` (Helvetica, ASCII).
fn pdf(line: &str) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{Document, Object, Stream, dictionary};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 12.into()]),
            Operation::new("Td", vec![50.into(), 700.into()]),
            Operation::new("Tj", vec![Object::string_literal(line)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// What a password-protected .xlsx is: an OLE compound file holding `EncryptionInfo` and
/// `EncryptedPackage` streams.
fn encrypted_xlsx() -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut cfb = cfb::CompoundFile::create(&mut out).unwrap();
        cfb.create_stream("/EncryptionInfo")
            .unwrap()
            .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
            .unwrap();
        cfb.create_stream("/EncryptedPackage").unwrap().write_all(&[0x5a; 4096]).unwrap();
        cfb.flush().unwrap();
    }
    out.into_inner()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// Runs a dry re-scan of `root` and returns the JSON Lines report, one value per file.
fn dry_run_report(root: &Path) -> Vec<serde_json::Value> {
    let report = root.parent().unwrap().join("report.jsonl");
    let o = noticeguard()
        .arg("rescan")
        .arg(root)
        .args(["--dry-run", "--progress", "none", "--json"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    std::fs::read_to_string(report)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// (location, kind, status, masked) of a file's findings.
fn findings(report: &[serde_json::Value], file: &str) -> Vec<(String, String, String, String)> {
    let entry = report.iter().find(|v| v["file"] == file).unwrap_or_else(|| panic!("{file}"));
    assert_eq!(entry["outcome"], "scanned", "{entry}");
    entry["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_owned();
            (s("location"), s("kind"), s("status"), s("masked"))
        })
        .collect()
}

fn f(location: &str, kind: &str, masked: &str) -> (String, String, String, String) {
    (location.into(), kind.into(), "leaked".into(), masked.into())
}

#[test]
fn every_format_gives_its_exact_findings_and_broken_files_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    let page = "<html><head><meta charset=\"gbk\"><title>公示</title></head><body>\
        <table><tr><th>户主姓名</th><th>身份证号</th></tr>\
        <tr><td>张三丰</td><td>11010519491231002X</td></tr></table></body></html>";
    write(&root, "2023/page.html", &encoding_rs::GBK.encode(page).0);
    write(
        &root,
        "2023/recipients.xlsx",
        &xlsx("低保名单", &[&["序号", "姓名", "联系电话"], &["1", "李秀英", "13812345678"]]),
    );
    write(
        &root,
        "2023/expropriation.docx",
        &docx(
            "征收补偿公示",
            &[&["被征收人", "房屋坐落"], &["王建国", "安远县城关镇红星村3组12号"]],
        ),
    );
    write(&root, "2023/scan.pdf", &pdf("Tel 13912345678 ID 11010519491231002X"));
    let mut gbk_text = encoding_rs::GBK.encode("联系电话：13712345678").0.into_owned();
    gbk_text.push(b'\n');
    write(&root, "2023/note.txt", &gbk_text);
    write(&root, "2023/broken.xlsx", &xlsx("x", &[&["a"]])[..60]);
    write(&root, "2023/locked.xlsx", &encrypted_xlsx());
    write(&root, "2023/photo.jpg", b"not scanned");

    let report = dry_run_report(&root);
    assert_eq!(report.len(), 7, "the .jpg is not an archive format");
    assert_eq!(
        findings(&report, "archive/2023/page.html"),
        [f("", "person_name", "张**"), f("", "id_card", "11*************02X")]
    );
    assert_eq!(
        findings(&report, "archive/2023/recipients.xlsx"),
        [
            f("sheet 低保名单", "person_name", "李**"),
            f("sheet 低保名单", "mobile_phone", "138****5678")
        ]
    );
    assert_eq!(
        findings(&report, "archive/2023/expropriation.docx"),
        [f("", "person_name", "王**"), f("", "address", "安远县城关镇********")]
    );
    assert_eq!(
        findings(&report, "archive/2023/scan.pdf"),
        [f("page 1", "mobile_phone", "139****5678"), f("page 1", "id_card", "11*************02X")]
    );
    assert_eq!(findings(&report, "archive/2023/note.txt"), [f("", "mobile_phone", "137****5678")]);
    let note = report.iter().find(|v| v["file"] == "archive/2023/note.txt").unwrap();
    assert_eq!(note["encoding"], "GBK");
    let reason = |file: &str| {
        let entry = report.iter().find(|v| v["file"] == file).unwrap();
        assert_eq!(entry["outcome"], "failed");
        entry["reason"].as_str().unwrap().to_owned()
    };
    assert!(reason("archive/2023/broken.xlsx").starts_with("corrupt"), "{report:?}");
    assert_eq!(reason("archive/2023/locked.xlsx"), "encrypted (password-protected)");
    // Offsets are characters of the sheet: 李秀英 follows "序号\t姓名\t联系电话\n1\t".
    let xlsx_entry = report.iter().find(|v| v["file"] == "archive/2023/recipients.xlsx").unwrap();
    assert_eq!(xlsx_entry["findings"][0]["start"], 13);
}

#[test]
fn reports_masked_copies_and_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("docs");
    write(&root, "a/list.csv", "姓名,电话\n赵敏,13812345678\n".as_bytes());
    let out = dir.path().join("masked");
    let csv = dir.path().join("findings.csv");
    let o = noticeguard()
        .arg("rescan")
        .arg(&root)
        .args(["--dry-run", "--progress", "none", "--out"])
        .arg(&out)
        .arg("--csv")
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(out.join("docs/a/list.csv")).unwrap(),
        "姓名,电话\n赵*,138****5678\n"
    );
    let csv = std::fs::read_to_string(csv).unwrap();
    assert!(csv.starts_with("file,location,kind,status,severity,start,end,masked,reason\n"));
    assert!(csv.contains("docs/a/list.csv,,mobile_phone,leaked,high,9,20,138****5678,"), "{csv}");
    assert!(!csv.contains("13812345678"));

    for (args, message) in [
        (vec!["rescan", "/nonexistent/archive", "--dry-run"], "cannot read /nonexistent/archive"),
        (vec!["rescan", ".", "--dry-run", "--shard", "3/2"], "K must be between 1 and N"),
        (vec!["rescan", ".", "--dry-run", "--profile", "nope"], "unknown profile"),
    ] {
        let o = noticeguard().args(&args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(message), "{args:?}: {}", stderr(&o));
    }
}

/// An archive of `n` text files, one in three leaking a phone and an ID.
fn archive(dir: &Path, n: usize) -> PathBuf {
    let root = dir.join("county");
    for i in 0..n {
        let text = if i % 3 == 0 {
            format!(
                "第{i}号公示\n户主姓名\t身份证号\t联系电话\n张三{}\t11010519491231002X\t138{:08}\n",
                i % 7,
                i
            )
        } else {
            format!("第{i}号通知：请各单位按时报送材料。监督电话：0797-8221234\n")
        };
        write(&root, &format!("{:02}/{i:05}.txt", i % 40), text.as_bytes());
    }
    root
}

async fn totals(url: &str) -> (u64, u64, u64) {
    let store =
        SqlStore::connect(url, Scanner::built_in().deduction_rules().clone()).await.unwrap();
    let rows = store.stats(&Filter::default(), GroupBy::Unit).await.unwrap();
    let documents: u64 = rows.iter().map(|r| r.documents).sum();
    let leaks: u64 = rows.iter().map(|r| r.leaks_by_kind.values().sum::<u64>()).sum();
    let with_leaks: u64 = rows.iter().map(|r| r.documents_with_leaks).sum();
    (documents, with_leaks, leaks)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_rescan_resumes_and_records_every_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = archive(dir.path(), 2000);
    let run = |db: &Path| {
        let mut cmd = noticeguard();
        cmd.arg("rescan")
            .arg(&root)
            .args(["--progress", "none", "-j", "2", "--database-url"])
            .arg(format!("sqlite://{}", db.display()));
        cmd
    };

    // The reference: one uninterrupted run.
    let reference_db = dir.path().join("reference.db");
    let o = run(&reference_db).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let reference = totals(&format!("sqlite://{}", reference_db.display())).await;
    assert_eq!(reference.0, 2000);

    // Kill a run once a few hundred files are recorded, then run the same command again.
    let db = dir.path().join("killed.db");
    let url = format!("sqlite://{}", db.display());
    let mut child = run(&db).stderr(std::process::Stdio::null()).spawn().unwrap();
    let job = noticeguard::rescan::job_id(std::slice::from_ref(&root), None, "default");
    let mut seen = 0;
    for _ in 0..3000 {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        if db.exists()
            && let Ok(store) =
                SqlStore::connect(&url, Scanner::built_in().deduction_rules().clone()).await
            && let Ok(Some(status)) = store.rescan_status(&job).await
        {
            seen = status.files_scanned;
            if seen >= 300 {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!((300..2000).contains(&seen), "killed after {seen} files");
    let store =
        SqlStore::connect(&url, Scanner::built_in().deduction_rules().clone()).await.unwrap();
    let partial = store.rescan_status(&job).await.unwrap().unwrap();
    assert_eq!(partial.state, "running", "a killed job stays resumable");
    assert!(partial.files_scanned < 2000);

    let o = run(&db).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    let resumed = format!("{} already done in an earlier run", partial.files_scanned);
    assert!(err.contains(&resumed), "{err}");
    let status = store.rescan_status(&job).await.unwrap().unwrap();
    assert_eq!(
        (status.state.as_str(), status.files_scanned, status.files_failed),
        ("finished", 2000, 0)
    );
    assert_eq!(totals(&url).await, reference, "same totals as an uninterrupted run");
}

#[test]
fn masked_copies_keep_their_format_and_never_leak() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pub");
    let page = "<html><head><meta charset=\"gbk\"></head><body><p>联系电话：13812345678</p>\
        <table><tr><th>姓名</th></tr><tr><td title=\"13812345678\">张三丰</td></tr></table></body></html>";
    write(&root, "a.html", &encoding_rs::GBK.encode(page).0);
    write(&root, "b.docx", &docx("公示", &[&["被征收人", "电话"], &["王建国", "13912345678"]]));
    write(&root, "c.xlsx", &xlsx("名单", &[&["姓名", "联系电话"], &["李秀英", "13712345678"]]));
    // A name split across two runs cannot be replaced in place: no copy is written.
    let split = "<w:document xmlns:w=\"w\"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc></w:tr>\
        <w:tr><w:tc><w:p><w:r><w:t>赵</w:t></w:r><w:r><w:t>敏</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>";
    write(&root, "d.docx", &zip(&[("word/document.xml", split)]));
    let out = dir.path().join("masked");
    let o = noticeguard()
        .arg("rescan")
        .arg(&root)
        .args(["--dry-run", "--progress", "none", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("masked copy not written"), "{}", stderr(&o));

    let html = std::fs::read(out.join("pub/a.html")).unwrap();
    let (html, _, malformed) = encoding_rs::GBK.decode(&html);
    assert!(!malformed, "the copy keeps the page's encoding");
    assert!(
        html.contains("联系电话：138****5678")
            && html.contains("<td title=\"138****5678\">张**</td>"),
        "{html}"
    );

    let scan_copy = |name: &str| {
        let report = dir.path().join(format!("{name}.jsonl"));
        let o = noticeguard()
            .arg("rescan")
            .arg(out.join(name))
            .args(["--dry-run", "--progress", "none", "--json"])
            .arg(&report)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{name}: the copy leaks nothing: {}", stderr(&o));
        std::fs::read_to_string(report).unwrap()
    };
    assert!(scan_copy("pub/b.docx").contains("\"王**\""));
    assert!(scan_copy("pub/c.xlsx").contains("\"李**\""));
    assert!(!out.join("pub/d.docx").exists());
}

#[test]
fn legacy_word_files_need_a_converter() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("old");
    write(&root, "a.doc", b"\xd0\xcf\x11\xe0 legacy word");
    let report = dir.path().join("r.jsonl");
    let empty = dir.path().join("no-tools");
    std::fs::create_dir_all(&empty).unwrap();
    let o = noticeguard()
        .env("PATH", &empty)
        .arg("rescan")
        .arg(&root)
        .args(["--dry-run", "--progress", "none", "--json"])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let line: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(report).unwrap().trim()).unwrap();
    assert_eq!(line["outcome"], "failed");
    assert!(line["reason"].as_str().unwrap().contains("external converter"), "{line}");
}
