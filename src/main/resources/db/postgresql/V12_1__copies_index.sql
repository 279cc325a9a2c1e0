-- PostgreSQL only: it does not index a foreign key by itself (H2 does), and the document view lists a
-- document's copies by `duplicate_of`, which read the whole table.
CREATE INDEX document_duplicate_of_idx ON document (duplicate_of);
