-- Why a stored document was linked to an original (DESIGN "Nothing accepted is lost"): the body's
-- MinHash similarity, or the same title and text. Null when the document is not a copy.
ALTER TABLE document ADD COLUMN duplicate_reason VARCHAR(200);

-- Titles are no longer looked up (a shared title alone never makes a copy): the index only cost inserts.
DROP INDEX document_source_title_idx;
