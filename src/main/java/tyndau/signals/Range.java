package tyndau.signals;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.http.ApiException;

/** A range of whole days in a time zone, from request parameters (both inclusive). */
public record Range(LocalDate from, LocalDate to, ZoneId zone) {

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public int days() {
        return (int) (to.toEpochDay() - from.toEpochDay() + 1);
    }

    /** Parses from / to / zone; a missing end defaults to the newest document's day, a missing start to {@code defaultDays} before it. */
    public static Range of(String from, String to, String zone, SignalsConfig config, LuceneIndex index) {
        ZoneId z;
        try {
            z = zone == null || zone.isBlank() ? config.timeZone() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("'zone' is not a time zone id such as Asia/Almaty or UTC");
        }
        LocalDate t = to == null || to.isBlank() ? newestDay(index, z) : day(to, "to");
        LocalDate f = from == null || from.isBlank() ? t.minusDays(config.defaultDays() - 1L) : day(from, "from");
        if (f.isAfter(t)) {
            throw ApiException.badRequest("'from' is after 'to'");
        }
        if (t.toEpochDay() - f.toEpochDay() > 366L * 20) {
            throw ApiException.badRequest("the range is longer than 20 years");
        }
        return new Range(f, t, z);
    }

    private static LocalDate day(String value, String name) {
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'" + name + "' must be a date, YYYY-MM-DD");
        }
    }

    private static LocalDate newestDay(LuceneIndex index, ZoneId zone) {
        return edgeDay(index, zone, true);
    }

    /** The day of the oldest dated document (today when none is dated): where "the whole range" begins. */
    public static LocalDate oldestDay(LuceneIndex index, ZoneId zone) {
        return edgeDay(index, zone, false);
    }

    private static LocalDate edgeDay(LuceneIndex index, ZoneId zone, boolean newest) {
        long missing = newest ? Long.MIN_VALUE : Long.MAX_VALUE;
        return index.withSearcher(s -> {
            SortField order = new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, newest);
            order.setMissingValue(missing);
            TopFieldDocs top = s.search(new MatchAllDocsQuery(), 1, new Sort(order));
            if (top.scoreDocs.length == 0) {
                return LocalDate.now(zone);
            }
            Object v = ((org.apache.lucene.search.FieldDoc) top.scoreDocs[0]).fields[0];
            long ms = ((Number) v).longValue();
            return ms == missing ? LocalDate.now(zone) : Instant.ofEpochMilli(ms).atZone(zone).toLocalDate();
        });
    }
}
