//! Archive re-scan benchmark: files per second, MB/s and peak memory of the release
//! `noticeguard rescan` over a generated archive of 10,000 files (mixed .txt, GBK .html,
//! .csv, .docx and .xlsx; a third of them leaking), once as a dry run and once recording
//! into a fresh SQLite store.
//!
//! ```sh
//! cargo bench --bench rescan                 # 10,000 files
//! RESCAN_FILES=2000 cargo bench --bench rescan
//! ```
//!
//! Peak memory is the child's maximum RSS as `/usr/bin/time` reports it (left out when
//! that tool is missing).

#![allow(clippy::print_stdout)] // the report is the output of this benchmark

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Command;

use common::{Lcg, PROSE, id, mobile};

fn zip(path: &Path, entries: &[(&str, String)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut w = zip::ZipWriter::new(file);
    for (name, content) in entries {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(content.as_bytes()).unwrap();
    }
    w.finish().unwrap();
}

fn rows(r: &mut Lcg, n: usize, leaking: bool) -> Vec<[String; 3]> {
    (0..n)
        .map(|i| {
            if leaking {
                [format!("张{}", ["伟", "芳", "秀英", "建国"][i % 4]), id(r), mobile(r)]
            } else {
                [format!("第{i}项"), format!("{}", 100 + r.next(900)), "已完成".to_owned()]
            }
        })
        .collect()
}

/// Writes file `i` of the archive; returns its size.
fn write_file(dir: &Path, i: usize, r: &mut Lcg) {
    let leaking = i % 3 == 0;
    let table = rows(r, 5 + i % 20, leaking);
    let header = if leaking {
        ["户主姓名", "身份证号", "联系电话"]
    } else {
        ["事项", "数量", "状态"]
    };
    let sub = dir.join(format!("{:02}", i % 50));
    std::fs::create_dir_all(&sub).unwrap();
    let tsv = |sep: &str| {
        let mut s = header.join(sep) + "\n";
        for row in &table {
            s.push_str(&row.join(sep));
            s.push('\n');
        }
        s
    };
    match i % 5 {
        0 => std::fs::write(sub.join(format!("{i}.txt")), format!("{PROSE}{}", tsv("\t"))).unwrap(),
        1 => {
            let cells: String = table
                .iter()
                .map(|r| format!("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", r[0], r[1], r[2]))
                .collect();
            let page = format!(
                "<html><head><meta charset=\"gbk\"></head><body><p>{PROSE}</p><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>{cells}</table></body></html>",
                header[0], header[1], header[2]
            );
            std::fs::write(sub.join(format!("{i}.html")), encoding_rs::GBK.encode(&page).0)
                .unwrap();
        }
        2 => std::fs::write(sub.join(format!("{i}.csv")), tsv(",")).unwrap(),
        3 => {
            let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
            let trs: String = std::iter::once(header.map(String::from))
                .chain(table.iter().cloned())
                .map(|r| format!("<w:tr>{}</w:tr>", r.iter().map(|c| cell(c)).collect::<String>()))
                .collect();
            let xml = format!(
                "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>{PROSE}</w:t></w:r></w:p><w:tbl>{trs}</w:tbl></w:body></w:document>"
            );
            zip(&sub.join(format!("{i}.docx")), &[("word/document.xml", xml)]);
        }
        _ => {
            let mut data = String::new();
            for (n, row) in std::iter::once(header.map(String::from)).chain(table).enumerate() {
                data.push_str(&format!("<row r=\"{}\">", n + 1));
                for (c, v) in row.iter().enumerate() {
                    let col = (b'A' + c as u8) as char;
                    data.push_str(&format!(
                        "<c r=\"{col}{}\" t=\"inlineStr\"><is><t>{v}</t></is></c>",
                        n + 1
                    ));
                }
                data.push_str("</row>");
            }
            zip(
                &sub.join(format!("{i}.xlsx")),
                &[
                    ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>".into()),
                    ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".into()),
                    ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".into()),
                    ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".into()),
                    ("xl/worksheets/sheet1.xml", format!("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>")),
                ],
            );
        }
    }
}

fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .sum()
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing: run small.
    let quick = !std::env::args().any(|a| a == "--bench");
    let n: usize = std::env::var("RESCAN_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if quick { 100 } else { 10_000 });
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("archive");
    let mut r = Lcg(5);
    for i in 0..n {
        write_file(&root, i, &mut r);
    }
    let bytes = dir_bytes(&root);
    println!("archive: {n} files, {:.1} MB", bytes as f64 / 1e6);
    let time = Path::new("/usr/bin/time").exists();
    for (label, dry) in [("dry run", true), ("recorded (SQLite)", false)] {
        let db = dir.path().join(format!("{dry}.db"));
        let mut cmd = if time {
            let mut c = Command::new("/usr/bin/time");
            c.args(["-f", "peak-rss-kb %M"]).arg(env!("CARGO_BIN_EXE_noticeguard"));
            c
        } else {
            Command::new(env!("CARGO_BIN_EXE_noticeguard"))
        };
        cmd.arg("rescan").arg(&root).args(["--progress", "none", "--database-url"]);
        cmd.arg(format!("sqlite://{}", db.display()));
        if dry {
            cmd.arg("--dry-run");
        }
        let started = std::time::Instant::now();
        let out = cmd.output().expect("noticeguard rescan runs");
        let secs = started.elapsed().as_secs_f64();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{err}");
        let rss = err.lines().find_map(|l| l.strip_prefix("peak-rss-kb ")).map_or_else(
            || "n/a".to_owned(),
            |kb| format!("{:.0} MB", kb.trim().parse::<f64>().unwrap_or(0.0) / 1024.0),
        );
        println!(
            "{label:>18}: {secs:6.2} s wall, {:7.0} files/s, {:6.1} MB/s, peak RSS {rss}",
            n as f64 / secs,
            bytes as f64 / 1e6 / secs
        );
    }
}
