-- objects: "one enterprise, one file" (一企一档) through JdbcEnterpriseFiles (core's EnterpriseFiles SPI).
-- enterprise_files has one row per managed object that has a file (opened by the host); enterprise_records one
-- row per patrol, finding or case reference, only ever inserted. content_hash is the SHA-256 of the record's
-- canonical form: the unique key (object_id, content_hash) makes re-appending an identical record a no-op, also
-- between processes; (object_id, case_id) refuses a second record under one case id (NULLs, for patrols and
-- findings, are distinct). record_id is the arrival order, which breaks ties between records of equal time.
CREATE TABLE enterprise_files (
    object_id VARCHAR(128) NOT NULL PRIMARY KEY,
    opened_at BIGINT       NOT NULL -- epoch milliseconds, the store's clock
);

CREATE TABLE enterprise_records (
    record_id    BIGINT          GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object_id    VARCHAR(128)    NOT NULL REFERENCES enterprise_files (object_id),
    kind         VARCHAR(16)     NOT NULL, -- PATROL, FINDING or CASE
    at_instant   VARCHAR(40)     NOT NULL, -- ISO-8601 instant, exact to the nanosecond (patrol/finding time, case filed)
    officer      VARCHAR(200),             -- PATROL only
    violation    VARCHAR(40),              -- FINDING and CASE: the violation code
    body         VARCHAR(100000) NOT NULL, -- the patrol note or finding description; '' for a case
    case_id      VARCHAR(200),             -- CASE only
    content_hash CHAR(64)        NOT NULL,
    recorded_at  BIGINT          NOT NULL, -- epoch milliseconds, the store's clock
    CONSTRAINT enterprise_records_once UNIQUE (object_id, content_hash),
    CONSTRAINT enterprise_records_case_once UNIQUE (object_id, case_id)
);
