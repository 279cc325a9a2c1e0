package tyndau.alerts;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Alert tests: webhook receivers live on loopback, so private addresses are allowed, and retries are not spaced. */
public class AlertsTestProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tyndau.fetch.allow-private-networks", "true",
                "tyndau.fetch.per-host-delay", "0s");
    }
}
