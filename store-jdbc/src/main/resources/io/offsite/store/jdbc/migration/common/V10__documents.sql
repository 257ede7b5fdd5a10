-- The host's named configuration documents (JdbcDocuments), shared by every process on the database: the reference
-- server keeps its enforcement grid and its fences here as GeoJSON. version starts at 1 and grows by one with each
-- replacement, which is conditional on the version the writer read; sha256 is the body's UTF-8 SHA-256, checked on
-- every read so a body edited directly in SQL is reported, never used.
CREATE TABLE offsite_documents (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    version    BIGINT       NOT NULL,
    body       TEXT         NOT NULL,
    sha256     CHAR(64)     NOT NULL,
    updated_at VARCHAR(40)  NOT NULL -- ISO-8601 instant of the last write, the store's clock
);
