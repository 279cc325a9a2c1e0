package tyndau.document;

import java.util.List;
import java.util.Map;

/**
 * What the one reading of a document finds (docs/architecture.md, "Analyse once"): its tone, the topics it
 * matches, and its tone about each topic (the sentences that mention it; absent when the topic is
 * matched only across sentences), and the whole article's tone as a label with its confidence
 * ({@code reading}). A null tone: the scorer could read nothing in it (not neutral), and no reading. Computed once and carried to the database, the index and alerts.
 */
public record Analysis(Double tone, ToneReading reading, List<String> topics, Map<String, Double> topicTones) {
}
