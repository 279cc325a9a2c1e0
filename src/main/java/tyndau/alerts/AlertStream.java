package tyndau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The clients of {@code /api/alerts/stream}: each new alert goes to all of them as an event named
 * {@code alert}, each acknowledgement as {@code ack}; the data is the alert's JSON, as
 * {@code GET /api/alerts} shows it.
 */
@ApplicationScoped
class AlertStream {
    private static final Logger LOG = Logger.getLogger(AlertStream.class);

    private final ObjectMapper json;
    private final AtomicInteger clients = new AtomicInteger();
    /** Each open stream's client address, and how many each address holds. */
    private final java.util.Map<SseEventSink, String> owners = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Integer> byAddress = new java.util.concurrent.ConcurrentHashMap<>();
    private Sse sse;
    private SseBroadcaster broadcaster;

    AlertStream(ObjectMapper json) {
        this.json = json;
    }

    synchronized void register(SseEventSink sink, Sse sse, String address) {
        if (broadcaster == null) {
            this.sse = sse;
            broadcaster = sse.newBroadcaster();
            broadcaster.onClose(s -> {
                clients.decrementAndGet();
                String a = owners.remove(s);
                if (a != null) {
                    byAddress.computeIfPresent(a, (k, n) -> n <= 1 ? null : n - 1);
                }
            });
            broadcaster.onError((s, e) -> LOG.debugf("an alert stream client went away: %s", e.getMessage()));
        }
        // A first comment sends the response headers at once: the client knows it is listening.
        sink.send(sse.newEventBuilder().comment("tyndau alerts").build());
        owners.put(sink, address);
        byAddress.merge(address, 1, Integer::sum);
        broadcaster.register(sink);
        clients.incrementAndGet();
    }

    /** Streams open for one client address. */
    int clients(String address) {
        return byAddress.getOrDefault(address, 0);
    }

    void publish(String name, AlertView alert) {
        SseBroadcaster b;
        Sse s;
        synchronized (this) {
            b = broadcaster;
            s = sse;
        }
        if (b == null) {
            return;
        }
        try {
            b.broadcast(s.newEventBuilder().name(name).id(Long.toString(alert.id()))
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json.writeValueAsString(alert)).build());
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "alert %d could not be written as JSON for the stream", alert.id());
        }
    }

    /** A comment on every stream: keeps idle connections open through proxies and lets closed ones be noticed. */
    void keepalive() {
        SseBroadcaster b;
        Sse s;
        synchronized (this) {
            b = broadcaster;
            s = sse;
        }
        if (b != null) {
            b.broadcast(s.newEventBuilder().comment("keepalive").build());
        }
    }

    int clients() {
        return clients.get();
    }

    @PreDestroy
    synchronized void close() {
        if (broadcaster != null) {
            broadcaster.close();
        }
    }
}
