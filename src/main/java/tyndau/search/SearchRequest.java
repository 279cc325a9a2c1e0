package tyndau.search;

/** The filters and paging of {@code GET /api/search}; every field is optional. */
public record SearchRequest(String q, String topic, String side, String role, String lang, String source,
                            String from, String to, String sort, int page, int size) {
}
