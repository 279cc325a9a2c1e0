-- Searches an analyst keeps (README "Saved searches"): a name and the search's parameters, shared by
-- everyone who has the key, opened as a link, turned into a topic in one step.
CREATE TABLE saved_search (
    id          VARCHAR(64)    NOT NULL PRIMARY KEY,
    name        VARCHAR(200)   NOT NULL,
    q           VARCHAR(2000),
    topic       VARCHAR(64),
    side        VARCHAR(200),
    role        VARCHAR(200),
    lang        VARCHAR(200),
    source      VARCHAR(2000),
    date_from   VARCHAR(10),
    date_to     VARCHAR(10),
    sort        VARCHAR(16),
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
