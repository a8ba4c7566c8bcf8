-- Scan results for statistics (PostgreSQL). Re-scanning a document replaces its rows.
CREATE TABLE documents (
    id BIGSERIAL PRIMARY KEY,
    caller TEXT NOT NULL,
    document_id TEXT NOT NULL,
    unit TEXT NOT NULL,
    region_code TEXT NOT NULL,
    category TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    published_at TEXT,
    period_day TEXT NOT NULL,
    period_month TEXT NOT NULL,
    period_quarter TEXT NOT NULL,
    period_year TEXT NOT NULL,
    scanned_at BIGINT NOT NULL,
    risk_level TEXT NOT NULL,
    score BIGINT NOT NULL,
    leaks BIGINT NOT NULL,
    deduction_centi BIGINT NOT NULL,
    UNIQUE (caller, document_id)
);
CREATE INDEX documents_region ON documents (region_code);
CREATE INDEX documents_unit ON documents (unit);
CREATE INDEX documents_period ON documents (period_year, period_month);

-- One row per finding: masked form and keyed hash only, never the value.
CREATE TABLE findings (
    document BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    severity TEXT NOT NULL,
    rule TEXT NOT NULL,
    char_start BIGINT NOT NULL,
    char_end BIGINT NOT NULL,
    byte_start BIGINT NOT NULL,
    byte_end BIGINT NOT NULL,
    utf16_start BIGINT NOT NULL,
    utf16_end BIGINT NOT NULL,
    masked TEXT NOT NULL,
    value_hash TEXT NOT NULL,
    PRIMARY KEY (document, seq)
);
CREATE INDEX findings_kind_status ON findings (kind, status);
CREATE INDEX findings_value_hash ON findings (value_hash);
