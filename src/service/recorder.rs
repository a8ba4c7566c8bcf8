//! The service's connection to the store: connected lazily and again after failures, so the
//! service starts and scans while the database is down, and records again once it is back.

use std::sync::Arc;

use tokio::sync::Mutex;

use crate::DeductionRules;
use crate::store::{LeakStore, SqlStore, StoreError};

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

pub(crate) use crate::store::fingerprint_key;

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
