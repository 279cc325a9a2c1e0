package tyndau.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Tyndau-Signature} header of a webhook: {@code sha256=} and the hex HMAC-SHA256
 * (RFC 2104) of the exact body bytes, keyed with the rule's secret in UTF-8. A receiver recomputes
 * it over the raw body it read, before parsing, and compares in constant time.
 */
final class WebhookSignature {
    static final String HEADER = "X-Tyndau-Signature";

    private WebhookSignature() {
    }

    static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
