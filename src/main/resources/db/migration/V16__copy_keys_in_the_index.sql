-- The LSH band keys are looked up in the Lucene index now (IndexSchema.BAND, tyndau.document.IndexedPrints);
-- the table keeps the columns, from which the index is rebuilt, and reads the rows the index does not hold yet by
-- sequence number. Eight B-trees were about half the cost of an insert.
DROP INDEX document_band0_idx;
DROP INDEX document_band1_idx;
DROP INDEX document_band2_idx;
DROP INDEX document_band3_idx;
DROP INDEX document_band4_idx;
DROP INDEX document_band5_idx;
DROP INDEX document_band6_idx;
DROP INDEX document_band7_idx;
