-- A saved search keeps the article-tone filter of GET /api/search (tone=negative,neutral…; issue 27).
ALTER TABLE saved_search ADD COLUMN tone VARCHAR(200);
