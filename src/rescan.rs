//! Archive re-scans: which files, in which shard, under which job id, and the scan of one
//! file (read, extract, scan). The command line (`noticeguard rescan`) and the service
//! drive these pieces; the store keeps the job's progress so a killed run resumes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::extract::{self, ExtractError, Format};
use crate::scan::{Document, ScanReport, Scanner};
use crate::store::{DocumentMeta, RescannedFile};
use crate::{Error, Profile};

/// Largest file read, in bytes: archives hold scanned PDFs of hundreds of MB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// One file of an archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArchiveFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its name in reports and the store: the root's last component, then the path below
    /// the root, with `/` separators (`2023/低保/名单.xlsx` under root `archive` is
    /// `archive/2023/低保/名单.xlsx`).
    pub name: String,
    /// Its format.
    pub format: Format,
}

/// A shard of an archive: files whose name hashes to `index` (1-based) of `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// This machine's shard, 1 to `count`.
    pub index: u32,
    /// Number of shards.
    pub count: u32,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let (k, n) = s.split_once('/').ok_or("a shard is written K/N, e.g. 2/4")?;
        let index: u32 = k.trim().parse().map_err(|_| "K of K/N is not a number")?;
        let count: u32 = n.trim().parse().map_err(|_| "N of K/N is not a number")?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {index}/{count}: K must be between 1 and N"));
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Returns true when the file called `name` belongs to this shard. The hash is SHA-256
    /// of the name, so every machine splits the archive the same way without talking.
    pub fn holds(&self, name: &str) -> bool {
        let digest = Sha256::digest(name.as_bytes());
        let n = u64::from_be_bytes(digest[..8].try_into().expect("8 bytes"));
        n % u64::from(self.count) == u64::from(self.index - 1)
    }
}

/// Why the walk of a root failed.
#[derive(Debug, thiserror::Error)]
pub enum WalkError {
    /// A root does not exist or cannot be listed.
    #[error("cannot read {path}: {source}")]
    Root {
        /// The root.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Returns the files under `roots` that the reader knows and `shard` holds, sorted by name.
/// Symbolic links are not followed (an archive link must not lead outside it).
///
/// # Errors
///
/// Returns [`WalkError::Root`] when a root cannot be read. Unreadable entries below a
/// root are skipped with a warning.
pub fn walk(roots: &[PathBuf], shard: Option<Shard>) -> Result<Vec<ArchiveFile>, WalkError> {
    let mut files = Vec::new();
    for root in roots {
        let meta = std::fs::metadata(root)
            .map_err(|source| WalkError::Root { path: root.clone(), source })?;
        let label = root
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| root.display().to_string());
        if meta.is_file() {
            if let Some(format) = Format::of(root) {
                files.push(ArchiveFile { path: root.clone(), name: label, format });
            }
            continue;
        }
        for entry in walkdir::WalkDir::new(root).follow_links(false) {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    tracing::warn!(error = %err, "skipping an unreadable entry");
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(format) = Format::of(entry.path()) else { continue };
            let below = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let below: Vec<String> =
                below.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let name = format!("{label}/{}", below.join("/"));
            files.push(ArchiveFile { path: entry.path().to_owned(), name, format });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files.dedup_by(|a, b| a.name == b.name);
    if let Some(shard) = shard {
        files.retain(|f| shard.holds(&f.name));
    }
    Ok(files)
}

/// Returns the id of the job that scans `roots` (as given) in `shard` with `profile`: the
/// same command gets the same id, which is how it finds the job to resume.
pub fn job_id(roots: &[PathBuf], shard: Option<Shard>, profile: &str) -> String {
    let mut hasher = Sha256::new();
    let mut canonical: Vec<String> = roots
        .iter()
        .map(|r| r.canonicalize().unwrap_or_else(|_| r.clone()).display().to_string())
        .collect();
    canonical.sort();
    for root in canonical {
        hasher.update(root.as_bytes());
        hasher.update(b"\n");
    }
    hasher.update(shard.map(|s| s.to_string()).unwrap_or_default().as_bytes());
    hasher.update(b"\n");
    hasher.update(profile.as_bytes());
    hasher.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The scan of one file.
#[derive(Debug)]
pub struct ScannedFile {
    /// The scan of the file's text (its parts joined by blank lines).
    pub report: ScanReport,
    /// The text that was scanned.
    pub text: String,
    /// Where each part starts in `text` (bytes) and its location (`sheet …`, `page …`).
    pub parts: Vec<(usize, String)>,
    /// The encoding a text file was read in.
    pub encoding: Option<&'static str>,
}

impl ScannedFile {
    /// Returns the location (`sheet 名单`, `page 2`, or empty) of byte offset `at` of the
    /// scanned text, and the offset of its part's start.
    pub fn location_of(&self, at: usize) -> (&str, usize) {
        let i = self.parts.partition_point(|(start, _)| *start <= at).saturating_sub(1);
        self.parts.get(i).map_or(("", 0), |(start, location)| (location.as_str(), *start))
    }
}

/// Why one file was not scanned.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// It could not be read from disk.
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// It is larger than [`MAX_FILE_BYTES`].
    #[error("file of {0} bytes is larger than the limit")]
    TooLarge(u64),
    /// Its format could not be read.
    #[error("{0}")]
    Extract(#[from] ExtractError),
    /// The scanner refused its text (too large).
    #[error("{0}")]
    Scan(#[from] Error),
}

/// Extracts and scans a file whose bytes are already read.
///
/// # Errors
///
/// A [`FileError`] saying why the file was not scanned.
pub fn scan_file(
    scanner: &Scanner,
    profile: &Profile,
    file: &ArchiveFile,
    bytes: &[u8],
    record: bool,
) -> Result<ScannedFile, FileError> {
    let extracted = extract::extract(file.format, bytes, &file.path)?;
    let (text, starts) = extracted.joined();
    let parts =
        starts.into_iter().zip(extracted.parts.iter().map(|p| p.location.clone())).collect();
    let doc = Document::new(&file.name, &text);
    let report = if record {
        scanner.scan(&doc, profile)?
    } else {
        scanner.scan_unrecorded(&doc, profile)?
    };
    Ok(ScannedFile { report, text, parts, encoding: extracted.encoding })
}

/// Reads a file for scanning, refusing files above [`MAX_FILE_BYTES`].
///
/// # Errors
///
/// [`FileError::Io`] or [`FileError::TooLarge`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    let len = std::fs::metadata(path)?.len();
    if len > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(len));
    }
    Ok(std::fs::read(path)?)
}

/// Returns the current time in seconds since 1970, what the store records.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Most files committed in one transaction, and the longest a result waits for its commit.
pub const COMMIT_FILES: usize = 64;
/// See [`COMMIT_FILES`].
pub const COMMIT_INTERVAL: Duration = Duration::from_millis(500);

/// How a file of a job ended, reported to the driver as it happens.
#[derive(Debug)]
pub enum Event<'a> {
    /// Finished in an earlier run of the job with the same content: not scanned again.
    Resumed(&'a ArchiveFile),
    /// Scanned.
    Scanned(&'a ArchiveFile, &'a ScannedFile),
    /// Not scanned, with the reason (never file content).
    Failed(&'a ArchiveFile, &'a str),
}

/// Counts of a run of a job.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Files scanned in this run.
    pub scanned: u64,
    /// Files skipped because an earlier run of the job finished them.
    pub resumed: u64,
    /// Files that could not be read.
    pub failed: u64,
    /// Bytes of the scanned files.
    pub bytes: u64,
    /// Findings in the scanned files.
    pub findings: u64,
    /// Findings that must be masked.
    pub leaks: u64,
}

impl Totals {
    /// Files finished one way or another.
    pub fn done(&self) -> u64 {
        self.scanned + self.resumed + self.failed
    }
}

/// One finished file waiting for its commit.
pub type Committed<'a> = (RescannedFile, Option<(&'a DocumentMeta, &'a ScanReport)>);

/// What [`execute`] needs besides the files.
pub struct Execution<'a> {
    /// The scanner (with a fingerprint key when recording).
    pub scanner: &'a Scanner,
    /// The profile.
    pub profile: &'a Profile,
    /// Files finished by earlier runs of the job: name → content hash.
    pub finished: &'a HashMap<String, String>,
    /// Worker threads.
    pub workers: usize,
    /// Whether results are recorded (keyed hashes computed, finished files skipped).
    pub record: bool,
    /// Set to stop: workers take no new file, and what is done is still committed.
    pub cancel: &'a AtomicBool,
    /// The document metadata recorded for a file (unit, region …).
    pub meta: &'a (dyn Fn(&ArchiveFile) -> DocumentMeta + Sync),
}

/// Runs a job over `files`: workers read, extract and scan in parallel; this thread hands
/// each outcome to `on_event` and commits finished files in batches through `commit`
/// (one transaction per batch, so a killed run loses at most a batch and nothing is
/// recorded twice). Returns the counts of this run.
///
/// # Errors
///
/// The first error of `commit` or `on_event`; workers stop taking files then.
pub fn execute<E>(
    files: &[ArchiveFile],
    run: &Execution<'_>,
    commit: &mut dyn FnMut(&[Committed<'_>]) -> Result<(), E>,
    on_event: &mut dyn FnMut(Event<'_>, &Totals) -> Result<(), E>,
) -> Result<Totals, E> {
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let workers = run.workers.max(1);
    let (sender, receiver) = mpsc::sync_channel::<(usize, Outcome)>(workers * 2);
    let mut totals = Totals::default();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, stop) = (&next, &stop);
            scope.spawn(move || {
                while !stop.load(Ordering::Relaxed) && !run.cancel.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(file) = files.get(i) else { break };
                    let outcome = process(run, file);
                    if sender.send((i, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        let mut batch: Vec<Pending> = Vec::new();
        let mut last_commit = Instant::now();
        let mut flush = |batch: &mut Vec<Pending>| {
            if run.record && !batch.is_empty() {
                let rows: Vec<Committed<'_>> = batch
                    .iter()
                    .map(|(file, doc)| (file.clone(), doc.as_ref().map(|(m, s)| (m, &s.report))))
                    .collect();
                commit(&rows)?;
            }
            batch.clear();
            Ok(())
        };
        let result = (|| {
            for (i, outcome) in receiver.iter() {
                let file = &files[i];
                match outcome {
                    Outcome::Resumed => {
                        totals.resumed += 1;
                        on_event(Event::Resumed(file), &totals)?;
                    }
                    Outcome::Scanned { hash, bytes, scanned } => {
                        let report = &scanned.report;
                        totals.scanned += 1;
                        totals.bytes += bytes;
                        totals.findings += report.findings.len() as u64;
                        totals.leaks += report.risk.leaks as u64;
                        on_event(Event::Scanned(file, &scanned), &totals)?;
                        let record = RescannedFile {
                            path: file.name.clone(),
                            content_hash: hash,
                            outcome: "scanned",
                            reason: String::new(),
                            bytes,
                            findings: report.findings.len() as u64,
                            leaks: report.risk.leaks as u64,
                        };
                        batch.push((record, Some(((run.meta)(file), scanned))));
                    }
                    Outcome::Failed { hash, bytes, reason } => {
                        totals.failed += 1;
                        on_event(Event::Failed(file, &reason), &totals)?;
                        let record = RescannedFile {
                            path: file.name.clone(),
                            content_hash: hash,
                            outcome: "failed",
                            reason,
                            bytes,
                            findings: 0,
                            leaks: 0,
                        };
                        batch.push((record, None));
                    }
                }
                if batch.len() >= COMMIT_FILES || last_commit.elapsed() >= COMMIT_INTERVAL {
                    flush(&mut batch)?;
                    last_commit = Instant::now();
                }
            }
            flush(&mut batch)
        })();
        if result.is_err() {
            stop.store(true, Ordering::Relaxed);
            // Drain so that workers blocked on a full channel finish.
            for _ in receiver.iter() {}
        }
        result
    })?;
    Ok(totals)
}

/// A finished file waiting for its commit, with its document when it was scanned.
type Pending = (RescannedFile, Option<(DocumentMeta, Box<ScannedFile>)>);

/// What a worker hands to the driving thread.
enum Outcome {
    Resumed,
    Scanned { hash: String, bytes: u64, scanned: Box<ScannedFile> },
    Failed { hash: String, bytes: u64, reason: String },
}

/// Reads, hashes, extracts and scans one file (a worker's job).
fn process(run: &Execution<'_>, file: &ArchiveFile) -> Outcome {
    let bytes = match read_file(&file.path) {
        Ok(bytes) => bytes,
        Err(err) => {
            return Outcome::Failed { hash: String::new(), bytes: 0, reason: err.to_string() };
        }
    };
    let hash = run.scanner.content_fingerprint(&bytes).unwrap_or_default();
    if run.record && run.finished.get(&file.name) == Some(&hash) {
        return Outcome::Resumed;
    }
    let size = bytes.len() as u64;
    match scan_file(run.scanner, run.profile, file, &bytes, run.record) {
        Ok(scanned) => Outcome::Scanned { hash, bytes: size, scanned: Box::new(scanned) },
        Err(err) => Outcome::Failed { hash, bytes: size, reason: err.to_string() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_split_deterministically_and_completely() {
        let names: Vec<String> = (0..1000).map(|i| format!("a/{i}.txt")).collect();
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        let mut total = 0;
        for name in &names {
            let holders = shards.iter().filter(|s| s.holds(name)).count();
            assert_eq!(holders, 1, "{name}");
            total += holders;
        }
        assert_eq!(total, 1000);
        let first = shards[0];
        let count = names.iter().filter(|n| first.holds(n)).count();
        assert!((250..420).contains(&count), "{count}");
        assert!("0/3".parse::<Shard>().is_err() && "4/3".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
    }

    #[test]
    fn walk_lists_known_formats_sorted_and_names_them_from_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archive");
        std::fs::create_dir_all(root.join("2023/低保")).unwrap();
        std::fs::write(root.join("2023/低保/名单.txt"), "x").unwrap();
        std::fs::write(root.join("a.html"), "x").unwrap();
        std::fs::write(root.join("photo.jpg"), "x").unwrap();
        let files = walk(std::slice::from_ref(&root), None).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["archive/2023/低保/名单.txt", "archive/a.html"]);
        assert!(walk(&[dir.path().join("missing")], None).is_err());
    }

    #[test]
    fn job_ids_follow_the_command() {
        let a = vec![PathBuf::from("/tmp/a"), PathBuf::from("/tmp/b")];
        let b = vec![PathBuf::from("/tmp/b"), PathBuf::from("/tmp/a")];
        assert_eq!(job_id(&a, None, "default"), job_id(&b, None, "default"));
        assert_ne!(job_id(&a, None, "default"), job_id(&a, "1/2".parse().ok(), "default"));
        assert_ne!(job_id(&a, None, "default"), job_id(&a, None, "penalty"));
    }
}
