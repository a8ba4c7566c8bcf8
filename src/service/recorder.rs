//! The service's connection to the store: connected lazily and again after failures, so the
//! service starts and scans while the database is down, and records again once it is back.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::sync::Mutex;

use crate::DeductionRules;
use crate::store::{Backend, LeakStore, SqlStore, StoreError};

/// Lazily connected store.
pub(crate) struct Recorder {
    url: String,
    rules: DeductionRules,
    store: Mutex<Option<Arc<SqlStore>>>,
}

impl Recorder {
    pub(crate) fn new(url: String, rules: DeductionRules) -> Self {
        Recorder { url, rules, store: Mutex::new(None) }
    }

    /// Returns the store, connecting (and migrating) first when needed.
    pub(crate) async fn store(&self) -> Result<Arc<SqlStore>, StoreError> {
        let mut slot = self.store.lock().await;
        if let Some(store) = slot.as_ref() {
            return Ok(Arc::clone(store));
        }
        let store = Arc::new(SqlStore::connect(&self.url, self.rules.clone()).await?);
        *slot = Some(Arc::clone(&store));
        Ok(store)
    }

    /// Returns true when the database answers.
    pub(crate) async fn healthy(&self) -> bool {
        match self.store().await {
            Ok(store) => store.ping().await.is_ok(),
            Err(_) => false,
        }
    }
}

/// Reads the fingerprint key, creating it next to an SQLite database when no file is named.
///
/// # Errors
///
/// A message when the file cannot be read or created, is too short, or PostgreSQL is used
/// without a named key file.
pub(crate) fn fingerprint_key(
    database_url: &str,
    configured: Option<&Path>,
) -> Result<Vec<u8>, String> {
    let path: PathBuf = match configured {
        Some(path) => path.to_owned(),
        None => match Backend::of(database_url).map_err(|e| e.to_string())? {
            Backend::Sqlite => {
                let file =
                    database_url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
                let file = file.split('?').next().unwrap_or(file);
                PathBuf::from(format!("{file}.key"))
            }
            Backend::Postgres => {
                return Err("fingerprint_key_file is required with PostgreSQL: every instance must share the key".into());
            }
        },
    };
    if !path.exists() && configured.is_none() {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| format!("cannot generate a fingerprint key: {e}"))?;
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        write_private(&path, hex.as_bytes())
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        tracing::warn!(path = %path.display(), "created a new fingerprint key; back it up with the database");
    }
    let key = std::fs::read(&path)
        .map_err(|e| format!("cannot read fingerprint key {}: {e}", path.display()))?;
    let key = key.trim_ascii().to_vec();
    if key.len() < 16 {
        return Err(format!("fingerprint key {} is shorter than 16 bytes", path.display()));
    }
    Ok(key)
}

fn write_private(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_created_once_next_to_sqlite_and_required_for_postgres() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("n.db").display());
        let first = fingerprint_key(&url, None).unwrap();
        assert_eq!(first.len(), 64);
        assert_eq!(fingerprint_key(&url, None).unwrap(), first, "the same key on the next start");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("n.db.key")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(fingerprint_key("postgres://h/db", None).unwrap_err().contains("required"));
        let short = dir.path().join("short.key");
        std::fs::write(&short, "abc").unwrap();
        assert!(fingerprint_key("postgres://h/db", Some(&short)).unwrap_err().contains("16 bytes"));
    }
}
