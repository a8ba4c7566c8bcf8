//! HTTP/JSON on the same port, for CMSs without a gRPC client: `POST /v1/scan`,
//! `GET /healthz`, `GET /metrics`. The JSON mirrors the proto with snake_case names;
//! findings have the shape of the CLI's `--json` output.

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::error::ServiceError;
use super::state::{AppState, Content, ScanInput, validate};
use crate::store::{Filter, FindingsPage, GroupBy, StatsRow};
use crate::{Finding, RiskSummary};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScanRequestJson {
    document: DocumentJson,
    #[serde(default)]
    profile: String,
    #[serde(default)]
    record: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentJson {
    #[serde(default)]
    id: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    region_code: String,
    #[serde(default)]
    category: String,
    /// Accepted for parity with the proto; never scanned, stored or logged.
    #[serde(default)]
    #[allow(dead_code)]
    title: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    published_at: String,
}

#[derive(Serialize)]
struct ScanResponseJson {
    document_id: String,
    masked_text: String,
    findings: Vec<Finding>,
    risk: RiskSummary,
    recorded: bool,
}

impl TryFrom<ScanRequestJson> for ScanInput {
    type Error = ServiceError;

    fn try_from(request: ScanRequestJson) -> Result<Self, ServiceError> {
        let d = request.document;
        validate(&d.id, &d.region_code, &d.published_at)?;
        let content = match (d.text, d.html) {
            (Some(t), None) => Content::Text(t),
            (None, Some(h)) => Content::Html(h),
            (Some(_), Some(_)) => {
                return Err(ServiceError::InvalidArgument(
                    "document takes text or html, not both".into(),
                ));
            }
            (None, None) => {
                return Err(ServiceError::InvalidArgument("document needs text or html".into()));
            }
        };
        Ok(ScanInput {
            document_id: d.id,
            unit: d.unit,
            category: d.category,
            published_at: d.published_at,
            region_code: d.region_code,
            content,
            profile: request.profile,
            record: request.record,
        })
    }
}

/// `POST /v1/scan`.
pub(crate) async fn scan(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let started = Instant::now();
    let result = async {
        let authorization = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok());
        let caller = state.scanning_caller(authorization)?;
        let body = body.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ServiceError::ResourceExhausted(format!(
                    "request body exceeds the limit of {} bytes",
                    state.max_message_bytes
                ))
            } else {
                ServiceError::InvalidArgument("cannot read the request body".into())
            }
        })?;
        // serde_json reports line and column, never the content.
        let request: ScanRequestJson = serde_json::from_slice(&body).map_err(|e| {
            ServiceError::InvalidArgument(format!(
                "body is not a valid scan request (JSON, UTF-8) at line {} column {}",
                e.line(),
                e.column()
            ))
        })?;
        let output = state.scan(&caller, ScanInput::try_from(request)?).await?;
        Ok::<_, ServiceError>(ScanResponseJson {
            document_id: output.document_id,
            masked_text: output.report.masked_text,
            findings: output.report.findings,
            risk: output.report.risk,
            recorded: output.recorded,
        })
    }
    .await;
    super::log_request(
        "POST /v1/scan",
        started,
        result.as_ref().map(|r| (r.masked_text.len(), r.findings.len())),
    );
    match result {
        Ok(response) => Json(response).into_response(),
        Err(err) => err.into_response(),
    }
}

/// `GET /healthz`.
pub(crate) async fn healthz(State(state): State<Arc<AppState>>) -> Response {
    let store = if state.store_up.load(std::sync::atomic::Ordering::Relaxed) {
        "serving"
    } else {
        "not_serving"
    };
    Json(serde_json::json!({"status": "serving", "store": store, "uptime_seconds": state.started.elapsed().as_secs()}))
        .into_response()
}

/// `GET /metrics` (Prometheus text format; counts only, never values).
pub(crate) async fn metrics() -> Response {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], super::metrics::handle().render())
        .into_response()
}

/// Query parameters of `GET /v1/stats` and `GET /v1/findings`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatsParams {
    #[serde(default)]
    region_prefix: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    group_by: Option<String>,
    #[serde(default)]
    page_size: Option<u32>,
    #[serde(default)]
    page_token: String,
}

impl StatsParams {
    fn filter(&self) -> Filter {
        Filter {
            region_prefix: self.region_prefix.clone(),
            unit: self.unit.clone(),
            category: self.category.clone(),
            kind: self.kind.clone(),
            status: self.status.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
        }
    }
}

#[derive(Serialize)]
struct StatsJson {
    group_by: GroupBy,
    groups: Vec<StatsRow>,
}

fn query_params(
    params: Result<Query<StatsParams>, QueryRejection>,
) -> Result<StatsParams, ServiceError> {
    params
        .map(|Query(p)| p)
        .map_err(|_| ServiceError::InvalidArgument("invalid query parameters".into()))
}

/// `GET /v1/stats?group_by=county&region_prefix=3607&…`.
pub(crate) async fn stats(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    params: Result<Query<StatsParams>, QueryRejection>,
) -> Response {
    let started = Instant::now();
    let result = async {
        let caller =
            state.stats_caller(headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()))?;
        let params = query_params(params)?;
        let group_by: GroupBy =
            params.group_by.as_deref().unwrap_or("county").parse().map_err(
                |e: crate::store::StoreError| ServiceError::InvalidArgument(e.to_string()),
            )?;
        let groups = state.stats(&caller, params.filter(), group_by).await?;
        Ok::<_, ServiceError>(StatsJson { group_by, groups })
    }
    .await;
    super::log_request("GET /v1/stats", started, result.as_ref().map(|r| (0, r.groups.len())));
    match result {
        Ok(body) => Json(body).into_response(),
        Err(err) => err.into_response(),
    }
}

/// `GET /v1/findings?page_size=100&page_token=…&kind=id_card&…`.
pub(crate) async fn findings(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    params: Result<Query<StatsParams>, QueryRejection>,
) -> Response {
    let started = Instant::now();
    let result = async {
        let caller =
            state.stats_caller(headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()))?;
        let params = query_params(params)?;
        let page: FindingsPage = state
            .findings(&caller, params.filter(), params.page_size.unwrap_or(0), &params.page_token)
            .await?;
        Ok::<_, ServiceError>(page)
    }
    .await;
    super::log_request("GET /v1/findings", started, result.as_ref().map(|r| (0, r.findings.len())));
    match result {
        Ok(body) => Json(body).into_response(),
        Err(err) => err.into_response(),
    }
}
