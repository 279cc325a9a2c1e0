package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Delivery channels: a signed webhook retried until it answers, e-mail through the mock mailbox, and the event stream. */
@QuarkusTest
@TestProfile(AlertsTestProfile.class)
@Tag("persistence")
class DeliveryTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "a-webhook-secret-of-some-length";

    @Inject
    MockMailbox mailbox;

    @TestHTTPResource("/api/alerts/stream")
    URI streamUri;

    /** A request the receiver got: the body as read, whether its signature held, and what it answered. */
    record Received(byte[] body, boolean signed, int answered) {
    }

    static boolean signatureHolds(String header, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = ("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.US_ASCII));
    }

    /** What a receiver does with X-Tyndau-Signature-V2: the HMAC over time, delivery id and body; a fresh time; the id it was sent with. */
    static boolean signatureV2Holds(String header, String deliveryHeader, byte[] body) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String p : header.split(",")) {
            parts.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
        }
        long t = Long.parseLong(parts.get("t"));
        if (Math.abs(Instant.now().getEpochSecond() - t) > 300 || !parts.get("d").equals(deliveryHeader)) {
            return false;
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((parts.get("t") + "." + parts.get("d") + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = java.util.HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts.get("sha256").getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aDueDeliveryIsClaimedByOneInstanceForItsLease() throws Exception {
        long alert = 9_000_000_000L + new java.util.Random().nextInt(1_000_000);
        Instant due = Instant.now().plus(Duration.ofHours(1)); // not due for the service's own delivery thread
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            tyndau.Row.em().createNativeQuery("INSERT INTO alert (id, trigger_key, rule_id, kind, topic, created_at, occurred_at,"
                            + " status, historical, explanation, numbers) VALUES (?1, ?2, 'claim-test', 'sensitive-announcement', 'claim-test', ?3, ?3, 'acknowledged', FALSE, 'x', '{}')")
                    .setParameter(1, alert).setParameter(2, "claim-" + alert).setParameter(3, java.sql.Timestamp.from(Instant.now()))
                    .executeUpdate();
            tyndau.Row.em().createNativeQuery("INSERT INTO alert_delivery (id, alert_id, channel, target, state, attempts, next_attempt_at)"
                            + " VALUES (?1, ?1, 'webhook', 'https://example.org/hook', 'pending', 0, ?2)")
                    .setParameter(1, alert).setParameter(2, java.sql.Timestamp.from(due)).executeUpdate();
        });
        Instant later = due.plusSeconds(1);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                claims.add(two.submit(() -> {
                    go.await();
                    return Deliveries.claim(alert, later);
                }));
            }
            go.countDown();
            int won = 0;
            for (java.util.concurrent.Future<Boolean> c : claims) {
                won += c.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, won, "two instances reading the same due delivery: one attempts it");
        } finally {
            two.shutdownNow();
        }
        try {
            assertTrue(!Deliveries.claim(alert, later.plusSeconds(60)), "claimed: nobody else during the lease");
            assertTrue(Deliveries.claim(alert, later.plus(Deliveries.LEASE).plusSeconds(1)), "a holder that died: tried again after the lease");
        } finally {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                tyndau.Row.em().createNativeQuery("DELETE FROM alert_delivery WHERE id = ?1").setParameter(1, alert).executeUpdate();
                tyndau.Row.em().createNativeQuery("DELETE FROM alert WHERE id = ?1").setParameter(1, alert).executeUpdate();
            });
        }
    }

    @Test
    void aWebhookAnswering500TwiceGetsTheAlertOnceSignedAndAFailingOneIsVisible() throws Exception {
        AlertsFixture f = new AlertsFixture();
        String word = f.topic("hook", true);
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean signed;
            try {
                signed = signatureHolds(ex.getRequestHeaders().getFirst("X-Tyndau-Signature"), body);
            } catch (Exception e) {
                signed = false;
            }
            try {
                signed &= signatureV2Holds(ex.getRequestHeaders().getFirst("X-Tyndau-Signature-V2"),
                        ex.getRequestHeaders().getFirst("X-Tyndau-Delivery"), body);
            } catch (Exception e) {
                signed = false;
            }
            int status = calls.incrementAndGet() <= 2 ? 500 : 200;
            received.add(new Received(body, signed, status));
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        server.createContext("/down", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String rule = f.id("hooked");
            String failing = f.id("failing");
            AlertsFixture.rule(Map.of("id", rule, "kind", "sensitive-announcement", "topics", List.of(f.id("hook")),
                    "channels", Map.of("webhook", Map.of("url", base + "/hook", "secret", SECRET))));
            AlertsFixture.rule(Map.of("id", failing, "kind", "sensitive-announcement", "topics", List.of(f.id("hook")),
                    "channels", Map.of("webhook", Map.of("url", base + "/down", "secret", SECRET))));
            given().get("/api/alert-rules/" + rule).then().statusCode(200)
                    .body("channels.webhook.origin", org.hamcrest.Matchers.equalTo(base))
                    .body("channels.webhook.signed", org.hamcrest.Matchers.equalTo(true))
                    .body("channels.webhook.url", org.hamcrest.Matchers.nullValue())
                    .body("channels.webhook.secret", org.hamcrest.Matchers.nullValue());
            AlertsFixture.importLines(f.line("government", word, Instant.now().minus(Duration.ofMinutes(10)), "Decree on hooks"));

            JsonPath delivered = AlertsFixture.await(() -> given().queryParam("rule", rule).get("/api/alerts").then().extract().jsonPath(),
                    j -> "delivered".equals(j.getString("items[0].deliveries[0].state")), Duration.ofSeconds(30));
            assertEquals("webhook", delivered.getString("items[0].deliveries[0].channel"));
            assertEquals("delivered", delivered.getString("items[0].deliveries[0].state"));
            assertEquals(3, delivered.getInt("items[0].deliveries[0].attempts"));
            assertEquals("HTTP 500", delivered.getString("items[0].deliveries[0].lastError"));
            assertNotNull(delivered.getString("items[0].deliveries[0].deliveredAt"));
            assertEquals(base, delivered.getString("items[0].deliveries[0].target"), "shown by origin only");
            assertEquals(3, received.size());
            assertTrue(received.stream().allMatch(Received::signed), "every attempt carries a valid signature");
            assertEquals(1, received.stream().filter(r -> r.answered() == 200).count(), "accepted exactly once");
            JsonNode body = JSON.readTree(received.get(2).body());
            assertEquals(delivered.getLong("items[0].id"), body.get("id").asLong());
            assertEquals(rule, body.get("rule").asText());
            assertEquals("sensitive-announcement", body.get("kind").asText());
            assertTrue(body.get("explanation").asText().contains("Decree on hooks"));

            JsonPath failed = AlertsFixture.await(() -> given().queryParam("rule", failing).get("/api/alerts").then().extract().jsonPath(),
                    j -> "failed".equals(j.getString("items[0].deliveries[0].state")), Duration.ofSeconds(30));
            assertEquals("failed", failed.getString("items[0].deliveries[0].state"), "failures are kept on the alert");
            assertEquals(6, failed.getInt("items[0].deliveries[0].attempts"));
            assertEquals("HTTP 503", failed.getString("items[0].deliveries[0].lastError"));
            Thread.sleep(1500);
            assertEquals(3, received.size(), "nothing is sent again once delivered");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void eMailGoesToEachRecipientWithTheExplanation() throws Exception {
        AlertsFixture f = new AlertsFixture();
        String word = f.topic("mail", true);
        String rule = f.id("mailed");
        String desk = f.run + "-desk@example.org";
        String editor = f.run + "-editor@example.org";
        AlertsFixture.rule(Map.of("id", rule, "kind", "sensitive-announcement", "topics", List.of(f.id("mail")),
                "channels", Map.of("email", List.of(desk, editor))));
        given().get("/api/alert-rules/" + rule).then().statusCode(200)
                .body("channels.email", org.hamcrest.Matchers.equalTo(List.of("a…@example.org", "a…@example.org")));
        AlertsFixture.importLines(f.line("government", word, Instant.now().minus(Duration.ofMinutes(10)), "Decree by mail"));

        List<Mail> mails = AlertsFixture.await(() -> mailbox.getMailsSentTo(desk), m -> !m.isEmpty(), Duration.ofSeconds(20));
        assertEquals(1, mails.size());
        assertEquals(1, AlertsFixture.await(() -> mailbox.getMailsSentTo(editor), m -> !m.isEmpty(), Duration.ofSeconds(10)).size());
        Mail m = mails.get(0);
        assertEquals(List.of(desk), m.getTo(), "recipients do not see each other");
        assertTrue(m.getSubject().startsWith("[Tyndau] sensitive-announcement: Topic mail"), m.getSubject());
        assertTrue(m.getText().contains("The government published a document on the sensitive topic \"Topic mail\""), m.getText());
        assertTrue(m.getText().contains("Decree by mail") && m.getText().contains("/ui/documents/"), m.getText());
        JsonPath a = given().queryParam("rule", rule).get("/api/alerts").then().extract().jsonPath();
        assertEquals("email", a.getString("items[0].deliveries[0].channel"));
        assertEquals("delivered", AlertsFixture.await(() -> given().queryParam("rule", rule).get("/api/alerts").then().extract()
                .jsonPath().getString("items[0].deliveries[0].state"), "delivered"::equals, Duration.ofSeconds(10)));
        assertTrue(a.getString("items[0].deliveries[0].target").contains("a…@example.org"), a.getString("items[0].deliveries[0].target"));
    }

    @Test
    void aStreamClientConnectedBeforeTheImportReceivesTheAlertAndItsAck() throws Exception {
        AlertsFixture f = new AlertsFixture();
        String word = f.topic("stream", true);
        String rule = f.id("streamed");
        AlertsFixture.rule(Map.of("id", rule, "kind", "sensitive-announcement", "topics", List.of(f.id("stream"))));
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> response = client.send(
                HttpRequest.newBuilder(streamUri).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            String first = lines.poll(10, TimeUnit.SECONDS);
            assertTrue(first != null && first.startsWith(":") && first.contains("tyndau alerts"), "a comment opens the stream: " + first);
            AlertsFixture.importLines(f.line("government", word, Instant.now().minus(Duration.ofMinutes(1)), "Streamed decree"));
            JsonNode alert = next(lines, "alert", rule);
            JsonNode listed = JSON.readTree(given().get("/api/alerts/" + alert.get("id").asLong()).then().extract().asString());
            assertEquals(fieldNames(listed), fieldNames(alert), "the event's data is the alert as the API shows it");
            assertEquals("new", alert.get("status").asText());
            assertEquals("Streamed decree", alert.get("documents").get(0).get("title").asText());

            given().header("Authorization", AlertsFixture.KEY).post("/api/alerts/" + alert.get("id").asLong() + "/ack")
                    .then().statusCode(200);
            JsonNode ack = next(lines, "ack", rule);
            assertEquals(alert.get("id").asLong(), ack.get("id").asLong());
            assertEquals("acknowledged", ack.get("status").asText());
        } finally {
            response.body().close();
        }
    }

    /** The data of the next event named {@code name} about {@code rule}; other events (other tests' alerts) are skipped. */
    static JsonNode next(LinkedBlockingQueue<String> lines, String name, String rule) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String event = null;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:") && name.equals(event)) {
                JsonNode data = JSON.readTree(line.substring(5).trim());
                if (rule.equals(data.get("rule").asText())) {
                    return data;
                }
            } else if (line.isEmpty()) {
                event = null;
            }
        }
        throw new AssertionError("no '" + name + "' event for rule " + rule + " within 20 s");
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
