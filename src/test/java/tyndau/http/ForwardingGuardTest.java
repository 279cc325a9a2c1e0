package tyndau.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Forwarded addresses are believed only from configured proxies. */
class ForwardingGuardTest {

    @Test
    void forwardingWithoutTrustedProxiesRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ForwardingGuard.check(true, Optional.empty()));
        assertTrue(e.getMessage().contains("quarkus.http.proxy.trusted-proxies"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> ForwardingGuard.check(true, Optional.of(" ")));
        assertDoesNotThrow(() -> ForwardingGuard.check(true, Optional.of("10.0.0.5,10.1.0.0/16")));
        assertDoesNotThrow(() -> ForwardingGuard.check(false, Optional.empty()));
    }
}
