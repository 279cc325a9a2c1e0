-- Portable SQL: runs unchanged on H2 (embedded default) and PostgreSQL.
-- Long text is VARCHAR(1000000) rather than TEXT/CLOB so that both databases map it to a plain
-- string column (H2 turns TEXT into a CLOB; PostgreSQL has no CLOB).

CREATE TABLE source (
    id                   VARCHAR(64)   NOT NULL PRIMARY KEY,
    name                 VARCHAR(255)  NOT NULL,
    type                 VARCHAR(16)   NOT NULL,
    url                  VARCHAR(2048),
    role                 VARCHAR(32)   NOT NULL,
    language             VARCHAR(8),
    time_zone            VARCHAR(64)   NOT NULL,
    poll_interval        VARCHAR(32)   NOT NULL,
    enabled              BOOLEAN       NOT NULL,
    selectors            VARCHAR(8000),
    consecutive_failures INTEGER       NOT NULL DEFAULT 0,
    last_error           VARCHAR(2000),
    last_attempt_at      TIMESTAMP(6) WITH TIME ZONE,
    last_success_at      TIMESTAMP(6) WITH TIME ZONE,
    next_fetch_at        TIMESTAMP(6) WITH TIME ZONE,
    suspended            BOOLEAN       NOT NULL DEFAULT FALSE,
    etag                 VARCHAR(512),
    last_modified        VARCHAR(128),
    body_hash            VARCHAR(64),
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE document_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE document (
    id            BIGINT         NOT NULL PRIMARY KEY,
    -- Monotonic change number: assigned on insert and on every update; the Lucene index
    -- records the last one it holds and catches up from there.
    seq           BIGINT         NOT NULL,
    source_id     VARCHAR(64)    NOT NULL REFERENCES source (id),
    url           VARCHAR(4096)  NOT NULL,
    -- SHA-256 of the canonical URL: a fixed-width unique key (long URLs exceed index limits).
    url_hash      VARCHAR(64)    NOT NULL,
    guid          VARCHAR(1024),
    title         VARCHAR(2000)  NOT NULL,
    body          VARCHAR(1000000),
    body_html     VARCHAR(1000000),
    published_at  TIMESTAMP(6) WITH TIME ZONE,
    undateable    BOOLEAN        NOT NULL,
    fetched_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    language      VARCHAR(8),
    tone          DOUBLE PRECISION,
    content_hash  VARCHAR(64)    NOT NULL,
    duplicate_of  BIGINT         REFERENCES document (id),
    CONSTRAINT document_published_or_undateable CHECK (published_at IS NOT NULL OR undateable)
);

CREATE UNIQUE INDEX document_seq_idx ON document (seq);
CREATE UNIQUE INDEX document_url_hash_idx ON document (url_hash);
-- Listing newest first, overall and per source.
CREATE INDEX document_published_idx ON document (published_at, id);
CREATE INDEX document_source_published_idx ON document (source_id, published_at, id);
-- Deduplication look-ups (GUID per source, identical content).
CREATE INDEX document_source_guid_idx ON document (source_id, guid);
CREATE INDEX document_content_hash_idx ON document (content_hash);
