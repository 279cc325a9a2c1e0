package tyndau.ingest.sources;

import tyndau.Row;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The registry and fetching end to end: sources registered over HTTP, fetched from a real HTTP
 * server on loopback (feeds, a list page and its articles, robots.txt, failures), stored, and their
 * health recorded — a broken source never stops the others.
 */
@QuarkusTest
@TestProfile(SourcesResourceTest.Loopback.class)
@Tag("persistence")
class SourcesResourceTest {
    static final String KEY = "Bearer test-api-key";

    /** Loopback sources need private addresses allowed; short deadline for the slow source. */
    public static class Loopback implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.fetch.allow-private-networks", "true", "tyndau.fetch.deadline", "3s",
                    "tyndau.fetch.per-host-delay", "0s", "tyndau.polling.max-failures", "2",
                    "tyndau.polling.max-articles", "3", "tyndau.polling.max-link-attempts", "3");
        }
    }

    @Inject
    SourcePoller poller;

    @Inject
    tyndau.document.DocumentWriter writer;

    HttpServer server;
    String base;
    String run;
    final List<String> listValidators = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger pendingThreeServed = new java.util.concurrent.atomic.AtomicInteger();

    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Loopback news</title><link>%1$s/</link>
            <item><title>Kazakhstan and China agree on visa-free travel</title><link>%1$s/rss/1?utm_source=feed</link>
              <guid>%2$s-1</guid><pubDate>Tue, 07 Feb 2023 10:00:00 +0600</pubDate>
              <description>&lt;p&gt;The Foreign Ministry announced that citizens will travel &lt;b&gt;visa-free&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
            <item><title>Погода в Астане</title><link>%1$s/rss/2</link><guid>%2$s-2</guid>
              <pubDate>Tue, 07 Feb 2023 11:00:00 +0600</pubDate><description>Ожидается снег и сильный ветер в столице.</description></item>
            <item><title>An item without a date</title><link>%1$s/rss/3</link><guid>%2$s-3</guid>
              <description>Nobody said when this was published.</description></item>
            <item><title>No link at all</title><description>Dropped: nothing to cite.</description></item>
            </channel></rss>
            """;

    static final String LIST = """
            <html><body><ul class="news">
              <li><a href="/site/1.html">Первая новость</a></li>
              <li><a href="/site/2.html">Вторая новость</a></li>
              <li><a href="/private/3.html">Закрытая новость</a></li>
            </ul></body></html>
            """;

    static String article(String title, String date, String text) {
        return "<html lang=\"ru\"><head><title>" + title + " | Loopback</title></head><body><nav><a href=\"/\">Главная</a></nav>"
                + "<article><h1>" + title + "</h1>" + date + "<div class=\"text\"><p>" + text + "</p><p>" + text
                + "</p></div></article><footer>© Loopback</footer></body></html>";
    }

    @BeforeEach
    void serve() throws IOException {
        run = "src" + UUID.randomUUID().toString().substring(0, 8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/good.xml", ex -> send(ex, 200, "application/rss+xml", String.format(RSS, base, run).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/broken.xml", ex -> send(ex, 200, "application/rss+xml",
                "<rss><channel><title>Broken</title><item><title>cut".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/html-not-feed.xml", ex -> send(ex, 200, "text/html", "<html><body>Not a feed</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/cp1251.xml", ex -> send(ex, 200, "application/xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Лента</title>"
                + "<item><title>Министр иностранных дел встретился с послом</title><link>" + base + "/cp/1</link>"
                + "<pubDate>Wed, 08 Feb 2023 09:00:00 +0600</pubDate><description>Стороны обсудили сотрудничество и торговлю.</description></item>"
                + "</channel></rss>").getBytes(Charset.forName("windows-1251"))));
        server.createContext("/busy.xml", ex -> {
            ex.getResponseHeaders().add("Retry-After", "7200");
            send(ex, 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/large.xml", ex -> send(ex, 200, "application/rss+xml", largeFeed(largeServed.incrementAndGet()).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/robots.txt", ex -> send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/site/list.html", ex -> send(ex, 200, "text/html; charset=utf-8", LIST.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/site/1.html", ex -> send(ex, 200, "text/html; charset=utf-8", article("Президент принял посла Китая",
                "<time datetime=\"2023-02-07T15:57:00+06:00\">7 февраля 2023</time>",
                "Глава государства обсудил с послом Китая торговлю, транзит и безвизовый режим между странами.").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/site/2.html", ex -> send(ex, 200, "text/html; charset=utf-8", article("Заявление без даты", "",
                "В этой статье нет даты публикации, поэтому она сохраняется как недатируемая и не получает время загрузки.").getBytes(StandardCharsets.UTF_8)));
        server.createContext("/canon/list.html", ex -> send(ex, 200, "text/html; charset=utf-8", ("<html><body><ul class=\"news\">"
                + "<li><a href=\"/canon/1.html\">1</a></li><li><a href=\"/canon/2.html\">2</a></li><li><a href=\"/canon/3.html\">3</a></li>"
                + "</ul></body></html>").getBytes(StandardCharsets.UTF_8)));
        for (int i = 1; i <= 3; i++) {
            // Articles 1 and 2 carry the site-wide canonical some CMSs print on every page; article 3 claims another site's address.
            String canonical = i < 3 ? base + "/" : "https://victim.example/news/exclusive";
            String page = article("Статья " + i + " " + run, "", "Текст статьи номер " + i + ", разный у каждой.")
                    .replace("<head>", "<head><link rel=\"canonical\" href=\"" + canonical + "\">");
            server.createContext("/canon/" + i + ".html", ex -> send(ex, 200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8)));
        }
        server.createContext("/private/3.html", ex -> send(ex, 200, "text/html", article("Closed", "", "closed").getBytes(StandardCharsets.UTF_8)));
        // A list page with validators and five links: 3 fails once (503), 5 always (500).
        server.createContext("/pend/list.html", ex -> {
            listValidators.add(String.valueOf(ex.getRequestHeaders().getFirst("If-None-Match")));
            if ("\"pend-v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"pend-v1\"");
            StringBuilder list = new StringBuilder("<html><body><ul class=\"news\">");
            for (int i = 1; i <= 5; i++) {
                list.append("<li><a href=\"/pend/").append(i).append(".html\">").append(i).append("</a></li>");
            }
            send(ex, 200, "text/html; charset=utf-8", list.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8));
        });
        for (int i = 1; i <= 5; i++) {
            int n = i;
            byte[] page = article("Отложенная статья " + n + " " + run, "", "Текст отложенной статьи номер " + n + ", у каждой свой.")
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/pend/" + n + ".html", ex -> {
                if (n == 5 || n == 3 && pendingThreeServed.getAndIncrement() == 0) {
                    send(ex, n == 5 ? 500 : 503, "text/plain", "busy".getBytes(StandardCharsets.UTF_8));
                } else {
                    send(ex, 200, "text/html; charset=utf-8", page);
                }
            });
        }
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    String register(String suffix, String type, String path, String selectors) {
        String id = run + "-" + suffix;
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"name\":\"Loopback " + suffix + "\",\"type\":\"" + type + "\",\"url\":\"" + base + path
                        + "\",\"role\":\"independent_media\",\"language\":\"ru\",\"timeZone\":\"Asia/Almaty\",\"pollInterval\":\"PT30M\""
                        + (selectors == null ? "" : ",\"selectors\":" + selectors) + "}")
                .post("/api/sources").then().statusCode(201);
        return id;
    }

    static JsonPath fetchNow(String id) {
        return given().header("Authorization", KEY).post("/api/sources/" + id + "/fetch").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath source(String id) {
        return given().get("/api/sources/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aFeedIsFetchedNormalisedAndStoredOnceAndAnUnchangedFeedBringsNothing() {
        String id = register("rss", "rss", "/good.xml", null);
        JsonPath first = fetchNow(id);
        assertEquals(3, first.getInt("new"), first.prettify());
        assertEquals(1, first.getInt("rejected"), "the entry without a link");
        assertNull(first.get("error"));

        JsonPath docs = given().queryParam("source", id).queryParam("size", 10).get("/api/documents").then().statusCode(200).extract().jsonPath();
        assertEquals(3, docs.getInt("total"));
        Map<String, Object> visa = docs.<Map<String, Object>>getList("items").stream()
                .filter(d -> d.get("title").toString().contains("visa-free")).findFirst().orElseThrow();
        assertEquals(base + "/rss/1", visa.get("url"), "tracking parameters removed");
        assertEquals("2023-02-07T04:00:00Z", visa.get("published"));
        assertTrue(((List<?>) visa.get("topics")).contains("china-visa-free"), visa.toString());
        Map<String, Object> undated = docs.<Map<String, Object>>getList("items").stream()
                .filter(d -> d.get("title").toString().contains("without a date")).findFirst().orElseThrow();
        assertEquals(true, undated.get("undateable"));
        assertNull(undated.get("published"), "never stamped with the fetch time");
        String body = given().get("/api/documents/" + visa.get("id")).then().statusCode(200).extract().asString();
        assertFalse(body.contains("<script"), "stored HTML is sanitised");

        JsonPath again = fetchNow(id);
        assertEquals(0, again.getInt("new"));
        assertTrue(again.getBoolean("notModified"), "same bytes: nothing parsed again");
        JsonPath health = source(id);
        assertEquals(0, health.getInt("health.consecutiveFailures"));
        assertNotNull(health.get("health.lastSuccessAt"));
        assertNotNull(health.get("health.nextFetchAt"));
    }

    /** Fetches {@code id} now while the database fails to store {@code url} (a lost connection, not the document's fault). */
    JsonPath fetchNowWhileStoringFails(String id, String url) {
        tyndau.document.WriterFaults.failStoring(writer, url);
        try {
            return fetchNow(id);
        } finally {
            tyndau.document.WriterFaults.failStoring(writer, null);
        }
    }

    @Test
    void aFeedItemTheDatabaseFailedToStoreIsFetchedAgainBecauseTheValidatorsWaitForIt() {
        String id = register("dbfeed", "rss", "/good.xml", null);
        JsonPath first = fetchNowWhileStoringFails(id, base + "/rss/2");
        assertEquals(2, first.getInt("new"), first.prettify());
        assertEquals(1, first.getInt("rejected"), "only the entry without a link; the database's failure is not the item's: " + first.prettify());
        assertEquals(1, first.getInt("pending"), first.prettify());
        assertTrue(first.getList("problems").toString().contains(base + "/rss/2: the database failed to store it"), first.prettify());

        // The same bytes again: without validators kept (body hash included), the feed is read and the item stored.
        JsonPath second = fetchNow(id);
        assertFalse(second.getBoolean("notModified"), second.prettify());
        assertEquals(1, second.getInt("new"), second.prettify());
        assertEquals(2, second.getInt("duplicates"), second.prettify());
        assertEquals(0, second.getInt("pending"), second.prettify());
        assertEquals(3, given().queryParam("source", id).get("/api/documents").then().statusCode(200).extract().jsonPath().getInt("total"));
        assertTrue(fetchNow(id).getBoolean("notModified"), "everything stored: the validators are kept now");
    }

    @Test
    void anArticleTheDatabaseFailedToStoreStaysOwedAndIsStoredOnTheNextRun() {
        String id = register("dbhtml", "html", "/site/list.html", "{\"links\":\"ul.news a[href]\",\"body\":\"div.text\"}");
        JsonPath first = fetchNowWhileStoringFails(id, base + "/site/2.html");
        assertEquals(1, first.getInt("new"), "article 1 is stored all the same: " + first.prettify());
        assertEquals(1, first.getInt("rejected"), "only the page robots.txt disallows: " + first.prettify());
        assertEquals(1, first.getInt("pending"), "article 2 is owed: " + first.prettify());
        assertTrue(first.getList("problems").toString().contains(base + "/site/2.html: the database failed to store it"), first.prettify());

        JsonPath second = fetchNow(id);
        assertEquals(1, second.getInt("new"), second.prettify());
        assertEquals(0, second.getInt("pending"), second.prettify());
        List<String> titles = given().queryParam("source", id).get("/api/documents").then().statusCode(200).extract().jsonPath()
                .getList("items.title");
        assertTrue(titles.contains("Заявление без даты"), titles.toString());
        assertTrue(fetchNow(id).getBoolean("notModified"), "nothing owed: the list page's validators are kept now");
    }

    final java.util.concurrent.atomic.AtomicInteger largeServed = new java.util.concurrent.atomic.AtomicInteger();

    /** {@value #LARGE} items with GUIDs that never change; the links change with each serving (a site that moved). */
    String largeFeed(int serving) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Large</title>");
        for (int i = 0; i < LARGE; i++) {
            b.append("<item><title>Сводка ").append(i).append("</title><link>").append(base).append("/v").append(serving).append("/large/").append(i)
                    .append("</link><guid>").append(run).append("-large-").append(i).append("</guid><pubDate>Tue, 07 Feb 2023 10:00:00 +0600</pubDate>")
                    .append("<description>Отдельная заметка номер ").append(i).append(" о погоде, дорогах и ценах.</description></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    static final int LARGE = 1_201;

    @Test
    void aFeedLargerThanOneBatchIsStoredWholeAndItsGuidsAreKnownAcrossBatches() {
        String id = register("large", "rss", "/large.xml", null);
        JsonPath first = fetchNow(id);
        assertEquals(LARGE, first.getInt("new"), first.prettify());
        assertEquals(LARGE, given().queryParam("source", id).get("/api/documents").then().statusCode(200).extract().jsonPath().getInt("total"));
        // Served again with every link moved: the same GUIDs of the same source are re-sends, whichever batch stored them.
        JsonPath again = fetchNow(id);
        assertEquals(0, again.getInt("new"), again.prettify());
        assertEquals(LARGE, again.getInt("duplicates"), again.prettify());
        assertEquals(LARGE, given().queryParam("source", id).get("/api/documents").then().statusCode(200).extract().jsonPath().getInt("total"));
    }

    @Test
    void aWindows1251FeedWithoutDeclaredCharsetReadsAsCyrillic() {
        String id = register("cp", "rss", "/cp1251.xml", null);
        assertEquals(1, fetchNow(id).getInt("new"));
        given().queryParam("source", id).get("/api/documents").then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.equalTo("Министр иностранных дел встретился с послом"))
                .body("items[0].language", org.hamcrest.Matchers.equalTo("ru"));
    }

    @Test
    void aBrokenFeedIsAnErrorOnItsSourceWhileOtherSourcesKeepWorking() {
        String broken = register("broken", "rss", "/broken.xml", null);
        String notFeed = register("notfeed", "rss", "/html-not-feed.xml", null);
        String good = register("good", "rss", "/good.xml", null);
        JsonPath b = fetchNow(broken);
        assertNotNull(b.get("error"), b.prettify());
        assertEquals(0, b.getInt("new"));
        assertNotNull(fetchNow(notFeed).get("error"));
        assertEquals(3, fetchNow(good).getInt("new"));

        JsonPath h = source(broken);
        assertEquals(1, h.getInt("health.consecutiveFailures"));
        assertNotNull(h.get("health.lastError"));
        assertFalse(h.getBoolean("health.suspended"));
        fetchNow(broken);
        h = source(broken);
        assertEquals(2, h.getInt("health.consecutiveFailures"));
        assertTrue(h.getBoolean("health.suspended"), "suspended after tyndau.polling.max-failures (2 here)");
        // A suspended source is kept, not deleted, and re-enabled by PUT.
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"name\":\"Loopback broken\",\"type\":\"rss\",\"url\":\"" + base + "/good.xml\",\"role\":\"independent_media\","
                        + "\"timeZone\":\"Asia/Almaty\",\"pollInterval\":\"PT30M\",\"enabled\":true}")
                .put("/api/sources/" + broken).then().statusCode(200).body("health.suspended", org.hamcrest.Matchers.equalTo(false))
                .body("health.consecutiveFailures", org.hamcrest.Matchers.equalTo(0));
    }

    /** The clock moves on: every link the source owes is due now. */
    static void everyPendingLinkDue(String sourceId) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Row.em()
                .createNativeQuery("UPDATE source_pending_link SET next_attempt_at = ?1 WHERE source_id = ?2")
                .setParameter(1, java.sql.Timestamp.from(Instant.now().minusSeconds(1))).setParameter(2, sourceId).executeUpdate());
    }

    @Test
    void linksBeyondMaxArticlesOrFailedForNowArePendingAndFetchedLaterAndValidatorsWaitForThem() {
        String id = register("pend", "html", "/pend/list.html", "{\"links\":\"ul.news a[href]\"}");
        JsonPath first = fetchNow(id);
        assertEquals(2, first.getInt("new"), first.prettify());
        assertEquals(3, first.getInt("pending"), "3 failed for now (503), 4 and 5 beyond max-articles: " + first.prettify());
        assertTrue(first.getList("problems").toString().contains("HTTP 503 (try 1 of 3"), first.prettify());

        JsonPath second = fetchNow(id);
        assertEquals(1, second.getInt("new"), "4 fetched; 3 waits its backoff; 5 fails: " + second.prettify());
        assertEquals(2, second.getInt("pending"), second.prettify());
        assertEquals("null", listValidators.get(1), "no validators were kept while links were owed");

        everyPendingLinkDue(id);
        JsonPath third = fetchNow(id);
        assertEquals(1, third.getInt("new"), "3 answers now: " + third.prettify());
        assertEquals(1, third.getInt("pending"), third.prettify());

        everyPendingLinkDue(id);
        JsonPath fourth = fetchNow(id);
        assertEquals(0, fourth.getInt("pending"), fourth.prettify());
        assertEquals(1, fourth.getInt("rejected"), fourth.prettify());
        assertTrue(fourth.getList("problems").toString().contains("HTTP 500 (given up after 3 tries)"), fourth.prettify());

        // Nothing owed: the validators are kept, and an unchanged list page skips the run.
        JsonPath fifth = fetchNow(id);
        assertTrue(fifth.getBoolean("notModified"), fifth.prettify());
        assertEquals("\"pend-v1\"", listValidators.get(listValidators.size() - 1));
        List<String> titles = given().queryParam("source", id).get("/api/documents").then().statusCode(200).extract().jsonPath()
                .getList("items.title");
        assertEquals(4, titles.size(), titles.toString());
        for (int i = 1; i <= 4; i++) {
            int n = i;
            assertTrue(titles.stream().anyMatch(t -> t.startsWith("Отложенная статья " + n + " ")), n + " stored: " + titles);
        }
    }

    @Test
    void retryAfterIsHonouredAndFailuresBackOff() {
        String id = register("busy", "rss", "/busy.xml", null);
        Instant before = Instant.now();
        JsonPath o = fetchNow(id);
        assertTrue(o.getString("error").contains("503"), o.prettify());
        Instant next = Instant.parse(source(id).getString("health.nextFetchAt"));
        assertTrue(next.isAfter(before.plus(119, ChronoUnit.MINUTES)), "Retry-After: 7200 beats the 30-minute interval: " + next);
    }

    @Test
    void anHtmlSourceFollowsItsListPageRespectsRobotsAndKeepsUndateablePages() {
        String id = register("html", "html", "/site/list.html", "{\"links\":\"ul.news a[href]\",\"body\":\"div.text\"}");
        JsonPath o = fetchNow(id);
        assertEquals(2, o.getInt("new"), o.prettify());
        assertEquals(1, o.getInt("rejected"), "robots.txt disallows /private/");
        JsonPath docs = given().queryParam("source", id).get("/api/documents").then().statusCode(200).extract().jsonPath();
        Map<String, Object> dated = docs.<Map<String, Object>>getList("items").stream()
                .filter(d -> d.get("title").toString().contains("посла Китая")).findFirst().orElseThrow();
        assertEquals("2023-02-07T09:57:00Z", dated.get("published"));
        Map<String, Object> undated = docs.<Map<String, Object>>getList("items").stream()
                .filter(d -> d.get("title").toString().contains("без даты")).findFirst().orElseThrow();
        assertEquals(true, undated.get("undateable"));
        // Second run: the articles are known, nothing is fetched again.
        JsonPath again = fetchNow(id);
        assertEquals(0, again.getInt("new"));
    }

    @Test
    void changingASourcesRoleRedrawsTheSideOfItsStoredDocuments() throws InterruptedException {
        String id = register("role", "rss", "/good.xml", null);
        String lines = "";
        for (int i = 1; i <= 2; i++) {
            lines += "{\"source\":\"" + id + "\",\"url\":\"https://example.org/" + id + "/" + i + "\",\"title\":\"Statement " + i
                    + "\",\"published\":\"2023-03-0" + i + "T10:00:00Z\",\"lang\":\"en\"}\n";
        }
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(2));
        assertEquals(2, sideCount(id, "public"));
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"name\":\"Loopback role\",\"type\":\"rss\",\"url\":\"" + base + "/good.xml\",\"role\":\"government\","
                        + "\"language\":\"ru\",\"timeZone\":\"Asia/Almaty\",\"pollInterval\":\"PT30M\"}")
                .put("/api/sources/" + id).then().statusCode(200).body("side", org.hamcrest.Matchers.equalTo("government"));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (sideCount(id, "government") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(2, sideCount(id, "government"), "the stored documents count on the new side");
        assertEquals(0, sideCount(id, "public"));
    }

    @Test
    void anOversizedAnalyzeBodyIsA413WhetherItsLengthIsDeclaredOrNot() {
        byte[] big = new byte[6_000_000];
        java.util.Arrays.fill(big, (byte) 'a');
        given().header("Authorization", KEY).contentType("text/plain").body(big).post("/api/analyze").then().statusCode(413)
                .body("error", org.hamcrest.Matchers.equalTo("payload_too_large"));
        given().header("Authorization", KEY).contentType("text/plain").body(new java.io.ByteArrayInputStream(big)).post("/api/analyze").then().statusCode(413);
        given().header("Authorization", KEY).contentType("text/plain").body("Title\nA short text.".getBytes(StandardCharsets.UTF_8))
                .post("/api/analyze")
                .then().statusCode(200);
    }

    static int sideCount(String source, String side) {
        return given().queryParam("q", "source:" + source).queryParam("side", side).get("/api/search").then().statusCode(200)
                .extract().jsonPath().getInt("total");
    }

    @Test
    void aSiteWideOrForeignCanonicalIsNotBelievedAndEveryArticleIsKept() {
        String id = register("canon", "html", "/canon/list.html", "{\"links\":\"ul.news a[href]\"}");
        JsonPath o = fetchNow(id);
        assertEquals(3, o.getInt("new"), o.prettify());
        List<String> urls = given().queryParam("source", id).get("/api/documents").then().statusCode(200).extract().jsonPath()
                .getList("items.url");
        assertEquals(3, urls.size());
        assertTrue(urls.stream().allMatch(u -> u.matches(".*/canon/[123]\\.html")), urls.toString());
        assertTrue(o.getList("problems").toString().contains("not taken"), o.prettify());
    }

    @Test
    void anUnreadableRobotsTxtStopsAnHtmlSourceAndSaysWhy() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/robots.txt", ex -> send(ex, 503, "text/plain", "down".getBytes(StandardCharsets.UTF_8)));
        other.createContext("/list.html", ex -> send(ex, 200, "text/html", LIST.getBytes(StandardCharsets.UTF_8)));
        other.start();
        try {
            String id = run + "-norobots";
            given().header("Authorization", KEY).contentType("application/json")
                    .body("{\"id\":\"" + id + "\",\"name\":\"No robots\",\"type\":\"html\",\"url\":\"http://127.0.0.1:"
                            + other.getAddress().getPort() + "/list.html\",\"role\":\"independent_media\",\"timeZone\":\"UTC\"}")
                    .post("/api/sources").then().statusCode(201);
            JsonPath o = fetchNow(id);
            assertTrue(o.getString("error").contains("robots.txt could not be read (HTTP 503)"), o.prettify());
            assertEquals(0, o.getInt("new"));
        } finally {
            other.stop(0);
        }
    }

    @Test
    void thePollerFetchesDueSourcesAndABrokenOneDoesNotStopTheOthers() throws InterruptedException {
        String broken = register("pbroken", "rss", "/broken.xml", null);
        String good = register("pgood", "rss", "/good.xml", null);
        assertTrue(poller.pollDue() >= 2);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && (source(good).get("health.lastSuccessAt") == null
                || source(broken).get("health.lastError") == null)) {
            Thread.sleep(200);
        }
        assertEquals(3, given().queryParam("source", good).get("/api/documents").then().extract().jsonPath().getInt("total"));
        assertNotNull(source(broken).get("health.lastError"));
        // Not due again until its next fetch time: a second tick does not fetch them again.
        Instant next = Instant.parse(source(good).getString("health.nextFetchAt"));
        assertTrue(next.isAfter(Instant.now().plus(25, ChronoUnit.MINUTES)));
    }

    @Test
    void writesNeedTheKeyAndBadSourcesAreRefusedWithAReason() {
        String body = "{\"id\":\"" + run + "-x\",\"name\":\"x\",\"type\":\"rss\",\"url\":\"" + base + "/good.xml\",\"role\":\"social\"}";
        given().contentType("application/json").body(body).post("/api/sources").then().statusCode(401);
        given().post("/api/sources/" + run + "-x/fetch").then().statusCode(401);
        given().header("Authorization", KEY).contentType("application/json")
                .body(body.replace(base + "/good.xml", "file:///etc/passwd")).post("/api/sources").then().statusCode(400)
                .body("detail", containsString("http or https"));
        given().header("Authorization", KEY).contentType("application/json")
                .body(body.replace("\"role\":\"social\"", "\"role\":\"social\",\"selectors\":{\"links\":\"a[[\"}")).post("/api/sources")
                .then().statusCode(400).body("detail", containsString("selectors.links"));
        given().header("Authorization", KEY).contentType("application/json")
                .body(body.replace("\"role\":\"social\"", "\"role\":\"social\",\"pollInterval\":\"every hour\"")).post("/api/sources")
                .then().statusCode(400).body("detail", containsString("pollInterval"));
        given().header("Authorization", KEY).contentType("application/json").body(body).post("/api/sources").then().statusCode(201);
        given().header("Authorization", KEY).contentType("application/json").body(body).post("/api/sources").then().statusCode(409);
        given().header("Authorization", KEY).delete("/api/sources/" + run + "-x").then().statusCode(204);
        given().get("/api/sources/" + run + "-x").then().statusCode(404);
        given().header("Authorization", KEY).post("/api/sources/" + run + "-x/fetch").then().statusCode(404);
    }

    @Test
    void theRegistryFileIsLoaded() {
        JsonPath all = given().get("/api/sources").then().statusCode(200).extract().jsonPath();
        List<String> ids = all.getList("id");
        assertTrue(ids.containsAll(List.of("akorda", "mfa-kz", "kazinform", "tengrinews", "azattyq-ru", "reddit-kazakhstan")), ids.toString());
        assertEquals("government", source("akorda").getString("role"));
        assertEquals("html", source("akorda").getString("type"));
        assertEquals("div.content-text", source("akorda").getString("selectors.body"));
    }

    @Test
    void analyzeShowsWhatIngestionWouldMakeOfAPage() {
        String page = article("Казахстан и Китай отменили визы", "<time datetime=\"2023-11-10T10:00:00+06:00\">10 ноября</time>",
                "Граждане Казахстана смогут находиться в Китае без визы до 30 дней, сообщил МИД. Безвизовый режим вступает в силу.");
        JsonPath a = given().header("Authorization", KEY).contentType("text/html; charset=utf-8").header("X-Source-Url", base + "/site/9.html")
                .body(page.getBytes(StandardCharsets.UTF_8)).post("/api/analyze").then().statusCode(200).extract().jsonPath();
        assertEquals("Казахстан и Китай отменили визы", a.getString("title"));
        assertEquals("2023-11-10T04:00:00Z", a.getString("published"));
        assertEquals("ru", a.getString("language"));
        assertTrue(a.getList("topics").contains("china-visa-free"), a.prettify());
        assertTrue(a.getString("text").contains("без визы"));
        JsonPath t = given().header("Authorization", KEY).contentType("text/plain; charset=utf-8")
                .body("Rescuers fly to Turkey\nKazakhstan sent rescuers and humanitarian aid to Turkey after the earthquake.".getBytes(StandardCharsets.UTF_8))
                .post("/api/analyze").then().statusCode(200).extract().jsonPath();
        assertEquals("Rescuers fly to Turkey", t.getString("title"));
        assertTrue(t.getBoolean("undateable"));
        assertTrue(t.getList("topics").contains("turkey-aid"), t.prettify());
        given().header("Authorization", KEY).contentType("text/plain").body(new byte[0]).post("/api/analyze").then().statusCode(400);
    }
}
