package tyndau.events;

import java.util.List;

/**
 * Where one report went: the event it joined or started ({@code created}), its score against that event
 * (0 for a new one), and the events this report bridged into it, which now redirect to {@code event}.
 */
public record Assignment(String report, long event, boolean created, double score, List<Long> absorbed) {
    public Assignment {
        absorbed = List.copyOf(absorbed);
    }
}
