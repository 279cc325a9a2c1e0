package tyndau.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tue, 07 Feb 2023 10:00:00 +0600         | 2023-02-07T04:00:00Z",
        "Wed, 07 Feb 2023 10:00:00 +0600         | 2023-02-07T04:00:00Z",
        "7 Feb 2023 10:00 GMT                    | 2023-02-07T10:00:00Z",
        "Tuesday, 7 February 2023 10:00:00 EST   | 2023-02-07T15:00:00Z",
        "Tue, 07 Feb 23 10:00:00 GMT+3           | 2023-02-07T07:00:00Z",
        "Tue, 07-Feb-2023 10:00:00 +06:00        | 2023-02-07T04:00:00Z",
        "Feb 7, 2023 10:00 PM PST                | 2023-02-08T06:00:00Z",
        "Tue, 07 Feb 2023 10:00:00 MSK           | 2023-02-07T07:00:00Z",
        "2023-02-07T10:00:00+0600                | 2023-02-07T04:00:00Z",
        "2023-02-07 10:00:00+06                  | 2023-02-07T04:00:00Z",
        "2023-02-07T10:00:00.123456789Z          | 2023-02-07T10:00:00.123456789Z",
        "2023-02-07T10:00Z                       | 2023-02-07T10:00:00Z",
        "2023/02/07 10:00:00 +0600               | 2023-02-07T04:00:00Z",
        "07.02.2023 10:00 +0600                  | 2023-02-07T04:00:00Z",
        "Вт, 07 фев 2023 10:00:00 +0600          | 2023-02-07T04:00:00Z",
        "10 апреля 2024 15:57 +0500              | 2024-04-10T10:57:00Z",
        "12 наурыз 2023 09:00 +0600              | 2023-03-12T03:00:00Z",
    })
    void readsOddButRecognisableDates(String raw, String expected) {
        FeedDates.Reading r = FeedDates.parse(raw).orElseThrow(() -> new AssertionError("unread: " + raw));
        assertEquals(Instant.parse(expected), r.instant());
        assertFalse(r.zoneAssumed(), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-07", "2023-02-07 10:00", "Tue, 07 Feb 2023 10:00:00", "7 February 2023"})
    void readsDatesWithoutZoneAsUtcAndSaysSo(String raw) {
        FeedDates.Reading r = FeedDates.parse(raw).orElseThrow();
        assertTrue(r.zoneAssumed(), raw);
        assertEquals("2023-02-07", r.instant().toString().substring(0, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "foo", "sometime last week", "yesterday", "2023-13-45", "31 Feb 2023", "02/07/2023", "Feb 2023", "12:00"})
    void refusesWhatIsNoDate(String raw) {
        assertTrue(FeedDates.parse(raw).isEmpty(), raw);
    }
}
