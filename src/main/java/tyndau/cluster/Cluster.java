package tyndau.cluster;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tyndau.Database;
import tyndau.TyndauConfig;

/**
 * This instance among those sharing one database (README "Operate"). On PostgreSQL it keeps one
 * connection of its own for its whole life, and on it:
 * <ul>
 * <li>the <b>singleton jobs</b> ({@link Job}): a session advisory lock per job, tried at every heartbeat;
 * whoever holds it runs the job, and when that instance dies its connection closes and the next
 * heartbeat of another instance takes the job over;</li>
 * <li><b>messages</b> between instances ({@link #announce}): {@code NOTIFY} on one channel, heard by every
 * other instance with {@code LISTEN} and fired here as a {@link Message} event (an alert to push to the
 * event streams, topics or rules edited);</li>
 * <li>its <b>row</b> in {@code instance}, written at every heartbeat ({@code GET /api/cluster}).</li>
 * </ul>
 * On the embedded H2 one process owns the database: it holds every job and there is nobody to tell.
 * Upstream of every feature: it imports none of them (the index gives its progress through {@link Beat}).
 */
@ApplicationScoped
public class Cluster {
    private static final Logger LOG = Logger.getLogger(Cluster.class);
    static final String CHANNEL = "tyndau_cluster";

    /** The work that runs on one live instance at a time. */
    public enum Job {
        /** Fetching due sources: each due source once per tick, cluster-wide. */
        POLLER,
        /** Alert evaluation, the history pass and alerts raised as documents arrive. */
        ALERTS,
        /** Webhook and e-mail deliveries. */
        DELIVERIES;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Advisory lock keys: "tyndauj" in ASCII and the job's number, so as not to meet another application's. */
        long lockKey() {
            return 0x74796e6461756a00L + ordinal();
        }
    }

    /** A message from another instance: {@code kind} ("alert", "ack", "topics", "rules") and its payload. */
    public record Message(String kind, String payload) {
    }

    /** Fired at every heartbeat, so that upstream parts can say how far they are. */
    public static final class Beat {
        long indexedSeq;

        public void indexedSeq(long seq) {
            indexedSeq = seq;
        }
    }

    private final Database db;
    private final TyndauConfig config;
    private final Event<Message> messages;
    private final Event<Beat> beats;
    private final String id = UUID.randomUUID().toString();
    private final String host;
    private final Instant started = Instant.now();
    private final Set<Job> held = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private Thread thread;
    private Connection session;
    private long lastBeat;

    Cluster(Database db, TyndauConfig config, Event<Message> messages, Event<Beat> beats) {
        this.db = db;
        this.config = config;
        this.messages = messages;
        this.beats = beats;
        String h;
        try {
            h = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            h = "unknown";
        }
        this.host = h;
    }

    void onStart(@Observes @Priority(5) StartupEvent start) {
        if (!shared()) {
            held.addAll(EnumSet.allOf(Job.class));
        }
        thread = new Thread(this::run, "cluster");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes @Priority(1) ShutdownEvent stop) {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeSession();
    }

    /** Whether several instances may share this database (PostgreSQL). */
    public boolean shared() {
        return Database.POSTGRESQL.equals(db.kind());
    }

    public String id() {
        return id;
    }

    /** Whether this instance runs {@code job} now. */
    public boolean holds(Job job) {
        return held.contains(job);
    }

    /** Tells every other instance (nothing on H2): they receive it as a {@link Message} event. */
    public void announce(String kind, String payload) {
        if (!shared()) {
            return;
        }
        String text = id + " " + kind + " " + (payload == null ? "" : payload);
        try {
            db.em().unwrap(org.hibernate.Session.class).doWork(c -> {
                try (PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
                    st.setString(1, CHANNEL);
                    st.setString(2, text);
                    st.execute();
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not tell the other instances: %s %s", kind, payload);
        }
    }

    /** The heartbeat thread: jobs, messages and this instance's row. */
    private void run() {
        long every = Math.max(100, config.cluster().heartbeat().toMillis());
        while (!stopping) {
            try {
                if (shared()) {
                    listen(every);
                } else {
                    Thread.sleep(every);
                }
                if (System.currentTimeMillis() - lastBeat >= every) {
                    beat();
                    lastBeat = System.currentTimeMillis();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!stopping) {
                    LOG.warnf("cluster heartbeat failed (%s); the jobs held are given up until the database answers again", e.toString());
                    closeSession();
                    sleepQuietly(every);
                }
            }
        }
    }

    private void listen(long waitMillis) throws SQLException {
        Connection c = session();
        PGNotification[] got = c.unwrap(PGConnection.class).getNotifications((int) waitMillis);
        if (got == null) {
            return;
        }
        for (PGNotification n : got) {
            String[] parts = n.getParameter().split(" ", 3);
            if (parts.length < 2 || parts[0].equals(id)) {
                continue;
            }
            try {
                messages.fire(new Message(parts[1], parts.length > 2 ? parts[2] : ""));
            } catch (RuntimeException e) {
                LOG.errorf(e, "a message from instance %s could not be handled: %s", parts[0], n.getParameter());
            }
        }
    }

    private void beat() throws SQLException {
        Beat b = new Beat();
        beats.fire(b);
        if (shared()) {
            Connection c = session();
            for (Job job : Job.values()) {
                if (!held.contains(job)) {
                    try (PreparedStatement st = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                        st.setLong(1, job.lockKey());
                        try (ResultSet r = st.executeQuery()) {
                            if (r.next() && r.getBoolean(1)) {
                                held.add(job);
                                LOG.infof("this instance (%s) now runs the %s job", id, job.wire());
                            }
                        }
                    }
                }
            }
            write(c, b.indexedSeq);
        } else {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() ->
                    db.em().unwrap(org.hibernate.Session.class).doWork(c -> write(c, b.indexedSeq)));
        }
    }

    private void write(Connection c, long indexedSeq) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement up = c.prepareStatement("update instance set last_seen = ?, indexed_seq = ?, jobs = ?, host = ? where id = ?")) {
            up.setTimestamp(1, now);
            up.setLong(2, indexedSeq);
            up.setString(3, jobs());
            up.setString(4, host);
            up.setString(5, id);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement(
                        "insert into instance (id, host, started_at, last_seen, indexed_seq, jobs) values (?, ?, ?, ?, ?, ?)")) {
                    in.setString(1, id);
                    in.setString(2, host);
                    in.setTimestamp(3, Timestamp.from(started));
                    in.setTimestamp(4, now);
                    in.setLong(5, indexedSeq);
                    in.setString(6, jobs());
                    in.executeUpdate();
                }
            }
        }
        // Instances silent for a day are gone for good.
        try (PreparedStatement del = c.prepareStatement("delete from instance where last_seen < ?")) {
            del.setTimestamp(1, Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(1))));
            del.executeUpdate();
        }
    }

    /** The jobs held, by name, comma-separated. */
    String jobs() {
        List<String> out = new ArrayList<>();
        for (Job j : Job.values()) {
            if (held.contains(j)) {
                out.add(j.wire());
            }
        }
        return String.join(",", out);
    }

    /** This instance's own connection: opened (and LISTENing) when there is none or it broke. */
    private Connection session() throws SQLException {
        if (session != null && !session.isClosed()) {
            return session;
        }
        held.clear();
        var cfg = ConfigProvider.getConfig();
        String pg = "quarkus.datasource.\"" + Database.POSTGRESQL + "\".";
        session = DriverManager.getConnection(cfg.getValue(pg + "jdbc.url", String.class),
                cfg.getOptionalValue(pg + "username", String.class).orElse(null),
                cfg.getOptionalValue(pg + "password", String.class).orElse(null));
        session.setAutoCommit(true);
        try (Statement st = session.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        }
        return session;
    }

    private void closeSession() {
        held.removeIf(j -> shared());
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // closing is all that is left to do
            }
            session = null;
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
