package tyndau.ingest.scrape;

/**
 * A source's CSS selectors for its HTML pages, each optional (null): {@code links} finds article links
 * on the list page; {@code title}, {@code date}, {@code body} and {@code author} find those parts of
 * an article page. A selector that is missing, invalid or matches nothing falls back to the general
 * rules. Jackson reads it from a source's {@code selectors} object.
 */
public record Selectors(String links, String title, String date, String body, String author) {
    /** No selectors: everything by the general rules. */
    public static final Selectors NONE = new Selectors(null, null, null, null, null);

    /** Reads a source's stored {@code selectors} JSON (null when it has none); unreadable JSON is an IllegalArgumentException. */
    public static Selectors fromJson(String json, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, Selectors.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("the source's selectors are not readable: " + e.getMessage(), e);
        }
    }
}
