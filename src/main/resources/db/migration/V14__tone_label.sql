-- A document's tone read as the label a reader would give the whole article, and how sure that
-- reading is (issue 27; tyndau.tone.ArticleTone): computed once with the tone, stored with it, and
-- null where the tone is (nothing could be read). Existing rows get theirs when the index re-scores
-- them on the next start (the analysis version changed).
ALTER TABLE document ADD COLUMN tone_label VARCHAR(8);
ALTER TABLE document ADD COLUMN tone_confidence DOUBLE PRECISION;
