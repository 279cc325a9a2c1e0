-- Issue 31: every document belongs to one event (tyndau.events). The id is given by the writer, in sequence order,
-- and never changes, except that a merge moves the absorbed event's rows to the survivor; the absorbed id then
-- answers through event_redirect. `event_version` is EventParameters.version() of the assignment, so a change of
-- parameters can tell which rows are out of date. Null only for rows stored before this migration or with events off.
ALTER TABLE document ADD COLUMN event_id BIGINT;
ALTER TABLE document ADD COLUMN event_version VARCHAR(40);
-- A merge moves rows by event id, and GET /api/events/{id} reads an event's rows.
CREATE INDEX document_event_idx ON document (event_id);

-- An absorbed event and the one it was merged into; seq: the sequence number of the report that bridged them (another
-- instance's assigner reloads when it sees a merge it did not make).
CREATE TABLE event_redirect (
    absorbed BIGINT PRIMARY KEY,
    survivor BIGINT NOT NULL,
    seq BIGINT NOT NULL
);
CREATE INDEX event_redirect_seq_idx ON event_redirect (seq);
