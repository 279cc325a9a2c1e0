-- The listing's query plans on PostgreSQL with the indexes before and after migration V12, on 400,000
-- generated rows (half of them one source, 1 % undateable). Run in an empty scratch database:
--   psql -d scratch -f src/test/resources/bench/listing-plans.sql
CREATE TABLE document (id BIGINT PRIMARY KEY, source_id VARCHAR(64) NOT NULL, published_at TIMESTAMP(6) WITH TIME ZONE,
    undateable BOOLEAN NOT NULL, body VARCHAR(100000));
INSERT INTO document SELECT i, CASE WHEN i % 2 = 0 THEN 'big' ELSE 's' || (i % 40) END,
    CASE WHEN i % 100 = 0 THEN NULL ELSE timestamptz '2020-01-01' + i * interval '1 minute' END, i % 100 = 0, md5(i::text)
    FROM generate_series(1, 400000) i;
CREATE INDEX document_published_idx ON document (published_at, id);
CREATE INDEX document_source_published_idx ON document (source_id, published_at, id);
ANALYZE document;
\echo 'before V12'
EXPLAIN ANALYZE SELECT * FROM document WHERE source_id = 'big' ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 20;
EXPLAIN ANALYZE SELECT * FROM document ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 20 OFFSET 40;
CREATE INDEX document_newest_idx ON document (published_at DESC NULLS LAST, id DESC);
CREATE INDEX document_source_newest_idx ON document (source_id, published_at DESC NULLS LAST, id DESC);
DROP INDEX document_published_idx;
DROP INDEX document_source_published_idx;
ANALYZE document;
\echo 'after V12'
EXPLAIN ANALYZE SELECT * FROM document WHERE source_id = 'big' ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 20;
EXPLAIN ANALYZE SELECT * FROM document ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 20 OFFSET 40;
EXPLAIN ANALYZE SELECT min(published_at) FROM document;
DROP TABLE document;
