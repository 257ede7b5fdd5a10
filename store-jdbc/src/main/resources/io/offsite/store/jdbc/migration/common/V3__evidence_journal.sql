-- evidence: each case's chain journal (evidence ChainJournal, through JdbcChainJournals), one row per record.
-- seq is 1-based and gap-free per case (row seq N is "chain journal record N"); the (case_id, seq) key makes two
-- writers that both try to append record N collide instead of forking the journal.
-- record        the record's UTF-8 text (single-line canonical JSON; at most 8 MiB)
-- record_sha256 hex SHA-256 of the record's bytes
-- row_hash      hex SHA-256(previous row's row_hash bytes || record bytes); before seq 1 the "previous row hash"
--               is SHA-256 of the case id's UTF-8 bytes, so rows cannot be moved between cases unnoticed.
-- Rows are never updated or deleted: PostgreSQL enforces it with a trigger (V4), and every read rechecks the links.
CREATE TABLE evidence_journal (
    case_id       VARCHAR(64)      NOT NULL,
    seq           BIGINT           NOT NULL,
    record        VARCHAR(8388608) NOT NULL,
    record_sha256 VARCHAR(64)      NOT NULL,
    row_hash      VARCHAR(64)      NOT NULL,
    PRIMARY KEY (case_id, seq),
    CHECK (seq >= 1)
);
