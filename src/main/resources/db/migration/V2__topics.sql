-- Topics are saved Lucene queries (DESIGN "Topics are queries, not labels").
CREATE TABLE topic (
    id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    label       VARCHAR(255)   NOT NULL,
    query       VARCHAR(8000)  NOT NULL,
    sensitive   BOOLEAN        NOT NULL,
    -- true once changed through the API: feeds/topics.yml no longer overwrites it on start.
    edited      BOOLEAN        NOT NULL DEFAULT FALSE,
    -- deleted through the API: kept as a tombstone so that topics.yml does not bring it back.
    deleted     BOOLEAN        NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
