-- Archive re-scan jobs (SQLite). A job is keyed by what the command scans; files are keyed
-- by path and a keyed hash of their bytes, so a killed run resumes where it stopped.
CREATE TABLE rescan_jobs (
    id TEXT PRIMARY KEY,
    roots TEXT NOT NULL,
    shard TEXT NOT NULL,
    state TEXT NOT NULL,
    files_total BIGINT NOT NULL DEFAULT 0,
    started_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One row per finished file: outcome (scanned, failed, skipped), counts, never text.
CREATE TABLE rescan_files (
    job TEXT NOT NULL REFERENCES rescan_jobs (id) ON DELETE CASCADE,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    outcome TEXT NOT NULL,
    reason TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    findings BIGINT NOT NULL,
    leaks BIGINT NOT NULL,
    finished_at BIGINT NOT NULL,
    PRIMARY KEY (job, path)
);
