package tyndau.tone;

import java.util.List;

/** Scores the tone of a text in [-1, 1]; one interface so that a better model can replace the lexicon one. */
public interface ToneScorer {

    /** The tone of one sentence: its character span in the text and its score. */
    record SentenceTone(int start, int end, double score) {
    }

    /** A text's tone and the sentence tones it came from. */
    record Tone(double score, List<SentenceTone> sentences) {
    }

    Tone score(String text, String language);

    /** Changes whenever scores would change (lexicons, rules): a new version re-scores stored documents. */
    String version();
}
