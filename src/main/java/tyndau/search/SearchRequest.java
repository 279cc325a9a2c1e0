package tyndau.search;

/** The filters and paging of {@code GET /api/search}; every field is optional; {@code tone}: article labels (toneLabel), comma-separated. */
public record SearchRequest(String q, String topic, String side, String role, String lang, String source,
                            String from, String to, String sort, int page, int size, String tone) {

    public SearchRequest(String q, String topic, String side, String role, String lang, String source,
                         String from, String to, String sort, int page, int size) {
        this(q, topic, side, role, lang, source, from, to, sort, page, size, null);
    }
}
