package tyndau.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expensive reads are rate-limited per client address; cheap reads and key holders are not. */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
class RateLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.rate-limit.per-minute", "6", "tyndau.rate-limit.burst", "5");
        }
    }

    @Test
    void anIpv6ClientIsOneAllowancePerSlash64() {
        assertEquals(RateLimit.clientKey("2001:db8:1:2::1"), RateLimit.clientKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertTrue(!RateLimit.clientKey("2001:db8:1:2::1").equals(RateLimit.clientKey("2001:db8:1:3::1")));
        assertEquals("203.0.113.7", RateLimit.clientKey("203.0.113.7"));
        assertEquals("203.0.113.7", RateLimit.clientKey("::ffff:203.0.113.7"));
    }

    @Test
    void aBurstIsServedThenTheAddressWaitsItsTurn() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, given().queryParam("q", "budget").get("/api/search").statusCode(), "request " + i + " of the burst");
        }
        Response refused = given().queryParam("q", "budget").get("/api/search");
        assertEquals(429, refused.statusCode());
        int retry = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retry >= 1 && retry <= 10, "one token every 10 s: " + retry);
        assertTrue(refused.jsonPath().getString("detail").contains("tyndau.rate-limit.per-minute"));
        // The same bucket covers every expensive read of the address...
        assertEquals(429, given().get("/api/export/documents").statusCode());
        assertEquals(429, given().get("/api/documents").statusCode());
        // ...not the cheap ones, and not a caller with the key.
        assertEquals(200, given().get("/api/topics").statusCode());
        assertEquals(200, given().get("/q/health/ready").statusCode());
        assertEquals(200, given().header("Authorization", "Bearer test-api-key").queryParam("q", "budget")
                .get("/api/search").statusCode());
        assertEquals(429, given().header("Authorization", "Bearer wrong").queryParam("q", "budget")
                .get("/api/search").statusCode(), "a wrong key is no key");
    }
}
