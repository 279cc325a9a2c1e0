package tyndau.events;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a grouping of reports compares with the hand-made one: B-cubed precision and recall (Bagga and
 * Baldwin 1998: for each report, the share of its predicted event that shares its label, and the share of
 * its labelled event that shares its predicted event; averaged over reports), the share of multi-language
 * events whose languages all met in one predicted event, and the lookalike pairs that were kept apart.
 */
record EventMetrics(double precision, double recall, int multiLanguage, int joined, int lookalikes, int apart,
        List<String> merged) {

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    double crossLanguage() {
        return multiLanguage == 0 ? 1 : (double) joined / multiLanguage;
    }

    /** One labelled report: its id, label and language. */
    record Gold(String id, String label, String lang) {
    }

    static EventMetrics of(List<Gold> gold, Map<String, Long> predicted, List<List<String>> lookalikePairs) {
        Map<String, Set<String>> byLabel = new HashMap<>();
        Map<Long, Set<String>> byEvent = new HashMap<>();
        Map<String, Gold> byId = new HashMap<>();
        for (Gold g : gold) {
            byLabel.computeIfAbsent(g.label(), k -> new HashSet<>()).add(g.id());
            byEvent.computeIfAbsent(predicted.get(g.id()), k -> new HashSet<>()).add(g.id());
            byId.put(g.id(), g);
        }
        double p = 0;
        double r = 0;
        for (Gold g : gold) {
            Set<String> cluster = byEvent.get(predicted.get(g.id()));
            Set<String> label = byLabel.get(g.label());
            long both = cluster.stream().filter(label::contains).count();
            p += (double) both / cluster.size();
            r += (double) both / label.size();
        }
        int multi = 0;
        int joined = 0;
        for (Map.Entry<String, Set<String>> e : byLabel.entrySet()) {
            Set<String> langs = new HashSet<>();
            e.getValue().forEach(id -> langs.add(byId.get(id).lang()));
            if (langs.size() < 2) {
                continue;
            }
            multi++;
            boolean all = false;
            for (String id : e.getValue()) {
                Set<String> met = new HashSet<>();
                for (String other : byEvent.get(predicted.get(id))) {
                    if (e.getValue().contains(other)) {
                        met.add(byId.get(other).lang());
                    }
                }
                all |= met.equals(langs);
            }
            joined += all ? 1 : 0;
        }
        int apart = 0;
        List<String> merged = new java.util.ArrayList<>();
        for (List<String> pair : lookalikePairs) {
            Set<Long> a = new HashSet<>();
            byLabel.get(pair.get(0)).forEach(id -> a.add(predicted.get(id)));
            boolean together = byLabel.get(pair.get(1)).stream().anyMatch(id -> a.contains(predicted.get(id)));
            if (together) {
                merged.add(pair.get(0) + " + " + pair.get(1));
            } else {
                apart++;
            }
        }
        return new EventMetrics(p / gold.size(), r / gold.size(), multi, joined, lookalikePairs.size(), apart, merged);
    }
}
