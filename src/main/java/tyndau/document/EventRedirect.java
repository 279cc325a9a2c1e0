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
