//! What every handler shares, and the one scan path behind gRPC and HTTP:
//! validate → convert → core → convert.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::Semaphore;

use super::auth::{Authenticator, Caller, Role};
use super::error::ServiceError;
use super::recorder::Recorder;
use crate::html::html_to_text;
use crate::store::{DocumentMeta, Filter, FindingsPage, GroupBy, LeakStore, StatsRow, StoreError};
use crate::{Document, ScanReport, Scanner};

/// The content of a document, as sent.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum Content {
    Text(String),
    Html(String),
}

/// A validated scan request, whichever protocol it came by.
#[derive(Clone)]
pub(crate) struct ScanInput {
    pub(crate) document_id: String,
    pub(crate) unit: String,
    pub(crate) category: String,
    pub(crate) published_at: String,
    pub(crate) region_code: String,
    pub(crate) content: Content,
    pub(crate) profile: String,
    pub(crate) record: bool,
}

impl std::fmt::Debug for ScanInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let len = match &self.content {
            Content::Text(t) | Content::Html(t) => t.len(),
        };
        f.debug_struct("ScanInput")
            .field("bytes", &len)
            .field("record", &self.record)
            .finish_non_exhaustive()
    }
}

/// The result of one scan.
pub(crate) struct ScanOutput {
    pub(crate) document_id: String,
    pub(crate) report: ScanReport,
    pub(crate) recorded: bool,
}

/// Longest document id accepted.
const MAX_ID_BYTES: usize = 256;

/// Validates the fields common to both protocols.
pub(crate) fn validate(
    document_id: &str,
    region_code: &str,
    published_at: &str,
) -> Result<(), ServiceError> {
    if document_id.len() > MAX_ID_BYTES {
        return Err(ServiceError::InvalidArgument(format!(
            "document id is longer than {MAX_ID_BYTES} bytes"
        )));
    }
    if !region_code.is_empty()
        && (!region_code.bytes().all(|b| b.is_ascii_digit())
            || ![2, 4, 6, 9, 12].contains(&region_code.len()))
    {
        return Err(ServiceError::InvalidArgument(
            "region_code must be 2, 4, 6, 9 or 12 digits".into(),
        ));
    }
    if !published_at.is_empty() && !looks_like_rfc3339_date(published_at) {
        return Err(ServiceError::InvalidArgument(
            "published_at must be an RFC 3339 date or date-time".into(),
        ));
    }
    Ok(())
}

fn looks_like_rfc3339_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || matches!(b[10], b'T' | b't' | b' '))
}

/// Shared service state.
pub(crate) struct AppState {
    pub(crate) scanner: Scanner,
    pub(crate) auth: Authenticator,
    /// Bounds scans running on the blocking pool.
    pub(crate) workers: Arc<Semaphore>,
    pub(crate) inline_scan_bytes: usize,
    pub(crate) max_message_bytes: usize,
    pub(crate) started: Instant,
    pub(crate) recorder: Recorder,
    /// Last result of the store health check.
    pub(crate) store_up: std::sync::atomic::AtomicBool,
    /// Server-side re-scan jobs.
    pub(crate) jobs: Arc<super::jobs::Jobs>,
}

impl From<StoreError> for ServiceError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Unavailable(m) => {
                ServiceError::Unavailable(format!("store unavailable ({m}); nothing was recorded"))
            }
            StoreError::Invalid(m) => ServiceError::FailedPrecondition(m),
            StoreError::Internal(m) => ServiceError::Internal(m),
        }
    }
}

impl AppState {
    /// Authenticates a caller allowed to scan.
    pub(crate) fn scanning_caller(
        &self,
        authorization: Option<&str>,
    ) -> Result<Caller, ServiceError> {
        let caller = self.auth.authenticate(authorization)?;
        caller.require(&[Role::Publisher], "scan documents")?;
        Ok(caller)
    }

    /// Scans one document for `caller`.
    pub(crate) async fn scan(
        &self,
        caller: &Caller,
        input: ScanInput,
    ) -> Result<ScanOutput, ServiceError> {
        caller.require_region(&input.region_code)?;
        let profile_name =
            if input.profile.is_empty() { "default" } else { input.profile.as_str() };
        let profile = self.scanner.profile(profile_name)?;
        let raw_len = match &input.content {
            Content::Text(t) | Content::Html(t) => t.len(),
        };
        let limit = self.scanner.max_document_bytes();
        if raw_len > limit.saturating_mul(4) {
            // HTML is reduced before the document limit applies; refuse absurd inputs early.
            return Err(ServiceError::ResourceExhausted(format!(
                "document of {raw_len} bytes exceeds the limit of {limit} bytes"
            )));
        }
        let scanner = self.scanner.clone();
        let id = input.document_id.clone();
        let meta = input.record.then(|| DocumentMeta {
            caller: caller.name.clone(),
            document_id: input.document_id.clone(),
            unit: input.unit.clone(),
            region_code: input.region_code.clone(),
            category: input.category.clone(),
            published_at: (!input.published_at.is_empty()).then(|| input.published_at.clone()),
        });
        let record = input.record;
        let run = move |content: Content| -> Result<ScanReport, ServiceError> {
            let text = match content {
                Content::Text(t) => t,
                Content::Html(h) => html_to_text(&h),
            };
            let doc = Document::new("", &text);
            // Keyed hashes only for results that will be stored.
            Ok(if record {
                scanner.scan(&doc, &profile)?
            } else {
                scanner.scan_unrecorded(&doc, &profile)?
            })
        };
        let report = if raw_len <= self.inline_scan_bytes {
            run(input.content)?
        } else {
            let permit = Arc::clone(&self.workers)
                .acquire_owned()
                .await
                .map_err(|_| ServiceError::Unavailable("server is shutting down".into()))?;
            let content = input.content;
            tokio::task::spawn_blocking(move || {
                let _permit = permit;
                run(content)
            })
            .await
            .map_err(|_| ServiceError::Internal("scan task failed".into()))??
        };
        super::metrics::scanned(raw_len, &report);
        let recorded = match meta {
            Some(meta) => {
                let store = self.recorder.store().await?;
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
                // One transaction: on failure nothing of this document is written.
                store.record(&meta, &report, now).await?;
                true
            }
            None => false,
        };
        Ok(ScanOutput { document_id: id, report, recorded })
    }
}

/// Statistics: who may ask, and what they may see.
impl AppState {
    /// Authenticates a caller allowed to read statistics.
    /// Authenticates an administrator (re-scan jobs).
    pub(crate) fn admin_caller(&self, authorization: Option<&str>) -> Result<Caller, ServiceError> {
        let caller = self.auth.authenticate(authorization)?;
        caller.require(&[], "run re-scan jobs")?;
        Ok(caller)
    }

    pub(crate) fn stats_caller(&self, authorization: Option<&str>) -> Result<Caller, ServiceError> {
        let caller = self.auth.authenticate(authorization)?;
        caller.require(&[Role::Assessor], "read statistics")?;
        Ok(caller)
    }

    /// Validates a filter and narrows it to the caller's region.
    pub(crate) fn scoped(
        &self,
        caller: &Caller,
        mut filter: Filter,
    ) -> Result<Filter, ServiceError> {
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if filter.region_prefix.len() > 12 || !digits(&filter.region_prefix) {
            return Err(ServiceError::InvalidArgument(
                "region_prefix must be up to 12 digits".into(),
            ));
        }
        if !filter.kind.is_empty() && filter.kind.parse::<crate::PiiKind>().is_err() {
            return Err(ServiceError::InvalidArgument("unknown kind".into()));
        }
        if !filter.status.is_empty() && filter.status.parse::<crate::Status>().is_err() {
            return Err(ServiceError::InvalidArgument("unknown status".into()));
        }
        for day in [&filter.from, &filter.to] {
            if !day.is_empty() && (day.len() != 10 || !looks_like_rfc3339_date(day)) {
                return Err(ServiceError::InvalidArgument("from and to must be YYYY-MM-DD".into()));
            }
        }
        if let Some(prefix) = &caller.region_prefix {
            if filter.region_prefix.is_empty() {
                filter.region_prefix = prefix.clone();
            } else if !filter.region_prefix.starts_with(prefix.as_str()) {
                return Err(ServiceError::PermissionDenied(format!(
                    "caller {} is limited to region prefix {prefix}",
                    caller.name
                )));
            }
        }
        Ok(filter)
    }

    /// Returns statistics for `caller`.
    pub(crate) async fn stats(
        &self,
        caller: &Caller,
        filter: Filter,
        group_by: GroupBy,
    ) -> Result<Vec<StatsRow>, ServiceError> {
        let filter = self.scoped(caller, filter)?;
        Ok(self.recorder.store().await?.stats(&filter, group_by).await?)
    }

    /// Returns a page of findings for `caller`.
    pub(crate) async fn findings(
        &self,
        caller: &Caller,
        filter: Filter,
        page_size: u32,
        page_token: &str,
    ) -> Result<FindingsPage, ServiceError> {
        let filter = self.scoped(caller, filter)?;
        let page_size = if page_size == 0 { 100 } else { page_size.min(1000) };
        Ok(self.recorder.store().await?.findings(&filter, page_size, page_token).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation() {
        assert!(validate("a", "", "").is_ok());
        assert!(validate("a", "360730", "2026-11-27").is_ok());
        assert!(validate("a", "360730001001", "2026-11-27T08:00:00+08:00").is_ok());
        assert!(matches!(validate("a", "36073", ""), Err(ServiceError::InvalidArgument(_))));
        assert!(matches!(validate("a", "36a730", ""), Err(ServiceError::InvalidArgument(_))));
        assert!(matches!(validate("a", "", "27/11/2026"), Err(ServiceError::InvalidArgument(_))));
        assert!(matches!(
            validate(&"x".repeat(300), "", ""),
            Err(ServiceError::InvalidArgument(_))
        ));
    }
}
