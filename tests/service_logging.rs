//! The service logs and measures without personal data: a capturing subscriber at TRACE
//! sees every request path (gRPC unary, stream, HTTP, errors), and neither the logs nor
//! `/metrics` contain a request's text or a detected value.
//!
//! A test binary of its own, for the reason given in `tests/logging.rs`.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use common::*;
use noticeguard::service::ServiceConfig;
use noticeguard::service::pb;
use tokio_stream::StreamExt;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture() -> &'static Capture {
    static CAPTURE: OnceLock<Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture = Capture::default();
        let writer = capture.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("first subscriber of this binary");
        capture
    })
}

/// Values of the requests below, and forms a careless log line could take.
const SECRETS: &[&str] = &[
    "11010519491231002X",
    "13812345678",
    "6222021234567890128",
    "0797-8225678",
    "138****5678",
    "11*************02X",
    "低保对象公示",
    "张某某",
    "秘密标题",
];

#[tokio::test]
async fn no_request_text_or_value_reaches_logs_or_metrics() {
    let capture = capture();
    let server =
        TestServer::start(ServiceConfig { max_document_bytes: 4096, ..ServiceConfig::default() })
            .await;
    let mut client = server.client().await;

    let mut titled = request("doc-张某某", &format!("张某某{NOTICE}"));
    titled.document.as_mut().unwrap().title = "秘密标题".into();
    client.scan(titled).await.unwrap();
    // Errors: unknown profile, document too large, bad region.
    let mut r = request("e1", NOTICE);
    r.profile = "张某某".into();
    let err = client.scan(r).await.unwrap_err();
    assert!(err.message().contains("unknown profile"), "{}", err.message());
    client.scan(request("e2", &NOTICE.repeat(40))).await.unwrap_err();
    let mut r = request("e3", NOTICE);
    r.document.as_mut().unwrap().region_code = "11010519491231002X".into();
    client.scan(r).await.unwrap_err();
    // A stream, and HTML.
    let mut html = request("h", "");
    html.document.as_mut().unwrap().content =
        Some(pb::document::Content::Html(format!("<p>{NOTICE}</p>")));
    let mut stream = client
        .scan_stream(tokio_stream::iter([request("s1", NOTICE), html]))
        .await
        .unwrap()
        .into_inner();
    while let Some(r) = stream.next().await {
        r.unwrap();
    }
    // HTTP, good and bad.
    let body = serde_json::json!({"document": {"id": "j", "title": "秘密标题", "text": NOTICE}})
        .to_string();
    assert_eq!(server.http("POST", "/v1/scan", &[], body.as_bytes()).await.0, 200);
    let broken = format!("{{\"document\": {{\"text\": \"{NOTICE}\"");
    assert_eq!(server.http("POST", "/v1/scan", &[], broken.as_bytes()).await.0, 400);

    let (status, metrics) = server.http("GET", "/metrics", &[], b"").await;
    assert_eq!(status, 200);
    assert!(
        metrics.contains("noticeguard_findings_total") && metrics.contains("kind=\"id_card\""),
        "{metrics}"
    );
    server.stop().await.unwrap();

    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("request finished") && logs.contains("request failed"),
        "TRACE capture works:\n{logs}"
    );
    assert!(logs.contains("stream closed"));
    for secret in SECRETS {
        assert!(!logs.contains(secret), "logs contain {secret:?}:\n{logs}");
        assert!(!metrics.contains(secret), "metrics contain {secret:?}");
    }
    // Metric labels are only method names, codes, kinds and statuses.
    for line in metrics.lines().filter(|l| !l.starts_with('#')) {
        if let Some(labels) =
            line.split_once('{').map(|(_, rest)| rest.split_once('}').map_or(rest, |(l, _)| l))
        {
            for pair in labels.split(',').filter(|p| !p.is_empty()) {
                let key = pair.split('=').next().unwrap();
                assert!(
                    ["method", "code", "kind", "status", "le", "quantile"].contains(&key),
                    "label {key} in {line}"
                );
            }
        }
    }
}
