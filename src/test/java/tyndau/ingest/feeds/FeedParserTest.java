package tyndau.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feeds-fixtures/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    static boolean anyContains(List<String> warnings, String part) {
        return warnings.stream().anyMatch(w -> w.contains(part));
    }

    @Test
    void readsRss20WithContentEncodedAuthorsAndRelativeLinks() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("rss20.xml"), "application/rss+xml; charset=utf-8");
        assertEquals("rss_2.0", feed.type());
        assertEquals("Example Ministry & Press", feed.title());
        assertEquals("UTF-8", feed.charset());
        assertEquals(3, feed.entries().size());
        FeedEntry first = feed.entries().get(0);
        assertEquals("mfa-1001", first.guid());
        assertEquals("https://mfa.example.kz/en/news/1001?utm_source=rss", first.link(), "resolved against the channel link");
        assertEquals("Minister meets Turkish counterpart", first.title(), "HTML in the title stripped");
        assertEquals("<p>Kazakhstan sends <b>humanitarian aid</b> to Türkiye.</p>", first.content(), "content:encoded preferred");
        assertEquals(Instant.parse("2023-02-07T04:00:00Z"), first.published());
        assertEquals("Press Service", first.author());
        assertEquals("en-us", first.language());
        FeedEntry second = feed.entries().get(1);
        assertEquals(Instant.parse("2023-03-17T09:30:00Z"), second.published(), "full day and month names, no seconds");
        assertEquals("The parties agreed on <i>mutual</i> visa exemption.", second.content(), "description when no content");
        FeedEntry third = feed.entries().get(2);
        assertEquals("https://mfa.example.kz/en/news/1003", third.link(), "a permalink guid stands in for a missing link");
        assertNull(third.published(), "no date is no date, never now");
        assertEquals(List.of(), feed.warnings());
    }

    @Test
    void resolvesRelativeLinksAgainstTheFeedUrlWhenGiven() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><link>a/1</link></item>"
                + "<item><title>b</title><link>javascript:alert(1)</link></item></channel></rss>";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null, URI.create("https://example.org/feeds/rss.xml"));
        assertEquals("https://example.org/feeds/a/1", feed.entries().get(0).link());
        assertNull(feed.entries().get(1).link(), "only http(s) links are kept");
        assertTrue(anyContains(feed.warnings(), "entry 2: link 'javascript:alert(1)'"), feed.warnings().toString());
    }

    @Test
    void readsAtomWithXmlBaseXmlLangAndHtmlTitles() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("atom10.xml"), null);
        assertEquals("atom_1.0", feed.type());
        assertEquals("Новости Казахстана", feed.title());
        FeedEntry first = feed.entries().get(0);
        assertEquals("urn:example:entry:1", first.guid());
        assertEquals("https://news.example.kz/ru/2023/02/aid", first.link());
        assertEquals("Помощь Турции", first.title());
        assertEquals("<p>Казахстан направил помощь.</p>", first.content(), "content preferred over summary");
        assertEquals(Instant.parse("2023-02-07T10:30:00Z"), first.published());
        assertEquals(Instant.parse("2023-02-08T03:00:00Z"), first.updated());
        assertEquals("Айгерим Серикова", first.author());
        assertEquals("ru", first.language(), "inherited from the feed's xml:lang");
        FeedEntry second = feed.entries().get(1);
        assertEquals("https://news.example.kz/kk/2023/11/visa", second.link(), "nested xml:base");
        assertEquals("kk", second.language());
        assertEquals("Қазақстан мен Қытай: 5 < 6", second.title(), "a text title is text, not HTML");
        assertNull(second.published(), "updated is not published");
        assertEquals(Instant.parse("2023-11-10T08:00:00Z"), second.updated());
        assertEquals("Визасыз режим.", second.content(), "summary when no content");
    }

    @Test
    void readsRss10WithDublinCore() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("rss10.xml"), "application/rdf+xml");
        assertEquals("rss_1.0", feed.type());
        FeedEntry e = feed.entries().get(0);
        assertEquals("https://gov.example.kz/d/7", e.guid());
        assertEquals("https://gov.example.kz/d/7", e.link());
        assertEquals("Үкімет отырысы", e.title());
        assertEquals(Instant.parse("2023-09-27T05:00:00Z"), e.published());
        assertEquals("Баспасөз қызметі", e.author());
        assertEquals("kk", e.language());
    }

    @Test
    void neverResolvesExternalEntities() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("xxe.xml"), null);
        FeedEntry e = feed.entries().get(0);
        assertEquals("Read this:", e.title());
        assertNull(e.content());
        assertTrue(anyContains(feed.warnings(), "&xxe; (file:///etc/passwd): never resolved"), feed.warnings().toString());
        for (String field : new String[] {e.title(), String.valueOf(e.content()), feed.title()}) {
            assertTrue(!field.contains("root:"), "file content leaked: " + field);
        }
    }

    @Test
    void externalEntityOnALocalFileYieldsNoneOfItsContent(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-7731");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY s SYSTEM \"" + secret.toUri() + "\">"
                + "<!ENTITY p PUBLIC \"-//X//Y\" '" + secret.toUri() + "'>]>"
                + "<rss version=\"2.0\"><channel><title>&s;&p;</title><item><title>x&s;</title><description>&p;</description>"
                + "<link>" + secret.toUri() + "</link></item></channel></rss>";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
        assertTrue(!feed.toString().contains("TOP-SECRET"), feed.toString());
        assertEquals("x", feed.entries().get(0).title());
        assertNull(feed.entries().get(0).link(), "file: links are not kept");
    }

    @Test
    void billionLaughsFailsFastWithAReason() {
        FeedParseException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(FeedParseException.class, () -> FeedParser.parse(fixture("billion-laughs.xml"), null)));
        assertTrue(e.getMessage().contains("entity"), e.getMessage());
        assertTrue(e.getMessage().startsWith("refused"), e.getMessage());
    }

    @Test
    void manyReferencesToOneLargeEntityStopAtTheExpansionCap() throws Exception {
        String big = "x".repeat(10_000);
        String refs = "&big;".repeat(200);
        String xml = "<!DOCTYPE rss [<!ENTITY big \"" + big + "\">]><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>i</title><description>" + refs + "</description></item></channel></rss>";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
        assertTrue(feed.entries().get(0).content().length() <= XmlHealer.MAX_EXPANSION);
        assertTrue(anyContains(feed.warnings(), "refused: entity expansion beyond"), feed.warnings().toString());
    }

    @Test
    void substitutesPlainInternalEntities() throws Exception {
        String xml = "<!DOCTYPE rss [<!ENTITY id \"tag:example.com,\"><!ENTITY nbsp \"&#160;\">]>"
                + "<rss version=\"2.0\"><channel><item><guid isPermaLink=\"false\">&id;2006:/blog/</guid>"
                + "<title>a&nbsp;b</title></item></channel></rss>";
        FeedEntry e = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null).entries().get(0);
        assertEquals("tag:example.com,2006:/blog/", e.guid());
        assertEquals("a b", e.title());
    }

    @Test
    void readsWindows1251WithoutDeclarationAsCyrillic() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("windows-1251-nodecl.xml"), "text/xml");
        assertEquals("windows-1251", feed.charset());
        assertEquals("Новости внешней политики", feed.title());
        assertEquals("Казахстан и Турция подписали соглашение о гуманитарной помощи", feed.entries().get(0).title());
    }

    @Test
    void readsKoi8rWithoutDeclarationAsCyrillic() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("koi8r-nodecl.xml"), null);
        assertEquals("KOI8-R", feed.charset());
        assertEquals("Казахстан и Турция подписали соглашение о гуманитарной помощи", feed.entries().get(0).title());
    }

    @Test
    void aWrongUtf8HeaderFallsBackToSniffing() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("windows-1251-nodecl.xml"), "application/rss+xml; charset=utf-8");
        assertEquals("windows-1251", feed.charset());
        assertEquals("Новости внешней политики", feed.title());
        assertTrue(anyContains(feed.warnings(), "HTTP charset utf-8 does not fit the bytes"), feed.warnings().toString());
    }

    @Test
    void aLatinHeaderOnCyrillicBytesIsOverruled() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("koi8r-nodecl.xml"), "text/xml; charset=ISO-8859-1");
        assertEquals("KOI8-R", feed.charset());
        assertEquals("Новости внешней политики", feed.title());
    }

    @Test
    void utf8BytesUnderAnotherLabelAreReadAsUtf8() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>Қазақстан</title></channel></rss>";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=windows-1251");
        assertEquals("UTF-8", feed.charset());
        assertEquals("Қазақстан", feed.title());
        assertTrue(anyContains(feed.warnings(), "HTTP charset windows-1251 does not fit the bytes: read as UTF-8"), feed.warnings().toString());
    }

    @Test
    void httpCharsetWinsOverTheDeclarationAndTheDeclarationOverSniffing() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>Привет</title></channel></rss>";
        byte[] koi8 = xml.getBytes(Charset.forName("KOI8-R"));
        assertEquals("Привет", FeedParser.parse(koi8, "text/xml; charset=\"koi8-r\"").title());
        byte[] cp1251 = xml.getBytes(Charset.forName("windows-1251"));
        ParsedFeed declared = FeedParser.parse(cp1251, null);
        assertEquals("windows-1251", declared.charset());
        assertEquals("Привет", declared.title());
    }

    @Test
    void readsUtf16WithAndWithoutByteOrderMark() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><title>Қазақ</title></channel></rss>";
        assertEquals("Қазақ", FeedParser.parse(xml.getBytes(StandardCharsets.UTF_16), null).title());
        assertEquals("Қазақ", FeedParser.parse(xml.getBytes(StandardCharsets.UTF_16LE), null).title());
        assertEquals("Қазақ", FeedParser.parse(xml.getBytes(StandardCharsets.UTF_16BE), "text/xml; charset=utf-16").title());
    }

    @Test
    void recoversUnescapedAmpersandsHtmlEntitiesGarbageAndBadDates() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("unescaped-ampersand.xml"), "text/xml");
        assertEquals("Tom & Jerry News", feed.title());
        FeedEntry first = feed.entries().get(0);
        assertEquals("Trade & transit: Kazakhstan and China", first.title(), "no-break space made a space");
        assertEquals("https://example.org/news?id=5&lang=en", first.link());
        assertEquals("Exports rose — and 3 < 5 &copy2023 &bogus; entity.", first.content());
        assertNull(first.published(), "entry kept, date null");
        assertEquals(Instant.parse("2023-03-17T09:30:00Z"), feed.entries().get(1).published());
        List<String> w = feed.warnings();
        assertTrue(anyContains(w, "recovered: unescaped & (4 times, first at line 6)"), w.toString());
        assertTrue(anyContains(w, "HTML entity &nbsp;"), w.toString());
        assertTrue(anyContains(w, "undefined entity &bogus; kept as text"), w.toString());
        assertTrue(anyContains(w, "characters before the XML dropped"), w.toString());
        assertTrue(anyContains(w, "entry 1: unparseable date 'sometime last week'"), w.toString());
        assertTrue(anyContains(w, "entry 2: date '2023-03-17 09:30' has no time zone, read as UTC"), w.toString());
    }

    @Test
    void rejectsAnHtmlPage() throws Exception {
        FeedParseException e = assertThrows(FeedParseException.class, () -> FeedParser.parse(fixture("not-a-feed.html"), "text/html"));
        assertTrue(e.getMessage().startsWith("not a feed: root element <html>"), e.getMessage());
    }

    @Test
    void rejectsOtherXmlJsonAndTextWithTheirReasons() {
        assertEquals("not a feed: root element <catalog>", assertThrows(FeedParseException.class,
                () -> FeedParser.parse("<catalog><book/></catalog>".getBytes(StandardCharsets.UTF_8), null)).getMessage());
        assertTrue(assertThrows(FeedParseException.class,
                () -> FeedParser.parse("{\"version\":\"https://jsonfeed.org/version/1\"}".getBytes(StandardCharsets.UTF_8), null))
                .getMessage().startsWith("not a feed: JSON"));
        assertEquals("not a feed: no XML element found", assertThrows(FeedParseException.class,
                () -> FeedParser.parse("Service Unavailable".getBytes(StandardCharsets.UTF_8), null)).getMessage());
    }

    @Test
    void rejectsAnEmptyBody() {
        assertEquals("empty body", assertThrows(FeedParseException.class, () -> FeedParser.parse(new byte[0], null)).getMessage());
        assertEquals("empty body", assertThrows(FeedParseException.class, () -> FeedParser.parse(null, null)).getMessage());
        assertTrue(assertThrows(FeedParseException.class, () -> FeedParser.parse(" \n\t ".getBytes(StandardCharsets.UTF_8), null))
                .getMessage().startsWith("empty body"));
    }

    @Test
    void keepsTheCompleteItemsOfATruncatedFeedAndDropsTheCutOne() throws Exception {
        ParsedFeed feed = FeedParser.parse(fixture("truncated.xml"), null);
        assertEquals(List.of("First complete item", "Second complete item"), feed.entries().stream().map(FeedEntry::title).toList());
        assertTrue(anyContains(feed.warnings(), "recovered from ill-formed XML at line 17"), feed.warnings().toString());
        assertTrue(anyContains(feed.warnings(), "dropped: an entry whose end tag is missing"), feed.warnings().toString());
    }

    @Test
    void rejectsAFeedCutOffBeforeItsFirstItemWithLineAndColumn() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> FeedParser.parse(fixture("truncated-before-items.xml"), null));
        assertEquals("ill-formed XML at line 8, column 1: XML document structures must start and end within the same entity.", e.getMessage());
    }

    @Test
    void readsRssWithoutVersionOrChannelAndAtomWithoutNamespace() throws Exception {
        ParsedFeed rss = FeedParser.parse("<rss><item><title>loose</title></item></rss>".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("rss_2.0", rss.type());
        assertEquals("loose", rss.entries().get(0).title());
        assertTrue(anyContains(rss.warnings(), "rss without version"));
        ParsedFeed atom = FeedParser.parse("<feed><entry><title>bare</title><id>1</id></entry></feed>".getBytes(StandardCharsets.UTF_8), null);
        assertEquals("atom_1.0", atom.type());
        assertEquals("bare", atom.entries().get(0).title());
    }

    @Test
    void dropsControlCharactersAndMapsWindows1252References() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><item><title>a\u0001b &#151; c&#0;</title></item></channel></rss>";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
        assertEquals("ab — c", feed.entries().get(0).title());
        assertTrue(anyContains(feed.warnings(), "U+0001"), feed.warnings().toString());
    }

    @Test
    void refusesElementsNestedBeyondTheLimitFast() {
        String xml = "<rss version=\"2.0\"><channel><item><title>x</title><description>" + "<a>".repeat(100_000)
                + "</a>".repeat(100_000) + "</description></item></channel></rss>";
        FeedParseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(FeedParseException.class, () -> FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null)));
        assertTrue(e.getMessage().startsWith("refused: elements nested deeper than " + XmlHealer.MAX_DEPTH), e.getMessage());
    }

    @Test
    void escapesAngleBracketsInAttributeValuesAndCountsSelfClosingTagsAsNoNesting() throws Exception {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel>");
        for (int i = 0; i < XmlHealer.MAX_DEPTH + 10; i++) {
            xml.append("<item><title a=\"1 > 0\">t").append(i).append("</title><enclosure url='x' /><link href=\"a<b\"/></item>");
        }
        ParsedFeed feed = FeedParser.parse(xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8), null);
        assertEquals(XmlHealer.MAX_DEPTH + 10, feed.entries().size());
        assertTrue(anyContains(feed.warnings(), "unescaped < in an attribute value"), feed.warnings().toString());
    }

    @Test
    void namesAndNamespacesJdomRefusesAreRecoveredOrRefusedWithAReason() throws Exception {
        ParsedFeed colon = FeedParser.parse("<rss version=\"2.0\"><channel><item><title>e</title><:modified>x</:modified></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8), null);
        assertEquals("e", colon.entries().get(0).title());
        assertTrue(anyContains(colon.warnings(), "recovered from XML that JDOM refuses"), colon.warnings().toString());
        FeedParseException e = assertThrows(FeedParseException.class, () -> FeedParser.parse(
                "<feed xmlns=\"1ttp://www.w3.org/2005/Atom\"><entry><title>e</title></entry></feed>".getBytes(StandardCharsets.UTF_8), null));
        assertTrue(e.getMessage().startsWith("XML that JDOM refuses: The name \"1ttp://www.w3.org/2005/Atom\""), e.getMessage());
    }

    @Test
    void readsMicrosecondsAndRfc822InAtomWhereRomeAloneGoesWrong() throws Exception {
        String xml = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id><title>t</title>"
                + "<published>2013-10-07T01:03:05.965572-05:00</published><updated>Mon, 07 Oct 2013 06:03:05 GMT</updated></entry></feed>";
        FeedEntry e = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null).entries().get(0);
        // Rome alone reads .965572 as 965,572 ms, 16 minutes late, and no RFC 822 date in Atom at all.
        assertEquals(Instant.parse("2013-10-07T06:03:05.965Z"), e.published());
        assertEquals(Instant.parse("2013-10-07T06:03:05Z"), e.updated());
    }

    @Test
    void ignoresChannelElementsRomeReadsTooStrictly() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>t</title><skipHours><hour>x</hour></skipHours><skipDays><day>x</day></skipDays>"
                + "<cloud domain=\"d\" port=\"abc\" path=\"/p\" registerProcedure=\"r\" protocol=\"soap\"/><ttl>x</ttl>"
                + "<item><title>a</title><enclosure url=\"http://x/a.mp3\" length=\"zz\" type=\"audio/mpeg\"/></item></channel></rss>";
        assertEquals("a", FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null).entries().get(0).title());
    }

    @Test
    void readsAtom03WithBase64AndUnknownModes() throws Exception {
        String xml = "<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><title mode=\"base64\">\n  0JTQsNGA0LDQsQ==\n</title>"
                + "<summary mode=\"html\" type=\"text/html\">&lt;p&gt;kept&lt;/p&gt;</summary><issued>2004-01-01T10:00:00Z</issued></entry></feed>";
        ParsedFeed feed = FeedParser.parse(xml.getBytes(StandardCharsets.UTF_8), null);
        FeedEntry e = feed.entries().get(0);
        assertEquals("atom_0.3", feed.type());
        assertEquals("Дараб", e.title());
        assertEquals("<p>kept</p>", e.content());
        assertEquals(Instant.parse("2004-01-01T10:00:00Z"), e.published());
        assertTrue(anyContains(feed.warnings(), "unknown Atom 0.3 mode 'html' read as escaped"), feed.warnings().toString());
    }

    @Test
    void capsTheWarningsOfAFeedWithManyBadItems() throws Exception {
        StringBuilder xml = new StringBuilder("<rss version=\"2.0\"><channel>");
        for (int i = 0; i < 500; i++) {
            xml.append("<item><title>t").append(i).append("</title><pubDate>bad ").append(i).append("</pubDate></item>");
        }
        ParsedFeed feed = FeedParser.parse(xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8), null);
        assertEquals(500, feed.entries().size());
        assertTrue(feed.warnings().size() <= Warnings.MAX + 1, "warnings: " + feed.warnings().size());
        assertTrue(anyContains(feed.warnings(), "more warnings not listed"));
    }
}
