package tyndau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The webhook signature against RFC 4231's published HMAC-SHA256 vectors, and the retry waits. */
class WebhookSignatureTest {

    @Test
    void matchesRfc4231TestCase2() {
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.of("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Against openssl: printf '%s' '1700000000.42.{"id":7}' | openssl dgst -sha256 -hmac 'It is a secret'. */
    @Test
    void theV2SignatureCoversTheTimeTheDeliveryIdAndTheBody() {
        assertEquals("t=1700000000,d=42,sha256=22086892f24a440f51b1f814bb4f4f854094c814e05169bfdebf305053645a56",
                WebhookSignature.v2("It is a secret", 1_700_000_000L, 42, "{\"id\":7}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void backoffDoublesHonoursRetryAfterAndStopsAtTheCap() {
        Duration initial = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(30);
        assertEquals(Duration.ofSeconds(30), Deliveries.backoff(1, initial, max, null));
        assertEquals(Duration.ofSeconds(60), Deliveries.backoff(2, initial, max, null));
        assertEquals(Duration.ofSeconds(240), Deliveries.backoff(4, initial, max, null));
        assertEquals(max, Deliveries.backoff(20, initial, max, null));
        assertEquals(Duration.ofMinutes(5), Deliveries.backoff(1, initial, max, Duration.ofMinutes(5)));
        assertEquals(max, Deliveries.backoff(1, initial, max, Duration.ofHours(5)));
    }
}
