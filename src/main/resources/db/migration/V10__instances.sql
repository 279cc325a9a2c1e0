-- The instances sharing this database (README "Operate"): each one's row is written by its heartbeat;
-- GET /api/cluster lists them with the singleton jobs each holds.
CREATE TABLE instance (
    id           VARCHAR(64)    NOT NULL PRIMARY KEY,
    host         VARCHAR(255)   NOT NULL,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    indexed_seq  BIGINT         NOT NULL,
    jobs         VARCHAR(200)   NOT NULL
);
