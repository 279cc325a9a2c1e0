-- Deduplication beyond URL and GUID (issue "Ingestion"), and registry fields of sources.

-- SHA-256 of the normalised title: the same title from the same source within a window is a re-post.
ALTER TABLE document ADD COLUMN title_key VARCHAR(64);
CREATE INDEX document_source_title_idx ON document (source_id, title_key);

-- 64-bit SimHash of the body's word shingles, and its four 16-bit blocks: two fingerprints within
-- Hamming distance 3 share at least one block exactly, so each block is an indexed look-up.
ALTER TABLE document ADD COLUMN simhash BIGINT;
ALTER TABLE document ADD COLUMN sim0 INTEGER;
ALTER TABLE document ADD COLUMN sim1 INTEGER;
ALTER TABLE document ADD COLUMN sim2 INTEGER;
ALTER TABLE document ADD COLUMN sim3 INTEGER;
CREATE INDEX document_sim0_idx ON document (sim0);
CREATE INDEX document_sim1_idx ON document (sim1);
CREATE INDEX document_sim2_idx ON document (sim2);
CREATE INDEX document_sim3_idx ON document (sim3);

-- Sources: what the last fetch brought, and registry bookkeeping (an API edit or delete survives
-- the next start's load of feeds/sources.yml).
ALTER TABLE source ADD COLUMN last_outcome VARCHAR(2000);
ALTER TABLE source ADD COLUMN edited BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE source ADD COLUMN deleted BOOLEAN DEFAULT FALSE NOT NULL;
