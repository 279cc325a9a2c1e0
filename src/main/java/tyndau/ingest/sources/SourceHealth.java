package tyndau.ingest.sources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.fetch.Fetched;
import tyndau.source.Source;

/**
 * Failures are data on the source: success resets them and schedules the next poll one interval on;
 * each consecutive failure doubles the wait (capped at tyndau.polling.max-backoff) and a server's
 * Retry-After is honoured when longer; past tyndau.polling.max-failures the source is suspended.
 */
@ApplicationScoped
class SourceHealth {
    private static final Logger LOG = Logger.getLogger(SourceHealth.class);

    private final TyndauConfig config;
    private final ObjectMapper json;

    SourceHealth(TyndauConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void succeeded(String id, FetchOutcome outcome, Fetched fetched) {
        QuarkusTransaction.requiringNew().run(() -> {
            Source s = Source.findById(id);
            if (s == null) {
                return;
            }
            s.consecutiveFailures = 0;
            s.suspended = false;
            s.lastError = null;
            s.lastAttemptAt = outcome.at();
            s.lastSuccessAt = outcome.at();
            s.nextFetchAt = outcome.at().plus(interval(s));
            // Validators are kept only when the source owes nothing (no link; no feed item the database failed to
            // store): otherwise an unchanged answer would skip the run (owed links are fetched from the pending
            // list; a feed's items only come with a full answer, see SourceFetch).
            if (fetched != null && !fetched.unchanged() && outcome.pending() == 0) {
                s.etag = fetched.etag();
                s.lastModified = fetched.lastModified();
                s.bodyHash = fetched.bodySha256();
            }
            s.lastOutcome = write(outcome);
        });
    }

    void failed(String id, FetchOutcome outcome, Duration retryAfter) {
        QuarkusTransaction.requiringNew().run(() -> {
            Source s = Source.findById(id);
            if (s == null) {
                return;
            }
            s.consecutiveFailures++;
            s.lastError = outcome.error() == null ? null : outcome.error().substring(0, Math.min(2000, outcome.error().length()));
            s.lastAttemptAt = outcome.at();
            Duration wait = backoff(interval(s), s.consecutiveFailures, config.polling().maxBackoff());
            if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter;
            }
            s.nextFetchAt = outcome.at().plus(wait);
            if (s.consecutiveFailures >= config.polling().maxFailures() && !s.suspended) {
                s.suspended = true;
                LOG.warnf("source %s suspended after %d consecutive failures; last: %s", s.id, s.consecutiveFailures, s.lastError);
            }
            s.lastOutcome = write(outcome);
        });
    }

    /** interval × 2^(failures−1), at most {@code cap}. */
    static Duration backoff(Duration interval, int failures, Duration cap) {
        Duration wait = interval;
        for (int i = 1; i < failures && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    static Duration interval(Source s) {
        try {
            return Duration.parse(s.pollInterval);
        } catch (RuntimeException e) {
            return Duration.ofMinutes(30);
        }
    }

    private String write(FetchOutcome outcome) {
        try {
            String text = json.writeValueAsString(outcome);
            if (text.length() > 2000) {
                text = json.writeValueAsString(new FetchOutcome(outcome.source(), outcome.at(), outcome.created(),
                        outcome.duplicates(), outcome.rejected(), outcome.error(), outcome.notModified(), outcome.items(),
                        outcome.documents().subList(0, Math.min(20, outcome.documents().size())),
                        outcome.problems().subList(0, Math.min(3, outcome.problems().size())), outcome.pending()));
            }
            return text.length() > 2000 ? null : text;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
