-- Article links of an html source found and not yet fetched: beyond max-articles, or failed for a reason
-- that may pass (5xx, timeout, robots.txt unreachable). Retried with backoff until fetched or refused for
-- good, so a link that scrolls off the list page is not lost (README "Sources").
CREATE TABLE source_pending_link (
    source_id       VARCHAR(64)                 NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    url_hash        CHAR(64)                    NOT NULL,
    url             VARCHAR(4096)               NOT NULL,
    first_seen_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts        INTEGER                     NOT NULL,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(1000),
    PRIMARY KEY (source_id, url_hash)
);
