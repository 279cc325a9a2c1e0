package tyndau.ingest.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tyndau.document.NewDocument;
import tyndau.source.SourceRole;

class ImportLineParserTest {
    private final ImportLineParser parser = new ImportLineParser(new ObjectMapper());
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private ImportLineParser.Parsed parse(String line) {
        return parser.parse(line, now);
    }

    @Test
    void readsAFullLine() {
        NewDocument d = parse("{\"source\":\"Akorda\",\"role\":\"government\",\"url\":\"https://Example.org/a/1?utm_medium=x&id=3#frag\","
                + "\"title\":\"Ресей &amp; Қытай\",\"body\":\"plain\",\"published\":\"2023-02-07T10:00:00+06:00\",\"lang\":\"KK\"}")
                .document();
        assertEquals("akorda", d.sourceId());
        assertEquals(SourceRole.GOVERNMENT, d.role());
        assertEquals("https://example.org/a/1?id=3", d.url());
        assertEquals("Ресей & Қытай", d.title());
        assertEquals(Instant.parse("2023-02-07T04:00:00Z"), d.publishedAt());
        assertEquals("kk", d.language());
        assertNull(d.bodyHtml());
        assertFalse(d.undateable());
    }

    @Test
    void htmlBodyBecomesPlainTextAndSanitisedHtml() {
        NewDocument d = parse("{\"source\":\"s\",\"url\":\"https://example.org/1\",\"title\":\"t\",\"published\":\"2023-01-01\","
                + "\"body\":\"<p onclick='x()'>Бір</p><script>steal()</script><p>Екі <a href='javascript:x'>link</a></p>\"}")
                .document();
        assertEquals("Бір\n\nЕкі link", d.body());
        assertFalse(d.bodyHtml().contains("script"));
        assertFalse(d.bodyHtml().contains("onclick"));
        assertFalse(d.bodyHtml().contains("javascript"));
    }

    @Test
    void detectsLanguageWhenAbsent() {
        assertEquals("kk", parse(line("Қазақстан Түркияға көмек жіберді")).document().language());
        assertEquals("ru", parse(line("Казахстан отправил помощь в Турцию")).document().language());
        assertEquals("en", parse(line("Kazakhstan sends aid to Turkey")).document().language());
    }

    @Test
    void aDateInTheFutureIsRefusedNotAllowedToPushEveryRangeForward() {
        String soon = Instant.now().plus(java.time.Duration.ofHours(2)).toString();
        String later = Instant.now().plus(java.time.Duration.ofDays(3)).toString();
        assertNull(parse("{\"source\":\"s\",\"url\":\"https://example.org/f1\",\"title\":\"t\",\"published\":\"" + soon + "\"}").reason(),
                "a clock a little ahead is fine");
        String reason = parse("{\"source\":\"s\",\"url\":\"https://example.org/f2\",\"title\":\"t\",\"published\":\"" + later + "\"}")
                .reason();
        assertTrue(reason != null && reason.contains("future"), String.valueOf(reason));
    }

    private static String line(String title) {
        return "{\"source\":\"s\",\"url\":\"https://example.org/1\",\"title\":\"" + title + "\",\"published\":\"2023-01-01T00:00:00Z\"}";
    }

    @Test
    void rejectsWhatCannotBeStoredWithAReason() {
        assertTrue(parse("{not json").reason().contains("JSON"));
        assertTrue(parse("[1,2]").reason().contains("object"));
        assertTrue(parse("{\"url\":\"https://example.org\",\"title\":\"t\",\"published\":\"2023-01-01\"}").reason().contains("source"));
        assertTrue(parse("{\"source\":\"../etc\",\"url\":\"https://example.org\",\"title\":\"t\",\"published\":\"2023-01-01\"}").reason().contains("slug"));
        assertTrue(parse("{\"source\":\"s\",\"url\":\"file:///etc/passwd\",\"title\":\"t\",\"published\":\"2023-01-01\"}").reason().contains("http"));
        assertTrue(parse("{\"source\":\"s\",\"url\":\"https://example.org\",\"title\":\"  \",\"published\":\"2023-01-01\"}").reason().contains("title"));
        assertTrue(parse("{\"source\":\"s\",\"url\":\"https://example.org\",\"title\":\"t\"}").reason().contains("published"));
        assertTrue(parse("{\"source\":\"s\",\"url\":\"https://example.org\",\"title\":\"t\",\"published\":\"7 Feb\"}").reason().contains("published"));
        assertTrue(parse("{\"source\":\"s\",\"role\":\"press\",\"url\":\"https://example.org\",\"title\":\"t\",\"published\":\"2023-01-01\"}").reason().contains("role"));
        assertTrue(parse("{\"source\":\"s\",\"url\":\"https://example.org\",\"title\":\"t\",\"published\":\"2023-01-01\",\"lang\":\"Kazakh!\"}").reason().contains("lang"));
    }

    @Test
    void acceptsTheIsoFormsAnalystsWrite() {
        assertEquals(Instant.parse("2023-02-07T04:00:00Z"), ImportLineParser.parseTime("2023-02-07T10:00:00+06:00").orElseThrow());
        assertEquals(Instant.parse("2023-02-07T10:00:00Z"), ImportLineParser.parseTime("2023-02-07T10:00:00Z").orElseThrow());
        assertEquals(Instant.parse("2023-02-07T04:00:00Z"), ImportLineParser.parseTime("2023-02-07T10:00+06:00[Asia/Almaty]").orElseThrow());
        assertEquals(Instant.parse("2023-02-07T10:00:00Z"), ImportLineParser.parseTime("2023-02-07T10:00:00").orElseThrow());
        assertEquals(Instant.parse("2023-02-07T00:00:00Z"), ImportLineParser.parseTime("2023-02-07").orElseThrow());
        assertTrue(ImportLineParser.parseTime("07.02.2023").isEmpty());
    }
}
