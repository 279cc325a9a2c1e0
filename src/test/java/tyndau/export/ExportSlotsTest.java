package tyndau.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Clients that never read their export: one address holds at most its share of the turns, and a stalled reader is
 * dropped, which gives its turn back.
 */
@QuarkusTest
@TestProfile(ExportSlotsTest.Shares.class)
class ExportSlotsTest {

    public static class Shares implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.export.max-concurrent", "4", "tyndau.export.max-per-address", "2",
                    "tyndau.export.stall-timeout", "3s", "tyndau.export.page-size", "7", "tyndau.alerts.max-streams-per-address", "2");
        }
    }

    /** An export asked from {@code from} (a loopback address of its own) whose answer is never read. */
    private static Socket neverRead(String from, String run) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
        s.getOutputStream().write(("GET /api/export/documents?format=jsonl&q=source:" + run + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** The status line of an export asked from {@code from}, read at once (the body is then left). */
    private static String statusFrom(String from, String run) throws IOException {
        try (Socket s = neverRead(from, run)) {
            s.setSoTimeout(20_000);
            InputStream in = s.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    /** The status line of a request for the alert stream from {@code from}; the socket stays open (the stream too). */
    private static String streamFrom(String from, List<Socket> open) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
        s.setSoTimeout(20_000);
        open.add(s);
        s.getOutputStream().write("GET /api/alerts/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** The threads of this JVM running an export's body. */
    private static List<String> exportThreads() {
        List<String> found = new ArrayList<>();
        Thread.getAllStackTraces().forEach((t, frames) -> {
            for (StackTraceElement f : frames) {
                if (f.getClassName().startsWith(ExportResource.class.getName())) {
                    found.add(t.getName());
                    return;
                }
            }
        });
        return found;
    }

    @Test
    void oneAddressHoldsItsShareOfTheAlertStreams() throws Exception {
        List<Socket> open = new ArrayList<>();
        try {
            assertTrue(streamFrom("127.0.0.3", open).contains("200"));
            assertTrue(streamFrom("127.0.0.3", open).contains("200"));
            String third = streamFrom("127.0.0.3", open);
            assertTrue(third.contains("429"), "a third stream from one address: " + third);
            assertTrue(streamFrom("127.0.0.4", open).contains("200"), "another address still gets one");
            open.get(0).close();
            long deadline = System.nanoTime() + 30_000_000_000L;
            String again;
            do {
                Thread.sleep(500);
                again = streamFrom("127.0.0.3", open);
            } while (!again.contains("200") && System.nanoTime() < deadline);
            assertTrue(again.contains("200"), "a closed stream gives its share back: " + again);
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void oneAddressHoldsItsShareAndAStalledReaderIsDropped() throws Exception {
        String run = "slots" + UUID.randomUUID().toString().substring(0, 6);
        ExportLimitsTest.importLarge(run);
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stalled.add(neverRead("127.0.0.2", run));
            }
            Thread.sleep(1000);
            String third = statusFrom("127.0.0.2", run);
            assertTrue(third.contains("429"), "a third export from the same address waits: " + third);
            // Another address still gets a turn while the first holds its two.
            given().queryParam("q", "source:" + run).queryParam("format", "jsonl").get("/api/export/documents").then().statusCode(200);
            // The stalled readers are dropped after the stall timeout: the address gets its turns back.
            long deadline = System.nanoTime() + 20_000_000_000L;
            String again;
            do {
                Thread.sleep(500);
                again = statusFrom("127.0.0.2", run);
            } while (!again.contains("200") && System.nanoTime() < deadline);
            assertTrue(again.contains("200"), "the stalled exports were dropped: " + again);
            // Dropped means closed at once: no thread is left waiting to write an export nobody reads (a graceful
            // close waits for what is queued to be written out first, which kept each one for good).
            long threadsDeadline = System.nanoTime() + 15_000_000_000L;
            List<String> writing;
            do {
                Thread.sleep(250);
                writing = exportThreads();
            } while (!writing.isEmpty() && System.nanoTime() < threadsDeadline);
            assertTrue(writing.isEmpty(), "threads still writing exports: " + writing);
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }
}
