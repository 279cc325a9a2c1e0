package tyndau.ingest.feeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warnings of one parse: repeated kinds are folded into one line with a count and the first place
 * they occurred, and the list is capped, so a 20,000-item feed with a bad date in each item yields a
 * readable list rather than 20,000 lines.
 */
final class Warnings {
    static final int MAX = 50;

    private record Kind(String first, int count, String where) {
    }

    private final Map<String, Kind> folded = new LinkedHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private int dropped;

    /** A one-off warning. */
    void add(String warning) {
        if (lines.size() + folded.size() < MAX) {
            lines.add(warning);
        } else {
            dropped++;
        }
    }

    /** A warning of a kind that may repeat; {@code where} is said for the first occurrence only. */
    void fold(String kind, String where) {
        Kind k = folded.get(kind);
        if (k != null) {
            folded.put(kind, new Kind(k.first, k.count + 1, k.where));
        } else if (lines.size() + folded.size() < MAX) {
            folded.put(kind, new Kind(kind, 1, where));
        } else {
            dropped++;
        }
    }

    List<String> list() {
        List<String> out = new ArrayList<>();
        for (Kind k : folded.values()) {
            out.add(k.count == 1 ? k.first + " at " + k.where
                    : k.first + " (" + k.count + " times, first at " + k.where + ")");
        }
        out.addAll(lines);
        if (dropped > 0) {
            out.add(dropped + " more warnings not listed");
        }
        return out;
    }
}
