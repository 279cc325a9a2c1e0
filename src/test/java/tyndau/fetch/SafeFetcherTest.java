package tyndau.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SafeFetcher against a real HTTP server on loopback. */
class SafeFetcherTest {
    HttpServer server;
    String base;
    final AtomicReference<String> userAgent = new AtomicReference<>();

    static SafeFetcher fetcher(Duration deadline, long maxBytes, java.util.function.Predicate<InetAddress> allowed) {
        return new SafeFetcher(new SafeFetcher.Settings(Duration.ofSeconds(2), deadline, maxBytes, 5,
                "Tyndau/test (+https://example.org/contact)", 2, Duration.ZERO), allowed);
    }

    /** Only the test server's own address: every other loopback or private address stays refused. */
    static boolean onlyTestServer(InetAddress a) {
        return a.getHostAddress().equals("127.0.0.1") || AddressGuard.isPublic(a);
    }

    static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        }
        ex.close();
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/feed", ex -> {
            userAgent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                send(ex, 304, new byte[0]);
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
            send(ex, 200, "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/liar", ex -> {
            ex.getResponseHeaders().add("ETag", "\"" + System.nanoTime() + "\"");
            send(ex, 200, "same body".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/to-private", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.2:" + server.getAddress().getPort() + "/feed");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/to-metadata", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            send(ex, 301, new byte[0]);
        });
        server.createContext("/loop", ex -> {
            ex.getResponseHeaders().add("Location", "/loop");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/to-file", ex -> {
            ex.getResponseHeaders().add("Location", "file:///etc/passwd");
            send(ex, 302, new byte[0]);
        });
        server.createContext("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream o = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    o.write('x');
                    o.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException ignored) {
                // the client hung up: expected
            }
            ex.close();
        });
        server.createContext("/bomb", ex -> {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 64; i++) {
                    z.write(zeros);
                }
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, gz.toByteArray());
        });
        server.createContext("/gzip", ex -> {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
                z.write("Қазақстан".getBytes(StandardCharsets.UTF_8));
            }
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, gz.toByteArray());
        });
        server.createContext("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            send(ex, 503, new byte[0]);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void rejectsFeedUrlThatResolvesToLoopback() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher(Duration.ofSeconds(5), 1 << 20, AddressGuard::isPublic).fetch(SafeFetcher.Request.of(URI.create(base + "/feed"))));
        assertTrue(e.getMessage().contains("private"), e.getMessage());
        FetchException named = assertThrows(FetchException.class, () -> fetcher(Duration.ofSeconds(5), 1 << 20, AddressGuard::isPublic)
                .fetch(SafeFetcher.Request.of(URI.create("http://localhost:" + server.getAddress().getPort() + "/feed"))));
        // The refusal (shown in public source health) names the host, not the inner address it resolved to.
        assertTrue(named.getMessage().contains("localhost"), named.getMessage());
        assertFalse(named.getMessage().contains("127.0.0.1") || named.getMessage().contains("0:0:0:0:0:0:0:1"), named.getMessage());
    }

    @Test
    void refusesARedirectToAPrivateAddressOnThatHop() {
        SafeFetcher f = fetcher(Duration.ofSeconds(5), 1 << 20, SafeFetcherTest::onlyTestServer);
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(SafeFetcher.Request.of(URI.create(base + "/to-private"))));
        assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
        FetchException meta = assertThrows(FetchException.class, () -> f.fetch(SafeFetcher.Request.of(URI.create(base + "/to-metadata"))));
        assertTrue(meta.getMessage().contains("169.254.169.254"), meta.getMessage());
    }

    @Test
    void followsAtMostFiveRedirectsAndOnlyToWebUrls() {
        SafeFetcher f = fetcher(Duration.ofSeconds(5), 1 << 20, SafeFetcherTest::onlyTestServer);
        assertTrue(assertThrows(FetchException.class, () -> f.fetch(SafeFetcher.Request.of(URI.create(base + "/loop"))))
                .getMessage().contains("redirects"));
        assertThrows(FetchException.class, () -> f.fetch(SafeFetcher.Request.of(URI.create(base + "/to-file"))));
        assertThrows(FetchException.class, () -> f.fetch(SafeFetcher.Request.of(URI.create("ftp://example.org/x"))));
    }

    @Test
    void cutsATrickledBodyAtTheDeadline() {
        long t0 = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ofSeconds(1), 1 << 20, SafeFetcherTest::onlyTestServer)
                .fetch(SafeFetcher.Request.of(URI.create(base + "/trickle"))));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
        assertTrue(seconds < 5, "cut after " + seconds + " s, the body would take 20 s");
    }

    /** A raw server on loopback that answers every connection with {@code answer}, one chunk per {@code gap}. */
    static java.net.ServerSocket rawServer(byte[][] chunks, Duration gap) throws IOException {
        java.net.ServerSocket ss = new java.net.ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (java.net.Socket c = ss.accept()) {
                    c.getInputStream().read(new byte[8192]);
                    OutputStream o = c.getOutputStream();
                    for (byte[] chunk : chunks) {
                        o.write(chunk);
                        o.flush();
                        Thread.sleep(gap.toMillis());
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up, or the test is over
                }
            }
        }, "raw-server");
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    void abandonsAServerThatTricklesItsStatusLineAndHeadersAtTheDeadline() throws Exception {
        // One byte every 300 ms (under the socket timeout): the status line and headers would take a minute.
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        byte[][] bytes = new byte[head.length][];
        for (int i = 0; i < head.length; i++) {
            bytes[i] = new byte[] {head[i]};
        }
        try (java.net.ServerSocket slow = rawServer(bytes, Duration.ofMillis(300))) {
            long t0 = System.nanoTime();
            FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ofSeconds(2), 1 << 20, SafeFetcherTest::onlyTestServer)
                    .fetch(SafeFetcher.Request.of(URI.create("http://127.0.0.1:" + slow.getLocalPort() + "/slow-headers"))));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(e.getMessage().contains("deadline"), e.getMessage());
            assertTrue(seconds < 6, "abandoned after " + seconds + " s; the headers would take " + head.length * 0.3 + " s");
        }
    }

    @Test
    void refusesHeadersPastTheCap() throws Exception {
        byte[] longLine = ("HTTP/1.1 200 OK\r\nX-Long: " + "a".repeat(SafeFetcher.MAX_HEADER_LINE * 2) + "\r\n\r\nbody")
                .getBytes(StandardCharsets.US_ASCII);
        StringBuilder many = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i <= SafeFetcher.MAX_HEADERS; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        many.append("Content-Length: 4\r\n\r\nbody");
        for (byte[] answer : new byte[][] {longLine, many.toString().getBytes(StandardCharsets.US_ASCII)}) {
            try (java.net.ServerSocket server = rawServer(new byte[][] {answer}, Duration.ofMillis(10))) {
                FetchException e = assertThrows(FetchException.class, () -> fetcher(Duration.ofSeconds(5), 1 << 20,
                        SafeFetcherTest::onlyTestServer).fetch(SafeFetcher.Request.of(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))));
                assertTrue(e.getMessage().contains("headers pass the cap"), e.getMessage());
            }
        }
    }

    @Test
    void capsTheDecompressedBodyOfAGzipBomb() throws FetchException {
        SafeFetcher f = fetcher(Duration.ofSeconds(10), 1 << 20, SafeFetcherTest::onlyTestServer);
        FetchException e = assertThrows(FetchException.class, () -> f.fetch(SafeFetcher.Request.of(URI.create(base + "/bomb"))));
        assertTrue(e.getMessage().contains("after decompression"), e.getMessage());
        Fetched ok = f.fetch(SafeFetcher.Request.of(URI.create(base + "/gzip")));
        assertArrayEquals("Қазақстан".getBytes(StandardCharsets.UTF_8), ok.body());
    }

    @Test
    void skipsUnchangedFeedOn304AndOnALyingEtag() throws FetchException {
        SafeFetcher f = fetcher(Duration.ofSeconds(5), 1 << 20, SafeFetcherTest::onlyTestServer);
        Fetched first = f.fetch(SafeFetcher.Request.of(URI.create(base + "/feed")));
        assertEquals(200, first.status());
        assertFalse(first.unchanged());
        assertTrue(userAgent.get().startsWith("Tyndau/") && userAgent.get().contains("https://example.org/contact"));
        Fetched second = f.fetch(new SafeFetcher.Request(URI.create(base + "/feed"), first.etag(), first.lastModified(), first.bodySha256()));
        assertEquals(304, second.status());
        assertTrue(second.unchanged());
        Fetched a = f.fetch(SafeFetcher.Request.of(URI.create(base + "/liar")));
        Fetched b = f.fetch(new SafeFetcher.Request(URI.create(base + "/liar"), a.etag(), null, a.bodySha256()));
        assertEquals(200, b.status());
        assertTrue(b.unchanged(), "same body hash despite a new ETag");
    }

    @Test
    void reportsRetryAfter() throws FetchException {
        Fetched busy = fetcher(Duration.ofSeconds(5), 1 << 20, SafeFetcherTest::onlyTestServer)
                .fetch(SafeFetcher.Request.of(URI.create(base + "/busy")));
        assertEquals(503, busy.status());
        assertEquals(Duration.ofSeconds(120), busy.retryAfter());
    }

    @Test
    void pacingOneHostNeverHoldsUpAnother() throws Exception {
        SafeFetcher f = new SafeFetcher(new SafeFetcher.Settings(Duration.ofSeconds(2), Duration.ofSeconds(10), 1_000_000, 5,
                "Tyndau/test (+https://example.org/contact)", 2, Duration.ofMillis(1500)), SafeFetcherTest::onlyTestServer);
        int port = server.getAddress().getPort();
        URI a = URI.create("http://127.0.0.1:" + port + "/feed");
        URI b = URI.create("http://localhost:" + port + "/feed");
        f.fetch(SafeFetcher.Request.of(a));
        java.util.concurrent.CompletableFuture<Long> second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            try {
                f.fetch(SafeFetcher.Request.of(a));
            } catch (FetchException e) {
                throw new IllegalStateException(e);
            }
            return (System.nanoTime() - t0) / 1_000_000;
        });
        Thread.sleep(200); // the second request to 127.0.0.1 is now waiting its turn
        long t0 = System.nanoTime();
        f.fetch(SafeFetcher.Request.of(b));
        long other = (System.nanoTime() - t0) / 1_000_000;
        long same = second.get();
        org.junit.jupiter.api.Assertions.assertTrue(same >= 1000, "the same host waits its turn: " + same + " ms");
        org.junit.jupiter.api.Assertions.assertTrue(other < 1000, "another host does not wait for it: " + other + " ms");
    }
}
