package tyndau.document;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import tyndau.Row;

/** An event absorbed by a merge (issue 31) and the event it was merged into; {@code seq}: the bridging report's. */
@Entity
@Table(name = "event_redirect")
public class EventRedirect extends Row {
    @Id
    public Long absorbed;

    public long survivor;

    public long seq;

    /**
     * Every redirect read once (in a transaction of its own), as a function from an event id to the event it stands for
     * now: for readers of the index, whose rows may still carry an absorbed id. Merges are rare (a few per cent of
     * events at most), so the map is small.
     */
    public static java.util.function.LongUnaryOperator resolver() {
        java.util.Map<Long, Long> map = new java.util.HashMap<>();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                list(EventRedirect.class, "").forEach(r -> map.put(r.absorbed, r.survivor)));
        if (map.isEmpty()) {
            return id -> id;
        }
        return id -> {
            long at = id;
            for (int hops = 0; hops < 64 && map.containsKey(at); hops++) {
                at = map.get(at);
            }
            return at;
        };
    }

    /** The event {@code id} stands for now: itself, or the survivor it was merged into (chains followed). */
    public static long resolve(long id) {
        long at = id;
        for (int hops = 0; hops < 64; hops++) {
            EventRedirect r = find(EventRedirect.class, at);
            if (r == null) {
                return at;
            }
            at = r.survivor;
        }
        return at;
    }
}
