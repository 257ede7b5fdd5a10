-- evidence: the witness registry (evidence WitnessStore, through JdbcWitnessStore). The pseudonymous record and
-- the personal details live in separate tables, so erasing a witness's personal data is a DELETE from
-- evidence_witness_personal only; evidence_witness (id, role, registration time) stays for the chains that
-- name the id. The primary key decides a duplicate id across processes.
CREATE TABLE evidence_witness (
    witness_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    witness_role  VARCHAR(32) NOT NULL,
    registered_at VARCHAR(40) NOT NULL,
    stored_order  BIGINT      GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX evidence_witness_by_role ON evidence_witness (witness_role, stored_order);

CREATE TABLE evidence_witness_personal (
    witness_id VARCHAR(64)   NOT NULL PRIMARY KEY REFERENCES evidence_witness (witness_id),
    full_name  VARCHAR(1000) NOT NULL,
    phone      VARCHAR(32)   NOT NULL,
    address    VARCHAR(4000) NOT NULL
);
