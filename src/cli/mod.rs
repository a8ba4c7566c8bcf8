//! The command line: argument parsing and dispatch. Each subcommand lives in its own
//! module and only converts between files/streams and the core library.

mod eval;
#[cfg(feature = "archive")]
mod rescan;
mod scan;
#[cfg(feature = "grpc")]
mod serve;
#[cfg(feature = "sqlite")]
mod stats;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

use noticeguard::{Scanner, ScannerBuilder};

/// Finds and masks personal information in Chinese government notices.
#[derive(Debug, Parser)]
#[command(name = "noticeguard", version, about, long_about = None)]
pub struct Cli {
    /// Directory whose dictionary files and profiles/*.toml replace the built-in ones.
    #[arg(long, global = true, env = "NOTICEGUARD_DICT_DIR", value_name = "DIR")]
    pub(crate) dict_dir: Option<PathBuf>,

    /// File holding the secret that keys `token` pseudonyms (`scan` and `eval` also take the
    /// secret itself in NOTICEGUARD_TOKEN_SECRET).
    #[arg(long, global = true, env = "NOTICEGUARD_TOKEN_SECRET_FILE", value_name = "FILE")]
    pub(crate) token_secret_file: Option<PathBuf>,

    /// Largest document accepted, in bytes.
    #[arg(long, global = true, env = "NOTICEGUARD_MAX_DOCUMENT_BYTES", value_name = "BYTES")]
    pub(crate) max_document_bytes: Option<usize>,

    /// Log format on standard error.
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text, env = "NOTICEGUARD_LOG_FORMAT")]
    log_format: LogFormat,

    /// More log output (-v info, -vv debug); logs never contain document text.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Scan documents and print the masked text (exit 0: no leak, 1: leaks, 2: error).
    Scan(scan::ScanArgs),
    /// Measure precision, recall and residual leaks on a labeled JSON Lines corpus.
    Eval(eval::EvalArgs),
    /// List the available profiles.
    Profiles,
    /// Re-scan an archive (.txt .csv .html .docx .xlsx .xls .et .pdf …) in parallel into the
    /// store; killed, the same command resumes (exit 0: no leak, 1: leaks, 2: error).
    #[cfg(feature = "archive")]
    Rescan(rescan::RescanArgs),
    /// Print leak statistics from the store (table, --json or --csv).
    #[cfg(feature = "sqlite")]
    Stats(stats::StatsArgs),
    /// Serve gRPC and HTTP/JSON on one port (default 127.0.0.1:50051) until SIGTERM/SIGINT.
    #[cfg(feature = "grpc")]
    Serve(serve::ServeArgs),
    /// Print the SHA-256 digest of a bearer token read on standard input, for the config.
    #[cfg(feature = "grpc")]
    HashToken,
}

/// Exit status of a scan, grep style.
pub(crate) const EXIT_CLEAN: u8 = 0;
pub(crate) const EXIT_LEAKS: u8 = 1;
pub(crate) const EXIT_ERROR: u8 = 2;

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // A server announces itself and logs its requests; a filter stays quiet.
    #[cfg(feature = "grpc")]
    let verbosity =
        if matches!(cli.command, Command::Serve(_)) { cli.verbose.max(1) } else { cli.verbose };
    #[cfg(not(feature = "grpc"))]
    let verbosity = cli.verbose;
    init_tracing(cli.log_format, verbosity);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(EXIT_CLEAN),
        Err(err) => {
            // Printed once, with its causes; core messages never contain document text.
            #[allow(clippy::print_stderr)]
            {
                eprintln!("noticeguard: error: {err:#}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    #[cfg(feature = "grpc")]
    match &cli.command {
        Command::Serve(args) => return serve::run(&cli, args),
        Command::HashToken => return serve::hash(),
        _ => {}
    }
    #[cfg(feature = "archive")]
    if let Command::Rescan(args) = &cli.command {
        return rescan::run(&cli, args);
    }
    let scanner = build_scanner(&cli)?;
    match cli.command {
        Command::Scan(args) => scan::run(&scanner, &args),
        Command::Eval(args) => eval::run(&scanner, &args),
        #[cfg(feature = "sqlite")]
        Command::Stats(args) => stats::run(&scanner, &args),
        Command::Profiles => {
            let mut out = std::io::stdout().lock();
            for name in scanner.profile_names() {
                writeln!(out, "{name}")?;
            }
            Ok(EXIT_CLEAN)
        }
        #[cfg(feature = "grpc")]
        Command::Serve(_) | Command::HashToken => unreachable!("dispatched above"),
        #[cfg(feature = "archive")]
        Command::Rescan(_) => unreachable!("dispatched above"),
    }
}

fn build_scanner(cli: &Cli) -> anyhow::Result<Scanner> {
    build_scanner_with_key(cli, None)
}

/// Builds the scanner of the command line; `fingerprint_key` keys the hashes a recording
/// command stores.
pub(crate) fn build_scanner_with_key(
    cli: &Cli,
    fingerprint_key: Option<Vec<u8>>,
) -> anyhow::Result<Scanner> {
    let mut builder = ScannerBuilder::new();
    if let Some(key) = fingerprint_key {
        builder.fingerprint_key(key);
    }
    if let Some(dir) = &cli.dict_dir {
        builder.dict_dir(dir);
    }
    if let Some(limit) = cli.max_document_bytes {
        builder.max_document_bytes(limit);
    }
    if let Some(path) = &cli.token_secret_file {
        let secret = std::fs::read(path)
            .with_context(|| format!("cannot read token secret file {}", path.display()))?;
        builder.token_secret(secret.trim_ascii().to_vec());
    } else if let Some(secret) = std::env::var_os("NOTICEGUARD_TOKEN_SECRET") {
        builder.token_secret(secret.into_encoded_bytes());
    }
    builder.build().context("cannot load dictionaries")
}

fn init_tracing(format: LogFormat, verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let default = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    let filter =
        EnvFilter::try_from_env("NOTICEGUARD_LOG").unwrap_or_else(|_| EnvFilter::new(default));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
