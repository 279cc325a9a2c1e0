-- A batch's GUIDs are looked up with one `guid = ANY(?)` over every source: an index led by the
-- source could not serve it, so each batch of a feed read the whole index. Led by the GUID, it is an
-- index look-up per GUID.
CREATE INDEX document_guid_idx ON document (guid, source_id);
DROP INDEX document_source_guid_idx;
