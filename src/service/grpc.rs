//! The gRPC handlers: authenticate, convert the request, call the shared scan path,
//! convert the result.

use std::sync::Arc;
use std::time::Instant;

use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};

use super::auth::Caller;
use super::error::ServiceError;
use super::pb;
use super::state::{AppState, Content, ScanInput, ScanOutput, validate};
use crate::store::{Filter, GroupBy, StatsRow, StoredFinding};
use crate::{Finding, PiiKind, RiskSummary, Severity, Status as FindingStatus};

/// Responses queued per stream before the server stops reading requests.
const STREAM_BUFFER: usize = 16;

/// The `noticeguard.v1.NoticeGuard` service.
pub(crate) struct NoticeGuardService {
    pub(crate) state: Arc<AppState>,
}

fn authorization<T>(request: &Request<T>) -> Option<&str> {
    request.metadata().get("authorization").and_then(|v| v.to_str().ok())
}

impl TryFrom<pb::ScanRequest> for ScanInput {
    type Error = ServiceError;

    fn try_from(request: pb::ScanRequest) -> Result<Self, ServiceError> {
        let document = request
            .document
            .ok_or_else(|| ServiceError::InvalidArgument("document is required".into()))?;
        validate(&document.id, &document.region_code, &document.published_at)?;
        let content = match document.content {
            Some(pb::document::Content::Text(t)) => Content::Text(t),
            Some(pb::document::Content::Html(h)) => Content::Html(h),
            None => {
                return Err(ServiceError::InvalidArgument("document needs text or html".into()));
            }
        };
        Ok(ScanInput {
            document_id: document.id,
            unit: document.unit,
            category: document.category,
            published_at: document.published_at,
            region_code: document.region_code,
            content,
            profile: request.profile,
            record: request.record,
        })
    }
}

fn kind(k: PiiKind) -> pb::PiiKind {
    match k {
        PiiKind::IdCard => pb::PiiKind::IdCard,
        PiiKind::MobilePhone => pb::PiiKind::MobilePhone,
        PiiKind::Landline => pb::PiiKind::Landline,
        PiiKind::BankCard => pb::PiiKind::BankCard,
        PiiKind::PersonName => pb::PiiKind::PersonName,
        PiiKind::Address => pb::PiiKind::Address,
    }
}

fn status(s: FindingStatus) -> pb::FindingStatus {
    match s {
        FindingStatus::Leaked => pb::FindingStatus::Leaked,
        FindingStatus::InsufficientlyMasked => pb::FindingStatus::InsufficientlyMasked,
        FindingStatus::AlreadyMasked => pb::FindingStatus::AlreadyMasked,
        FindingStatus::Public => pb::FindingStatus::Public,
    }
}

fn severity(s: Severity) -> pb::Severity {
    match s {
        Severity::None => pb::Severity::None,
        Severity::Low => pb::Severity::Low,
        Severity::Medium => pb::Severity::Medium,
        Severity::High => pb::Severity::High,
        Severity::Critical => pb::Severity::Critical,
    }
}

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl From<&Finding> for pb::Finding {
    fn from(f: &Finding) -> Self {
        let s = f.span;
        pb::Finding {
            kind: kind(f.kind).into(),
            status: status(f.status).into(),
            severity: severity(f.severity).into(),
            confidence: f.confidence,
            span: Some(pb::Span {
                start: u32_of(s.start),
                end: u32_of(s.end),
                byte_start: u32_of(s.byte_start),
                byte_end: u32_of(s.byte_end),
                utf16_start: u32_of(s.utf16_start),
                utf16_end: u32_of(s.utf16_end),
            }),
            masked: f.masked.clone(),
            rule: f.rule.to_owned(),
            explanation: f.explanation.clone(),
            record: u32_of(f.record),
        }
    }
}

impl From<&RiskSummary> for pb::Risk {
    fn from(r: &RiskSummary) -> Self {
        let counts = r
            .counts
            .iter()
            .flat_map(|(k, statuses)| {
                statuses.iter().map(move |(s, n)| pb::KindStatusCount {
                    kind: kind(*k).into(),
                    status: status(*s).into(),
                    count: u32_of(*n),
                })
            })
            .collect();
        pb::Risk {
            level: severity(r.level).into(),
            score: r.score,
            leaks: u32_of(r.leaks),
            counts,
            deduction: r.deduction,
        }
    }
}

impl From<ScanOutput> for pb::ScanResponse {
    fn from(out: ScanOutput) -> Self {
        pb::ScanResponse {
            document_id: out.document_id,
            findings: out.report.findings.iter().map(pb::Finding::from).collect(),
            risk: Some(pb::Risk::from(&out.report.risk)),
            masked_text: out.report.masked_text,
            recorded: out.recorded,
            error: None,
        }
    }
}

fn kind_name(k: i32) -> Result<String, ServiceError> {
    let name = match pb::PiiKind::try_from(k)
        .map_err(|_| ServiceError::InvalidArgument("unknown kind".into()))?
    {
        pb::PiiKind::Unspecified => "",
        pb::PiiKind::IdCard => "id_card",
        pb::PiiKind::MobilePhone => "mobile_phone",
        pb::PiiKind::Landline => "landline",
        pb::PiiKind::BankCard => "bank_card",
        pb::PiiKind::PersonName => "person_name",
        pb::PiiKind::Address => "address",
    };
    Ok(name.to_owned())
}

fn status_name(s: i32) -> Result<String, ServiceError> {
    let name = match pb::FindingStatus::try_from(s)
        .map_err(|_| ServiceError::InvalidArgument("unknown status".into()))?
    {
        pb::FindingStatus::Unspecified => "",
        pb::FindingStatus::Leaked => "leaked",
        pb::FindingStatus::InsufficientlyMasked => "insufficiently_masked",
        pb::FindingStatus::AlreadyMasked => "already_masked",
        pb::FindingStatus::Public => "public",
    };
    Ok(name.to_owned())
}

impl TryFrom<Option<pb::StatsFilter>> for Filter {
    type Error = ServiceError;

    fn try_from(filter: Option<pb::StatsFilter>) -> Result<Self, ServiceError> {
        let f = filter.unwrap_or_default();
        Ok(Filter {
            region_prefix: f.region_prefix,
            unit: f.unit,
            category: f.category,
            kind: kind_name(f.kind)?,
            status: status_name(f.status)?,
            from: f.from,
            to: f.to,
        })
    }
}

fn group_by(g: i32) -> Result<GroupBy, ServiceError> {
    Ok(
        match pb::GroupBy::try_from(g)
            .map_err(|_| ServiceError::InvalidArgument("unknown group_by".into()))?
        {
            pb::GroupBy::Unspecified | pb::GroupBy::County => GroupBy::County,
            pb::GroupBy::Province => GroupBy::Province,
            pb::GroupBy::City => GroupBy::City,
            pb::GroupBy::Township => GroupBy::Township,
            pb::GroupBy::Unit => GroupBy::Unit,
            pb::GroupBy::Kind => GroupBy::Kind,
            pb::GroupBy::Month => GroupBy::Month,
            pb::GroupBy::Quarter => GroupBy::Quarter,
            pb::GroupBy::Year => GroupBy::Year,
        },
    )
}

impl From<StatsRow> for pb::LeakStatsGroup {
    fn from(r: StatsRow) -> Self {
        pb::LeakStatsGroup {
            key: r.key,
            documents: r.documents,
            documents_with_leaks: r.documents_with_leaks,
            leaks_by_kind: r.leaks_by_kind.into_iter().collect(),
            distinct_persons: r.distinct_persons,
            deduction: r.deduction,
        }
    }
}

impl From<StoredFinding> for pb::StoredFinding {
    fn from(f: StoredFinding) -> Self {
        let parse_kind = f.kind.parse::<PiiKind>().map_or(pb::PiiKind::Unspecified, kind);
        let parse_status =
            f.status.parse::<FindingStatus>().map_or(pb::FindingStatus::Unspecified, status);
        let parse_severity =
            f.severity.parse::<Severity>().map_or(pb::Severity::Unspecified, severity);
        pb::StoredFinding {
            document_id: f.document_id,
            unit: f.unit,
            region_code: f.region_code,
            kind: parse_kind.into(),
            status: parse_status.into(),
            severity: parse_severity.into(),
            rule: f.rule,
            masked: f.masked,
            start: u32::try_from(f.start).unwrap_or(u32::MAX),
            end: u32::try_from(f.end).unwrap_or(u32::MAX),
        }
    }
}

impl NoticeGuardService {
    async fn scan_one(
        &self,
        caller: &Caller,
        request: pb::ScanRequest,
    ) -> Result<pb::ScanResponse, ServiceError> {
        let input = ScanInput::try_from(request)?;
        Ok(self.state.scan(caller, input).await?.into())
    }
}

#[tonic::async_trait]
impl pb::notice_guard_server::NoticeGuard for NoticeGuardService {
    async fn scan(
        &self,
        request: Request<pb::ScanRequest>,
    ) -> Result<Response<pb::ScanResponse>, Status> {
        let started = Instant::now();
        let result = async {
            let caller = self.state.scanning_caller(authorization(&request))?;
            self.scan_one(&caller, request.into_inner()).await
        }
        .await;
        super::log_request(
            "Scan",
            started,
            result.as_ref().map(|r| (r.masked_text.len(), r.findings.len())),
        );
        Ok(Response::new(result?))
    }

    async fn query_leak_stats(
        &self,
        request: Request<pb::QueryLeakStatsRequest>,
    ) -> Result<Response<pb::QueryLeakStatsResponse>, Status> {
        let started = Instant::now();
        let result = async {
            let caller = self.state.stats_caller(authorization(&request))?;
            let request = request.into_inner();
            let rows = self
                .state
                .stats(&caller, Filter::try_from(request.filter)?, group_by(request.group_by)?)
                .await?;
            Ok::<_, ServiceError>(pb::QueryLeakStatsResponse {
                groups: rows.into_iter().map(Into::into).collect(),
            })
        }
        .await;
        super::log_request("QueryLeakStats", started, result.as_ref().map(|r| (0, r.groups.len())));
        Ok(Response::new(result?))
    }

    async fn list_findings(
        &self,
        request: Request<pb::ListFindingsRequest>,
    ) -> Result<Response<pb::ListFindingsResponse>, Status> {
        let started = Instant::now();
        let result = async {
            let caller = self.state.stats_caller(authorization(&request))?;
            let request = request.into_inner();
            let filter = Filter::try_from(request.filter)?;
            let page = self
                .state
                .findings(&caller, filter, request.page_size, &request.page_token)
                .await?;
            Ok::<_, ServiceError>(pb::ListFindingsResponse {
                findings: page.findings.into_iter().map(Into::into).collect(),
                next_page_token: page.next_page_token,
            })
        }
        .await;
        super::log_request("ListFindings", started, result.as_ref().map(|r| (0, r.findings.len())));
        Ok(Response::new(result?))
    }

    async fn start_rescan(
        &self,
        request: Request<pb::StartRescanRequest>,
    ) -> Result<Response<pb::RescanJobStatus>, Status> {
        let started = Instant::now();
        let result = async {
            self.state.admin_caller(authorization(&request))?;
            self.state.jobs.start(&self.state, request.into_inner()).await
        }
        .await;
        super::log_request("StartRescan", started, result.as_ref().map(|_| (0, 0)));
        Ok(Response::new(result?))
    }

    async fn get_rescan(
        &self,
        request: Request<pb::RescanJobRequest>,
    ) -> Result<Response<pb::RescanJobStatus>, Status> {
        self.state.admin_caller(authorization(&request))?;
        let id = request.into_inner().job_id;
        Ok(Response::new(self.state.jobs.status(&self.state, &id).await?))
    }

    type WatchRescanStream = ReceiverStream<Result<pb::RescanJobStatus, Status>>;

    async fn watch_rescan(
        &self,
        request: Request<pb::RescanJobRequest>,
    ) -> Result<Response<Self::WatchRescanStream>, Status> {
        self.state.admin_caller(authorization(&request))?;
        let id = request.into_inner().job_id;
        let first = self.state.jobs.status(&self.state, &id).await?;
        let (sender, receiver) = tokio::sync::mpsc::channel(4);
        let watched = self.state.jobs.watch(&id).await;
        tokio::spawn(async move {
            let Some(mut progress) = watched else {
                // Not running here: its last state, once.
                let _ = sender.send(Ok(first)).await;
                return;
            };
            loop {
                let status = progress.borrow_and_update().clone();
                let ended = status.state != "running";
                if sender.send(Ok(status)).await.is_err() || ended {
                    break;
                }
                if progress.changed().await.is_err() {
                    // The job ended and dropped its sender: send the final state.
                    let status = progress.borrow().clone();
                    let _ = sender.send(Ok(status)).await;
                    break;
                }
                // At most ten updates a second.
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
        });
        Ok(Response::new(ReceiverStream::new(receiver)))
    }

    async fn cancel_rescan(
        &self,
        request: Request<pb::RescanJobRequest>,
    ) -> Result<Response<pb::RescanJobStatus>, Status> {
        self.state.admin_caller(authorization(&request))?;
        let id = request.into_inner().job_id;
        if !self.state.jobs.cancel(&id).await {
            return Err(ServiceError::FailedPrecondition("no such job is running".into()).into());
        }
        Ok(Response::new(self.state.jobs.status(&self.state, &id).await?))
    }

    type ScanStreamStream = ReceiverStream<Result<pb::ScanResponse, Status>>;

    async fn scan_stream(
        &self,
        request: Request<Streaming<pb::ScanRequest>>,
    ) -> Result<Response<Self::ScanStreamStream>, Status> {
        let started = Instant::now();
        let caller = match self.state.scanning_caller(authorization(&request)) {
            Ok(caller) => caller,
            Err(err) => {
                super::log_request("ScanStream", started, Err(&err));
                return Err(err.into());
            }
        };
        let mut inbound = request.into_inner();
        let (tx, rx) = mpsc::channel(STREAM_BUFFER);
        let service = NoticeGuardService { state: Arc::clone(&self.state) };
        tokio::spawn(async move {
            let (mut documents, mut findings) = (0usize, 0usize);
            let outcome: Result<(), ServiceError> = loop {
                let request = match inbound.message().await {
                    Ok(Some(request)) => request,
                    Ok(None) => break Ok(()),
                    Err(status) => {
                        // A message above the limit ends the stream with RESOURCE_EXHAUSTED;
                        // anything else (cancellation, garbage) as an invalid stream.
                        let err = if status.code() == tonic::Code::OutOfRange {
                            ServiceError::ResourceExhausted(format!(
                                "request message exceeds the limit of {} bytes",
                                service.state.max_message_bytes
                            ))
                        } else {
                            ServiceError::InvalidArgument("cannot read the request stream".into())
                        };
                        let _ = tx.send(Err(err.clone().into())).await;
                        break Err(err);
                    }
                };
                let id = request.document.as_ref().map(|d| d.id.clone()).unwrap_or_default();
                let response = match service.scan_one(&caller, request).await {
                    Ok(response) => response,
                    Err(err) => pb::ScanResponse {
                        document_id: id,
                        error: Some(pb::DocumentError {
                            code: err.code() as i32,
                            message: err.to_string(),
                        }),
                        ..Default::default()
                    },
                };
                documents += 1;
                findings += response.findings.len();
                // A full buffer waits here: back-pressure instead of memory growth.
                if tx.send(Ok(response)).await.is_err() {
                    break Ok(()); // the client went away
                }
            };
            tracing::info!(method = "ScanStream", documents, findings, "stream closed");
            super::log_request("ScanStream", started, outcome.as_ref().map(|()| (0, findings)));
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
}
