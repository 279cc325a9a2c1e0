package tyndau.alerts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signatures of a webhook, keyed with the rule's secret in UTF-8 (HMAC-SHA256, RFC 2104, in hex).
 * {@code X-Tyndau-Signature}: {@code sha256=} and the HMAC of the exact body bytes (kept for receivers
 * written against it). {@code X-Tyndau-Signature-V2}: {@code t=<unix seconds>,d=<delivery id>,sha256=}
 * and the HMAC of {@code t + "." + d + "." + body}, so the time and the delivery id are covered too: a
 * receiver recomputes it over the raw body, compares in constant time, refuses a {@code t} older than
 * its tolerance (a replay), and treats a {@code d} it has seen as the same delivery again.
 */
final class WebhookSignature {
    static final String HEADER = "X-Tyndau-Signature";
    static final String HEADER_V2 = "X-Tyndau-Signature-V2";

    private WebhookSignature() {
    }

    static String of(String secret, byte[] body) {
        return "sha256=" + hmac(secret, body);
    }

    /** The V2 header's value: the time and the delivery id, and the HMAC over both and the body. */
    static String v2(String secret, long unixSeconds, long deliveryId, byte[] body) {
        byte[] prefix = (unixSeconds + "." + deliveryId + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "t=" + unixSeconds + ",d=" + deliveryId + ",sha256=" + hmac(secret, signed);
    }

    private static String hmac(String secret, byte[] bytes) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
