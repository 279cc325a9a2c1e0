package tyndau.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.Database;
import tyndau.TyndauConfig;

/** {@code GET /api/cluster}: the instances sharing this database, how far each index is, which singleton jobs each runs. */
@Path("/api/cluster")
@Produces(MediaType.APPLICATION_JSON)
class ClusterResource {
    private final Cluster cluster;
    private final Database db;
    private final TyndauConfig config;

    ClusterResource(Cluster cluster, Database db, TyndauConfig config) {
        this.cluster = cluster;
        this.db = db;
        this.config = config;
    }

    /**
     * One instance: {@code live} when its last heartbeat is at most three heartbeats old; {@code lag} is how many
     * committed documents its index did not hold at that heartbeat.
     */
    public record InstanceView(String id, String host, Instant started, Instant lastSeen, boolean live, boolean self,
                               long indexedSeq, long lag, List<String> jobs) {
    }

    public record ClusterView(String database, String self, long databaseSeq, List<InstanceView> instances) {
    }

    @GET
    @Operation(summary = "The instances sharing this database: id, host, started, last seen, indexed sequence, lag, singleton jobs held")
    public ClusterView get() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Number max = (Number) db.em().createNativeQuery("select max(seq) from document").getSingleResult();
            long dbSeq = max == null ? 0 : max.longValue();
            List<InstanceView> out = new ArrayList<>();
            if (!cluster.shared()) {
                // One instance owns the embedded database: itself, from memory.
                out.add(new InstanceView(cluster.id(), cluster.host(), cluster.started(), cluster.lastSeen(), true, true,
                        cluster.indexedSeq(), Math.max(0, dbSeq - cluster.indexedSeq()), jobs(cluster.jobs())));
                return new ClusterView(db.kind(), cluster.id(), dbSeq, out);
            }
            // Live: a heartbeat within three, by the database's clock (which wrote last_seen).
            long liveMillis = config.cluster().heartbeat().multipliedBy(3).toMillis() + 1000;
            @SuppressWarnings("unchecked")
            List<Object[]> rows = db.em().createNativeQuery(
                    "select id, host, started_at, last_seen, indexed_seq, jobs,"
                            + " case when last_seen >= now() - make_interval(secs => ?1) then 1 else 0 end"
                            + " from instance order by started_at, id")
                    .setParameter(1, liveMillis / 1000.0).getResultList();
            for (Object[] r : rows) {
                long indexed = ((Number) r[4]).longValue();
                boolean live = ((Number) r[6]).intValue() == 1;
                boolean self = cluster.id().equals(r[0]);
                // This instance's jobs as it holds them now (its lease), not as its last heartbeat wrote them: woken from
                // a freeze, its row still lists jobs it lost. Another instance's row counts only while it is live.
                List<String> jobs = self ? jobs(cluster.jobs()) : live ? jobs((String) r[5]) : List.of();
                out.add(new InstanceView((String) r[0], (String) r[1], instant(r[2]), instant(r[3]), live, self, indexed,
                        Math.max(0, dbSeq - indexed), jobs));
            }
            return new ClusterView(db.kind(), cluster.id(), dbSeq, out);
        });
    }

    private static List<String> jobs(String commaSeparated) {
        return commaSeparated.isEmpty() ? List.of() : List.of(commaSeparated.split(","));
    }

    private static Instant instant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + o);
    }
}
