-- An alert's subject is a topic id or, for a rule watching a saved search, "search:" and the search's id.
ALTER TABLE alert ALTER COLUMN topic SET DATA TYPE VARCHAR(80);
