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

    /** Changes when any result would change (scorer, lexicons, topic queries): the index is then re-read. */
    String version();
}
