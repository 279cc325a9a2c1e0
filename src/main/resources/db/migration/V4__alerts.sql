-- Alerts (issue 7): rules, the alerts they raised, the documents each cites, and the delivery of
-- each alert to each channel. Portable SQL for H2 and PostgreSQL, as V1.

-- A rule: defaults come from feeds/alerts.yml; rules edited or deleted through the API keep a flag
-- (and deleted ones a tombstone) so that the file does not overwrite or resurrect them.
CREATE TABLE alert_rule (
    id              VARCHAR(64)    NOT NULL PRIMARY KEY,
    kind            VARCHAR(32)    NOT NULL,
    label           VARCHAR(255),
    enabled         BOOLEAN        NOT NULL,
    -- Comma-separated topic ids the rule watches; NULL means every topic (every sensitive one for
    -- sensitive-announcement).
    topics          VARCHAR(4000),
    -- The kind's parameters as a JSON object (e.g. {"days": 7}).
    params          VARCHAR(4000)  NOT NULL,
    webhook_url     VARCHAR(2048),
    webhook_secret  VARCHAR(512),
    -- Comma-separated e-mail recipients.
    email_to        VARCHAR(4000),
    edited          BOOLEAN        NOT NULL DEFAULT FALSE,
    deleted         BOOLEAN        NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE alert_id_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE alert (
    id               BIGINT         NOT NULL PRIMARY KEY,
    -- Deterministic key of what triggered the alert (rule, topic, and the episode's first day or
    -- the grouping window's first document): unique, so that a restart, a re-import or a reindex
    -- can never raise the same alert twice.
    trigger_key      VARCHAR(400)   NOT NULL,
    rule_id          VARCHAR(64)    NOT NULL,
    kind             VARCHAR(32)    NOT NULL,
    topic            VARCHAR(64)    NOT NULL,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- When the trigger happened in the data: first document, first public document of a surge, or
    -- the moment a surge had gone unanswered for the rule's days.
    occurred_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    acknowledged_at  TIMESTAMP(6) WITH TIME ZONE,
    -- Raised by the one-time pass over history (README "Alerts"): stored and listed, never delivered.
    historical       BOOLEAN        NOT NULL,
    -- For document rules: documents published in [window_start, window_end) join this alert.
    window_start     TIMESTAMP(6) WITH TIME ZONE,
    window_end       TIMESTAMP(6) WITH TIME ZONE,
    explanation      VARCHAR(4000)  NOT NULL,
    -- The numbers behind the explanation, as a JSON object.
    numbers          VARCHAR(8000)  NOT NULL,
    CONSTRAINT alert_status_known CHECK (status IN ('new', 'acknowledged'))
);

CREATE UNIQUE INDEX alert_trigger_idx ON alert (trigger_key);
CREATE INDEX alert_occurred_idx ON alert (occurred_at, id);
CREATE INDEX alert_rule_topic_window_idx ON alert (rule_id, topic, window_start);

CREATE TABLE alert_document (
    alert_id     BIGINT        NOT NULL REFERENCES alert (id),
    document_id  BIGINT        NOT NULL REFERENCES document (id),
    -- announcement (the government document of a document rule or a trial balloon), evidence
    -- (public documents of a surge's peak day) or response (a late government answer).
    role         VARCHAR(16)   NOT NULL,
    -- rule|topic|document for the documents of document rules, NULL otherwise: a document joins at
    -- most one alert per rule and topic, however often it is announced again.
    once_key     VARCHAR(200),
    PRIMARY KEY (alert_id, document_id)
);

CREATE UNIQUE INDEX alert_document_once_idx ON alert_document (once_key);

CREATE SEQUENCE alert_delivery_id_seq START WITH 1 INCREMENT BY 50;

-- One row per alert and channel (webhook, email): failures are data, never lost silently.
CREATE TABLE alert_delivery (
    id               BIGINT         NOT NULL PRIMARY KEY,
    alert_id         BIGINT         NOT NULL REFERENCES alert (id),
    channel          VARCHAR(16)    NOT NULL,
    target           VARCHAR(4000)  NOT NULL,
    state            VARCHAR(16)    NOT NULL,
    attempts         INTEGER        NOT NULL DEFAULT 0,
    last_error       VARCHAR(2000),
    last_attempt_at  TIMESTAMP(6) WITH TIME ZONE,
    next_attempt_at  TIMESTAMP(6) WITH TIME ZONE,
    delivered_at     TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT alert_delivery_state_known CHECK (state IN ('pending', 'delivered', 'failed'))
);

CREATE INDEX alert_delivery_alert_idx ON alert_delivery (alert_id);
CREATE INDEX alert_delivery_due_idx ON alert_delivery (state, next_attempt_at);

-- Small named facts about alerting itself, e.g. whether the one-time pass over history ran.
CREATE TABLE alert_state (
    name        VARCHAR(64)    NOT NULL PRIMARY KEY,
    content     VARCHAR(255)   NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
