package tyndau.document;

import java.util.List;

/** Which words pushed a text's tone, and how far (the document view shows them); tyndau.tone.LexiconToneScorer implements it. */
public interface ToneExplainer {

    /** A word and its contribution to the tone (negation and intensifiers applied). */
    record ToneWord(String word, double weight) {
    }

    /** The words that pushed the tone of {@code text}, strongest first, at most {@code limit}. */
    List<ToneWord> explain(String text, String language, int limit);
}
