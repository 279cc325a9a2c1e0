-- A topic's label in several languages (README "Dashboard"): a JSON object such as {"kk":…,"ru":…,"en":…};
-- NULL when the topic has one label, which stays in topic.label (also the default shown to API clients
-- that read one string).
ALTER TABLE topic ADD COLUMN labels VARCHAR(2000);
