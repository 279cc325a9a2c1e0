package tyndau.export;

import io.vertx.core.http.HttpConnection;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tyndau.http.ApiException;
import tyndau.http.StallWatch;

/**
 * The turns of document exports: at most {@code max} at once, at most {@code perAddress} of them for one client
 * address, and a client that has not taken a write within {@code stall} is dropped (its connection closed at once,
 * {@link StallWatch}), which gives its turn back and ends the export's writing thread. Without the share, six requests
 * from one address that never read their answer took every turn, and without the drop they kept them.
 */
final class ExportSlots {
    private final int max;
    private final int perAddress;
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private final StallWatch stalls;
    private int taken;

    ExportSlots(int max, int perAddress, Duration stall) {
        this.max = max;
        this.perAddress = Math.max(1, perAddress);
        this.stalls = new StallWatch("export", stall);
    }

    /**
     * A turn for {@code address}; {@code counted} false for callers who do not queue (the key holders), whose exports
     * are still watched for stalls. A 429 with Retry-After when no turn is free for that address.
     */
    synchronized Turn take(String address, boolean counted, HttpConnection connection) {
        if (counted) {
            if (taken >= max) {
                throw ApiException.tooMany("at most " + max + " document exports run at once (tyndau.export.max-concurrent);"
                        + " try again shortly", 10);
            }
            if (byAddress.getOrDefault(address, 0) >= perAddress) {
                throw ApiException.tooMany("at most " + perAddress + " document exports run at once for one address"
                        + " (tyndau.export.max-per-address); let one finish first", 10);
            }
            taken++;
            byAddress.merge(address, 1, Integer::sum);
        }
        return new Turn(stalls.watch(address, connection, () -> giveBack(address, counted)));
    }

    private synchronized void giveBack(String address, boolean counted) {
        if (counted) {
            taken--;
            byAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    void close() {
        stalls.close();
    }

    /** One export's turn: given back once, however the export ends. */
    static final class Turn implements AutoCloseable {
        private final StallWatch.Watched watch;

        private Turn(StallWatch.Watched watch) {
            this.watch = watch;
        }

        /** The stream the export writes to: each write is watched until the client took it. */
        OutputStream watch(OutputStream out) {
            return watch.wrap(out);
        }

        @Override
        public void close() {
            watch.close();
        }
    }
}
