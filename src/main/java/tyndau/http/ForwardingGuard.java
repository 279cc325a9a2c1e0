package tyndau.http;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Forwarding headers are believed only from named proxies. With {@code quarkus.http.proxy.proxy-address-forwarding}
 * on and no {@code quarkus.http.proxy.trusted-proxies}, Quarkus takes X-Forwarded-For (or Forwarded) from whoever
 * sends it, so any client chooses the address the rate limits and slot shares are kept by. The service then refuses
 * to start, saying what to set.
 */
@ApplicationScoped
class ForwardingGuard {

    void onStart(@Observes @Priority(1) StartupEvent start) {
        Config c = ConfigProvider.getConfig();
        check(c.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                c.getOptionalValue("quarkus.http.proxy.trusted-proxies", String.class));
    }

    /** Refuses forwarding without trusted proxies. */
    static void check(boolean forwarding, Optional<String> trustedProxies) {
        if (forwarding && trustedProxies.map(String::isBlank).orElse(true)) {
            throw new IllegalStateException("quarkus.http.proxy.proxy-address-forwarding is on, but no"
                    + " quarkus.http.proxy.trusted-proxies is set: any client could choose its address with X-Forwarded-For."
                    + " List the proxies' addresses or CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16).");
        }
    }
}
