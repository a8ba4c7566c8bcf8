//! Starting the service in-process for tests, and talking to it as clients do.
#![allow(dead_code)]

use std::net::SocketAddr;

use noticeguard::service::pb::notice_guard_client::NoticeGuardClient;
use noticeguard::service::pb::{self, ScanRequest};
use noticeguard::service::{Role, Service, ServiceConfig, TokenConfig, hash_token};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tonic::transport::Channel;

/// A running server.
pub struct TestServer {
    pub addr: SocketAddr,
    /// Holds the test's database and fingerprint key.
    pub dir: tempfile::TempDir,
    shutdown: Option<oneshot::Sender<()>>,
    pub handle: JoinHandle<Result<(), String>>,
}

impl TestServer {
    /// Starts a server with `config` (its `listen` is ignored: an ephemeral loopback port).
    /// The default database becomes a file in a temporary directory.
    pub async fn start(mut config: ServiceConfig) -> TestServer {
        let dir = tempfile::tempdir().unwrap();
        if config.database_url == noticeguard::service::DEFAULT_DATABASE_URL {
            config.database_url =
                format!("sqlite://{}", dir.path().join("noticeguard.db").display());
        }
        config.store_check_secs = 1;
        let service = Service::new(config).expect("service builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(service.serve(listener, async {
            let _ = rx.await;
        }));
        TestServer { addr, dir, shutdown: Some(tx), handle }
    }

    pub async fn client(&self) -> NoticeGuardClient<Channel> {
        NoticeGuardClient::new(self.channel().await)
    }

    pub async fn channel(&self) -> Channel {
        Channel::from_shared(format!("http://{}", self.addr)).unwrap().connect().await.unwrap()
    }

    /// Signals shutdown and waits for the server to finish.
    pub async fn stop(mut self) -> Result<(), String> {
        let _ = self.shutdown.take().unwrap().send(());
        self.handle.await.unwrap()
    }

    /// Signals shutdown without waiting.
    pub fn signal_shutdown(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }

    /// Sends a raw HTTP/1.1 request; returns (status, body).
    pub async fn http(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> (u16, String) {
        let mut stream = tokio::net::TcpStream::connect(self.addr).await.unwrap();
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: test\r\nContent-Length: {}\r\nConnection: close\r\n",
            body.len()
        );
        for (k, v) in headers {
            request.push_str(&format!("{k}: {v}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).await.unwrap();
        stream.write_all(body).await.unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).await.unwrap();
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response[9..12].parse().unwrap();
        let (head, rest) = response.split_once("\r\n\r\n").unwrap();
        let body = if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
            dechunk(rest)
        } else {
            rest.to_owned()
        };
        (status, body)
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

pub const PUBLISHER: &str = "publisher-token-0123456789";
pub const COUNTY_PUBLISHER: &str = "county-publisher-token-0123456789";
pub const ASSESSOR: &str = "assessor-token-0123456789";
pub const ADMIN: &str = "admin-token-0123456789";

/// A configuration with one token per role (the county publisher limited to 3607…).
pub fn config_with_tokens() -> ServiceConfig {
    let token = |name: &str, secret: &str, role, region: Option<&str>| TokenConfig {
        name: name.into(),
        sha256: hash_token(secret),
        role,
        region_prefix: region.map(Into::into),
    };
    ServiceConfig {
        tokens: vec![
            token("cms", PUBLISHER, Role::Publisher, None),
            token("county cms", COUNTY_PUBLISHER, Role::Publisher, Some("3607")),
            token("assessor", ASSESSOR, Role::Assessor, Some("3607")),
            token("admin", ADMIN, Role::Admin, None),
        ],
        ..ServiceConfig::default()
    }
}

/// A scan request for `text`.
pub fn request(id: &str, text: &str) -> ScanRequest {
    ScanRequest {
        document: Some(pb::Document {
            id: id.into(),
            content: Some(pb::document::Content::Text(text.into())),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// Wraps a message with a bearer token.
pub fn authorized<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.metadata_mut().insert("authorization", format!("Bearer {token}").parse().unwrap());
    request
}

pub const NOTICE: &str = "低保对象公示：户主身份证号：11010519491231002X，联系电话13812345678，\
                          开户账号6222021234567890128。监督电话：0797-8225678";
