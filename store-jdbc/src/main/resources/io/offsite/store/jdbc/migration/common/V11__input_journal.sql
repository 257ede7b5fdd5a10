-- Input journals (JdbcInputJournal): what a host fed to an in-memory engine, in arrival order, so that after a
-- restart it rebuilds the engine by replaying the recent part (the reference server's construction-waste truck
-- monitor: GPS positions, site-gate events and passages, filed findings). Rows are only inserted, and deleted by
-- pruning once older than the host's replay horizon. seq is the arrival order across all streams; at_micros the
-- record's event time in microseconds since 1970.
CREATE TABLE input_journal (
    seq       BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    stream    VARCHAR(100)  NOT NULL,
    kind      VARCHAR(32)   NOT NULL,
    at_micros BIGINT        NOT NULL,
    payload   VARCHAR(4000) NOT NULL
);

CREATE INDEX input_journal_stream_at ON input_journal (stream, at_micros);
