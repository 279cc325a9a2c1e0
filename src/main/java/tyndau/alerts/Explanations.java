package tyndau.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tyndau.document.Document;
import tyndau.responsiveness.Method;
import tyndau.responsiveness.ResponsivenessService.Episode;

/**
 * Why each alert fired: a sentence a person can read, and the numbers behind it (the threshold,
 * what was observed, counts, lags, days without an answer). {@code from}/{@code to} in the numbers
 * are the days the dashboard link shows.
 */
final class Explanations {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /** Days shown around what happened in the dashboard link. */
    static final int LINK_MARGIN_DAYS = 7;

    /** A sentence and its numbers. */
    record Explained(String text, Map<String, Object> numbers) {
    }

    private Explanations() {
    }

    static Explained announcement(String topic, String label, List<Document> docs, Instant windowStart, Instant windowEnd,
                                  Duration newsAge, ZoneId zone) {
        Document first = docs.get(0);
        Document last = docs.get(docs.size() - 1);
        StringBuilder s = new StringBuilder("The government published ");
        if (docs.size() == 1) {
            s.append("a document on the sensitive topic ").append(topicName(topic, label)).append(" at ")
                    .append(when(first.publishedAt, zone)).append(": ").append(cite(first)).append('.');
        } else {
            s.append(docs.size()).append(" documents on the sensitive topic ").append(topicName(topic, label))
                    .append(" between ").append(when(first.publishedAt, zone)).append(" and ").append(when(last.publishedAt, zone))
                    .append(", within ").append(hours(Duration.between(windowStart, windowEnd))).append(" h of the first: ")
                    .append(cite(first)).append('.');
        }
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("documents", docs.size());
        n.put("sources", docs.stream().map(d -> d.sourceId).distinct().toList());
        n.put("firstPublished", first.publishedAt);
        n.put("lastPublished", last.publishedAt);
        n.put("windowStart", windowStart);
        n.put("windowEnd", windowEnd);
        n.put("windowHours", hours(Duration.between(windowStart, windowEnd)));
        n.put("sensitive", true);
        n.put("newsAgeHours", hours(newsAge));
        range(n, day(windowStart, zone), day(windowEnd, zone));
        return new Explained(s.toString(), n);
    }

    /** New documents matching a saved search (a new-match rule); {@code total} counts those beyond the cited ones too. */
    static Explained newMatch(String searchId, String searchName, List<Document> docs, int total, ZoneId zone) {
        Document first = docs.get(0);
        Document last = docs.get(docs.size() - 1);
        String s = total == 1
                ? "A new document matches the saved search \"" + searchName + "\": " + cite(first) + ", published " + when(first.publishedAt, zone) + "."
                : total + " new documents match the saved search \"" + searchName + "\", published between " + when(first.publishedAt, zone)
                        + " and " + when(last.publishedAt, zone) + "; the first: " + cite(first) + ".";
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("documents", total);
        n.put("savedSearch", searchId);
        n.put("savedSearchName", searchName);
        n.put("firstPublished", first.publishedAt);
        n.put("lastPublished", last.publishedAt);
        n.put("sources", docs.stream().map(d -> d.sourceId).distinct().toList());
        return new Explained(s, n);
    }

    static Explained surge(String topic, String label, Episode e, Method.Params p) {
        StringBuilder s = new StringBuilder("Public attention to ").append(topicName(topic, label)).append(" surged from ")
                .append(e.onset()).append(": ").append(e.publicCount()).append(" public documents by ").append(e.end())
                .append(", peak robust z-score ").append(one(e.peakScore())).append(" on ").append(e.peak())
                .append(" (threshold ").append(one(p.threshold())).append(", at least ").append(p.minDocs())
                .append(" documents a day, baseline ").append(p.baselineDays()).append(" days).");
        if (e.response() == null) {
            s.append(" No government document on the topic has answered it yet.");
        } else {
            s.append(" The government answered after ").append(one(e.response().lagHours())).append(" h: ")
                    .append(e.response().source()).append(" \"").append(e.response().title()).append("\".");
        }
        Map<String, Object> n = episode(e, p);
        n.put("answered", e.response() != null);
        n.put("lagHours", e.response() == null ? null : e.response().lagHours());
        range(n, LocalDate.parse(e.onset()), LocalDate.parse(e.end()));
        return new Explained(s.toString(), n);
    }

    static Explained unanswered(String topic, String label, Episode e, Method.Params p, int days, Instant deadline,
                                Instant now, ZoneId zone) {
        StringBuilder s = new StringBuilder("The public surge on ").append(topicName(topic, label)).append(" that began ")
                .append(when(e.firstPublicAt(), zone)).append(" (").append(e.publicCount()).append(" public documents, peak robust z-score ")
                .append(one(e.peakScore())).append(" ≥ ").append(one(p.threshold())).append(") had no government document on the topic for ")
                .append(days).append(days == 1 ? " day" : " days").append(", until ").append(when(deadline, zone)).append('.');
        Instant until = now;
        if (e.response() != null) {
            s.append(" The first came after ").append(one(e.response().lagHours())).append(" h: ").append(e.response().source())
                    .append(" \"").append(e.response().title()).append("\".");
            until = e.response().at();
        } else {
            s.append(" None had come when this alert was raised.");
        }
        Map<String, Object> n = episode(e, p);
        n.put("days", days);
        n.put("deadline", deadline);
        n.put("responseDays", p.responseDays());
        n.put("hoursWithoutAnswer", hours(Duration.between(e.firstPublicAt(), until)));
        n.put("response", e.response() == null ? null
                : Map.of("id", e.response().id(), "at", e.response().at(), "lagHours", e.response().lagHours()));
        range(n, LocalDate.parse(e.onset()), day(deadline, zone));
        return new Explained(s.toString(), n);
    }

    static Explained balloon(String topic, String label, Episode e, Method.Params p, ZoneId zone) {
        double lag = hours(Duration.between(e.announcement().at(), e.firstPublicAt()));
        String s = "The government spoke first on " + topicName(topic, label) + ": " + e.announcement().source() + " \""
                + e.announcement().title() + "\" at " + when(e.announcement().at(), zone) + ". A public surge followed from "
                + day(e.firstPublicAt(), zone) + ", " + one(lag) + " h later (" + e.publicCount()
                + " public documents, peak robust z-score " + one(e.peakScore()) + " ≥ " + one(p.threshold())
                + "), within the " + p.balloonDays() + " days that make it a trial balloon.";
        Map<String, Object> n = episode(e, p);
        n.put("announcedAt", e.announcement().at());
        n.put("announcementId", e.announcement().id());
        n.put("reactionOnset", day(e.firstPublicAt(), zone).toString());
        n.put("lagHours", lag);
        n.put("balloonDays", p.balloonDays());
        range(n, LocalDate.parse(e.onset()), LocalDate.parse(e.end()));
        return new Explained(s, n);
    }

    /** One event among a wave's documents (issue 31): its id, the title of its first report there, and how many of them it has. */
    record WaveEvent(long id, String title, int documents) {
    }

    /** Shown at most by name in a sentence; the numbers list every one. */
    static final int EVENTS_NAMED = 5;

    /**
     * {@code why} naming the events its cited public documents report (a wave of many reports of one happening reads
     * as one event, not many), most reported first; unchanged when none has an event.
     */
    static Explained withEvents(Explained why, List<WaveEvent> events) {
        if (events.isEmpty()) {
            return why;
        }
        StringBuilder s = new StringBuilder(why.text()).append(" The public documents cited report ").append(events.size())
                .append(events.size() == 1 ? " event: " : " events: ");
        for (int i = 0; i < Math.min(EVENTS_NAMED, events.size()); i++) {
            WaveEvent w = events.get(i);
            s.append(i == 0 ? "" : "; ").append('"').append(w.title()).append("\" (event ").append(w.id()).append(", ")
                    .append(w.documents()).append(w.documents() == 1 ? " document)" : " documents)");
        }
        s.append(events.size() > EVENTS_NAMED ? "; and " + (events.size() - EVENTS_NAMED) + " more." : ".");
        Map<String, Object> n = new LinkedHashMap<>(why.numbers());
        n.put("events", events.stream().map(w -> Map.of("id", w.id(), "title", w.title() == null ? "" : w.title(),
                "documents", w.documents())).toList());
        return new Explained(s.toString(), n);
    }

    private static Map<String, Object> episode(Episode e, Method.Params p) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("onset", e.onset());
        n.put("peak", e.peak());
        n.put("end", e.end());
        n.put("firstPublicAt", e.firstPublicAt());
        n.put("publicCount", e.publicCount());
        n.put("peakScore", e.peakScore());
        n.put("threshold", p.threshold());
        n.put("minDocs", p.minDocs());
        n.put("baselineDays", p.baselineDays());
        n.put("publicTone", e.publicTone());
        return n;
    }

    private static void range(Map<String, Object> n, LocalDate from, LocalDate to) {
        n.put("from", from.minusDays(LINK_MARGIN_DAYS).toString());
        n.put("to", to.plusDays(LINK_MARGIN_DAYS).toString());
    }

    private static String topicName(String topic, String label) {
        return "\"" + (label == null ? topic : label) + "\" (" + topic + ")";
    }

    private static String cite(Document d) {
        return d.sourceId + " \"" + d.title + "\"";
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "an unknown time (undateable)" : MINUTE.format(at.atZone(zone)) + " " + zone.getId();
    }

    static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    static double hours(Duration d) {
        return Math.round(d.toMinutes() / 6.0) / 10.0;
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
