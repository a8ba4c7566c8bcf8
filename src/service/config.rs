//! Service configuration: built-in defaults, then a TOML file, then `NOTICEGUARD_*`
//! environment variables, then command-line flags — each overriding the one before.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

use super::auth::TokenConfig;

/// Default listen address: loopback, gRPC and HTTP on one port.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:50051";

/// Default database: an SQLite file in the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://noticeguard.db";

/// TLS certificate and key (PEM files).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsConfig {
    /// Certificate chain, PEM.
    pub cert: PathBuf,
    /// Private key, PEM.
    pub key: PathBuf,
}

/// Everything `noticeguard serve` can be configured with.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceConfig {
    /// Address for gRPC and HTTP/JSON.
    pub listen: SocketAddr,
    /// Largest request message (gRPC) or body (HTTP), in bytes.
    pub max_message_bytes: usize,
    /// Largest document text, in bytes (after HTML reduction).
    pub max_document_bytes: usize,
    /// Scans running at once on the blocking pool (0: one per core).
    pub scan_workers: usize,
    /// Documents smaller than this are scanned on the async thread (they take well under
    /// the ~500 µs a poll may block); larger ones go to the blocking pool.
    pub inline_scan_bytes: usize,
    /// Longest time a request may take, in seconds (0: only the client's deadline).
    pub request_timeout_secs: u64,
    /// Dictionary override directory.
    pub dict_dir: Option<PathBuf>,
    /// File holding the secret that keys `token` pseudonyms.
    pub token_secret_file: Option<PathBuf>,
    /// TLS; plaintext when absent.
    pub tls: Option<TlsConfig>,
    /// Database for recorded results: `sqlite://FILE` or `postgres://…`.
    pub database_url: String,
    /// File holding the key of the stored keyed hashes. Default: the SQLite file's name with
    /// `.key` appended, created on first start; required with PostgreSQL, where every
    /// instance must use the same key.
    pub fingerprint_key_file: Option<PathBuf>,
    /// Seconds between store health checks.
    pub store_check_secs: u64,
    /// Bearer tokens; none means no authentication and a loopback-only listener.
    pub tokens: Vec<TokenConfig>,
    /// Directories that server-side re-scans (`StartRescan`) may read; none disables them.
    pub archive_roots: Vec<PathBuf>,
    /// Worker threads of a server-side re-scan (0: one per core).
    pub rescan_workers: usize,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            listen: DEFAULT_LISTEN.parse().expect("valid default address"),
            max_message_bytes: 32 * 1024 * 1024,
            max_document_bytes: crate::DEFAULT_MAX_DOCUMENT_BYTES,
            scan_workers: 0,
            inline_scan_bytes: 8 * 1024,
            request_timeout_secs: 0,
            dict_dir: None,
            token_secret_file: None,
            tls: None,
            database_url: DEFAULT_DATABASE_URL.to_owned(),
            fingerprint_key_file: None,
            store_check_secs: 5,
            tokens: Vec::new(),
            archive_roots: Vec::new(),
            rescan_workers: 0,
        }
    }
}

/// Values given on the command line; `None` leaves the lower layers' value.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ConfigOverrides {
    /// `--listen`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listen: Option<SocketAddr>,
    /// `--dict-dir`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dict_dir: Option<PathBuf>,
    /// `--token-secret-file`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token_secret_file: Option<PathBuf>,
    /// `--max-document-bytes`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_document_bytes: Option<usize>,
    /// `--database-url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_url: Option<String>,
    /// `--archive-root` (repeatable).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive_roots: Option<Vec<PathBuf>>,
}

/// Environment variables read, as `NOTICEGUARD_<NAME>`.
const ENV_KEYS: &[&str] = &[
    "listen",
    "max_message_bytes",
    "max_document_bytes",
    "scan_workers",
    "inline_scan_bytes",
    "request_timeout_secs",
    "dict_dir",
    "token_secret_file",
    "database_url",
    "fingerprint_key_file",
    "store_check_secs",
];

impl ServiceConfig {
    /// Loads the configuration: defaults < `file` < environment < `overrides`.
    ///
    /// # Errors
    ///
    /// Returns a message naming the file, key and problem.
    pub fn load(file: Option<&Path>, overrides: &ConfigOverrides) -> Result<Self, String> {
        let mut figment = Figment::from(Serialized::defaults(ServiceConfig::default()));
        if let Some(file) = file {
            if !file.is_file() {
                return Err(format!("config file {} not found", file.display()));
            }
            figment = figment.merge(Toml::file_exact(file));
        }
        let figment = figment
            .merge(Env::prefixed("NOTICEGUARD_").only(ENV_KEYS))
            .merge(Serialized::defaults(overrides));
        figment.extract().map_err(|e| format!("invalid configuration: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::auth::Role;

    #[test]
    fn file_then_env_then_flags() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("noticeguard.toml");
        std::fs::write(
            &file,
            r#"
listen = "127.0.0.1:6000"
max_document_bytes = 1000
scan_workers = 3

[[tokens]]
name = "cms"
sha256 = "0000000000000000000000000000000000000000000000000000000000000000"
role = "publisher"
"#,
        )
        .unwrap();
        figment::Jail::expect_with(|jail| {
            jail.set_env("NOTICEGUARD_SCAN_WORKERS", "5");
            jail.set_env("NOTICEGUARD_MAX_DOCUMENT_BYTES", "2000");
            let overrides =
                ConfigOverrides { max_document_bytes: Some(3000), ..Default::default() };
            let c = ServiceConfig::load(Some(&file), &overrides).unwrap();
            assert_eq!(c.listen.port(), 6000, "file beats default");
            assert_eq!(c.scan_workers, 5, "env beats file");
            assert_eq!(c.max_document_bytes, 3000, "flag beats env");
            assert_eq!(c.tokens[0].role, Role::Publisher);
            Ok(())
        });
    }

    #[test]
    fn errors_name_the_problem() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("bad.toml");
        std::fs::write(&file, "listen = \"nowhere\"\n").unwrap();
        let err = ServiceConfig::load(Some(&file), &ConfigOverrides::default()).unwrap_err();
        assert!(err.contains("listen"), "{err}");
        let err = ServiceConfig::load(
            Some(&dir.path().join("missing.toml")),
            &ConfigOverrides::default(),
        )
        .unwrap_err();
        assert!(err.contains("not found"), "{err}");
    }

    #[test]
    fn defaults_without_anything() {
        figment::Jail::expect_with(|_| {
            let c = ServiceConfig::load(None, &ConfigOverrides::default()).unwrap();
            assert_eq!(c.listen.to_string(), DEFAULT_LISTEN);
            assert!(c.tokens.is_empty());
            Ok(())
        });
    }
}
