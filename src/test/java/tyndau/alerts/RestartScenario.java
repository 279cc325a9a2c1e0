package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A restart of the service on the same home ({@link FirstStartTest} and {@link RestartTest}, in
 * either order: each starts the service on one home per test JVM, with its index deleted, so the
 * index is rebuilt at start and the percolator announces every stored document again). Each imports
 * the same lines and evaluates; whichever runs second is the restart, and must find the alerts the
 * first raised and no more.
 */
abstract class RestartScenario {
    /** One home and one set of documents per test JVM, shared by both starts. */
    static final String RUN = "restart" + ProcessHandle.current().pid();
    static final Path HOME = Path.of("target", "test-home", "alerts-" + RUN);
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    /** The shared home, its index removed before the service starts on it. */
    public static class SameHome implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path index = HOME.resolve("index");
            if (Files.isDirectory(index)) {
                try (Stream<Path> tree = Files.walk(index)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return Map.of("tyndau.home", HOME.toString());
        }
    }

    @Test
    void theSameDocumentsRaiseTheSameAlertsOnceAcrossStarts() throws Exception {
        String topic = RUN + "-decree";
        String word = "wrestartdecree" + RUN.replaceAll("[^a-z]", "");
        given().header("Authorization", AlertsFixture.KEY).contentType("application/json")
                .body(Map.of("label", "Restart decree", "query", word, "sensitive", true))
                .put("/api/topics/" + topic).then().statusCode(200);
        for (Map<String, Object> rule : List.of(
                Map.<String, Object>of("kind", "sensitive-announcement", "topics", List.of(topic)),
                Map.<String, Object>of("kind", "unanswered", "topics", List.of(topic), "params", Map.of("days", 2)))) {
            given().header("Authorization", AlertsFixture.KEY).contentType("application/json").body(rule)
                    .put("/api/alert-rules/" + RUN + "-" + rule.get("kind")).then().statusCode(200);
        }
        StringBuilder lines = new StringBuilder();
        lines.append(line("government", word, T0.minus(Duration.ofHours(2)), 1))
                .append(line("government", word, T0.minus(Duration.ofHours(1)), 2))
                .append(line("government", word, T0.minus(Duration.ofDays(30)), 3));
        LocalDate day = LocalDate.ofInstant(T0, AlertsFixture.ALMATY).minusDays(5);
        for (int i = 0; i < 4; i++) {
            lines.append(line("public", word, AlertsFixture.almaty(day, 9 + i, 0), 10 + i));
        }
        AlertsFixture.importLines(lines.toString());
        AlertsFixture.await(() -> AlertsFixture.evaluate().getBoolean("ran"), Boolean::booleanValue, Duration.ofMinutes(2));

        List<Map<String, Object>> announcements = AlertsFixture.alerts(RUN + "-sensitive-announcement");
        AlertsFixture.assertCount(1, announcements, "one alert for the two recent government documents, none for the old one");
        assertEquals(2, ((List<?>) announcements.get(0).get("documents")).size());
        AlertsFixture.assertCount(1, AlertsFixture.alerts(RUN + "-unanswered"), "one unanswered surge");
    }

    private static String line(String side, String word, Instant published, int n) {
        return String.format("{\"source\":\"%s\",\"role\":\"%s\",\"url\":\"https://example.org/%s/%d\",\"title\":\"Item %d\","
                        + "\"body\":\"About %s.\",\"published\":\"%s\",\"lang\":\"en\"}%n",
                RUN + "-" + side, "government".equals(side) ? "government" : "civil_society", RUN, n, n, word, published);
    }
}
