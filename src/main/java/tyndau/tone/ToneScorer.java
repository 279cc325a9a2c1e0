package tyndau.tone;

import java.util.List;

/** Scores the tone of a text in [-1, 1]; one interface so that a better model can replace the lexicon one. */
public interface ToneScorer {

    /**
     * The tone of one sentence: its character span in the text and its score; {@code toned} false when
     * nothing in it could be read; {@code lexicon}, what the lexicon alone made of it (the article's reading
     * weighs both, {@link ArticleTone}).
     */
    record SentenceTone(int start, int end, double score, boolean toned, double lexicon) {
        public SentenceTone(int start, int end, double score) {
            this(start, end, score, true, score);
        }

        public SentenceTone(int start, int end, double score, boolean toned) {
            this(start, end, score, toned, score);
        }
    }

    /**
     * A text's tone and the sentence tones it came from; {@code toned} false when the scorer could read
     * nothing in it (no signal is not neutral: such a text is left out of tone averages).
     */
    record Tone(double score, List<SentenceTone> sentences, boolean toned) {
        public Tone(double score, List<SentenceTone> sentences) {
            this(score, sentences, true);
        }
    }

    Tone score(String text, String language);

    /** Changes whenever scores would change (lexicons, rules): a new version re-scores stored documents. */
    String version();
}
