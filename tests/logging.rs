//! No personal value reaches the logs, at any level (STYLE §5).
//!
//! A test binary of its own: tracing caches per-callsite interest process-wide, so a
//! scoped subscriber in a binary whose other tests run in parallel can miss events. Here
//! one global capturing subscriber is installed before anything logs.

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock};

use noticeguard::{Document, Scanner};

/// Fixture values, and forms a careless log line could contain.
const VALUES: &[&str] = &[
    "11010519491231002X",
    "13812345678",
    "6222021234567890128",
    "8221234",
    "3501021980",
    // Masked output keeps digits: it must not be logged either.
    "138****5678",
    "11*************02X",
];
const TEXT: &str = "户主张三，身份证号：11010519491231002X，电话13812345678，\
                    开户账号6222021234567890128，座机0797-8221234，旧名单身份证号3501021980****1234，\
                    全角１３８１２３４５６７８。";

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

fn assert_clean(logs: &str) {
    for v in VALUES.iter().chain(&["１３８１２３４５６７８", "张三"]) {
        assert!(!logs.contains(v), "log contains a fixture value:\n{logs}");
    }
}

/// Installs the global capturing subscriber once and returns its buffer.
fn capture() -> &'static Capture {
    static CAPTURE: OnceLock<Capture> = OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture = Capture::default();
        let writer = capture.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber)
            .expect("first subscriber of this binary");
        capture
    })
}

#[test]
fn library_scans_log_no_values_at_trace() {
    let capture = capture();
    let scanner = Scanner::built_in();
    let profile = scanner.profile("default").unwrap();
    let report = scanner.scan(&Document::new("doc", TEXT), &profile).unwrap();
    assert!(report.has_leaks());
    // Errors are logged with their Display; make one and log it.
    let err = scanner.profile("missing").unwrap_err();
    tracing::error!(error = %err, "profile lookup failed");
    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("document scanned"), "the capture must see the scan's events:\n{logs}");
    assert_clean(&logs);
}

#[test]
fn cli_logs_no_values_at_trace() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_noticeguard"))
        .args(["-vv", "scan", "--json", "-"])
        .env("NOTICEGUARD_LOG", "trace")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(TEXT.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let logs = String::from_utf8(out.stderr).unwrap();
    assert!(logs.contains("document scanned"), "trace logging is on:\n{logs}");
    assert_clean(&logs);
}
