package tyndau.document;

/**
 * The one reading of a document's text (implemented by the tone feature, which owns tone and
 * topic results): asked by the document writer before storing, and by the index only for rows it
 * did not receive from the writer (catch-up after a restart, rebuilds after a topic edit).
 */
public interface Analyser {

    /**
     * Reads {@code row}; its stored tone is kept unless it has none or {@code rescore} is true
     * (the scorer changed).
     */
    Analysis analyse(DocumentRow row, boolean rescore);

    /** A sentence that carried a topic's tone: its span in the document's text (title, blank line, body), its words and its tone. */
    record TopicSentence(int start, int end, String text, double tone) {
    }

    /**
     * For each topic {@code row} matches, the toned sentences that match the topic on their own: what its
     * topic tone is the mean of (the document view shows them). Read again on request, like the tone's words.
     */
    java.util.Map<String, java.util.List<TopicSentence>> topicSentences(DocumentRow row);

    /** Changes when any result would change (scorer, lexicons, topic queries): the index is then re-read. */
    String version();

    /**
     * The part of {@link #version()} that is not the topics (scorer, lexicons, analysers): when only the topics
     * changed, only the documents of the changed topics need reading again.
     */
    String scoringVersion();

    /** The topic queries results depend on, id → query text. */
    java.util.Map<String, String> topicQueries();
}
