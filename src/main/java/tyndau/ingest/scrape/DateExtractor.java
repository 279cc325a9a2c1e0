package tyndau.ingest.scrape;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The publication time of an article page, from (in order) the source's date selector, publication
 * metadata ({@code article:published_time} and kin), JSON-LD {@code datePublished}, {@code <time datetime>},
 * and finally the visible text in English, Russian or Kazakh, relative forms included. Times without an
 * offset are local to the source's zone. No date is better than a wrong one: nothing found means
 * empty (the document is undateable, never stamped with the fetch time), and dates before 1990 or more
 * than two days ahead of now are discarded as absurd.
 */
public final class DateExtractor {
    static final int MAX_DAYS_AHEAD = 2;
    static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    /**
     * A publication time and where it came from: "selector", "meta:&lt;name&gt;" (e.g.
     * "meta:article:published_time"), "json-ld", "time" or "text".
     */
    public record Found(Instant published, String source) {
    }

    private DateExtractor() {
    }

    /**
     * @param dateSelector CSS selector of the element holding the date, or null; an invalid or missing
     *                     one is passed over for the general rules
     */
    public static Optional<Found> find(Document doc, String dateSelector, ZoneId zone, Instant now) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        Plausible plausible = new Plausible(zone, now);
        return DateSources.fromSelector(doc, dateSelector, plausible)
                .or(() -> DateSources.fromMeta(doc, plausible))
                .or(() -> JsonLd.of(doc).articleField("datePublished")
                        .flatMap(plausible::timestamp).map(at -> new Found(at, "json-ld")))
                .or(() -> DateSources.fromTimeElements(doc, plausible))
                .or(() -> DateSources.fromVisibleText(doc, plausible));
    }

    /**
     * A date in human text ("10 апреля 2024 15:57", "2023 жылғы 12 наурыз", "March 12, 2023",
     * "Вчера 10:01", "3 сағат бұрын", "2 hours ago" …) or a machine timestamp, resolved against
     * {@code now} in {@code zone}; empty when there is none or it is absurd.
     */
    public static Optional<Instant> parseText(String text, ZoneId zone, Instant now) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        return new Plausible(zone, now).anything(text);
    }

    /** Parsing with the plausibility bounds applied to every reading. */
    static final class Plausible {
        private final ZoneId zone;
        private final ZonedDateTime now;
        private final Instant latest;

        Plausible(ZoneId zone, Instant now) {
            this.zone = zone;
            this.now = now.atZone(zone);
            this.latest = now.plus(MAX_DAYS_AHEAD, ChronoUnit.DAYS);
        }

        Optional<Instant> timestamp(String raw) {
            return Timestamps.parse(raw, zone).filter(this::ok);
        }

        Optional<Instant> text(String raw) {
            if (raw == null || raw.isBlank()) {
                return Optional.empty();
            }
            String text = raw.replace('\u00A0', ' ');
            // An absolute date is the more precise where a block holds both ("12.03.2023, 2 часа назад").
            return TextDates.parse(text, zone, now).map(ZonedDateTime::toInstant).filter(this::ok)
                    .or(() -> RelativeDates.parse(text, now).map(ZonedDateTime::toInstant).filter(this::ok));
        }

        Optional<Instant> anything(String raw) {
            return timestamp(raw).or(() -> text(raw));
        }

        Optional<Instant> ofElement(Element e) {
            for (String attr : new String[] {"datetime", "content", "data-datetime", "data-date", "title"}) {
                if (e.hasAttr(attr)) {
                    Optional<Instant> at = anything(e.attr(attr));
                    if (at.isPresent()) {
                        return at;
                    }
                }
            }
            return text(e.text());
        }

        private boolean ok(Instant at) {
            return !at.isBefore(EARLIEST) && !at.isAfter(latest);
        }
    }
}
