-- geofence (PostgreSQL; H2 has the same in a BLOB): "last seen" changes are appended, not updated in place. Each
-- checkpoint appends one row packing the last-seen data of every episode that changed only that (LastSeenLog);
-- on restore an entry applies to an episode row only when its seq is greater than the row's log_seq (the flush
-- that last wrote the whole row), so a removed and re-created episode never takes an older episode's last seen.
-- The store folds the log into one row from time to time, so it stays about as large as the episode table.
ALTER TABLE geofence_episode ADD COLUMN log_seq BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE geofence_last_seen_log (
    engine_id VARCHAR(100) NOT NULL,
    seq       BIGINT       NOT NULL,
    entries   INTEGER      NOT NULL,
    payload   BYTEA        NOT NULL,
    PRIMARY KEY (engine_id, seq)
);
