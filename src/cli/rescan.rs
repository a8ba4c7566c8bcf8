//! `noticeguard rescan PATH...`: scans an archive in parallel, records every file into the
//! store under a job that resumes after a crash, shows progress and writes reports.
//!
//! Workers (one per core) read, extract and scan files; the main thread alone talks to the
//! store and writes reports, so memory stays bounded by the channel between them. A file is
//! recorded with its result in one transaction; a killed run, started again with the same
//! command, skips the files whose path and content hash the job already holds.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Args, ValueEnum};
use serde::Serialize;

use noticeguard::extract::Format;
use noticeguard::rescan::{self, ArchiveFile, Event, ScannedFile, Shard};
use noticeguard::store::{DocumentMeta, LeakStore, RescanJob, SqlStore, fingerprint_key};

use super::{Cli, EXIT_CLEAN, EXIT_LEAKS};

/// How progress is shown.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ProgressMode {
    /// A bar on a terminal, periodic lines otherwise.
    Auto,
    /// Periodic lines on standard error.
    Lines,
    /// Nothing but the summary.
    None,
}

#[derive(Debug, Args)]
pub(crate) struct RescanArgs {
    /// Directories (walked recursively, links not followed) or files to scan: .txt .csv
    /// .html .htm .docx .xlsx .xls .et .pdf, and .doc .wps when catdoc or LibreOffice is
    /// installed.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Database: sqlite://FILE or postgres://… (shared by the machines of a sharded run).
    #[arg(
        long,
        env = "NOTICEGUARD_DATABASE_URL",
        default_value = "sqlite://noticeguard.db",
        value_name = "URL"
    )]
    database_url: String,

    /// File holding the key of the stored keyed hashes (default: next to an SQLite database,
    /// created on first use; required with PostgreSQL).
    #[arg(long, env = "NOTICEGUARD_FINGERPRINT_KEY_FILE", value_name = "FILE")]
    fingerprint_key_file: Option<PathBuf>,

    /// Masking profile.
    #[arg(long, default_value = "default")]
    profile: String,

    /// Publishing unit recorded for every file (a --map entry wins).
    #[arg(long, default_value = "")]
    unit: String,

    /// Division code recorded for every file (a --map entry wins).
    #[arg(long, default_value = "")]
    region: String,

    /// Notice category recorded for every file.
    #[arg(long, default_value = "")]
    category: String,

    /// Tab-separated file of `directory<TAB>unit<TAB>region code` lines; a file takes the
    /// entry of the longest directory its name starts with (names begin with the root's
    /// directory name: `archive/2023/城关镇`).
    #[arg(long, value_name = "FILE")]
    map: Option<PathBuf>,

    /// Scan only shard K of N (`--shard 2/4`): machines sharing one PostgreSQL store split an
    /// archive by a hash of each file's name, without coordination.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,

    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<usize>,

    /// Write masked copies under DIR (same relative names): .txt and .csv as UTF-8, .html in
    /// its own encoding, .docx and .xlsx with the values replaced in place; a copy that would
    /// still leak once scanned again is not written.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,

    /// Scan and report but store nothing (no job, no resume).
    #[arg(long)]
    dry_run: bool,

    /// Write findings as CSV: file, location, kind, status, severity, start, end, masked,
    /// reason (offsets in characters of the sheet, page or file).
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,

    /// Write one JSON object per file (JSON Lines): outcome, findings, risk.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,

    /// Progress display.
    #[arg(long, value_enum, default_value = "auto")]
    progress: ProgressMode,
}

pub(crate) fn run(cli: &Cli, args: &RescanArgs) -> anyhow::Result<u8> {
    let started = Instant::now();
    let key = if args.dry_run {
        None
    } else {
        Some(
            fingerprint_key(&args.database_url, args.fingerprint_key_file.as_deref())
                .map_err(anyhow::Error::msg)?,
        )
    };
    let scanner = super::build_scanner_with_key(cli, key)?;
    let profile = scanner.profile(&args.profile)?;
    let map = match &args.map {
        Some(path) => read_map(path)?,
        None => Vec::new(),
    };
    let files = rescan::walk(&args.paths, args.shard)?;
    let job_id = rescan::job_id(&args.paths, args.shard, &args.profile);
    let total = files.len();

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    let store = if args.dry_run {
        None
    } else {
        let store = runtime
            .block_on(SqlStore::connect(&args.database_url, scanner.deduction_rules().clone()))
            .context("cannot open the store")?;
        let job = RescanJob {
            id: job_id.clone(),
            roots: args
                .paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join("\n"),
            shard: args.shard.map(|s| s.to_string()).unwrap_or_default(),
            files_total: total as u64,
        };
        runtime.block_on(store.begin_rescan(&job, rescan::unix_now()))?;
        Some(store)
    };
    let finished: HashMap<String, String> = match &store {
        Some(store) => runtime.block_on(store.rescanned_files(&job_id))?.into_iter().collect(),
        None => HashMap::new(),
    };
    tracing::info!(job = %job_id, files = total, resumable = finished.len(), "rescan started");

    let mut reports = Reports::open(args)?;
    let mut progress = Progress::new(args.progress, total as u64);
    let workers = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let cancel = AtomicBool::new(false);
    let meta = |file: &ArchiveFile| meta_for(file, args, &map);
    let execution = rescan::Execution {
        scanner: &scanner,
        profile: &profile,
        finished: &finished,
        workers,
        record: store.is_some(),
        cancel: &cancel,
        meta: &meta,
    };
    let mut commit = |rows: &[rescan::Committed<'_>]| -> anyhow::Result<()> {
        if let Some(store) = &store {
            runtime
                .block_on(store.record_rescanned(&job_id, rows, rescan::unix_now()))
                .context("cannot record the re-scanned files")?;
        }
        Ok(())
    };
    let mut copies = 0;
    let mut on_event = |event: Event<'_>, totals: &rescan::Totals| -> anyhow::Result<()> {
        match event {
            Event::Resumed(_) => {}
            Event::Scanned(file, scanned) => {
                reports.scanned(file, scanned)?;
                if let Some(out) = &args.out {
                    copies += usize::from(write_copy(out, file, scanned, &scanner, &profile)?);
                }
            }
            Event::Failed(file, reason) => {
                tracing::warn!(file = %file.name, %reason, "file not scanned");
                reports.failed(file, reason)?;
            }
        }
        progress.tick(totals);
        Ok(())
    };
    let result = rescan::execute(&files, &execution, &mut commit, &mut on_event);
    progress.finish();
    reports.finish()?;
    if let (Err(_), Some(store)) = (&result, &store) {
        // Recorded files stay; the same command resumes the job.
        let _ =
            runtime.block_on(store.end_rescan(&job_id, "failed", total as u64, rescan::unix_now()));
    }
    let summary = Summary { totals: result?, copies };
    summary.print(&job_id, total, started.elapsed(), args.dry_run)?;
    let mut leaks = summary.totals.leaks;
    if let Some(store) = &store {
        runtime.block_on(store.end_rescan(
            &job_id,
            "finished",
            total as u64,
            rescan::unix_now(),
        ))?;
        // A resumed job answers for all its files, not only those of this run.
        if let Some(status) = runtime.block_on(store.rescan_status(&job_id))? {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "rescan {job_id}: job totals: {} scanned, {} unreadable, {} findings, {} leaks",
                    status.files_scanned, status.files_failed, status.findings, status.leaks
                );
            }
            leaks = status.leaks;
        }
    }
    Ok(if leaks > 0 { EXIT_LEAKS } else { EXIT_CLEAN })
}

/// Reads the directory → unit/region map, longest directory first.
fn read_map(path: &Path) -> anyhow::Result<Vec<(String, String, String)>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read map file {}", path.display()))?;
    let mut map = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [dir, unit, region] = cols[..] else {
            anyhow::bail!(
                "{} line {}: expected 3 tab-separated columns: directory, unit, region code",
                path.display(),
                n + 1
            );
        };
        if !region.is_empty() && !region.bytes().all(|b| b.is_ascii_digit()) {
            anyhow::bail!("{} line {}: the region code must be digits", path.display(), n + 1);
        }
        map.push((dir.trim_end_matches('/').to_owned(), unit.to_owned(), region.to_owned()));
    }
    map.sort_by_key(|(dir, ..)| std::cmp::Reverse(dir.len()));
    Ok(map)
}

fn meta_for(
    file: &ArchiveFile,
    args: &RescanArgs,
    map: &[(String, String, String)],
) -> DocumentMeta {
    let entry = map.iter().find(|(dir, ..)| {
        file.name.strip_prefix(dir.as_str()).is_some_and(|rest| rest.starts_with('/'))
    });
    let (unit, region) =
        entry.map_or((args.unit.clone(), args.region.clone()), |(_, u, r)| (u.clone(), r.clone()));
    DocumentMeta {
        caller: "rescan".into(),
        document_id: file.name.clone(),
        unit,
        region_code: region,
        category: args.category.clone(),
        published_at: None,
    }
}

/// Writes the masked copy of a file in its own format (text and CSV as the masked text;
/// HTML, .docx and workbooks with each leaked value replaced in place). The copy is scanned
/// again before it is written: one that would still leak is not written, and the reason is
/// logged. Returns whether a copy was written.
fn write_copy(
    out: &Path,
    file: &ArchiveFile,
    scanned: &ScannedFile,
    scanner: &noticeguard::Scanner,
    profile: &noticeguard::Profile,
) -> anyhow::Result<bool> {
    if !file.format.writes_masked_copy() {
        return Ok(false);
    }
    let mut target = out.to_path_buf();
    for part in file.name.split('/') {
        anyhow::ensure!(part != ".." && !part.is_empty(), "unsafe file name {}", file.name);
        target.push(part);
    }
    let bytes = match file.format {
        Format::Text => scanned.report.masked_text.clone().into_bytes(),
        Format::Csv => scanned.report.masked_text.replace('\t', ",").into_bytes(),
        format => {
            // The values exist here only for the replacement, in memory.
            let replacements: Vec<(String, String)> = scanned
                .report
                .findings
                .iter()
                .filter(|f| f.status.needs_masking())
                .map(|f| {
                    (scanned.text[f.span.byte_start..f.span.byte_end].to_owned(), f.masked.clone())
                })
                .collect();
            let original = std::fs::read(&file.path)
                .with_context(|| format!("cannot read {} again", file.name))?;
            let copy = match noticeguard::extract::masked_copy(format, &original, &replacements) {
                Ok(copy) => copy,
                Err(err) => {
                    tracing::warn!(file = %file.name, reason = %err, "masked copy not written");
                    return Ok(false);
                }
            };
            let check = noticeguard::rescan::scan_file(scanner, profile, file, &copy, false);
            let leaks = check.map_or(usize::MAX, |c| c.report.risk.leaks);
            if leaks > 0 {
                tracing::warn!(
                    file = %file.name,
                    "masked copy not written: a value could not be replaced in place (split across runs or stored as a number)"
                );
                return Ok(false);
            }
            copy
        }
    };
    if let Some(dir) = target.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    std::fs::write(&target, bytes).with_context(|| format!("cannot write {}", target.display()))?;
    Ok(true)
}

struct Summary {
    totals: rescan::Totals,
    copies: usize,
}

impl Summary {
    fn print(
        &self,
        job: &str,
        total: usize,
        elapsed: Duration,
        dry_run: bool,
    ) -> anyhow::Result<()> {
        let secs = elapsed.as_secs_f64().max(1e-9);
        let mut err = std::io::stderr().lock();
        writeln!(
            err,
            "rescan {job}{}: {total} files — {} scanned, {} already done in an earlier run, {} unreadable; \
             {} findings, {} leaks; {:.1} s, {:.0} files/s, {:.1} MB/s",
            if dry_run { " (dry run, nothing stored)" } else { "" },
            self.totals.scanned,
            self.totals.resumed,
            self.totals.failed,
            self.totals.findings,
            self.totals.leaks,
            secs,
            self.totals.scanned as f64 / secs,
            self.totals.bytes as f64 / 1e6 / secs,
        )?;
        if self.copies > 0 {
            writeln!(err, "rescan: {} masked copies written", self.copies)?;
        }
        Ok(())
    }
}

/// Progress on standard error: an indicatif bar on a terminal, a line every 5 s otherwise.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    lines: bool,
    total: u64,
    started: Instant,
    last_line: Instant,
}

impl Progress {
    fn new(mode: ProgressMode, total: u64) -> Self {
        let terminal = std::io::stderr().is_terminal();
        let bar = (mode == ProgressMode::Auto && terminal).then(|| {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{elapsed_precise} [{wide_bar}] {pos}/{len} files, {per_sec}, ETA {eta}",
                )
                .expect("valid template"),
            );
            bar
        });
        let lines = mode == ProgressMode::Lines || (mode == ProgressMode::Auto && !terminal);
        Progress { bar, lines, total, started: Instant::now(), last_line: Instant::now() }
    }

    fn tick(&mut self, totals: &rescan::Totals) {
        let done = totals.done();
        if let Some(bar) = &self.bar {
            bar.set_position(done);
        } else if self.lines && self.last_line.elapsed() >= Duration::from_secs(5) {
            self.last_line = Instant::now();
            let secs = self.started.elapsed().as_secs_f64().max(1e-9);
            let rate = done as f64 / secs;
            let eta = if rate > 0.0 { (self.total - done) as f64 / rate } else { 0.0 };
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "rescan: {done}/{} files ({:.0}%), {rate:.0} files/s, ETA {eta:.0} s",
                    self.total,
                    100.0 * done as f64 / self.total.max(1) as f64
                );
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// The CSV and JSON Lines reports.
struct Reports {
    csv: Option<std::io::BufWriter<std::fs::File>>,
    json: Option<std::io::BufWriter<std::fs::File>>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    location: &'a str,
    kind: &'static str,
    status: &'static str,
    severity: &'static str,
    start: usize,
    end: usize,
    masked: &'a str,
    rule: &'static str,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    file: &'a str,
    outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
    findings: Vec<JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    risk: Option<&'a noticeguard::RiskSummary>,
}

impl Reports {
    fn open(args: &RescanArgs) -> anyhow::Result<Self> {
        let create = |path: &PathBuf| {
            std::fs::File::create(path)
                .map(std::io::BufWriter::new)
                .with_context(|| format!("cannot create {}", path.display()))
        };
        let mut csv = args.csv.as_ref().map(create).transpose()?;
        if let Some(csv) = &mut csv {
            writeln!(csv, "file,location,kind,status,severity,start,end,masked,reason")?;
        }
        Ok(Reports { csv, json: args.json.as_ref().map(create).transpose()? })
    }

    fn findings<'a>(scanned: &'a ScannedFile) -> Vec<JsonFinding<'a>> {
        scanned
            .report
            .findings
            .iter()
            .map(|f| {
                let (location, part_start) = scanned.location_of(f.span.byte_start);
                // Offsets in characters from the start of the sheet, page or file.
                let before = scanned.text[..part_start].chars().count();
                JsonFinding {
                    location,
                    kind: f.kind.as_str(),
                    status: f.status.as_str(),
                    severity: f.severity.as_str(),
                    start: f.span.start - before,
                    end: f.span.end - before,
                    masked: &f.masked,
                    rule: f.rule,
                }
            })
            .collect()
    }

    fn scanned(&mut self, file: &ArchiveFile, scanned: &ScannedFile) -> anyhow::Result<()> {
        let findings = Self::findings(scanned);
        if let Some(csv) = &mut self.csv {
            for f in &findings {
                writeln!(
                    csv,
                    "{},{},{},{},{},{},{},{},",
                    csv_field(&file.name),
                    csv_field(f.location),
                    f.kind,
                    f.status,
                    f.severity,
                    f.start,
                    f.end,
                    csv_field(f.masked)
                )?;
            }
        }
        if let Some(json) = &mut self.json {
            let line = JsonFile {
                file: &file.name,
                outcome: "scanned",
                reason: None,
                encoding: scanned.encoding,
                findings,
                risk: Some(&scanned.report.risk),
            };
            serde_json::to_writer(&mut *json, &line)?;
            writeln!(json)?;
        }
        Ok(())
    }

    fn failed(&mut self, file: &ArchiveFile, reason: &str) -> anyhow::Result<()> {
        if let Some(csv) = &mut self.csv {
            writeln!(csv, "{},,,unreadable,,,,,{}", csv_field(&file.name), csv_field(reason))?;
        }
        if let Some(json) = &mut self.json {
            let line = JsonFile {
                file: &file.name,
                outcome: "failed",
                reason: Some(reason),
                encoding: None,
                findings: Vec::new(),
                risk: None,
            };
            serde_json::to_writer(&mut *json, &line)?;
            writeln!(json)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        if let Some(csv) = &mut self.csv {
            csv.flush()?;
        }
        if let Some(json) = &mut self.json {
            json.flush()?;
        }
        Ok(())
    }
}

/// Quotes a CSV field when it needs it.
fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\"")).into()
    } else {
        s.into()
    }
}
