package tyndau.ingest.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tyndau.ingest.scrape.Fixtures.ALMATY;
import static tyndau.ingest.scrape.Fixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates read with now = 2024-04-11 11:00 in Almaty (06:00 UTC). */
class DateExtractorTest {

    static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    static Optional<Instant> parse(String text) {
        return DateExtractor.parseText(text, ALMATY, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10 апреля 2024 15:57                 | 2024-04-10T15:57",
        "10 апреля 2024 г., 15:57             | 2024-04-10T15:57",
        "15:57, 10 апреля 2024                | 2024-04-10T15:57",
        "Опубликовано: 2 марта 2024 года в 09:05 | 2024-03-02T09:05",
        "10 апр. 2024                         | 2024-04-10T00:00",
        "10 апреля 2024 13:57 МСК             | 2024-04-10T15:57",
        "10 April 2024 10:57 (UTC)            | 2024-04-10T15:57",
        "10.04.2024 16:57 (UTC+6)             | 2024-04-10T15:57",
        "3/29/2024 11:57 PM PDT               | 2024-03-30T11:57",
        "1 мая 2023                           | 2023-05-01T00:00",
        "12 наурыз 2023                       | 2023-03-12T00:00",
        "12 наурыз 2023 ж.                    | 2023-03-12T00:00",
        "2023 жылғы 12 наурыз                 | 2023-03-12T00:00",
        "2023 жылы 5 шілдеде, 14:30           | 2023-07-05T14:30",
        "2023 ж. 28 қыркүйек                  | 2023-09-28T00:00",
        "10 сəуiр 2024                        | 2024-04-10T00:00",
        "12.03.2023                           | 2023-03-12T00:00",
        "12.03.2023 18:40                     | 2023-03-12T18:40",
        "12.03.23                             | 2023-03-12T00:00",
        "2023-03-12                           | 2023-03-12T00:00",
        "25/12/2023                           | 2023-12-25T00:00",
        "March 12, 2023                       | 2023-03-12T00:00",
        "12 March 2023                        | 2023-03-12T00:00",
        "Sunday, 12th March 2023              | 2023-03-12T00:00",
        "Mar 12, 2023 3:15 PM                 | 2023-03-12T15:15",
        "Sept. 5, 2023, 11:00 a.m.            | 2023-09-05T11:00",
        "10 апреля, 15:57                     | 2024-04-10T15:57",
        "15 мая, 12:00                        | 2023-05-15T12:00",
        "Вчера 10:01                          | 2024-04-10T10:01",
        "вчера в 18:30                        | 2024-04-10T18:30",
        "Сегодня, 09:15                       | 2024-04-11T09:15",
        "позавчера                            | 2024-04-09T00:00",
        "кеше                                 | 2024-04-10T00:00",
        "Кеше, 18:20                          | 2024-04-10T18:20",
        "бүгін 09:00                          | 2024-04-11T09:00",
        "yesterday                            | 2024-04-10T00:00",
        "Yesterday at 10:01                   | 2024-04-10T10:01",
        "today 08:00                          | 2024-04-11T08:00",
    })
    void readsHumanDatesInTheSourceZone(String text, String expectedLocal) {
        assertEquals(Optional.of(almaty(expectedLocal)), parse(text.trim()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2 часа назад     | PT2H",
        "5 минут назад    | PT5M",
        "минуту назад     | PT1M",
        "час назад        | PT1H",
        "3 дня назад      | PT72H",
        "3 сағат бұрын    | PT3H",
        "10 минут бұрын   | PT10M",
        "2 күн бұрын      | PT48H",
        "2 hours ago      | PT2H",
        "an hour ago      | PT1H",
        "5 mins ago       | PT5M",
        "just now         | PT0S",
    })
    void readsAgoFormsAgainstNow(String text, String ago) {
        assertEquals(Optional.of(NOW.minus(Duration.parse(ago))), parse(text.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-04-10T15:57:00+05:00", "2024-04-10 15:57:00", "2024-04-10T10:57:00.000Z",
        "2024-04-10 15:57:00 +0500", "Wed, 10 Apr 2024 10:57:00 GMT", "1712746620"})
    void readsMachineTimestamps(String raw) {
        assertEquals(Optional.of(almaty("2024-04-10T15:57")), parse(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "no date here", "5 минут", "3 сағат", "Moscow 12", "12.03.1985",
        "1 January 1970", "12 марта 2030", "2024-04-14", "32 марта 2023", "30.02.2023", "03/04/2023", "25:61 вчера 99"})
    void findsNothingWhereThereIsNoPlausibleDate(String text) {
        Optional<Instant> got = parse(text);
        if (text.equals("25:61 вчера 99")) {
            // "вчера" is a date; the impossible time beside it is not read as one.
            assertEquals(Optional.of(almaty("2024-04-10T00:00")), got);
        } else {
            assertEquals(Optional.empty(), got, text);
        }
    }

    @Test
    void possessiveDayWordIsNotADate() {
        assertEquals(Optional.empty(), parse("Today's Paper"));
        assertEquals(Optional.empty(), parse("Today’s Top Headlines"));
    }

    @Test
    void dateAtTheFutureBoundIsAccepted() {
        assertEquals(Optional.of(almaty("2024-04-13T00:00")), parse("13 апреля 2024"));
    }

    @Test
    void localTimesFollowTheSourceZone() {
        assertEquals(Optional.of(Instant.parse("2024-04-10T15:57:00Z")),
                DateExtractor.parseText("10 апреля 2024 15:57", ZoneOffset.UTC, NOW));
        assertEquals(Optional.of(Instant.parse("2024-04-10T12:57:00Z")),
                DateExtractor.parseText("10 апреля 2024 15:57", java.time.ZoneId.of("Europe/Moscow"), NOW));
    }

    static Optional<DateExtractor.Found> find(String html, String selector) {
        Document doc = Jsoup.parse(html, "https://example.kz/a");
        return DateExtractor.find(doc, selector, ALMATY, NOW);
    }

    @Test
    void publishedTimeMetaComesFirst() {
        String html = "<meta property='article:modified_time' content='2024-04-10T12:00:00+05:00'>"
                + "<meta property='article:published_time' content='2024-04-09T08:00:00+05:00'>"
                + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-01-01\"}</script>"
                + "<time datetime='2024-02-02'>2 Feb</time>";
        assertEquals(Optional.of(new DateExtractor.Found(almaty("2024-04-09T08:00"), "meta:article:published_time")),
                find(html, null));
    }

    @Test
    void otherPublicationMetasAreRead() {
        assertEquals("meta:datePublished",
                find("<span itemprop='datePublished' content='2024-04-01'>1 апреля</span>", null).orElseThrow().source());
        assertEquals("meta:sailthru.date",
                find("<meta name='sailthru.date' content='2024-04-01 10:00:00'>", null).orElseThrow().source());
        assertEquals("meta:dc.date.issued",
                find("<meta name='DC.date.issued' content='2024-04-01'>", null).orElseThrow().source());
    }

    @Test
    void jsonLdArrayAndGraphAreSearchedArticleFirst() {
        String html = "<script type='application/ld+json'>[{\"@type\":\"WebSite\",\"datePublished\":\"2010-01-01\"},"
                + "{\"@graph\":[{\"@type\":\"http://schema.org/ReportageNewsArticle\",\"datePublished\":\"2024-03-03T10:00:00+05:00\"}]}]"
                + "</script>";
        assertEquals(Optional.of(new DateExtractor.Found(almaty("2024-03-03T10:00"), "json-ld")), find(html, null));
    }

    @Test
    void brokenJsonLdIsSkipped() {
        String html = "<script type='application/ld+json'>{\"datePublished\": </script>"
                + "<script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":\"2024-03-03\",}</script>";
        assertEquals("json-ld", find(html, null).orElseThrow().source());
    }

    @Test
    void timeElementMarkedAsPublicationBeatsTheFirst() {
        String html = "<time datetime='2024-04-01T09:00'>1 April</time>"
                + "<time class='entry-published' datetime='2024-04-02T09:00'>2 April</time>";
        assertEquals(Optional.of(new DateExtractor.Found(almaty("2024-04-02T09:00"), "time")), find(html, null));
    }

    @Test
    void visibleTextSkipsSidebarsAndComments() {
        String html = "<aside><span class='date'>9 апреля 2024</span></aside>"
                + "<div class='comments'><span class='comment-date'>Сегодня, 09:15</span></div>"
                + "<div class='article'><div class='article__date'>10 апреля 2024 15:57</div><p>Текст</p></div>";
        assertEquals(Optional.of(new DateExtractor.Found(almaty("2024-04-10T15:57"), "text")), find(html, null));
    }

    @Test
    void selectorWinsOverMetadata() {
        String html = "<meta property='article:published_time' content='2024-04-09T08:00:00+05:00'>"
                + "<div class='pub'>Вчера 10:01</div>";
        assertEquals(Optional.of(new DateExtractor.Found(almaty("2024-04-10T10:01"), "selector")), find(html, ".pub"));
    }

    @Test
    void missingOrInvalidSelectorFallsThrough() {
        String html = "<meta property='article:published_time' content='2024-04-09T08:00:00+05:00'>";
        assertEquals("meta:article:published_time", find(html, ".nothing").orElseThrow().source());
        assertEquals("meta:article:published_time", find(html, "div[[").orElseThrow().source());
    }

    @Test
    void absurdMetadataIsPassedOverForTheNextSource() {
        String html = "<meta property='article:published_time' content='1970-01-01T00:00:00Z'>"
                + "<meta name='date' content='2099-01-01'>"
                + "<time datetime='2024-04-05T12:00:00+05:00'></time>";
        assertEquals(Optional.of(new DateExtractor.Found(almaty("2024-04-05T12:00"), "time")), find(html, null));
    }

    @Test
    void pageWithoutDateHasNone() {
        assertEquals(Optional.empty(), find("<h1>О посольстве</h1><p>Посольство работает по будням.</p>", null));
    }

    @Test
    void refusesMissingArguments() {
        assertThrows(NullPointerException.class, () -> DateExtractor.parseText("вчера", null, NOW));
        assertThrows(NullPointerException.class, () -> DateExtractor.find(null, null, ALMATY, NOW));
    }

    @Test
    void monthNamesInAnyCase() {
        for (String may : new String[] {"май", "мая", "мае", "Мамыр", "мамырда", "мамырдың", "May"}) {
            assertEquals(5, MonthNames.of(may).orElse(-1), may);
        }
        for (String july : new String[] {"июль", "июля", "июле", "шілде", "шілдеде", "шілдесі", "Jul."}) {
            assertEquals(7, MonthNames.of(july).orElse(-1), july);
        }
        for (String none : new String[] {"ма", "марка", "мамонт", "Mayor", "час", "қаз"}) {
            assertTrue(MonthNames.of(none).isEmpty(), none);
        }
    }
}
