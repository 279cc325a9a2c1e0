package tyndau.ingest.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tyndau.ingest.scrape.Fixtures.ALMATY;
import static tyndau.ingest.scrape.Fixtures.NOW;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {
    static final URI RU_PAGE = URI.create("https://Stepnoy.example/news/politics/2024/04/10/mid-kitai?utm_campaign=x#top");

    static Article extract(String fixture, URI page, Selectors selectors) {
        return ArticleExtractor.extract(Fixtures.bytes(fixture), "text/html; charset=utf-8", page, selectors, ALMATY, NOW);
    }

    static java.time.Instant almaty(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi).atZone(ALMATY).toInstant();
    }

    @Test
    void readsRussianArticleWithoutSelectors() {
        Article a = extract("ru-article.html", RU_PAGE, null);
        assertEquals("МИД Казахстана прокомментировал визит делегации Китая", a.title());
        assertTrue(a.text().startsWith("Министерство иностранных дел Республики Казахстан в среду"), a.text());
        assertTrue(a.text().contains("ожидают, что число туристов"), a.text());
        for (String boilerplate : List.of("Политика", "Популярное", "Читайте также", "Наконец-то", "Все права", "Telegram",
                "trackParagraph")) {
            assertFalse(a.text().contains(boilerplate), boilerplate + " leaked into " + a.text());
        }
        assertEquals(4, a.text().split("\n\n").length, "one paragraph per <p>, blank lines between: " + a.text());
        assertEquals(almaty(2024, 4, 10, 15, 57), a.published());
        assertEquals("text", a.dateSource());
        assertEquals("ru", a.language());
        assertEquals("https://stepnoy.example/news/politics/2024/04/10/mid-kitai", a.canonicalUrl());
        assertEquals("Айгерим Садыкова", a.author());
    }

    @Test
    void storedHtmlIsSanitised() {
        Article a = extract("ru-article.html", RU_PAGE, null);
        assertTrue(a.bodyHtml().contains("<p>Министерство"), a.bodyHtml());
        assertFalse(a.bodyHtml().contains("<script"), a.bodyHtml());
        assertFalse(a.bodyHtml().contains("onclick"), a.bodyHtml());
    }

    @Test
    void linksInStoredHtmlPointAtTheSourceSite() {
        String html = "<base href='/ru/'><div class='article'><p>Министерство иностранных дел сообщило об итогах визита, "
                + "подробности <a href='news/2'>в отдельном материале</a>, а также в заявлении, опубликованном на сайте "
                + "ведомства. Эксперты оценили переговоры как конструктивные, и стороны договорились продолжить диалог.</p></div>";
        Article a = ArticleExtractor.extract(html, URI.create("https://example.kz/a/b"), null, ALMATY, NOW);
        assertTrue(a.bodyHtml().contains("href=\"https://example.kz/ru/news/2\""), a.bodyHtml());
    }

    @Test
    void readsKazakhArticleWithYearFirstDate() {
        Article a = extract("kk-article.html", URI.create("https://dala.example/kk/news/99"), null);
        assertEquals("Президент Түркияға гуманитарлық көмек жіберу туралы тапсырма берді", a.title());
        assertEquals(almaty(2023, 2, 7, 11, 20), a.published());
        assertTrue(a.text().startsWith("Мемлекет басшысы Түркиядағы жер сілкінісінен"), a.text());
        assertFalse(a.text().contains("Астанада жаңа мектеп"), a.text());
        assertFalse(a.text().contains("Басты бет"), a.text());
        assertEquals("kk", a.language());
        assertEquals("https://dala.example/kk/news/99", a.canonicalUrl(), "no rel=canonical: the page address");
    }

    @Test
    void englishArticlePrefersPublishedTimeMetaAndStripsSiteNameFromTitle() {
        Article a = extract("en-article.html", URI.create("https://steppetimes.example/asia/visa-free"), null);
        assertEquals("Kazakhstan and China sign visa-free travel agreement", a.title());
        assertEquals(java.time.Instant.parse("2023-09-01T03:30:00Z"), a.published());
        assertEquals("meta:article:published_time", a.dateSource());
        assertEquals("John Carter", a.author());
        assertEquals("en-GB", a.language());
        assertTrue(a.text().startsWith("31 August 2023\n\nKazakhstan and China have signed"), a.text());
        assertTrue(a.text().endsWith("courting investment from both."), a.text());
        for (String boilerplate : List.of("By John Carter", "Steppe Times", "World", "Privacy")) {
            assertFalse(a.text().contains(boilerplate), boilerplate + " leaked into " + a.text());
        }
    }

    @Test
    void jsonLdGraphGivesDateAndAuthors() {
        Article a = extract("jsonld-graph.html", URI.create("https://example.kz/news/42"), null);
        assertEquals(java.time.Instant.parse("2024-02-20T08:05:00Z"), a.published());
        assertEquals("json-ld", a.dateSource());
        assertEquals("Ерлан Ахметов, Дина Ким", a.author());
        assertTrue(a.text().contains("Транскаспийскому"), a.text());
    }

    @Test
    void pageWithoutDateIsUndateableNotStampedWithNow() {
        Article a = extract("no-date.html", URI.create("https://embassy.example/about"), null);
        assertNull(a.published());
        assertNull(a.dateSource());
        assertTrue(a.undateable());
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("undateable")), a.warnings().toString());
        assertTrue(a.text().startsWith("The Embassy represents"), a.text());
        assertNull(a.language());
    }

    @Test
    void selectorsTakePrecedence() {
        Selectors s = new Selectors(null, ".headline", ".article__date", ".article__body p", ".author-name");
        Article a = extract("ru-article.html", RU_PAGE, s);
        assertEquals("МИД Казахстана прокомментировал визит делегации Китая", a.title());
        assertEquals("selector", a.dateSource());
        assertEquals(almaty(2024, 4, 10, 15, 57), a.published());
        assertEquals(4, a.text().split("\n\n").length, a.text());
        assertFalse(a.text().contains("Telegram"), "the selector took paragraphs only: " + a.text());
        assertEquals("Айгерим Садыкова", a.author());
        assertEquals(List.of(), a.warnings());
    }

    @Test
    void selectorsThatMissFallBackAndSaySo() {
        Selectors s = new Selectors(null, ".no-title", ".no-date", ".no-body", ".no-author");
        Article withMisses = extract("ru-article.html", RU_PAGE, s);
        Article general = extract("ru-article.html", RU_PAGE, null);
        assertEquals(general.title(), withMisses.title());
        assertEquals(general.text(), withMisses.text());
        assertEquals(general.published(), withMisses.published());
        assertEquals(general.author(), withMisses.author());
        List<String> w = withMisses.warnings();
        assertTrue(w.contains("title selector '.no-title' matched no text; used h1"), w.toString());
        assertTrue(w.contains("body selector '.no-body' matched no text; used the general extractor"), w.toString());
        assertTrue(w.contains("date selector '.no-date' gave no date; used text"), w.toString());
        assertTrue(w.contains("author selector '.no-author' matched no text; used the page's byline"), w.toString());
    }

    @Test
    void invalidSelectorIsReportedAndIgnored() {
        Article a = extract("en-article.html", URI.create("https://steppetimes.example/a"),
                new Selectors(null, null, null, "div[[", null));
        assertTrue(a.text().contains("Kazakhstan and China have signed"), a.text());
        assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("body selector 'div[[' is not valid CSS")),
                a.warnings().toString());
        assertEquals(1, a.warnings().stream().filter(w -> w.startsWith("body selector")).count(), a.warnings().toString());
    }

    @Test
    void charsetFromHeaderWhenThePageDoesNotSay() {
        byte[] cp1251 = "<html><head><title>Визит делегации</title></head><body><p>Текст</p></body></html>"
                .getBytes(Charset.forName("windows-1251"));
        Article a = ArticleExtractor.extract(cp1251, "text/html; charset=windows-1251", null, null, ALMATY, NOW);
        assertEquals("Визит делегации", a.title());
    }

    @Test
    void charsetFromMetaWhenTheHeaderDoesNotSay() {
        byte[] cp1251 = ("<html><head><meta charset=\"windows-1251\"><title>Визит делегации</title></head>"
                + "<body><p>Текст</p></body></html>").getBytes(Charset.forName("windows-1251"));
        assertEquals("Визит делегации", ArticleExtractor.extract(cp1251, "text/html", null, null, ALMATY, NOW).title());
    }

    @Test
    void byteOrderMarkOverridesTheHeader() {
        byte[] body = "<title>Визит делегации</title>".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals("Визит делегации",
                ArticleExtractor.extract(withBom, "text/html; charset=windows-1251", null, null, ALMATY, NOW).title());
    }

    @Test
    void unknownHeaderCharsetIsReportedAndThePageDecides() {
        byte[] page = "<meta charset=utf-8><title>Визит</title>".getBytes(StandardCharsets.UTF_8);
        Article a = ArticleExtractor.extract(page, "text/html; charset=x-no-such", null, null, ALMATY, NOW);
        assertEquals("Визит", a.title());
        assertTrue(a.warnings().contains("unknown charset 'x-no-such' in Content-Type; detected it from the page instead"),
                a.warnings().toString());
    }

    @Test
    void emptyPageGivesEmptyArticleWithReasons() {
        Article a = ArticleExtractor.extract(new byte[0], null, null, null, ZoneOffset.UTC, NOW);
        assertNull(a.title());
        assertEquals("", a.text());
        assertEquals("", a.bodyHtml());
        assertNull(a.published());
        assertNull(a.canonicalUrl());
        assertTrue(a.warnings().contains("no main content found"), a.warnings().toString());
    }

    @Test
    void canonicalThatIsNotWebUrlFallsBackToPageAddress() {
        String html = "<link rel=canonical href=\"javascript:alert(1)\"><title>T</title><p>x</p>";
        Article a = ArticleExtractor.extract(html, URI.create("https://example.kz/a?utm_source=x"), null, ZoneOffset.UTC, NOW);
        assertEquals("https://example.kz/a", a.canonicalUrl());
        assertTrue(a.warnings().stream().anyMatch(w -> w.startsWith("rel=canonical 'javascript:alert(1)'")), a.warnings().toString());
    }

    @Test
    void missingArgumentsAreRefusedByName() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> ArticleExtractor.extract((byte[]) null, null, null, null, ALMATY, NOW));
        assertEquals("html", e.getMessage());
        assertThrows(NullPointerException.class, () -> ArticleExtractor.extract("<p>x</p>", null, null, null, NOW));
    }
}
