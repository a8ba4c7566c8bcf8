-- Leak counts per document and kind, written with the findings, so statistics add up a
-- few rows per document instead of every finding.
CREATE TABLE document_kinds (
    document BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    leaked BIGINT NOT NULL,
    insufficiently_masked BIGINT NOT NULL,
    PRIMARY KEY (document, kind)
);
INSERT INTO document_kinds (document, kind, leaked, insufficiently_masked)
    SELECT document, kind,
           SUM(CASE WHEN status = 'leaked' THEN 1 ELSE 0 END),
           SUM(CASE WHEN status = 'insufficiently_masked' THEN 1 ELSE 0 END)
    FROM findings
    WHERE status IN ('leaked', 'insufficiently_masked')
    GROUP BY document, kind;
-- Distinct persons are counted from this index alone.
CREATE INDEX findings_persons ON findings (kind, status, document, value_hash);
