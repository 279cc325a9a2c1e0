package tyndau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import tyndau.http.StallWatch;

/**
 * The clients of {@code /api/alerts/stream}: each new alert goes to all of them as an event named
 * {@code alert}, each acknowledgement as {@code ack}; the data is the alert's JSON, as
 * {@code GET /api/alerts} shows it. A client that has not taken an event (or a keepalive) within
 * {@code tyndau.alerts.stream-stall-timeout} is dropped and its place given back: one that opened a
 * stream and never read held its place for good.
 */
@ApplicationScoped
class AlertStream {
    private static final Logger LOG = Logger.getLogger(AlertStream.class);

    private final ObjectMapper json;
    private final StallWatch stalls;
    /** Each open stream: its client's address and the watch on its writes. */
    private final Map<SseEventSink, Client> open = new ConcurrentHashMap<>();
    /** How many streams each address holds. */
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private Sse sse;
    /** Only to hear of streams the client closed; events are sent stream by stream, each send watched. */
    private SseBroadcaster broadcaster;

    private record Client(String address, StallWatch.Watched watch) {
    }

    AlertStream(ObjectMapper json, AlertsConfig config) {
        this.json = json;
        this.stalls = new StallWatch("alert-stream", config.streamStallTimeout());
    }

    synchronized void register(SseEventSink sink, Sse sse, String address, HttpConnection connection) {
        if (broadcaster == null) {
            this.sse = sse;
            broadcaster = sse.newBroadcaster();
            broadcaster.onClose(this::closed);
            broadcaster.onError((s, e) -> LOG.debugf("an alert stream client went away: %s", e.getMessage()));
        }
        Client c = new Client(address, stalls.watch(address, connection, () -> closed(sink)));
        open.put(sink, c);
        byAddress.merge(address, 1, Integer::sum);
        broadcaster.register(sink);
        // A first comment sends the response headers at once: the client knows it is listening.
        send(sink, c, sse.newEventBuilder().comment("tyndau alerts").build());
    }

    /** A stream ended (closed by its client, failed, or dropped): its place is given back, once. */
    private void closed(SseEventSink sink) {
        Client c = open.remove(sink);
        if (c != null) {
            byAddress.computeIfPresent(c.address(), (k, n) -> n <= 1 ? null : n - 1);
            c.watch().close();
        }
    }

    /** Streams open for one client address. */
    int clients(String address) {
        return byAddress.getOrDefault(address, 0);
    }

    int clients() {
        return open.size();
    }

    void publish(String name, AlertView alert) {
        Sse s;
        synchronized (this) {
            s = sse;
        }
        if (s == null) {
            return;
        }
        try {
            sendAll(s.newEventBuilder().name(name).id(Long.toString(alert.id()))
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json.writeValueAsString(alert)).build());
        } catch (JsonProcessingException e) {
            LOG.errorf(e, "alert %d could not be written as JSON for the stream", alert.id());
        }
    }

    /**
     * A comment on every stream: keeps idle connections open through proxies, and a write to a peer that is gone
     * fails (at once if it answers with a reset, after the kernel's retransmissions if it vanished), closing its stream.
     */
    void keepalive() {
        Sse s;
        synchronized (this) {
            s = sse;
        }
        if (s != null) {
            sendAll(s.newEventBuilder().comment("keepalive").build());
        }
    }

    private void sendAll(OutboundSseEvent event) {
        open.forEach((sink, c) -> send(sink, c, event));
    }

    /** One event to one stream, watched from the write until the client took it. */
    private void send(SseEventSink sink, Client c, OutboundSseEvent event) {
        c.watch().begin();
        CompletionStage<?> sent;
        try {
            sent = sink.send(event);
        } catch (RuntimeException e) { // closed already
            c.watch().done();
            closed(sink);
            return;
        }
        sent.whenComplete((ok, failure) -> {
            c.watch().done();
            if (failure != null) {
                LOG.debugf("an alert stream client went away: %s", failure.getMessage());
                sink.close();
                closed(sink);
            }
        });
    }

    @PreDestroy
    synchronized void close() {
        stalls.close();
        if (broadcaster != null) {
            broadcaster.close();
        }
    }
}
