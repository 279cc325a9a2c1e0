package tyndau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Clients of the alert event stream that never read: once what is written to them fills the buffers, they are
 * dropped within the stall timeout, their connections closed and their places given back; a client that reads is
 * served throughout. Real loopback sockets with small receive buffers, each address a loopback address of its own.
 */
@QuarkusTest
@TestProfile(AlertStreamStallTest.Stall.class)
class AlertStreamStallTest {
    static final int EVENTS = 200;
    static final int EVENT_CHARS = 50_000;

    public static class Stall implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.alerts.stream-stall-timeout", "2s", "tyndau.alerts.max-streams-per-address", "2");
        }
    }

    @Inject
    AlertStream stream;

    /** A stream asked from {@code from}; answers its status line, and nothing more is read unless the caller reads. */
    private static String open(String from, List<Socket> sockets) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096); // before connecting, so the window offered is small
        s.bind(new InetSocketAddress(from, 0));
        s.connect(new InetSocketAddress("127.0.0.1", RestAssured.port));
        s.setSoTimeout(20_000);
        sockets.add(s);
        s.getOutputStream().write("GET /api/alerts/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    private static AlertView big(long id) {
        return new AlertView(id, "announcement", "stall-test", "stall", Instant.now(), Instant.now(), Alert.NEW, null, false,
                "x".repeat(EVENT_CHARS), Map.of(), Map.of(), List.of(), List.of());
    }

    /**
     * Reads the socket to its end: the bytes read when the server closed it (end of stream or a reset), -1 if it was
     * still open after the socket's timeout.
     */
    private static long readToTheEnd(Socket s) throws IOException {
        byte[] buf = new byte[65536];
        long read = 0;
        try {
            for (int n = s.getInputStream().read(buf); n != -1; n = s.getInputStream().read(buf)) {
                read += n;
            }
            return read;
        } catch (SocketTimeoutException e) {
            return -1;
        } catch (SocketException e) {
            return read; // reset by the server
        }
    }

    @Test
    void aStreamWhoseClientReadsNothingIsDroppedAndItsPlaceGivenBack() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            assertTrue(open("127.0.0.5", sockets).contains("200"));
            assertTrue(open("127.0.0.5", sockets).contains("200"));
            Socket first = sockets.get(0);
            Socket second = sockets.get(1);
            String third = open("127.0.0.5", sockets);
            assertTrue(third.contains("429"), "a third stream from one address, while two are held: " + third);

            // A client that reads, on another address, counts the events it gets.
            assertTrue(open("127.0.0.6", sockets).contains("200"));
            Socket reader = sockets.get(sockets.size() - 1);
            AtomicInteger events = new AtomicInteger();
            Thread reading = new Thread(() -> countEvents(reader, events));
            reading.start();

            // 10 MB of events: far more than the buffers between the service and a client that reads nothing.
            long start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                stream.publish("alert", big(1_000_000 + i));
            }
            long published = System.nanoTime();
            String again;
            do {
                Thread.sleep(250);
                again = open("127.0.0.5", sockets);
            } while (!again.contains("200") && System.nanoTime() - published < 20_000_000_000L);
            double seconds = (System.nanoTime() - published) / 1e9;
            assertTrue(again.contains("200"), "the stalled streams were dropped and the address has its places back: " + again);
            System.out.printf("stalled streams dropped: a new stream from their address accepted %.1f s after the events"
                    + " (%.1f s after the first)%n", seconds, (System.nanoTime() - start) / 1e9);
            assertTrue(seconds < 12, "within the stall timeout (2 s) and the watchdog's rounds: " + seconds + " s");

            // Closed at once, not after writing out what was queued (which a reader that reads nothing never lets
            // happen): read now, each holds at most what the kernel had taken, a part of the 10 MB sent.
            long sent = (long) EVENTS * EVENT_CHARS;
            for (Socket s : List.of(first, second)) {
                long read = readToTheEnd(s);
                System.out.printf("a dropped stream's client then read %,d bytes and the end of the stream%n", read);
                assertTrue(read >= 0, "the stalled stream's connection was closed");
                assertTrue(read < sent / 2, "closed without writing out what was queued: read " + read + " of " + sent);
            }

            long deadline = System.nanoTime() + 20_000_000_000L;
            while (events.get() < EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(EVENTS, events.get(), "the client that reads got every event, and was not dropped");
            assertTrue(reading.isAlive(), "its stream is still open");
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    /** Counts the {@code event:alert} lines read, until the socket closes. */
    private static void countEvents(Socket s, AtomicInteger events) {
        try {
            s.setSoTimeout(0);
            InputStream in = new java.io.BufferedInputStream(s.getInputStream(), 65536);
            byte[] needle = "event:alert".getBytes(StandardCharsets.US_ASCII);
            int matched = 0;
            for (int c = in.read(); c != -1; c = in.read()) {
                matched = c == needle[matched] ? matched + 1 : (c == needle[0] ? 1 : 0);
                if (matched == needle.length) {
                    events.incrementAndGet();
                    matched = 0;
                }
            }
        } catch (IOException e) {
            // closed by the test
        }
    }
}
