//! Persistence of scan results for statistics: SQLite (the default, a local file) and
//! PostgreSQL (several service instances sharing one database), behind [`LeakStore`].
//!
//! One implementation serves both: SQL with `$N` placeholders through sqlx's `Any` driver
//! (SQLite maps `$N` to the N-th argument too); only the migrations differ. Nothing stored
//! is personal data: findings keep their masked form and the keyed HMAC of the value, and
//! documents a keyed hash of their content. Re-scanning a document (same caller, same
//! document id) replaces its earlier result in one transaction.

use std::borrow::Cow;
use std::collections::BTreeMap;

use async_trait::async_trait;
use serde::Serialize;
use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use sqlx::{AnyPool, Row, SqlSafeStr};

use crate::deduction::{DeductionRules, Period, points};
use crate::{ScanReport, Status};

/// Reads the fingerprint key, creating it next to an SQLite database when no file is named.
///
/// # Errors
///
/// A message when the file cannot be read or created, is too short, or PostgreSQL is used
/// without a named key file.
pub fn fingerprint_key(
    database_url: &str,
    configured: Option<&std::path::Path>,
) -> Result<Vec<u8>, String> {
    let path: std::path::PathBuf = match configured {
        Some(path) => path.to_owned(),
        None => match Backend::of(database_url).map_err(|e| e.to_string())? {
            Backend::Sqlite => {
                let file =
                    database_url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
                let file = file.split('?').next().unwrap_or(file);
                std::path::PathBuf::from(format!("{file}.key"))
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

fn write_private(path: &std::path::Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents)
}

/// Which database a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// `sqlite://path/to/file.db` (created when missing).
    Sqlite,
    /// `postgres://…` or `postgresql://…`.
    Postgres,
}

impl Backend {
    /// Returns the backend of `url`.
    ///
    /// # Errors
    ///
    /// [`StoreError::Invalid`] for other schemes.
    pub fn of(url: &str) -> Result<Backend, StoreError> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err(StoreError::Invalid("database URL must start with sqlite:// or postgres://".into()))
        }
    }
}

/// Why a store operation failed. Messages never contain stored values or SQL parameters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached; retry later.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// The request or configuration is wrong.
    #[error("{0}")]
    Invalid(String),
    /// The database refused an operation (a bug or a schema mismatch).
    #[error("store error: {0}")]
    Internal(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(err.kind_name().into()),
            // Database messages can quote row values (a duplicate key, say): keep only the code.
            sqlx::Error::Database(db) => {
                let code = db.code().unwrap_or(Cow::Borrowed("?")).into_owned();
                // SQLite 14 (cannot open), PostgreSQL 08xxx (connection) and 57Pxx (shutdown):
                // the database is not there, rather than wrong.
                if code == "14" || code.starts_with("08") || code.starts_with("57P") {
                    StoreError::Unavailable(format!("database error {code}"))
                } else {
                    StoreError::Internal(format!("database error {code}"))
                }
            }
            other => StoreError::Internal(other.kind_name().into()),
        }
    }
}

trait KindName {
    fn kind_name(&self) -> &'static str;
}

impl KindName for sqlx::Error {
    fn kind_name(&self) -> &'static str {
        match self {
            sqlx::Error::Io(_) => "connection failed",
            sqlx::Error::Tls(_) => "TLS failed",
            sqlx::Error::PoolTimedOut => "timed out waiting for a connection",
            sqlx::Error::PoolClosed => "connection pool closed",
            sqlx::Error::WorkerCrashed => "database worker crashed",
            sqlx::Error::Configuration(_) => "invalid database configuration",
            sqlx::Error::Migrate(_) => "migration failed",
            sqlx::Error::RowNotFound => "row not found",
            sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => "cannot decode a column",
            _ => "database operation failed",
        }
    }
}

/// What the caller said about a document, stored next to its result.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    /// Who submitted it (the token's name).
    pub caller: String,
    /// The caller's document id.
    pub document_id: String,
    /// Publishing unit.
    pub unit: String,
    /// Division code of the unit.
    pub region_code: String,
    /// Notice category.
    pub category: String,
    /// Publication date (RFC 3339), if known.
    pub published_at: Option<String>,
}

/// How statistics are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    /// First 2 digits of the division code.
    Province,
    /// First 4 digits.
    City,
    /// First 6 digits.
    County,
    /// First 9 digits.
    Township,
    /// Publishing unit.
    Unit,
    /// Kind of personal data.
    Kind,
    /// Month of publication (or of the scan).
    Month,
    /// Quarter.
    Quarter,
    /// Year.
    Year,
}

impl std::str::FromStr for GroupBy {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, StoreError> {
        Ok(match s {
            "province" => GroupBy::Province,
            "city" => GroupBy::City,
            "county" | "region" => GroupBy::County,
            "township" => GroupBy::Township,
            "unit" => GroupBy::Unit,
            "kind" => GroupBy::Kind,
            "month" => GroupBy::Month,
            "quarter" => GroupBy::Quarter,
            "year" => GroupBy::Year,
            _ => {
                return Err(StoreError::Invalid(
                    "group by province, city, county (region), township, unit, kind, month, quarter or year".into(),
                ));
            }
        })
    }
}

impl GroupBy {
    /// SQL expression of the group key over `documents d` (and `findings f` for kinds).
    fn key_sql(self) -> &'static str {
        match self {
            GroupBy::Province => "substr(d.region_code, 1, 2)",
            GroupBy::City => "substr(d.region_code, 1, 4)",
            GroupBy::County => "substr(d.region_code, 1, 6)",
            GroupBy::Township => "substr(d.region_code, 1, 9)",
            GroupBy::Unit => "d.unit",
            GroupBy::Kind => "dk.kind",
            GroupBy::Month => "d.period_month",
            GroupBy::Quarter => "d.period_quarter",
            GroupBy::Year => "d.period_year",
        }
    }
}

/// Filters shared by statistics and drill-down. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Division-code prefix.
    pub region_prefix: String,
    /// Exact unit.
    pub unit: String,
    /// Exact category.
    pub category: String,
    /// Kind of finding (`id_card` …); restricts findings, and documents to those having one.
    pub kind: String,
    /// Status of finding (`leaked` …); same.
    pub status: String,
    /// First day included, `YYYY-MM-DD`.
    pub from: String,
    /// Last day included, `YYYY-MM-DD`.
    pub to: String,
}

/// One group of statistics.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StatsRow {
    /// The group's key (a division-code prefix, unit, kind or period).
    pub key: String,
    /// Documents scanned and recorded.
    pub documents: u64,
    /// Documents with at least one leak (leaked or insufficiently masked finding).
    pub documents_with_leaks: u64,
    /// Leaks (leaked + insufficiently masked findings) per kind.
    pub leaks_by_kind: BTreeMap<String, u64>,
    /// Distinct ID numbers exposed (distinct keyed hashes of leaked `id_card` findings):
    /// the count of persons whose identity leaked.
    pub distinct_persons: u64,
    /// Deduction points after the per-document and per-unit-per-period caps.
    pub deduction: f64,
}

/// One finding for drill-down: masked, never the value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredFinding {
    /// Caller's document id.
    pub document_id: String,
    /// Publishing unit.
    pub unit: String,
    /// Division code.
    pub region_code: String,
    /// Kind.
    pub kind: String,
    /// Status.
    pub status: String,
    /// Severity.
    pub severity: String,
    /// Rule id.
    pub rule: String,
    /// Masked value.
    pub masked: String,
    /// Start, Unicode scalars.
    pub start: u64,
    /// End, Unicode scalars.
    pub end: u64,
}

/// A page of findings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FindingsPage {
    /// The findings.
    pub findings: Vec<StoredFinding>,
    /// Token of the next page; empty on the last.
    pub next_page_token: String,
}

/// Persistence of scan results. Implemented by [`SqlStore`] for SQLite and PostgreSQL.
#[async_trait]
pub trait LeakStore: Send + Sync {
    /// Stores (or replaces) the result of one document.
    async fn record(
        &self,
        meta: &DocumentMeta,
        report: &ScanReport,
        scanned_at_unix: i64,
    ) -> Result<(), StoreError>;
    /// Returns statistics grouped by `group_by`, keys in ascending order.
    async fn stats(&self, filter: &Filter, group_by: GroupBy) -> Result<Vec<StatsRow>, StoreError>;
    /// Returns a page of findings in recording order (documents, then text order).
    async fn findings(
        &self,
        filter: &Filter,
        page_size: u32,
        page_token: &str,
    ) -> Result<FindingsPage, StoreError>;
    /// Checks that the database answers.
    async fn ping(&self) -> Result<(), StoreError>;
    /// Starts (or resumes) a re-scan job: creates it or marks it running again.
    async fn begin_rescan(&self, job: &RescanJob, now_unix: i64) -> Result<(), StoreError>;
    /// Returns the files a job has finished, as (path, content hash).
    async fn rescanned_files(&self, job: &str) -> Result<Vec<(String, String)>, StoreError>;
    /// Records finished files of a job and, for those scanned, their results as documents,
    /// all in one transaction: a file is recorded with its result or not at all.
    async fn record_rescanned(
        &self,
        job: &str,
        files: &[(RescannedFile, Option<(&DocumentMeta, &ScanReport)>)],
        now_unix: i64,
    ) -> Result<(), StoreError>;
    /// Sets a job's state (`running`, `finished`, `failed`, `cancelled`) and file total.
    async fn end_rescan(
        &self,
        job: &str,
        state: &str,
        files_total: u64,
        now_unix: i64,
    ) -> Result<(), StoreError>;
    /// Returns a job's progress, if the job exists.
    async fn rescan_status(&self, job: &str) -> Result<Option<RescanStatus>, StoreError>;
}

/// A re-scan job as started.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RescanJob {
    /// Stable id: the same command over the same roots and shard gets the same id.
    pub id: String,
    /// The roots scanned, one per line.
    pub roots: String,
    /// `K/N`, or empty for the whole archive.
    pub shard: String,
    /// Files to scan in this run (known after the walk).
    pub files_total: u64,
}

/// How one file of a re-scan ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RescannedFile {
    /// Path relative to its root, with `/` separators.
    pub path: String,
    /// Keyed hash of the file's bytes.
    pub content_hash: String,
    /// `scanned` or `failed`.
    pub outcome: &'static str,
    /// Why it failed (never file content); empty when scanned.
    pub reason: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Findings and leaks found.
    pub findings: u64,
    /// Findings that must be masked.
    pub leaks: u64,
}

/// Progress of a re-scan job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RescanStatus {
    /// Job id.
    pub id: String,
    /// `running`, `finished`, `failed` or `cancelled`.
    pub state: String,
    /// Files to scan (0 until the walk is done).
    pub files_total: u64,
    /// Files scanned.
    pub files_scanned: u64,
    /// Files that could not be read.
    pub files_failed: u64,
    /// Bytes of the finished files.
    pub bytes: u64,
    /// Findings and leaks in the scanned files.
    pub findings: u64,
    /// Findings that must be masked.
    pub leaks: u64,
}

/// Migrations compiled into the binary.
#[derive(Debug)]
struct Embedded(Backend);

impl MigrationSource<'static> for Embedded {
    fn resolve(
        self,
    ) -> futures_core::future::BoxFuture<'static, Result<Vec<Migration>, sqlx::error::BoxDynError>>
    {
        let files: [(i64, &'static str, &'static str); 3] = match self.0 {
            Backend::Sqlite => [
                (1, "init", include_str!("migrations/sqlite/0001_init.sql")),
                (2, "document kinds", include_str!("migrations/sqlite/0002_document_kinds.sql")),
                (3, "rescan jobs", include_str!("migrations/sqlite/0003_rescan_jobs.sql")),
            ],
            Backend::Postgres => [
                (1, "init", include_str!("migrations/postgres/0001_init.sql")),
                (2, "document kinds", include_str!("migrations/postgres/0002_document_kinds.sql")),
                (3, "rescan jobs", include_str!("migrations/postgres/0003_rescan_jobs.sql")),
            ],
        };
        Box::pin(async move {
            Ok(files
                .into_iter()
                .map(|(version, description, sql)| {
                    let description = Cow::Borrowed(description);
                    Migration::new(
                        version,
                        description,
                        MigrationType::Simple,
                        sql.into_sql_str(),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// The SQL store.
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
    rules: DeductionRules,
}

impl std::fmt::Debug for SqlStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqlStore").field("backend", &self.backend).finish_non_exhaustive()
    }
}

/// Columns of a findings row.
const COLUMNS: usize = 15;

/// Rows per multi-row INSERT (15 parameters each, under SQLite's 32,766).
const INSERT_BATCH: usize = 500;

/// The first 8 bytes of a hex fingerprint as an integer (0 when there is none).
fn value_key(fingerprint: Option<&str>) -> i64 {
    fingerprint
        .and_then(|f| f.get(..16))
        .and_then(|h| u64::from_str_radix(h, 16).ok())
        .map_or(0, |v| v as i64)
}

impl SqlStore {
    /// Connects to `url`, creating an SQLite file when missing, and applies migrations.
    /// `rules` supply the per-unit cap that statistics apply.
    ///
    /// # Errors
    ///
    /// [`StoreError::Invalid`] for a bad URL, [`StoreError::Unavailable`] when the database
    /// cannot be reached, [`StoreError::Internal`] when a migration fails.
    pub async fn connect(url: &str, rules: DeductionRules) -> Result<SqlStore, StoreError> {
        let backend = Backend::of(url)?;
        install_default_drivers();
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                Cow::Owned(format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' }))
            }
            _ => Cow::Borrowed(url),
        };
        let sqlite = backend == Backend::Sqlite;
        let pool = AnyPoolOptions::new()
            .max_connections(if sqlite { 4 } else { 16 })
            .acquire_timeout(std::time::Duration::from_secs(5))
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if sqlite {
                        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
                        sqlx::query("PRAGMA busy_timeout = 5000").execute(&mut *conn).await?;
                        // Safe with WAL: a crash loses at most the last commits, never the file.
                        sqlx::query("PRAGMA synchronous = NORMAL").execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        if sqlite {
            sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
        let migrator = Migrator::new(Embedded(backend))
            .await
            .map_err(|e| StoreError::Internal(format!("migrations: {e}")))?;
        migrator.run(&pool).await.map_err(|e| match e {
            sqlx::migrate::MigrateError::Execute(err) => StoreError::from(err),
            other => StoreError::Internal(format!("migration failed: {other}")),
        })?;
        Ok(SqlStore { pool, backend, rules })
    }

    /// Returns the backend.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Stores (or replaces) the result of one document inside `tx`.
    async fn record_tx(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        meta: &DocumentMeta,
        report: &ScanReport,
        scanned_at_unix: i64,
    ) -> Result<(), StoreError> {
        let content_hash = report.content_fingerprint.clone().ok_or_else(|| {
            StoreError::Invalid("recording needs a scanner with a fingerprint key".into())
        })?;
        let day = meta
            .published_at
            .as_deref()
            .and_then(|p| p.get(..10))
            .filter(|d| Period::Month.key(d).is_some())
            .map_or_else(|| civil_date(scanned_at_unix), str::to_owned);
        let key = |p: Period| p.key(&day).expect("day is YYYY-MM-DD");
        let deduction_centi = (report.risk.deduction * 100.0).round() as i64;

        // Replace an earlier result of the same document.
        for table in ["document_kinds", "findings"] {
            let sql = format!(
                "DELETE FROM {table} WHERE document IN (SELECT id FROM documents WHERE caller = $1 AND document_id = $2)"
            );
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(meta.caller.as_str())
                .bind(meta.document_id.as_str())
                .execute(&mut **tx)
                .await?;
        }
        sqlx::query("DELETE FROM documents WHERE caller = $1 AND document_id = $2")
            .bind(meta.caller.as_str())
            .bind(meta.document_id.as_str())
            .execute(&mut **tx)
            .await?;
        let row = sqlx::query(
            "INSERT INTO documents (caller, document_id, unit, region_code, category, content_hash, published_at,
                 period_day, period_month, period_quarter, period_year, scanned_at, risk_level, score, leaks,
                 deduction_centi)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id",
        )
        .bind(meta.caller.as_str())
        .bind(meta.document_id.as_str())
        .bind(meta.unit.as_str())
        .bind(meta.region_code.as_str())
        .bind(meta.category.as_str())
        .bind(content_hash.as_str())
        .bind(meta.published_at.as_deref())
        .bind(day.as_str())
        .bind(key(Period::Month))
        .bind(key(Period::Quarter))
        .bind(key(Period::Year))
        .bind(scanned_at_unix)
        .bind(report.risk.level.as_str())
        .bind(i64::from(report.risk.score))
        .bind(report.risk.leaks as i64)
        .bind(deduction_centi)
        .fetch_one(&mut **tx)
        .await?;
        let document: i64 = row.try_get(0)?;

        for (batch_index, batch) in report.findings.chunks(INSERT_BATCH).enumerate() {
            let mut sql = String::from(
                "INSERT INTO findings (document, seq, kind, status, severity, rule, char_start, char_end,
                     byte_start, byte_end, utf16_start, utf16_end, masked, value_hash, value_key) VALUES ",
            );
            for i in 0..batch.len() {
                let b = i * COLUMNS;
                if i > 0 {
                    sql.push(',');
                }
                sql.push('(');
                sql.push_str(
                    &(1..=COLUMNS).map(|k| format!("${}", b + k)).collect::<Vec<_>>().join(", "),
                );
                sql.push(')');
            }
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (i, f) in batch.iter().enumerate() {
                let s = f.span;
                query = query
                    .bind(document)
                    .bind((batch_index * INSERT_BATCH + i) as i64)
                    .bind(f.kind.as_str())
                    .bind(f.status.as_str())
                    .bind(f.severity.as_str())
                    .bind(f.rule)
                    .bind(s.start as i64)
                    .bind(s.end as i64)
                    .bind(s.byte_start as i64)
                    .bind(s.byte_end as i64)
                    .bind(s.utf16_start as i64)
                    .bind(s.utf16_end as i64)
                    .bind(f.masked.clone())
                    .bind(f.fingerprint.clone().unwrap_or_default())
                    .bind(value_key(f.fingerprint.as_deref()));
            }
            query.execute(&mut **tx).await?;
        }
        let mut per_kind: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
        for f in &report.findings {
            match f.status {
                Status::Leaked => per_kind.entry(f.kind.as_str()).or_default().0 += 1,
                Status::InsufficientlyMasked => per_kind.entry(f.kind.as_str()).or_default().1 += 1,
                _ => {}
            }
        }
        for (kind, (leaked, insufficient)) in per_kind {
            sqlx::query(
                "INSERT INTO document_kinds (document, kind, leaked, insufficiently_masked) VALUES ($1, $2, $3, $4)",
            )
            .bind(document)
            .bind(kind)
            .bind(leaked)
            .bind(insufficient)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}

/// Civil date (`YYYY-MM-DD`) of a Unix time, UTC (Howard Hinnant's algorithm).
fn civil_date(unix: i64) -> String {
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Appends `AND …` conditions of `filter` over `documents d` to `sql`, binding into `args`.
fn filter_sql(filter: &Filter, sql: &mut String, args: &mut Vec<String>) {
    let mut bind = |sql: &mut String, condition: &str, value: String| {
        args.push(value);
        sql.push_str(&condition.replace('?', &format!("${}", args.len())));
    };
    if !filter.region_prefix.is_empty() {
        bind(sql, " AND d.region_code LIKE ?", format!("{}%", filter.region_prefix));
    }
    if !filter.unit.is_empty() {
        bind(sql, " AND d.unit = ?", filter.unit.clone());
    }
    if !filter.category.is_empty() {
        bind(sql, " AND d.category = ?", filter.category.clone());
    }
    if !filter.from.is_empty() {
        bind(sql, " AND d.period_day >= ?", filter.from.clone());
    }
    if !filter.to.is_empty() {
        bind(sql, " AND d.period_day <= ?", filter.to.clone());
    }
    let mut finding = String::new();
    let mut finding_args = 0;
    for (column, value) in [("kind", &filter.kind), ("status", &filter.status)] {
        if !value.is_empty() {
            args.push(value.clone());
            finding.push_str(&format!(" AND f2.{column} = ${}", args.len()));
            finding_args += 1;
        }
    }
    if finding_args > 0 {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM findings f2 WHERE f2.document = d.id{finding})"
        ));
    }
}

fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    args: &'q [String],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    for a in args {
        query = query.bind(a.as_str());
    }
    query
}

fn leak_statuses() -> String {
    format!("('{}', '{}')", Status::Leaked.as_str(), Status::InsufficientlyMasked.as_str())
}

#[async_trait]
impl LeakStore for SqlStore {
    async fn record(
        &self,
        meta: &DocumentMeta,
        report: &ScanReport,
        scanned_at_unix: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        self.record_tx(&mut tx, meta, report, scanned_at_unix).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn stats(&self, filter: &Filter, group_by: GroupBy) -> Result<Vec<StatsRow>, StoreError> {
        let key = group_by.key_sql();
        let period = match self.rules.period() {
            Period::Month => "d.period_month",
            Period::Quarter => "d.period_quarter",
            Period::Year => "d.period_year",
        };
        let mut args = Vec::new();
        let mut conditions = String::new();
        filter_sql(filter, &mut conditions, &mut args);
        let mut rows: BTreeMap<String, StatsRow> = BTreeMap::new();
        let mut unit_periods: BTreeMap<(String, String, String), u64> = BTreeMap::new();

        // Documents (grouped by kind: the documents having a finding of that kind).
        let from = if group_by == GroupBy::Kind {
            "documents d JOIN document_kinds dk ON dk.document = d.id"
        } else {
            "documents d"
        };
        let sql = format!(
            "SELECT {key} AS k, d.unit, {period} AS p, COUNT(*), \
                 SUM(CASE WHEN d.leaks > 0 THEN 1 ELSE 0 END), CAST(SUM(d.deduction_centi) AS BIGINT) \
             FROM {from} WHERE 1 = 1{conditions} GROUP BY {key}, d.unit, {period}"
        );
        for row in
            bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), &args).fetch_all(&self.pool).await?
        {
            let k: String = row.try_get(0)?;
            let unit: String = row.try_get(1)?;
            let p: String = row.try_get(2)?;
            let entry = rows
                .entry(k.clone())
                .or_insert_with(|| StatsRow { key: k.clone(), ..StatsRow::default() });
            entry.documents += row.try_get::<i64, _>(3)? as u64;
            entry.documents_with_leaks += row.try_get::<i64, _>(4)? as u64;
            *unit_periods.entry((k, unit, p)).or_default() += row.try_get::<i64, _>(5)? as u64;
        }
        // Unit caps per period, then totals per group.
        let mut deductions: BTreeMap<String, u64> = BTreeMap::new();
        for ((k, _, _), centi) in unit_periods {
            *deductions.entry(k).or_default() += self.rules.unit_period_total([centi]);
        }
        for (k, centi) in deductions {
            if let Some(row) = rows.get_mut(&k) {
                row.deduction = points(centi);
            }
        }

        // Leaks by kind, from the per-document counts.
        let leak_column = match filter.status.as_str() {
            "" => "dk.leaked + dk.insufficiently_masked",
            "leaked" => "dk.leaked",
            "insufficiently_masked" => "dk.insufficiently_masked",
            _ => "0",
        };
        let mut kind_args = args.clone();
        let mut kind_condition = String::new();
        if !filter.kind.is_empty() {
            kind_args.push(filter.kind.clone());
            kind_condition = format!(" AND dk.kind = ${}", kind_args.len());
        }
        let sql = format!(
            "SELECT {key} AS k, dk.kind, CAST(SUM({leak_column}) AS BIGINT) \
             FROM documents d JOIN document_kinds dk ON dk.document = d.id \
             WHERE 1 = 1{conditions}{kind_condition} GROUP BY {key}, dk.kind"
        );
        for row in bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), &kind_args)
            .fetch_all(&self.pool)
            .await?
        {
            let k: String = row.try_get(0)?;
            let kind: String = row.try_get(1)?;
            let n = row.try_get::<i64, _>(2)? as u64;
            if let Some(entry) = rows.get_mut(&k).filter(|_| n > 0) {
                *entry.leaks_by_kind.entry(kind).or_default() += n;
            }
        }

        // Distinct persons: distinct keyed hashes of leaked IDs (an index-only scan).
        let statuses = match filter.status.as_str() {
            "" => leak_statuses(),
            "leaked" | "insufficiently_masked" => format!("('{}')", filter.status),
            _ => "('')".to_owned(),
        };
        let applies = filter.kind.is_empty() || filter.kind == "id_card";
        // Grouped by kind, persons belong to the `id_card` group: one aggregate, no GROUP BY
        // (PostgreSQL refuses to group by a constant).
        let (person_key, person_group) = if group_by == GroupBy::Kind {
            ("'id_card'", String::new())
        } else {
            (key, format!(" GROUP BY {key}"))
        };
        if applies {
            let sql = format!(
                "SELECT {person_key} AS k, COUNT(DISTINCT f.value_key) \
                 FROM documents d JOIN findings f ON f.document = d.id \
                 WHERE f.kind = 'id_card' AND f.status IN {statuses}{conditions}{person_group}"
            );
            for row in
                bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), &args).fetch_all(&self.pool).await?
            {
                let k: String = row.try_get(0)?;
                if let Some(entry) = rows.get_mut(&k) {
                    entry.distinct_persons = row.try_get::<i64, _>(1)? as u64;
                }
            }
        }
        Ok(rows.into_values().collect())
    }

    async fn findings(
        &self,
        filter: &Filter,
        page_size: u32,
        page_token: &str,
    ) -> Result<FindingsPage, StoreError> {
        let page_size = page_size.clamp(1, 1000);
        let offset: i64 = if page_token.is_empty() {
            0
        } else {
            page_token.parse().map_err(|_| {
                StoreError::Invalid("page_token is not one this server issued".into())
            })?
        };
        let mut args = Vec::new();
        let mut conditions = String::new();
        filter_sql(filter, &mut conditions, &mut args);
        for (column, value) in [("kind", &filter.kind), ("status", &filter.status)] {
            if !value.is_empty() {
                args.push(value.clone());
                conditions.push_str(&format!(" AND f.{column} = ${}", args.len()));
            }
        }
        let sql = format!(
            "SELECT d.document_id, d.unit, d.region_code, f.kind, f.status, f.severity, f.rule, f.masked, \
                 f.char_start, f.char_end \
             FROM documents d JOIN findings f ON f.document = d.id WHERE 1 = 1{conditions} \
             ORDER BY f.document, f.seq LIMIT {} OFFSET {offset}",
            i64::from(page_size) + 1
        );
        let rows =
            bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)), &args).fetch_all(&self.pool).await?;
        let more = rows.len() > page_size as usize;
        let mut findings = Vec::with_capacity(rows.len());
        for row in rows.iter().take(page_size as usize) {
            findings.push(StoredFinding {
                document_id: row.try_get(0)?,
                unit: row.try_get(1)?,
                region_code: row.try_get(2)?,
                kind: row.try_get(3)?,
                status: row.try_get(4)?,
                severity: row.try_get(5)?,
                rule: row.try_get(6)?,
                masked: row.try_get(7)?,
                start: row.try_get::<i64, _>(8)? as u64,
                end: row.try_get::<i64, _>(9)? as u64,
            });
        }
        let next_page_token =
            if more { (offset + i64::from(page_size)).to_string() } else { String::new() };
        Ok(FindingsPage { findings, next_page_token })
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn begin_rescan(&self, job: &RescanJob, now_unix: i64) -> Result<(), StoreError> {
        let updated = sqlx::query(
            "UPDATE rescan_jobs SET state = 'running', files_total = $2, updated_at = $3 WHERE id = $1",
        )
        .bind(job.id.as_str())
        .bind(job.files_total as i64)
        .bind(now_unix)
        .execute(&self.pool)
        .await?;
        if updated.rows_affected() == 0 {
            sqlx::query(
                "INSERT INTO rescan_jobs (id, roots, shard, state, files_total, started_at, updated_at)
                 VALUES ($1, $2, $3, 'running', $4, $5, $5)",
            )
            .bind(job.id.as_str())
            .bind(job.roots.as_str())
            .bind(job.shard.as_str())
            .bind(job.files_total as i64)
            .bind(now_unix)
            .execute(&self.pool)
            .await?;
        }
        Ok(())
    }

    async fn rescanned_files(&self, job: &str) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query("SELECT path, content_hash FROM rescan_files WHERE job = $1")
            .bind(job)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect()
    }

    async fn record_rescanned(
        &self,
        job: &str,
        files: &[(RescannedFile, Option<(&DocumentMeta, &ScanReport)>)],
        now_unix: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for (file, document) in files {
            if let Some((meta, report)) = document {
                self.record_tx(&mut tx, meta, report, now_unix).await?;
            }
            sqlx::query("DELETE FROM rescan_files WHERE job = $1 AND path = $2")
                .bind(job)
                .bind(file.path.as_str())
                .execute(&mut *tx)
                .await?;
            sqlx::query(
            "INSERT INTO rescan_files (job, path, content_hash, outcome, reason, bytes, findings, leaks, finished_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(job)
        .bind(file.path.as_str())
        .bind(file.content_hash.as_str())
        .bind(file.outcome)
        .bind(file.reason.as_str())
        .bind(file.bytes as i64)
        .bind(file.findings as i64)
        .bind(file.leaks as i64)
        .bind(now_unix)
        .execute(&mut *tx)
        .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn end_rescan(
        &self,
        job: &str,
        state: &str,
        files_total: u64,
        now_unix: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE rescan_jobs SET state = $2, files_total = $3, updated_at = $4 WHERE id = $1",
        )
        .bind(job)
        .bind(state)
        .bind(files_total as i64)
        .bind(now_unix)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn rescan_status(&self, job: &str) -> Result<Option<RescanStatus>, StoreError> {
        let Some(row) = sqlx::query("SELECT state, files_total FROM rescan_jobs WHERE id = $1")
            .bind(job)
            .fetch_optional(&self.pool)
            .await?
        else {
            return Ok(None);
        };
        let totals = sqlx::query(
            "SELECT CAST(COALESCE(SUM(CASE WHEN outcome = 'scanned' THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(CASE WHEN outcome = 'failed' THEN 1 ELSE 0 END), 0) AS BIGINT),
                    CAST(COALESCE(SUM(bytes), 0) AS BIGINT),
                    CAST(COALESCE(SUM(findings), 0) AS BIGINT),
                    CAST(COALESCE(SUM(leaks), 0) AS BIGINT)
             FROM rescan_files WHERE job = $1",
        )
        .bind(job)
        .fetch_one(&self.pool)
        .await?;
        let n = |i: usize| -> Result<u64, StoreError> {
            Ok(totals.try_get::<i64, _>(i)?.max(0) as u64)
        };
        Ok(Some(RescanStatus {
            id: job.to_owned(),
            state: row.try_get(0)?,
            files_total: row.try_get::<i64, _>(1)?.max(0) as u64,
            files_scanned: n(0)?,
            files_failed: n(1)?,
            bytes: n(2)?,
            findings: n(3)?,
            leaks: n(4)?,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(1_798_329_600), "2026-12-27");
        assert_eq!(civil_date(951_782_400), "2000-02-29");
    }

    #[test]
    fn value_keys_take_the_first_eight_bytes() {
        assert_eq!(value_key(Some("00000000000000ff1234")), 255);
        assert_eq!(value_key(Some("ffffffffffffffff")), -1);
        assert_eq!(value_key(None), 0);
        assert_eq!(value_key(Some("xyz")), 0);
    }

    #[test]
    fn backends_by_url() {
        assert_eq!(Backend::of("sqlite://x.db").unwrap(), Backend::Sqlite);
        assert_eq!(Backend::of("postgres://u@h/db").unwrap(), Backend::Postgres);
        assert!(Backend::of("mysql://h/db").is_err());
    }
}
