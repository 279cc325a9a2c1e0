-- Deduplication beyond URL and GUID (issue "Ingestion"), and registry fields of sources.

-- SHA-256 of the normalised title: the same title from the same source within a window is a re-post.
ALTER TABLE document ADD COLUMN title_key VARCHAR(64);
CREATE INDEX document_source_title_idx ON document (source_id, title_key);

-- MinHash signature of the body's word shingles (32 × 64-bit, hex) and its 8 LSH band keys: a
-- syndicated copy shares at least one band with its original with high probability, so each band
-- is an indexed look-up and only those candidates are compared.
ALTER TABLE document ADD COLUMN minhash VARCHAR(512);
ALTER TABLE document ADD COLUMN band0 INTEGER;
ALTER TABLE document ADD COLUMN band1 INTEGER;
ALTER TABLE document ADD COLUMN band2 INTEGER;
ALTER TABLE document ADD COLUMN band3 INTEGER;
ALTER TABLE document ADD COLUMN band4 INTEGER;
ALTER TABLE document ADD COLUMN band5 INTEGER;
ALTER TABLE document ADD COLUMN band6 INTEGER;
ALTER TABLE document ADD COLUMN band7 INTEGER;
CREATE INDEX document_band0_idx ON document (band0);
CREATE INDEX document_band1_idx ON document (band1);
CREATE INDEX document_band2_idx ON document (band2);
CREATE INDEX document_band3_idx ON document (band3);
CREATE INDEX document_band4_idx ON document (band4);
CREATE INDEX document_band5_idx ON document (band5);
CREATE INDEX document_band6_idx ON document (band6);
CREATE INDEX document_band7_idx ON document (band7);

-- Sources: what the last fetch brought, and registry bookkeeping (an API edit or delete survives
-- the next start's load of feeds/sources.yml).
ALTER TABLE source ADD COLUMN last_outcome VARCHAR(2000);
ALTER TABLE source ADD COLUMN edited BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE source ADD COLUMN deleted BOOLEAN DEFAULT FALSE NOT NULL;
