package tyndau.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tyndau.http.ApiException;

/**
 * A timeline's range: whole days in a time zone, both ends inclusive, read from request parameters, and the
 * buckets days fall into. Ranges that name both ends never look at the index, so none is opened here.
 */
class RangeTest {

    static SignalsConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(SignalsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build().getConfigMapping(SignalsConfig.class);
    }

    static final SignalsConfig DEFAULTS = config(Map.of());

    static String refusal(String from, String to, String zone) {
        ApiException e = assertThrows(ApiException.class, () -> Range.of(from, to, zone, DEFAULTS, null));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    @Test
    void daysBeginInAlmatyUnlessTheRequestNamesAZone() {
        assertEquals(ZoneId.of("Asia/Almaty"), DEFAULTS.timeZone());
        Range almaty = Range.of("2023-02-06", "2023-02-12", null, DEFAULTS, null);
        assertEquals(Instant.parse("2023-02-05T18:00:00Z"), almaty.start(), "midnight in Almaty, UTC+6 in 2023");
        assertEquals(Instant.parse("2023-02-12T18:00:00Z"), almaty.end(), "the first instant after the last day");
        assertEquals(7, almaty.days());

        Range utc = Range.of("2023-02-06", "2023-02-12", "UTC", DEFAULTS, null);
        assertEquals(Instant.parse("2023-02-06T00:00:00Z"), utc.start());
        assertEquals(Instant.parse("2023-02-13T00:00:00Z"), utc.end());
        assertEquals(ZoneId.of("Europe/Moscow"), Range.of("2023-02-06", "2023-02-06", " ", config(
                Map.of("tyndau.signals.time-zone", "Europe/Moscow")), null).zone(), "a blank zone is the configured one");
    }

    @Test
    void oneDayIsARangeAndATimestampCountsAsItsDay() {
        Range r = Range.of("2023-02-06T23:59:59+06:00", "2023-02-06T00:00:00Z", "UTC", DEFAULTS, null);
        assertEquals(LocalDate.of(2023, 2, 6), r.from());
        assertEquals(LocalDate.of(2023, 2, 6), r.to());
        assertEquals(1, r.days());
    }

    @Test
    void withoutAStartTheRangeIsTheConfiguredNumberOfDaysEndingOnTo() {
        assertEquals(365, DEFAULTS.defaultDays());
        Range year = Range.of(null, "2023-12-31", null, DEFAULTS, null);
        assertEquals(LocalDate.of(2023, 1, 1), year.from());
        assertEquals(365, year.days());
        Range week = Range.of("", "2023-02-12", null, config(Map.of("tyndau.signals.default-days", "7")), null);
        assertEquals(LocalDate.of(2023, 2, 6), week.from());
    }

    @Test
    void badParametersAreA400NamingThem() {
        assertEquals("'from' must be a date, YYYY-MM-DD", refusal("2023-13-01", "2023-12-31", null));
        assertEquals("'to' must be a date, YYYY-MM-DD", refusal("2023-01-01", "yesterday", null));
        assertEquals("'zone' is not a time zone id such as Asia/Almaty or UTC", refusal("2023-01-01", "2023-01-02", "Mars/Olympus"));
        assertEquals("'from' is after 'to'", refusal("2023-02-07", "2023-02-06", null));
        assertEquals("the range is longer than 20 years", refusal("2000-01-01", "2021-01-01", null));
        assertEquals(7306, Range.of("2000-01-01", "2020-01-01", null, DEFAULTS, null).days(), "twenty years is allowed");
    }

    @Test
    void weeksBeginOnMondayAndMonthsOnTheFirst() {
        LocalDate sunday = LocalDate.of(2023, 2, 12);
        LocalDate monday = LocalDate.of(2023, 2, 6);
        assertEquals(monday, TimelineService.bucketOf(sunday, "week"));
        assertEquals(monday, TimelineService.bucketOf(monday, "week"));
        assertEquals(LocalDate.of(2023, 2, 13), TimelineService.bucketOf(sunday.plusDays(1), "week"));
        assertEquals(LocalDate.of(2023, 2, 1), TimelineService.bucketOf(sunday, "month"));
        assertEquals(sunday, TimelineService.bucketOf(sunday, "day"));
    }
}
