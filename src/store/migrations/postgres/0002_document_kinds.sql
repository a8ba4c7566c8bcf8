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
-- The first 8 bytes of the keyed hash as an integer: distinct persons are counted over
-- these (from this index alone), far cheaper than over 64-character strings. A collision
-- among a million values has a probability of about 3e-8.
ALTER TABLE findings ADD COLUMN value_key BIGINT NOT NULL DEFAULT 0;
CREATE INDEX findings_persons ON findings (kind, status, document, value_key);
