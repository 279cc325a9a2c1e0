package tyndau;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Tests on the bundled archive, imported on start as on a fresh installation: the paper's cases, the
 * alerts of the history pass, the topic preview and the dashboard tests share one start (Quarkus orders
 * test classes by profile, so one profile is one import of the archive).
 */
public class WithArchive implements QuarkusTestProfile {
    public static final String API_KEY = "test-api-key";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tyndau.demo.enabled", "true");
    }

    /** Waits until the archive is imported and indexed (readiness); RestAssured knows the port only inside a test. */
    public static void awaitReady() throws InterruptedException {
        for (int i = 0; i < 900; i++) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("archive not imported in time");
    }
}
