package tyndau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tyndau.document.NewDocument;
import tyndau.source.SourceRole;

/** One rule for every document, whatever brought it: lengths clipped to what the database holds, titles, URLs, language. */
class NormaliserTest {
    static Normaliser.Result of(String url, String title, String body) {
        return Normaliser.normalise(new Normaliser.Raw("src", SourceRole.INDEPENDENT_MEDIA, url, null, title, body, null,
                Instant.parse("2024-01-01T00:00:00Z"), null, null, null, "ru"));
    }

    @Test
    void anOversizedItemIsClippedNotRefused() {
        String title = "Заголовок ".repeat(500);
        String body = "<p>" + "Очень длинный текст новости. ".repeat(60_000) + "</p>";
        NewDocument d = of("https://example.org/a?utm_source=x", title, body).document();
        assertEquals(Normaliser.MAX_TITLE, d.title().length());
        assertTrue(d.body().length() <= Normaliser.MAX_BODY);
        assertTrue(d.bodyHtml().length() <= Normaliser.MAX_BODY);
        assertEquals("https://example.org/a", d.url());
        assertEquals("ru", d.language());
    }

    @Test
    void clippingNeverSplitsASurrogatePair() {
        String title = "a".repeat(Normaliser.MAX_TITLE - 1) + "😀😀";
        String t = of("https://example.org/e", title, "").document().title();
        assertFalse(Character.isHighSurrogate(t.charAt(t.length() - 1)), "no half emoji at the end");
    }

    @Test
    void anUntitledItemIsNamedByItsFirstWords() {
        NewDocument d = of("https://example.org/b", "  ", "Сегодня в Астане прошла встреча министров иностранных дел "
                + "Казахстана и Китая, на которой обсуждались визовые вопросы и транзит грузов через границу.").document();
        assertTrue(d.title().startsWith("Сегодня в Астане") && d.title().endsWith("…"), d.title());
        assertTrue(d.title().length() <= Normaliser.UNTITLED_CHARS + 1);
    }

    @Test
    void whatCannotBeStoredIsRefusedWithAReason() {
        assertTrue(of("ftp://example.org/x", "t", "b").reason().contains("URL"));
        assertTrue(of(null, "t", "b").reason().contains("URL"));
        assertTrue(of("https://example.org/" + "x".repeat(5000), "t", "b").reason().contains("longer"));
        assertTrue(of("https://example.org/d", "", "").reason().contains("title"));
        assertNull(of("https://example.org/d", "t", "").reason());
    }

    @Test
    void aDecodedTitleIsKeptAsTextMarkupCharactersAndAll() {
        assertEquals("<script>x</script> talks", of("https://example.org/f", "<script>x</script> talks", "b").document().title());
    }

    @Test
    void aFetchedItemDatedInTheFutureIsKeptUndateableWithAWarning() {
        Instant future = Instant.now().plus(java.time.Duration.ofDays(30));
        Normaliser.Raw raw = new Normaliser.Raw("src", SourceRole.INDEPENDENT_MEDIA, "https://example.org/g", null, "t", "b", null,
                future, null, null, null, "ru");
        Normaliser.Result fetched = Normaliser.normalise(raw, false);
        assertNull(fetched.document().publishedAt());
        assertTrue(fetched.document().undateable());
        assertTrue(fetched.warning().contains("future"), fetched.warning());
        assertTrue(Normaliser.normalise(raw, true).reason().contains("future"));
    }
}
