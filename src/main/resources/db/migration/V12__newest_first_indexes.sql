-- Listings read newest first with undateable rows last (`published_at DESC NULLS LAST, id DESC`). The
-- indexes in ascending order served that on H2, but PostgreSQL reads a B-tree backwards with NULLs
-- first, so it sorted the whole table (or the whole source) for every page: indexes in the listing's
-- own order are an index range on both. Range and min() look-ups on published_at use them as well.
CREATE INDEX document_newest_idx ON document (published_at DESC NULLS LAST, id DESC);
CREATE INDEX document_source_newest_idx ON document (source_id, published_at DESC NULLS LAST, id DESC);
DROP INDEX document_published_idx;
DROP INDEX document_source_published_idx;
