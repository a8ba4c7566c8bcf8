//! `noticeguard serve`: the gRPC and HTTP/JSON service, and `noticeguard hash-token`.

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use noticeguard::service::{ConfigOverrides, Service, ServiceConfig, hash_token};

use super::{Cli, EXIT_CLEAN};

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// TOML configuration file (listen, limits, tokens, tls …; see docs/service.md).
    #[arg(long, env = "NOTICEGUARD_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,

    /// Address for gRPC and HTTP/JSON [default: 127.0.0.1:50051].
    #[arg(long, value_name = "ADDR")]
    listen: Option<SocketAddr>,

    /// Database for recorded results: sqlite://FILE or postgres://… [default: sqlite://noticeguard.db].
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,

    /// Directory that server-side re-scans (StartRescan) may read; repeat for several.
    /// Without one, re-scan jobs are refused.
    #[arg(long = "archive-root", value_name = "DIR")]
    archive_roots: Vec<PathBuf>,
}

pub(crate) fn run(cli: &Cli, args: &ServeArgs) -> anyhow::Result<u8> {
    let overrides = ConfigOverrides {
        listen: args.listen,
        dict_dir: cli.dict_dir.clone(),
        token_secret_file: cli.token_secret_file.clone(),
        max_document_bytes: cli.max_document_bytes,
        database_url: args.database_url.clone(),
        archive_roots: (!args.archive_roots.is_empty()).then(|| args.archive_roots.clone()),
    };
    let config =
        ServiceConfig::load(args.config.as_deref(), &overrides).map_err(anyhow::Error::msg)?;
    let service = Service::new(config).map_err(anyhow::Error::msg)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start runtime")?;
    runtime.block_on(async move {
        let listener = service
            .bind()
            .await
            .with_context(|| format!("cannot listen on {}", service.listen_addr()))?;
        service.serve(listener, shutdown_signal()).await.map_err(anyhow::Error::msg)
    })?;
    Ok(EXIT_CLEAN)
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

/// Reads a token on standard input and prints the SHA-256 digest the configuration takes.
pub(crate) fn hash() -> anyhow::Result<u8> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read the token from standard input")?;
    let token = line.trim();
    anyhow::ensure!(!token.is_empty(), "give the token on standard input");
    writeln!(std::io::stdout().lock(), "{}", hash_token(token))?;
    Ok(EXIT_CLEAN)
}
