//! `noticeguard scan`: files, standard input or a JSON Lines batch in; masked text or one
//! JSON report per document out.

use std::io::{BufRead, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::Args;
use serde::Deserialize;

use noticeguard::{Document, Profile, ScanReport, Scanner};

use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_LEAKS};

#[derive(Debug, Args)]
pub(crate) struct ScanArgs {
    /// Masking profile (see `noticeguard profiles`).
    #[arg(long, default_value = "default")]
    profile: String,

    /// Print one JSON object per document: id, masked_text, findings, risk.
    #[arg(long)]
    json: bool,

    /// Read JSON Lines with `id` and `text` fields, one document per line (`-`: standard
    /// input); output is one JSON report per line.
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,

    /// Files of UTF-8 text to scan, masked as written (HTML markup and entities included:
    /// `rescan` extracts the text of other formats); `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

#[derive(Deserialize)]
struct JsonlDocument {
    id: serde_json::Value,
    text: String,
}

pub(crate) fn run(scanner: &Scanner, args: &ScanArgs) -> anyhow::Result<u8> {
    let profile = scanner.profile(&args.profile)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut leaks = false;
    let mut errors = false;
    let mut emit =
        |report: &ScanReport, json: bool, out: &mut BufWriter<_>| -> anyhow::Result<()> {
            leaks |= report.has_leaks();
            if json {
                serde_json::to_writer(&mut *out, report)?;
                out.write_all(b"\n")?;
            } else {
                out.write_all(report.masked_text.as_bytes())?;
            }
            Ok(())
        };

    if let Some(path) = &args.jsonl {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::io::BufReader::new(open(path)?))
        };
        for (i, line) in reader.lines().enumerate() {
            let line =
                line.with_context(|| format!("{}: line {}: cannot read", path.display(), i + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            match scan_jsonl_line(scanner, &profile, &line) {
                Ok(report) => emit(&report, true, &mut out)?,
                Err(err) => {
                    report_error(&format!("{}: line {}: {err:#}", path.display(), i + 1));
                    errors = true;
                }
            }
        }
    }

    let stdin = PathBuf::from("-");
    let files: Vec<&PathBuf> = match (&args.files[..], &args.jsonl) {
        ([], None) => vec![&stdin],
        (files, _) => files.iter().collect(),
    };
    for path in files {
        match scan_file(scanner, &profile, path) {
            Ok(report) => emit(&report, args.json, &mut out)?,
            Err(err) => {
                report_error(&format!("{err:#}"));
                errors = true;
            }
        }
    }
    out.flush()?;
    Ok(if errors {
        EXIT_ERROR
    } else if leaks {
        EXIT_LEAKS
    } else {
        EXIT_CLEAN
    })
}

fn scan_jsonl_line(scanner: &Scanner, profile: &Profile, line: &str) -> anyhow::Result<ScanReport> {
    // serde_json's messages quote no input text, only positions and expectations.
    let doc: JsonlDocument =
        serde_json::from_str(line).context("not a JSON object with `id` and `text`")?;
    let id = match &doc.id {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Ok(scanner.scan(&Document::new(&id, &doc.text), profile)?)
}

fn scan_file(scanner: &Scanner, profile: &Profile, path: &Path) -> anyhow::Result<ScanReport> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin().lock().read_to_end(&mut bytes).context("cannot read standard input")?;
    } else {
        open(path)?.read_to_end(&mut bytes).with_context(|| format!("cannot read {name}"))?;
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{name}: not valid UTF-8 (first invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    scanner
        .scan(&Document::new(&name, &text), profile)
        .with_context(|| format!("cannot scan {name}"))
}

fn open(path: &Path) -> anyhow::Result<std::fs::File> {
    std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))
}

#[allow(clippy::print_stderr)]
fn report_error(message: &str) {
    eprintln!("noticeguard: error: {message}");
}
