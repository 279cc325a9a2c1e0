package tyndau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A delivery's last error is shown on open reads: recipients and webhook paths must not come through. */
class MaskingTest {
    @Test
    void recipientsAndWebhookTokensAreMaskedInErrors() {
        String shown = Masking.error("550 5.1.1 <desk.editor@example.org>: Recipient address rejected; also tried ops@news.example.kz");
        assertFalse(shown.contains("desk.editor") || shown.contains("ops@"), shown);
        assertEquals("550 5.1.1 <d…@example.org>: Recipient address rejected; also tried o…@news.example.kz", shown);
        String hook = Masking.error("connection refused: https://hooks.example.org/services/T000/B000/XXXXSECRET?token=abc");
        assertEquals("connection refused: https://hooks.example.org/…", hook);
        assertEquals("HTTP 500", Masking.error("HTTP 500"));
        assertNull(Masking.error(null));
    }
}
