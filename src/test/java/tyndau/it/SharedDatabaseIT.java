package tyndau.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar started twice on one PostgreSQL (chosen at start by TYNDAU_DB_URL, no second build),
 * each with its own home and index: concurrent imports through both lose nothing and never collide on
 * sequence numbers; what either wrote is searchable on both; after one is killed mid-import and the
 * batch re-sent through the other, both agree with the database. Runs when TYNDAU_TEST_PG_URL names a
 * database it may empty (.ci/run's).
 */
class SharedDatabaseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "shared-database-key";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static String lines(String batch, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String role = i % 2 == 0 ? "social" : "government";
            b.append("{\"source\":\"shared-").append(batch).append('-').append(role).append("\",\"role\":\"").append(role)
                    .append("\",\"url\":\"https://example.org/").append(batch).append('/').append(i)
                    .append("\",\"title\":\"Ресей мен Қытай ").append(batch).append(' ').append(i)
                    .append("\",\"body\":\"Шекарада кезек ").append(i).append(". Россия и Китай обсудили транзит номер ").append(i)
                    .append(".\",\"published\":\"2023-0").append(1 + i % 9).append("-1").append(i % 10).append("T08:00:00Z\"}\n");
        }
        return b.toString();
    }

    CompletableFuture<HttpResponse<String>> importVia(ServiceProcess s, String body) {
        return http.sendAsync(HttpRequest.newBuilder(s.uri("/api/import"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long total(ServiceProcess s, String path) throws Exception {
        return JSON.readTree(s.get(path).body()).get("total").asLong();
    }

    @Test
    void twoInstancesOnOneDatabaseAgree() throws Exception {
        String url = System.getenv("TYNDAU_TEST_PG_URL");
        Assumptions.assumeTrue(url != null, "TYNDAU_TEST_PG_URL not set");
        String user = System.getenv("TYNDAU_TEST_PG_USER");
        String password = System.getenv("TYNDAU_TEST_PG_PASSWORD");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        String[] props = {"tyndau.demo.enabled=false", "tyndau.api-key=" + KEY, "tyndau.import.batch-size=200",
                "tyndau.db.url=" + url, "tyndau.db.user=" + user, "tyndau.db.password=" + password,
                "tyndau.polling.enabled=true", "tyndau.polling.tick=1s", "tyndau.fetch.allow-private-networks=true",
                "tyndau.rate-limit.per-minute=0", "tyndau.cluster.heartbeat=1s"};
        HttpServer feed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();
        List<String> hooks = java.util.Collections.synchronizedList(new ArrayList<>());
        feed.createContext("/hook", x -> {
            hooks.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        feed.createContext("/", x -> {
            fetches.computeIfAbsent(x.getRequestURI().getPath(), k -> new AtomicInteger()).incrementAndGet();
            byte[] rss = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>loopback</title><item><title>Ресей</title>"
                    + "<link>http://example.org" + x.getRequestURI().getPath() + "/1</link><description>Ресей мен Қытай.</description>"
                    + "<pubDate>Mon, 02 Jan 2023 08:00:00 GMT</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/rss+xml");
            x.sendResponseHeaders(200, rss.length);
            x.getResponseBody().write(rss);
            x.close();
        });
        feed.start();
        try (ServiceProcess a = new ServiceProcess(dir.resolve("a"), props); ServiceProcess b = new ServiceProcess(dir.resolve("b"), props)) {
            a.start();
            a.awaitReady(Duration.ofMinutes(2));
            b.start();
            b.awaitReady(Duration.ofMinutes(2));
            ServiceProcess poller = awaitJobs(a, b);

            // A loopback feed added through the instance that does not poll is fetched once, by the one that does.
            String base = "http://127.0.0.1:" + feed.getAddress().getPort();
            addSource(poller == a ? b : a, "loopback-1", base + "/one.xml");
            assertFetchedOnce(fetches, "/one.xml");

            // Concurrent imports through both instances, 50 readers on both meanwhile: every line stored, none refused.
            CompletableFuture<HttpResponse<String>> viaA = importVia(a, lines("a", 3000));
            CompletableFuture<HttpResponse<String>> viaB = importVia(b, lines("b", 3000));
            Readers readers = new Readers(50, a, b);
            CompletableFuture.allOf(viaA, viaB).join();
            readers.stop();
            assertEquals(0, readers.errors.get(), "readers saw errors during the import: " + readers.firstError);
            System.out.printf("SharedDatabaseIT: %d reads by 50 readers during the import, 0 errors; search p50 %d ms, p99 %d ms;"
                    + " timeline p50 %d ms, p99 %d ms%n", readers.count(), readers.percentile(readers.search, 50), readers.percentile(readers.search, 99),
                    readers.percentile(readers.timeline, 50), readers.percentile(readers.timeline, 99));
            for (HttpResponse<String> r : java.util.List.of(viaA.join(), viaB.join())) {
                assertEquals(200, r.statusCode(), r.body());
                JsonNode answer = JSON.readTree(r.body());
                assertEquals(3000, answer.get("accepted").asLong(), r.body());
                assertEquals(0, answer.get("rejected").asLong(), r.body());
            }
            // The 6,000 lines and the loopback feed's item.
            long lag = awaitAgreement(6001, a, b);
            System.out.printf("SharedDatabaseIT: 6000 documents through two instances; the slower replica agreed %d ms after both answers%n", lag);

            // A sensitive announcement written through one instance: one alert, the same on both, on the event
            // streams of both, its webhook called once.
            put(a, "/api/topics/hookword", "{\"label\":\"Hooks\",\"query\":\"hookword\",\"sensitive\":true}");
            long heard = System.nanoTime();
            while (b.get("/api/topics/hookword").statusCode() != 200) {
                assertTrue(System.nanoTime() - heard < Duration.ofSeconds(10).toNanos(), "a topic made on one instance is not known to the other");
                Thread.sleep(100);
            }
            post(b, "/api/alert-rules", "{\"id\":\"hooked\",\"kind\":\"sensitive-announcement\",\"topics\":[\"hookword\"],"
                    + "\"channels\":{\"webhook\":{\"url\":\"" + base + "/hook\",\"secret\":\"a-webhook-secret-of-some-length\"}}}");
            heard = System.nanoTime();
            while (a.get("/api/alert-rules/hooked").statusCode() != 200) {
                assertTrue(System.nanoTime() - heard < Duration.ofSeconds(10).toNanos(), "a rule made on one instance is not known to the other");
                Thread.sleep(100);
            }
            EventStream streamA = new EventStream(http, a);
            EventStream streamB = new EventStream(http, b);
            String now = Instant.now().minus(Duration.ofMinutes(10)).toString();
            HttpResponse<String> decree = importVia(poller == a ? b : a, "{\"source\":\"shared-decrees\",\"role\":\"government\","
                    + "\"url\":\"https://example.org/decree/1\",\"title\":\"Decree on hookword\",\"body\":\"The hookword decree.\","
                    + "\"published\":\"" + now + "\"}\n").join();
            assertEquals(200, decree.statusCode(), decree.body());
            long t0 = System.nanoTime();
            while (hooks.isEmpty() || !streamA.sawAlert() || !streamB.sawAlert()) {
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(30).toNanos(), "alert not seen everywhere: webhook "
                        + hooks.size() + ", stream a " + streamA.sawAlert() + ", stream b " + streamB.sawAlert());
                Thread.sleep(100);
            }
            System.out.printf("SharedDatabaseIT: the alert reached the webhook and both event streams %d ms after the import answered%n",
                    (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(3000);
            assertEquals(1, hooks.size(), "the webhook is called once: " + hooks);
            JsonNode alertsA = JSON.readTree(a.get("/api/alerts?rule=hooked").body()).get("items");
            JsonNode alertsB = JSON.readTree(b.get("/api/alerts?rule=hooked").body()).get("items");
            assertEquals(1, alertsA.size(), alertsA.toString());
            assertEquals(alertsA.get(0).get("id"), alertsB.get(0).get("id"), "the same alert on both");
            assertEquals(alertsA.get(0).get("id").asLong(), JSON.readTree(hooks.get(0)).get("id").asLong());
            streamA.close();
            streamB.close();
            awaitAgreement(6002, a, b);

            // The instance that polls is killed mid-import; the other takes the poller over, the batch is re-sent
            // through it, and the killed one is restarted.
            ServiceProcess victim = poller;
            ServiceProcess survivor = poller == a ? b : a;
            String batch = lines("c", 20_000);
            CompletableFuture<HttpResponse<String>> killed = importVia(victim, batch);
            Thread.sleep(1500);
            victim.kill();
            long killedAt = System.nanoTime();
            killed.handle((r, e) -> null).join();
            while (!jobs(survivor).containsAll(List.of("poller", "alerts", "deliveries"))) {
                assertTrue(System.nanoTime() - killedAt < Duration.ofSeconds(10).toNanos(), "the survivor did not take the jobs over");
                Thread.sleep(100);
            }
            System.out.printf("SharedDatabaseIT: every job moved to the survivor %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);
            addSource(survivor, "loopback-2", base + "/two.xml");
            assertFetchedOnce(fetches, "/two.xml");
            HttpResponse<String> resent = importVia(survivor, batch).join();
            JsonNode answer = JSON.readTree(resent.body());
            assertEquals(20_000, answer.get("accepted").asLong() + answer.get("duplicates").asLong(), resent.body());
            assertEquals(0, answer.get("rejected").asLong(), resent.body());
            victim.start();
            victim.awaitReady(Duration.ofMinutes(2));
            awaitAgreement(26_003, Duration.ofSeconds(30), a, b);
            awaitJobs(a, b);
            String timeline = "/api/timeline?topic=russia&interval=month&from=2023-01-01&to=2023-12-31";
            assertEquals(JSON.readTree(a.get(timeline).body()).get("buckets"), JSON.readTree(b.get(timeline).body()).get("buckets"),
                    "both instances draw the same timeline");
            String verdict = "/api/responsiveness?topic=russia&from=2023-01-01&to=2023-12-31";
            assertEquals(JSON.readTree(a.get(verdict).body()).get("verdict"), JSON.readTree(b.get(verdict).body()).get("verdict"));
            long listed = System.nanoTime();
            JsonNode cluster = JSON.readTree(survivor.get("/api/cluster").body());
            while (count(cluster, true) != 2) {
                assertTrue(System.nanoTime() - listed < Duration.ofSeconds(10).toNanos(), cluster.toString());
                Thread.sleep(200);
                cluster = JSON.readTree(survivor.get("/api/cluster").body());
            }
            assertEquals(1, count(cluster, false), "the killed instance's row stays, not live: " + cluster);

            // The holder's own connection is cut (a network partition, an administrator): its locks go with it,
            // the jobs end up held once each again, and it does not keep running them meanwhile.
            ServiceProcess holder = awaitJobs(a, b);
            String holderId = self(holder);
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tyndau-cluster " + holderId + "'");
            }
            Thread.sleep(3000);
            awaitJobs(a, b);
            // The holder freezes (SIGSTOP): its connection stays open and PostgreSQL sees nothing wrong, so only the other
            // instance can end its hold. Every job moves within 30 s; woken (SIGCONT), the old holder acts as none.
            ServiceProcess frozen = awaitJobs(a, b);
            ServiceProcess awake = frozen == a ? b : a;
            frozen.signal("STOP");
            long frozenAt = System.nanoTime();
            try {
                while (!jobs(awake).containsAll(List.of("poller", "alerts", "deliveries"))) {
                    assertTrue(System.nanoTime() - frozenAt < Duration.ofSeconds(30).toNanos(), "the jobs stayed with the frozen instance");
                    Thread.sleep(200);
                }
                System.out.printf("SharedDatabaseIT: every job moved off the frozen holder %d ms after SIGSTOP%n",
                        (System.nanoTime() - frozenAt) / 1_000_000);
            } finally {
                frozen.signal("CONT");
            }
            assertEquals(List.of(), jobs(frozen), "woken, the old holder runs no job");
            assertTrue(jobs(awake).containsAll(List.of("poller", "alerts", "deliveries")));
            awaitJobs(a, b);
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
                 java.sql.ResultSet r = st.executeQuery("select count(*), count(distinct seq), min(seq), max(seq) from document")) {
                r.next();
                assertEquals(r.getLong(1), r.getLong(2), "every sequence number given once");
                assertEquals(26_003, r.getLong(1));
            }
        } finally {
            feed.stop(0);
        }
    }

    private static long count(JsonNode cluster, boolean live) {
        long n = 0;
        for (JsonNode i : cluster.get("instances")) {
            n += i.get("live").asBoolean() == live ? 1 : 0;
        }
        return n;
    }

    /** A feed is fetched by one instance (within 30 s), then not again within the next five poller ticks. */
    private static void assertFetchedOnce(Map<String, AtomicInteger> fetches, String path) throws InterruptedException {
        long t0 = System.nanoTime();
        while (fetches.getOrDefault(path, new AtomicInteger()).get() == 0) {
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(30).toNanos(), path + " never fetched");
            Thread.sleep(100);
        }
        Thread.sleep(5000);
        assertEquals(1, fetches.get(path).get(), path + ": fetched once per interval, cluster-wide");
    }

    private static String self(ServiceProcess s) throws Exception {
        return JSON.readTree(s.get("/api/cluster").body()).get("self").asText();
    }

    /** The singleton jobs {@code s} holds, by name. */
    private static List<String> jobs(ServiceProcess s) throws Exception {
        JsonNode c = JSON.readTree(s.get("/api/cluster").body());
        for (JsonNode i : c.get("instances")) {
            if (i.get("self").asBoolean()) {
                List<String> out = new ArrayList<>();
                i.get("jobs").forEach(j -> out.add(j.asText()));
                return out;
            }
        }
        return List.of();
    }

    /** Waits until every singleton job is held by exactly one of the instances; answers the one that polls. */
    private static ServiceProcess awaitJobs(ServiceProcess... instances) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Map<String, Integer> holders = new HashMap<>();
            ServiceProcess poller = null;
            for (ServiceProcess s : instances) {
                for (String j : jobs(s)) {
                    holders.merge(j, 1, Integer::sum);
                    if (j.equals("poller")) {
                        poller = s;
                    }
                }
            }
            if (holders.equals(Map.of("poller", 1, "alerts", 1, "deliveries", 1, "events", 1))) {
                return poller;
            }
            assertTrue(System.nanoTime() < deadline, "singleton jobs not held once each: " + holders);
            Thread.sleep(200);
        }
    }

    private void put(ServiceProcess s, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, path + ": " + r.statusCode() + " " + r.body());
    }

    private void post(ServiceProcess s, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.uri(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() / 100 == 2, path + ": " + r.statusCode() + " " + r.body());
    }

    /** An open {@code /api/alerts/stream} of one instance, read on a thread of its own. */
    static final class EventStream implements AutoCloseable {
        private final CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;
        private volatile boolean alert;

        EventStream(HttpClient http, ServiceProcess s) throws Exception {
            response = http.sendAsync(HttpRequest.newBuilder(s.uri("/api/alerts/stream")).build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode(), "the event stream is open");
            response.thenAcceptAsync(r -> {
                try {
                    r.body().forEach(line -> {
                        if (line.startsWith("event:") && line.contains("alert")) {
                            alert = true;
                        }
                    });
                } catch (RuntimeException closed) {
                    // the stream ended
                }
            });
        }

        boolean sawAlert() {
            return alert;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }

    private void addSource(ServiceProcess s, String id, String feedUrl) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.uri("/api/sources"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"type\":\"rss\",\"url\":\""
                        + feedUrl + "\",\"role\":\"social\",\"language\":\"kk\",\"pollInterval\":\"PT1M\",\"enabled\":true}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
    }

    /** Readers searching and drawing timelines on every instance, each in turn, until stopped. */
    static final class Readers {
        final AtomicInteger errors = new AtomicInteger();
        volatile String firstError;
        final List<Long> search = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Long> timeline = java.util.Collections.synchronizedList(new ArrayList<>());
        private volatile boolean stop;
        private final List<Thread> threads = new ArrayList<>();

        Readers(int n, ServiceProcess... instances) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int k = 0; k < n; k++) {
                int me = k;
                Thread t = new Thread(() -> {
                    int i = 0;
                    while (!stop) {
                        ServiceProcess s = instances[(me + i) % instances.length];
                        boolean bySearch = (me + i++) % 2 == 0;
                        String path = bySearch ? "/api/search?q=%D0%A0%D0%B5%D1%81%D0%B5%D0%B9&size=20"
                                : "/api/timeline?topic=russia&interval=week&from=2023-01-01&to=2023-12-31";
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = client.send(HttpRequest.newBuilder(s.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != 200) {
                                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
                            }
                            (bySearch ? search : timeline).add((System.nanoTime() - t0) / 1_000_000);
                        } catch (Exception e) {
                            if (errors.getAndIncrement() == 0) {
                                firstError = e.toString();
                            }
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        void stop() throws InterruptedException {
            stop = true;
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        int count() {
            return search.size() + timeline.size();
        }

        long percentile(List<Long> values, int p) {
            List<Long> sorted = new ArrayList<>(values);
            java.util.Collections.sort(sorted);
            return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    /** Waits (at most 5 s: the replicas' promise) until both instances list and find {@code expected} documents; answers how long it took. */
    private static long awaitAgreement(long expected, ServiceProcess... instances) throws Exception {
        return awaitAgreement(expected, Duration.ofSeconds(5), instances);
    }

    private static long awaitAgreement(long expected, Duration within, ServiceProcess... instances) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + within.toNanos();
        while (true) {
            boolean all = true;
            java.util.Set<Long> found = new java.util.HashSet<>();
            for (ServiceProcess s : instances) {
                all &= total(s, "/api/documents?size=1") == expected && total(s, "/api/search?size=1") == expected;
                found.add(total(s, "/api/search?size=1&q=%D0%A0%D0%B5%D1%81%D0%B5%D0%B9"));
            }
            all &= found.size() == 1;
            if (all) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            assertTrue(System.nanoTime() < deadline, () -> "instances disagree with the database after " + within + ": " + describe(expected, instances));
            Thread.sleep(100);
        }
    }

    private static String describe(long expected, ServiceProcess... instances) {
        StringBuilder b = new StringBuilder("expected " + expected);
        for (ServiceProcess s : instances) {
            try {
                b.append("; port ").append(s.port).append(": listed ").append(total(s, "/api/documents?size=1"))
                        .append(", found ").append(total(s, "/api/search?size=1"));
            } catch (Exception e) {
                b.append("; port ").append(s.port).append(": ").append(e);
            }
        }
        return b.toString();
    }
}
