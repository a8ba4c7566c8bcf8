//! Server-side re-scan jobs: `StartRescan`, `GetRescan`, `WatchRescan`, `CancelRescan`.
//!
//! Only directories under the configured archive roots are read. A requested path is
//! canonicalized (which resolves `..` and symbolic links) and must then lie under a
//! canonicalized root; the walk itself does not follow links. Jobs run on the blocking pool
//! with the same code as `noticeguard rescan` (`crate::rescan::execute`) and publish their
//! progress through a watch channel; the store keeps what is done, so a cancelled or
//! interrupted job resumes when started again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::{Mutex, watch};

use super::error::ServiceError;
use super::pb;
use super::state::AppState;
use crate::rescan::{self, ArchiveFile, Event, Shard};
use crate::store::{DocumentMeta, LeakStore, RescanJob};

/// A job running in this process.
struct Running {
    cancel: Arc<AtomicBool>,
    progress: watch::Receiver<pb::RescanJobStatus>,
}

/// The archive roots and the jobs running on this server.
pub(crate) struct Jobs {
    roots: Vec<PathBuf>,
    workers: usize,
    running: Mutex<HashMap<String, Running>>,
}

/// What a job records for each of its files.
#[derive(Clone)]
struct Labels {
    unit: String,
    region_code: String,
    category: String,
}

impl Jobs {
    /// Canonicalizes the configured roots; a root that does not exist is an error.
    pub(crate) fn new(roots: &[PathBuf], workers: usize) -> Result<Self, String> {
        let roots = roots
            .iter()
            .map(|r| {
                r.canonicalize()
                    .map_err(|e| format!("archive root {} is unusable: {e}", r.display()))
            })
            .collect::<Result<_, _>>()?;
        let workers = match workers {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        };
        Ok(Jobs { roots, workers, running: Mutex::new(HashMap::new()) })
    }

    /// Resolves requested paths to canonical paths under the roots.
    fn resolve(&self, paths: &[String]) -> Result<Vec<PathBuf>, ServiceError> {
        let Some(first_root) = self.roots.first() else {
            return Err(ServiceError::FailedPrecondition(
                "this server has no archive_roots configured: re-scans are disabled".into(),
            ));
        };
        if paths.is_empty() {
            return Err(ServiceError::InvalidArgument("paths is empty".into()));
        }
        paths
            .iter()
            .map(|p| {
                if p.is_empty() || p.contains('\0') {
                    return Err(ServiceError::InvalidArgument(
                        "a path is empty or malformed".into(),
                    ));
                }
                let path = Path::new(p);
                let joined =
                    if path.is_absolute() { path.to_owned() } else { first_root.join(path) };
                // Canonicalizing resolves `..` and links before the check, so neither can
                // lead out of the roots. A path that does not exist is refused the same way
                // as one outside, not to reveal what exists out there.
                let canonical = joined.canonicalize().map_err(|_| outside())?;
                if self.roots.iter().any(|root| canonical.starts_with(root)) {
                    Ok(canonical)
                } else {
                    Err(outside())
                }
            })
            .collect()
    }

    /// Starts (or joins, or resumes) a job.
    pub(crate) async fn start(
        self: &Arc<Self>,
        state: &Arc<AppState>,
        request: pb::StartRescanRequest,
    ) -> Result<pb::RescanJobStatus, ServiceError> {
        let paths = self.resolve(&request.paths)?;
        let profile_name =
            if request.profile.is_empty() { "default".to_owned() } else { request.profile };
        let profile = state.scanner.profile(&profile_name)?;
        let shard = if request.shard.is_empty() {
            None
        } else {
            Some(request.shard.parse::<Shard>().map_err(ServiceError::InvalidArgument)?)
        };
        if !request.region_code.bytes().all(|b| b.is_ascii_digit())
            || request.region_code.len() > 12
        {
            return Err(ServiceError::InvalidArgument(
                "region_code must be up to 12 digits".into(),
            ));
        }
        let id = rescan::job_id(&paths, shard, &profile_name);
        let mut running = self.running.lock().await;
        if let Some(job) = running.get(&id) {
            return Ok(job.progress.borrow().clone());
        }
        let store = state.recorder.store().await?;
        let walked_paths = paths.clone();
        let files = tokio::task::spawn_blocking(move || rescan::walk(&walked_paths, shard))
            .await
            .map_err(|e| ServiceError::Internal(format!("archive walk failed: {e}")))?
            .map_err(|e| ServiceError::InvalidArgument(e.to_string()))?;
        let job = RescanJob {
            id: id.clone(),
            roots: paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("\n"),
            shard: shard.map(|s| s.to_string()).unwrap_or_default(),
            files_total: files.len() as u64,
        };
        store.begin_rescan(&job, rescan::unix_now()).await?;
        let finished: HashMap<String, String> =
            store.rescanned_files(&id).await?.into_iter().collect();
        let initial = pb::RescanJobStatus {
            job_id: id.clone(),
            state: "running".into(),
            files_total: files.len() as u64,
            ..Default::default()
        };
        let (sender, receiver) = watch::channel(initial.clone());
        let cancel = Arc::new(AtomicBool::new(false));
        running.insert(id.clone(), Running { cancel: Arc::clone(&cancel), progress: receiver });
        drop(running);

        let labels = Labels {
            unit: request.unit,
            region_code: request.region_code,
            category: request.category,
        };
        let (jobs, state) = (Arc::clone(self), Arc::clone(state));
        let handle = tokio::runtime::Handle::current();
        tracing::info!(job = %id, files = files.len(), "server-side rescan started");
        tokio::task::spawn_blocking(move || {
            let total = files.len() as u64;
            let outcome = run(
                &state,
                &handle,
                &store,
                &id,
                &files,
                &finished,
                &profile,
                &labels,
                jobs.workers,
                &cancel,
                &sender,
            );
            let final_state = match (&outcome, cancel.load(Ordering::Relaxed)) {
                (Err(_), _) => "failed",
                (Ok(_), true) => "cancelled",
                (Ok(_), false) => "finished",
            };
            if let Err(err) = &outcome {
                tracing::error!(job = %id, error = %err, "server-side rescan failed");
            }
            let _ = handle.block_on(store.end_rescan(&id, final_state, total, rescan::unix_now()));
            sender.send_modify(|s| s.state = final_state.into());
            handle.block_on(async { jobs.running.lock().await.remove(&id) });
            tracing::info!(job = %id, state = final_state, "server-side rescan ended");
        });
        Ok(initial)
    }

    /// Returns a job's progress: live when it runs here, from the store otherwise.
    pub(crate) async fn status(
        &self,
        state: &AppState,
        id: &str,
    ) -> Result<pb::RescanJobStatus, ServiceError> {
        if let Some(job) = self.running.lock().await.get(id) {
            return Ok(job.progress.borrow().clone());
        }
        let store = state.recorder.store().await?;
        let status = store
            .rescan_status(id)
            .await?
            .ok_or_else(|| ServiceError::InvalidArgument("unknown rescan job".into()))?;
        Ok(pb::RescanJobStatus {
            job_id: status.id,
            state: status.state,
            files_total: status.files_total,
            files_scanned: status.files_scanned,
            files_resumed: 0,
            files_failed: status.files_failed,
            findings: status.findings,
            leaks: status.leaks,
            bytes: status.bytes,
        })
    }

    /// Returns a receiver of a running job's progress, if it runs here.
    pub(crate) async fn watch(&self, id: &str) -> Option<watch::Receiver<pb::RescanJobStatus>> {
        self.running.lock().await.get(id).map(|job| job.progress.clone())
    }

    /// Asks a running job to stop; returns false when no such job runs here.
    pub(crate) async fn cancel(&self, id: &str) -> bool {
        match self.running.lock().await.get(id) {
            Some(job) => {
                job.cancel.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }
}

fn outside() -> ServiceError {
    ServiceError::PermissionDenied("path is not under a configured archive root".into())
}

/// Runs a job on the blocking pool; store calls go through the runtime's handle.
#[allow(clippy::too_many_arguments)]
fn run(
    state: &AppState,
    handle: &tokio::runtime::Handle,
    store: &crate::store::SqlStore,
    id: &str,
    files: &[ArchiveFile],
    finished: &HashMap<String, String>,
    profile: &crate::Profile,
    labels: &Labels,
    workers: usize,
    cancel: &AtomicBool,
    progress: &watch::Sender<pb::RescanJobStatus>,
) -> Result<rescan::Totals, crate::store::StoreError> {
    let meta = |file: &ArchiveFile| DocumentMeta {
        caller: "rescan".into(),
        document_id: file.name.clone(),
        unit: labels.unit.clone(),
        region_code: labels.region_code.clone(),
        category: labels.category.clone(),
        published_at: None,
    };
    let execution = rescan::Execution {
        scanner: &state.scanner,
        profile,
        finished,
        workers,
        record: true,
        cancel,
        meta: &meta,
    };
    let mut commit = |rows: &[rescan::Committed<'_>]| {
        handle.block_on(store.record_rescanned(id, rows, rescan::unix_now()))
    };
    let mut on_event = |event: Event<'_>, totals: &rescan::Totals| {
        if let Event::Failed(file, reason) = event {
            tracing::warn!(job = %id, file = %file.name, %reason, "file not scanned");
        }
        progress.send_modify(|s| {
            s.files_scanned = totals.scanned;
            s.files_resumed = totals.resumed;
            s.files_failed = totals.failed;
            s.findings = totals.findings;
            s.leaks = totals.leaks;
            s.bytes = totals.bytes;
        });
        Ok(())
    };
    rescan::execute(files, &execution, &mut commit, &mut on_event)
}
