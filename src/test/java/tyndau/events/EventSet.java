package tyndau.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One file of {@code src/test/resources/events/}: its labelled reports, and its lookalike pairs from {@code lookalikes.tsv}. */
record EventSet(String name, List<Labelled> reports, List<List<String>> lookalikes) {
    record Labelled(Report report, String label) {
    }

    static EventSet load(String name) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> reports = new ArrayList<>();
        try (BufferedReader in = reader("/events/" + name + ".jsonl")) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                reports.add(new Labelled(new Report(n.get("id").asText(), n.get("lang").asText(),
                        OffsetDateTime.parse(n.get("published").asText()), n.get("source").asText(),
                        ReportSide.of(n.get("side").asText()), n.get("title").asText(), n.get("text").asText()),
                        n.get("event").asText()));
            }
        }
        reports.sort(Comparator.comparing((Labelled l) -> l.report().published().toInstant()).thenComparing(l -> l.report().id()));
        List<List<String>> pairs = new ArrayList<>();
        try (BufferedReader in = reader("/events/lookalikes.tsv")) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 3 || !f[0].equals(name)) {
                    continue;
                }
                pairs.add(List.of(f[1], f[2]));
            }
        }
        return new EventSet(name, List.copyOf(reports), List.copyOf(pairs));
    }

    /** Runs a fresh assigner over the reports in publication order; each report's final event (redirects followed). */
    Map<String, Long> assign(EventParameters parameters) {
        Fingerprinter fingerprinter = new Fingerprinter(parameters);
        EventAssigner assigner = new EventAssigner(parameters);
        Map<String, Long> out = new HashMap<>();
        for (Labelled l : reports) {
            out.put(l.report().id(), assigner.assign(fingerprinter.fingerprint(l.report())).event());
        }
        out.replaceAll((id, event) -> assigner.resolve(event));
        return out;
    }

    EventMetrics measure(EventParameters parameters) {
        return EventMetrics.of(gold(), assign(parameters), lookalikes);
    }

    /** As {@link #assign}, but each report arrives up to {@code maxDelayHours} late (seeded) and is taken in order of arrival. */
    Map<String, Long> assignDelayed(EventParameters parameters, int maxDelayHours, long seed) {
        java.util.Random random = new java.util.Random(seed);
        Map<Labelled, Long> arrival = new HashMap<>();
        for (Labelled l : reports) {
            arrival.put(l, l.report().published().toEpochSecond() + (long) (random.nextDouble() * maxDelayHours * 3600));
        }
        List<Labelled> order = new ArrayList<>(reports);
        order.sort(Comparator.comparing(arrival::get));
        Fingerprinter fingerprinter = new Fingerprinter(parameters);
        EventAssigner assigner = new EventAssigner(parameters);
        Map<String, Long> out = new HashMap<>();
        for (Labelled l : order) {
            out.put(l.report().id(), assigner.assign(fingerprinter.fingerprint(l.report())).event());
        }
        out.replaceAll((id, event) -> assigner.resolve(event));
        return out;
    }

    List<EventMetrics.Gold> gold() {
        return reports.stream().map(l -> new EventMetrics.Gold(l.report().id(), l.label(), l.report().lang())).toList();
    }

    private static BufferedReader reader(String resource) throws IOException {
        InputStream in = EventSet.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("missing test resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
