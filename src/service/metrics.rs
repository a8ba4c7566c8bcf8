//! Prometheus metrics. Labels come only from RPC method names, status codes and
//! `PiiKind`/`Status` names: low cardinality and never a value.

use std::sync::OnceLock;
use std::time::Duration;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::ScanReport;

pub(crate) const REQUESTS: &str = "noticeguard_requests_total";
pub(crate) const LATENCY: &str = "noticeguard_request_duration_seconds";
pub(crate) const FINDINGS: &str = "noticeguard_findings_total";
pub(crate) const DOCUMENT_BYTES: &str = "noticeguard_document_bytes_total";

/// Installs the process-wide recorder once and returns its handle.
pub(crate) fn handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full(LATENCY.into()),
                    &[
                        0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                        10.0,
                    ],
                )
                .expect("bucket list is not empty")
                .build_recorder();
            let handle = recorder.handle();
            // Another recorder may already be installed (an embedding application's); then
            // our handle renders an empty page rather than failing the server.
            let _ = metrics::set_global_recorder(recorder);
            describe();
            handle
        })
        .clone()
}

fn describe() {
    metrics::describe_counter!(REQUESTS, "Requests by method and status code");
    metrics::describe_histogram!(LATENCY, metrics::Unit::Seconds, "Request latency by method");
    metrics::describe_counter!(FINDINGS, "Findings by kind and status");
    metrics::describe_counter!(DOCUMENT_BYTES, "Bytes of document text scanned");
}

/// Records one finished request.
pub(crate) fn request(method: &'static str, code: &'static str, elapsed: Duration) {
    metrics::counter!(REQUESTS, "method" => method, "code" => code).increment(1);
    metrics::histogram!(LATENCY, "method" => method).record(elapsed.as_secs_f64());
}

/// Records the findings of one scanned document.
pub(crate) fn scanned(bytes: usize, report: &ScanReport) {
    metrics::counter!(DOCUMENT_BYTES).increment(bytes as u64);
    for (kind, statuses) in &report.risk.counts {
        for (status, n) in statuses {
            metrics::counter!(FINDINGS, "kind" => kind.as_str(), "status" => status.as_str())
                .increment(*n as u64);
        }
    }
}
