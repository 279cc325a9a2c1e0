package tyndau.index;

import java.util.Map;

/** Per-topic tone of a document (the tone of its sentences that mention the topic); implemented by the tone feature. */
public interface TopicTones {

    /** Topic id → tone, for the topics whose query some sentence of the row matches. */
    Map<String, Double> of(IndexSchema.Row row);

    /** The document's own tone, recomputed from its text with the current scorer. */
    double documentTone(IndexSchema.Row row);

    /** Changes when any score would change (scorer, lexicons, topic queries): the index is then re-scored. */
    String version();
}
