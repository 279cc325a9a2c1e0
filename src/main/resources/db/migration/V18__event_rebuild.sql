-- Re-assignment of every event when EventParameters.version() changes (docs/events.md, "Re-assignment"): one row per
-- version, written by the one instance that rebuilds. While the row of the running version is unfinished, every
-- instance stores new documents without an event (the rebuilding instance assigns them at its next chunk); when it is
-- finished, every instance restores its assigner from the table and rebuilds its index.
CREATE TABLE event_rebuild (
    version      VARCHAR(40)    NOT NULL PRIMARY KEY,
    holder       VARCHAR(64)    NOT NULL,
    started_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP(6) WITH TIME ZONE,
    done         BIGINT         NOT NULL,
    total        BIGINT         NOT NULL
);
