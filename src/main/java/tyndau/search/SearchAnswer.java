package tyndau.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A page of hits with their highlights, and facet counts over all hits; {@code partial} when the
 * search ran out of time ({@code tyndau.search.timeout}) and the counts cover only what it reached.
 */
public record SearchAnswer(long total, int page, int size, String sort, List<Hit> items,
                           Map<String, Map<String, Long>> facets, boolean partial) {

    /** One hit; {@code snippet} is HTML-escaped text with matches wrapped in {@code <mark>}; {@code toneLabel}, {@code toneConfidence}: tyndau.document.ToneReading; {@code event}: the event it reports (issue 31). */
    public record Hit(long id, String source, String role, String side, String language, String url, String title,
                      Instant published, boolean undateable, Double tone, String toneLabel, Double toneConfidence,
                      List<String> topics, String snippet, Float score, Long event) {
    }
}
