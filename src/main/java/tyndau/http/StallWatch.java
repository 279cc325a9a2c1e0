package tyndau.http;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Responses whose client stops taking what is written to it (document exports, alert event streams). Each watched
 * response says when a write begins and when the client has taken it; one whose oldest write has waited longer than
 * the stall timeout is dropped: its connection closed at once and its share of the service given back. Without
 * this, a client that opens a response and never reads holds its place for good.
 */
public final class StallWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StallWatch.class);

    private final String what;
    private final Duration stall;
    private final Set<Watched> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watchdog;

    /** {@code what} names the responses in the log and the watchdog's thread ({@code export}, {@code alert-stream}). */
    public StallWatch(String what, Duration stall) {
        this.what = what;
        this.stall = stall;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, what + "-stall-watch");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(200, Math.min(5_000, stall.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::dropStalled, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches one response to {@code address} on {@code connection}; {@code release} gives its share back, once,
     * when it is closed or dropped.
     */
    public Watched watch(String address, HttpConnection connection, Runnable release) {
        Watched w = new Watched(address, connection, release);
        open.add(w);
        return w;
    }

    /** Responses watched now. */
    public int size() {
        return open.size();
    }

    private void dropStalled() {
        long now = System.nanoTime();
        for (Watched w : open) {
            Long oldest = w.waiting.peek();
            if (oldest != null && now - oldest > stall.toNanos()) {
                LOG.warnf("%s to %s took nothing written to it for %s: dropped", what, w.address, stall);
                w.drop();
            }
        }
    }

    /**
     * Closes the connection now, what is queued for it thrown away. Vert.x's {@code close()}, and a Netty
     * {@code channel().close()} (which Vert.x's handler turns into the same), first write out what is queued and
     * close once that is flushed (ConnectionBase#writeClose), which never happens for a client that reads nothing.
     * Closing from Vert.x's own handler context passes it by, as Vert.x's idle timeout does (ConnectionBase#handleIdle).
     */
    static void closeNow(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            base.channelHandlerContext().close();
        } else if (connection != null) {
            connection.close();
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /** One watched response. */
    public final class Watched implements AutoCloseable {
        private final String address;
        private final HttpConnection connection;
        private final Runnable release;
        /** When each write not yet taken began, oldest first (a connection's writes complete in order). */
        private final Queue<Long> waiting = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Watched(String address, HttpConnection connection, Runnable release) {
            this.address = address;
            this.connection = connection;
            this.release = release;
        }

        /** A write begins. */
        public void begin() {
            waiting.add(System.nanoTime());
        }

        /** The oldest write not yet taken was taken by the client (or failed). */
        public void done() {
            waiting.poll();
        }

        /** {@code out}, each write watched from its start until it returns (a blocking stream returns once taken). */
        public OutputStream wrap(OutputStream out) {
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    begin();
                    try {
                        out.write(b, off, len);
                    } finally {
                        done();
                    }
                }

                @Override
                public void flush() throws IOException {
                    begin();
                    try {
                        out.flush();
                    } finally {
                        done();
                    }
                }
            };
        }

        private void drop() {
            try {
                closeNow(connection);
            } catch (RuntimeException e) {
                LOG.debugf(e, "closing a stalled %s", what);
            }
            close();
        }

        /** The response ended, however: its share is given back once. */
        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                open.remove(this);
                release.run();
            }
        }
    }
}
