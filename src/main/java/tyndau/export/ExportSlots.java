package tyndau.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import tyndau.http.ApiException;

/**
 * The turns of document exports: at most {@code max} at once, at most {@code perAddress} of them for one client
 * address, and a client that reads nothing for {@code stall} is dropped (its connection closed), which gives its
 * turn back. Without the share, six requests from one address that never read their answer took every turn, and
 * without the drop they kept them.
 */
final class ExportSlots {
    private static final Logger LOG = Logger.getLogger(ExportSlots.class);

    private final int max;
    private final int perAddress;
    private final Duration stall;
    private final Set<Turn> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();
    private int taken;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "export-stall-watch");
        t.setDaemon(true);
        return t;
    });

    ExportSlots(int max, int perAddress, Duration stall) {
        this.max = max;
        this.perAddress = Math.max(1, perAddress);
        this.stall = stall;
        long every = Math.max(200, Math.min(5_000, stall.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::dropStalled, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A turn for {@code address}; {@code counted} false for callers who do not queue (the key holders), whose exports
     * are still watched for stalls. A 429 with Retry-After when no turn is free for that address.
     */
    synchronized Turn take(String address, boolean counted, Runnable drop) {
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
        Turn t = new Turn(address, counted, drop);
        open.add(t);
        return t;
    }

    private synchronized void giveBack(Turn t) {
        open.remove(t);
        if (t.counted) {
            taken--;
            byAddress.computeIfPresent(t.address, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    private void dropStalled() {
        long now = System.nanoTime();
        for (Turn t : open) {
            if (now - t.lastProgress > stall.toNanos()) {
                LOG.warnf("an export to %s read nothing for %s: dropped", t.address, stall);
                try {
                    t.drop.run();
                } catch (RuntimeException e) {
                    LOG.debugf(e, "closing a stalled export");
                }
                t.close();
            }
        }
    }

    void close() {
        watchdog.shutdownNow();
    }

    /** One export's turn: given back once, however the export ends. */
    final class Turn implements AutoCloseable {
        private final String address;
        private final boolean counted;
        private final Runnable drop;
        private final AtomicBoolean held = new AtomicBoolean(true);
        private volatile long lastProgress = System.nanoTime();

        private Turn(String address, boolean counted, Runnable drop) {
            this.address = address;
            this.counted = counted;
            this.drop = drop;
        }

        /** The stream the export writes to: each write that the client took counts as progress. */
        OutputStream watch(OutputStream out) {
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    lastProgress = System.nanoTime();
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                    lastProgress = System.nanoTime();
                }
            };
        }

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                giveBack(this);
            }
        }
    }
}
