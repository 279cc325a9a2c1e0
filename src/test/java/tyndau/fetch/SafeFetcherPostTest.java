package tyndau.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SafeFetcher.post (alert webhooks) against a real HTTP server on loopback: the same guards as a fetch. */
class SafeFetcherPostTest {
    HttpServer server;
    String base;
    final AtomicReference<byte[]> received = new AtomicReference<>();
    final AtomicReference<String> signature = new AtomicReference<>();
    final AtomicReference<String> contentType = new AtomicReference<>();
    final AtomicInteger sinkHits = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/hook", ex -> {
            received.set(ex.getRequestBody().readAllBytes());
            signature.set(ex.getRequestHeaders().getFirst("X-Test-Signature"));
            contentType.set(ex.getRequestHeaders().getFirst("Content-Type"));
            SafeFetcherTest.send(ex, "POST".equals(ex.getRequestMethod()) ? 202 : 405, "ok".getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/moved", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Location", "/sink");
            SafeFetcherTest.send(ex, 307, new byte[0]);
        });
        server.createContext("/sink", ex -> {
            sinkHits.incrementAndGet();
            SafeFetcherTest.send(ex, 200, new byte[0]);
        });
        server.createContext("/huge", ex -> {
            ex.getRequestBody().readAllBytes();
            SafeFetcherTest.send(ex, 200, new byte[3 << 20]);
        });
        server.createContext("/trickle", ex -> {
            ex.getRequestBody().readAllBytes();
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
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static SafeFetcher allowingTestServer(Duration deadline) {
        return SafeFetcherTest.fetcher(deadline, 1 << 20, SafeFetcherTest::onlyTestServer);
    }

    @Test
    void postsTheExactBodyWithItsHeaders() throws FetchException {
        byte[] body = "{\"id\":1,\"topic\":\"қытай\"}".getBytes(StandardCharsets.UTF_8);
        Fetched f = allowingTestServer(Duration.ofSeconds(5))
                .post(URI.create(base + "/hook"), "application/json", body, Map.of("X-Test-Signature", "sha256=abc"));
        assertEquals(202, f.status());
        assertArrayEquals("ok".getBytes(StandardCharsets.UTF_8), f.body());
        assertArrayEquals(body, received.get());
        assertEquals("sha256=abc", signature.get());
        assertTrue(contentType.get().startsWith("application/json"), contentType.get());
    }

    @Test
    void rejectsWebhookUrlThatResolvesToLoopback() {
        SafeFetcher publicOnly = SafeFetcherTest.fetcher(Duration.ofSeconds(5), 1 << 20, AddressGuard::isPublic);
        FetchException e = assertThrows(FetchException.class,
                () -> publicOnly.post(URI.create(base + "/hook"), "application/json", new byte[] {'{', '}'}, Map.of()));
        assertTrue(e.getMessage().contains("private"), e.getMessage());
        assertEquals(null, received.get(), "nothing reached the server");
        assertThrows(FetchException.class, () -> publicOnly.post(URI.create("http://169.254.169.254/latest/meta-data/"),
                "application/json", new byte[0], Map.of()));
    }

    @Test
    void neverFollowsARedirectWithTheBody() throws FetchException {
        Fetched f = allowingTestServer(Duration.ofSeconds(5))
                .post(URI.create(base + "/moved"), "application/json", new byte[] {'{', '}'}, Map.of());
        assertEquals(307, f.status());
        assertEquals("/sink", f.location());
        assertEquals(0, sinkHits.get());
    }

    @Test
    void capsTheAnswerAndCutsATrickledOneAtTheDeadline() {
        FetchException big = assertThrows(FetchException.class, () -> allowingTestServer(Duration.ofSeconds(5))
                .post(URI.create(base + "/huge"), "application/json", new byte[0], Map.of()));
        assertTrue(big.getMessage().contains("larger than"), big.getMessage());
        FetchException slow = assertThrows(FetchException.class, () -> allowingTestServer(Duration.ofSeconds(1))
                .post(URI.create(base + "/trickle"), "application/json", new byte[0], Map.of()));
        assertTrue(slow.getMessage().contains("deadline"), slow.getMessage());
    }

    @Test
    void postsOnlyToWebUrls() {
        assertThrows(FetchException.class, () -> allowingTestServer(Duration.ofSeconds(5))
                .post(URI.create("file:///etc/passwd"), "application/json", new byte[0], Map.of()));
        assertThrows(FetchException.class, () -> allowingTestServer(Duration.ofSeconds(5))
                .post(URI.create("ftp://example.org/hook"), "application/json", new byte[0], Map.of()));
    }
}
