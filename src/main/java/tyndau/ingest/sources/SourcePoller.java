package tyndau.ingest.sources;

import tyndau.cluster.Cluster;

import java.util.Optional;

import tyndau.Row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.source.Source;
import tyndau.http.ApiException;

/**
 * Polls each enabled source when it is due (tyndau.polling.enabled), on a bounded pool: a slow
 * source holds one thread until its fetch deadline, never the others; one source never has two
 * fetches running (the poller's and a fetch-now included).
 */
@ApplicationScoped
public class SourcePoller {
    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    private static final Set<String> POLLED_TYPES = Set.of("rss", "atom", "html");

    private final TyndauConfig config;
    private final SourceFetch fetch;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService pool;
    private final Cluster cluster;

    SourcePoller(TyndauConfig config, SourceFetch fetch, Cluster cluster) {
        this.cluster = cluster;
        this.config = config;
        this.fetch = fetch;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, config.polling().threads()), r -> {
            Thread t = new Thread(r, "tyndau-poll-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(every = "{tyndau.polling.tick}", delayed = "{tyndau.polling.tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.polling().enabled() && cluster.holds(Cluster.Job.POLLER)) {
            pollDue();
        }
    }

    /** Submits every due source that is not already running; returns how many were submitted. */
    int pollDue() {
        Instant now = Instant.now();
        List<Source> due = QuarkusTransaction.requiringNew().call(() -> Row.list(Source.class, 
                "enabled = true and suspended = false and deleted = false and url is not null"
                        + " and (nextFetchAt is null or nextFetchAt <= ?1)", now));
        int submitted = 0;
        for (Source s : due) {
            if (POLLED_TYPES.contains(s.type) && running.add(s.id)) {
                submitted++;
                pool.execute(() -> {
                    try {
                        FetchOutcome o = fetch.run(s);
                        LOG.debugf("polled %s: %s", s.id, o);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "polling %s failed", s.id);
                    } finally {
                        running.remove(s.id);
                    }
                });
            }
        }
        return submitted;
    }

    /** Fetches one source now, on the caller's thread; 409 while a fetch of it is running. */
    public FetchOutcome fetchNow(String id) {
        Source s = QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(Source.findById(id))
                .filter(x -> !x.deleted).orElseThrow(() -> ApiException.notFound("no source '" + id + "'")));
        if (!running.add(id)) {
            throw ApiException.conflict("a fetch of source '" + id + "' is running; try again when it ends");
        }
        try {
            return fetch.run(s);
        } finally {
            running.remove(id);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
