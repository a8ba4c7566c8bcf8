//! The service: gRPC (`noticeguard.v1`, health, reflection) and HTTP/JSON on one port.
//!
//! Handlers are thin — authenticate, validate, convert, call the core, convert back — and
//! share one [`Scanner`]. Scans above a few KB run on the blocking pool, bounded by a
//! semaphore, so the async threads never stall. Logs and metrics record methods, codes,
//! sizes, counts and latency only.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use noticeguard::service::{Service, ServiceConfig};
//!
//! let service = Service::new(ServiceConfig::default())?;
//! let listener = service.bind().await?;
//! service.serve(listener, async { let _ = tokio::signal::ctrl_c().await; }).await?;
//! # Ok(()) }
//! ```

mod auth;
pub mod codec;
mod config;
mod error;
mod grpc;
mod http;
mod jobs;
mod metrics;
mod recorder;
mod state;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::codec::CompressionEncoding;
use tonic::service::Routes;
use tonic::transport::{Identity, ServerTlsConfig};

pub use auth::{Caller, Role, TokenConfig, hash_token};
pub use config::{ConfigOverrides, DEFAULT_DATABASE_URL, DEFAULT_LISTEN, ServiceConfig, TlsConfig};
pub use error::ServiceError;

use crate::{Scanner, ScannerBuilder};
use state::AppState;

/// Generated protobuf types and the gRPC client and server of `noticeguard.v1`.
#[allow(missing_docs, clippy::all)]
pub mod pb {
    tonic::include_proto!("noticeguard.v1");

    /// Encoded descriptor set of `noticeguard.v1`, for server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/noticeguard_descriptor.bin"));

    fn text_len(content: &Option<document::Content>) -> (&'static str, usize) {
        match content {
            Some(document::Content::Text(t)) => ("text", t.len()),
            Some(document::Content::Html(h)) => ("html", h.len()),
            None => ("none", 0),
        }
    }

    // Messages that carry text print sizes only (STYLE §5).
    impl std::fmt::Debug for Document {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            let (kind, len) = text_len(&self.content);
            f.debug_struct("Document")
                .field("content", &kind)
                .field("bytes", &len)
                .finish_non_exhaustive()
        }
    }

    impl std::fmt::Debug for ScanResponse {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("ScanResponse")
                .field("masked_bytes", &self.masked_text.len())
                .field("findings", &self.findings.len())
                .field("error", &self.error)
                .finish_non_exhaustive()
        }
    }

    impl std::fmt::Debug for Finding {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("Finding")
                .field("kind", &self.kind)
                .field("status", &self.status)
                .finish_non_exhaustive()
        }
    }
}

/// Records a finished request in the access log and the metrics.
fn log_request(
    method: &'static str,
    started: Instant,
    outcome: Result<(usize, usize), &ServiceError>,
) {
    let elapsed = started.elapsed();
    let latency_us = elapsed.as_micros() as u64;
    match outcome {
        Ok((bytes, findings)) => {
            metrics::request(method, "OK", elapsed);
            tracing::info!(method, code = "OK", bytes, findings, latency_us, "request finished");
        }
        Err(err) => {
            metrics::request(method, err.code_name(), elapsed);
            // The error's message is PII-free by construction (ServiceError docs).
            tracing::warn!(method, code = err.code_name(), error = %err, latency_us, "request failed");
        }
    }
}

/// Accepted connections with `TCP_NODELAY`: small gRPC frames otherwise wait for delayed
/// ACKs (Nagle), which put a 40 ms floor under every request.
fn incoming(
    listener: TcpListener,
) -> impl tokio_stream::Stream<Item = std::io::Result<tokio::net::TcpStream>> {
    use tokio_stream::StreamExt;
    TcpListenerStream::new(listener).map(|stream| {
        let stream = stream?;
        stream.set_nodelay(true)?;
        Ok(stream)
    })
}

/// tonic reports a request message above `max_decoding_message_size` as `OUT_OF_RANGE`;
/// the API promises `RESOURCE_EXHAUSTED` with the limit stated. This service returns
/// `OUT_OF_RANGE` for nothing else, so a trailers-only response carrying it is rewritten.
fn too_large_is_resource_exhausted<B>(
    mut response: ::http::Response<B>,
    limit: usize,
) -> ::http::Response<B> {
    let headers = response.headers_mut();
    if headers.get("grpc-status").is_some_and(|v| v.as_bytes() == b"11") {
        headers.insert("grpc-status", ::http::HeaderValue::from_static("8"));
        let message = format!("request message exceeds the limit of {limit} bytes");
        if let Ok(value) = ::http::HeaderValue::from_str(&message) {
            headers.insert("grpc-message", value);
        }
    }
    response
}

/// Health-check name of the store dependency.
pub const STORE_HEALTH: &str = "noticeguard.v1.Store";

/// A configured service, ready to serve.
pub struct Service {
    config: ServiceConfig,
    state: Arc<AppState>,
}

impl std::fmt::Debug for Service {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Service").field("listen", &self.listen_addr()).finish_non_exhaustive()
    }
}

impl Service {
    /// Builds the service and its scanner from `config`.
    ///
    /// # Errors
    ///
    /// Returns a message when dictionaries, profiles, the token secret file or the token
    /// list cannot be loaded.
    pub fn new(config: ServiceConfig) -> Result<Self, String> {
        let mut builder = ScannerBuilder::new();
        builder.max_document_bytes(config.max_document_bytes);
        builder.fingerprint_key(recorder::fingerprint_key(
            &config.database_url,
            config.fingerprint_key_file.as_deref(),
        )?);
        if let Some(dir) = &config.dict_dir {
            builder.dict_dir(dir);
        }
        if let Some(path) = &config.token_secret_file {
            let secret = std::fs::read(path)
                .map_err(|e| format!("cannot read token secret file {}: {e}", path.display()))?;
            builder.token_secret(secret.trim_ascii().to_vec());
        }
        let scanner = builder.build().map_err(|e| format!("cannot load dictionaries: {e}"))?;
        Self::with_scanner(config, scanner)
    }

    /// Builds the service around an existing scanner (its own limits apply).
    ///
    /// # Errors
    ///
    /// Returns a message when the token list is invalid.
    pub fn with_scanner(config: ServiceConfig, scanner: Scanner) -> Result<Self, String> {
        let auth = auth::Authenticator::new(config.tokens.clone())?;
        let workers = match config.scan_workers {
            0 => std::thread::available_parallelism().map_or(2, usize::from),
            n => n,
        };
        crate::store::Backend::of(&config.database_url).map_err(|e| e.to_string())?;
        let jobs = jobs::Jobs::new(&config.archive_roots, config.rescan_workers)?;
        let state = Arc::new(AppState {
            jobs: Arc::new(jobs),
            auth,
            workers: Arc::new(Semaphore::new(workers)),
            inline_scan_bytes: config.inline_scan_bytes,
            max_message_bytes: config.max_message_bytes,
            started: Instant::now(),
            recorder: recorder::Recorder::new(
                config.database_url.clone(),
                scanner.deduction_rules().clone(),
            ),
            store_up: std::sync::atomic::AtomicBool::new(false),
            scanner,
        });
        Ok(Service { config, state })
    }

    /// Returns the address to listen on: the configured one, or its loopback twin when no
    /// token is configured (an unauthenticated service is never reachable from outside).
    pub fn listen_addr(&self) -> SocketAddr {
        let addr = self.config.listen;
        if self.state.auth.enabled() || addr.ip().is_loopback() {
            addr
        } else {
            SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), addr.port())
        }
    }

    /// Binds the listener, saying at start-up what is exposed.
    ///
    /// # Errors
    ///
    /// Returns the I/O error of `bind`.
    pub async fn bind(&self) -> std::io::Result<TcpListener> {
        if !self.state.auth.enabled() && !self.config.listen.ip().is_loopback() {
            tracing::warn!(
                configured = %self.config.listen,
                "no tokens configured: listening on loopback only; configure [[tokens]] to serve other hosts"
            );
        }
        TcpListener::bind(self.listen_addr()).await
    }

    /// Serves on `listener` until `shutdown` completes, then finishes in-flight requests.
    ///
    /// # Errors
    ///
    /// Refuses a non-loopback listener without tokens; returns TLS and transport errors.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), String> {
        let local = listener.local_addr().map_err(|e| e.to_string())?;
        if !self.state.auth.enabled() && !local.ip().is_loopback() {
            return Err(format!(
                "refusing to serve {local} without authentication: configure tokens"
            ));
        }
        let (health, health_service) = tonic_health::server::health_reporter();
        health
            .set_serving::<pb::notice_guard_server::NoticeGuardServer<grpc::NoticeGuardService>>()
            .await;
        let reflection_v1 = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .build_v1()
            .map_err(|e| format!("reflection: {e}"))?;
        let reflection_v1alpha = tonic_reflection::server::Builder::configure()
            .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
            .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
            .build_v1alpha()
            .map_err(|e| format!("reflection: {e}"))?;
        let limit = self.config.max_message_bytes;
        let scan_service =
            pb::notice_guard_server::NoticeGuardServer::new(grpc::NoticeGuardService {
                state: Arc::clone(&self.state),
            })
            .max_decoding_message_size(limit)
            .max_encoding_message_size(limit.saturating_mul(2))
            .accept_compressed(CompressionEncoding::Gzip)
            .accept_compressed(CompressionEncoding::Zstd)
            .send_compressed(CompressionEncoding::Gzip)
            .send_compressed(CompressionEncoding::Zstd);

        let http = axum::Router::new()
            .route("/v1/scan", axum::routing::post(http::scan))
            .route("/v1/stats", axum::routing::get(http::stats))
            .route("/v1/findings", axum::routing::get(http::findings))
            .route("/healthz", axum::routing::get(http::healthz))
            .route("/metrics", axum::routing::get(http::metrics))
            .layer(axum::extract::DefaultBodyLimit::max(limit))
            .with_state(Arc::clone(&self.state));
        let routes = Routes::from(http)
            .add_service(scan_service)
            .add_service(health_service)
            .add_service(reflection_v1)
            .add_service(reflection_v1alpha);

        let message_limit = limit;
        let mut server = tonic::transport::Server::builder().accept_http1(true).layer(
            tower::util::MapResponseLayer::new(move |response| {
                too_large_is_resource_exhausted(response, message_limit)
            }),
        );
        if self.config.request_timeout_secs > 0 {
            server = server.timeout(Duration::from_secs(self.config.request_timeout_secs));
        }
        if let Some(tls) = &self.config.tls {
            let read = |p: &std::path::Path| {
                std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
            };
            let identity = Identity::from_pem(read(&tls.cert)?, read(&tls.key)?);
            server = server
                .tls_config(ServerTlsConfig::new().identity(identity))
                .map_err(|e| format!("tls: {e}"))?;
        }
        metrics::handle();
        if !self.state.auth.enabled() {
            tracing::warn!(
                "no tokens configured: authentication is off and the service listens on loopback only"
            );
        }
        tracing::info!(
            listen = %local,
            tls = self.config.tls.is_some(),
            auth = self.state.auth.enabled(),
            profiles = self.state.scanner.profile_names().count(),
            "serving gRPC and HTTP/JSON"
        );
        // The store is a dependency with its own health entry; scanning works without it.
        let checker = {
            let (state, health) = (Arc::clone(&self.state), health.clone());
            let every = Duration::from_secs(self.config.store_check_secs.max(1));
            tokio::spawn(async move {
                let mut last = None;
                loop {
                    let up = state.recorder.healthy().await;
                    state.store_up.store(up, std::sync::atomic::Ordering::Relaxed);
                    if last != Some(up) {
                        let status = if up {
                            tonic_health::ServingStatus::Serving
                        } else {
                            tonic_health::ServingStatus::NotServing
                        };
                        health.set_service_status(STORE_HEALTH, status).await;
                        if up {
                            tracing::info!("store reachable");
                        } else {
                            tracing::warn!(
                                "store unreachable: scans go on, recording fails with UNAVAILABLE"
                            );
                        }
                        last = Some(up);
                    }
                    tokio::time::sleep(every).await;
                }
            })
        };
        let shutdown = async move {
            shutdown.await;
            checker.abort();
            tracing::info!("shutting down: finishing in-flight requests");
            health.set_not_serving::<pb::notice_guard_server::NoticeGuardServer<grpc::NoticeGuardService>>().await;
        };
        server
            .add_routes(routes)
            .serve_with_incoming_shutdown(incoming(listener), shutdown)
            .await
            .map_err(|e| format!("server: {e}"))
    }
}
