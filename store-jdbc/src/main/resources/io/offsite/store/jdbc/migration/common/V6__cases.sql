-- cases: one row per penalty case and its append-only timeline (JdbcCaseStore, the CaseStore SPI of cases).
-- cases.snapshot is the case's facts without the timeline, as CaseCodec's versioned JSON; the timeline lives in
-- case_timeline, one row per entry, only ever inserted. An update is UPDATE cases ... WHERE version = expected
-- plus the INSERTs of the new entries, in one transaction; entries = the timeline length at this version, so a
-- reader takes exactly the rows of the version it read (seq < entries) without locking.
CREATE TABLE cases (
    case_id    VARCHAR(200)     NOT NULL PRIMARY KEY,
    state      VARCHAR(32)      NOT NULL,
    version    BIGINT           NOT NULL,
    entries    INTEGER          NOT NULL,
    updated_at BIGINT           NOT NULL, -- epoch milliseconds, the store's clock
    updated_by VARCHAR(1000)    NOT NULL, -- the officers of the newest timeline entry, for people reading the table
    snapshot   VARCHAR(1000000) NOT NULL
);

CREATE INDEX cases_by_state ON cases (state, case_id);

CREATE TABLE case_timeline (
    case_id     VARCHAR(200)    NOT NULL REFERENCES cases (case_id),
    seq         INTEGER         NOT NULL,
    command_id  VARCHAR(400)    NOT NULL,
    action      VARCHAR(40)     NOT NULL,
    from_state  VARCHAR(32)     NOT NULL,
    to_state    VARCHAR(32)     NOT NULL,
    at_instant  VARCHAR(40)     NOT NULL, -- ISO-8601 instant, exact to the nanosecond
    event_date  DATE            NOT NULL,
    actors      VARCHAR(4000)   NOT NULL, -- JSON array of officer ids
    reason      VARCHAR(100000) NOT NULL,
    attachments VARCHAR(100000) NOT NULL, -- JSON array of references
    PRIMARY KEY (case_id, seq)
);
