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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * This instance among those sharing one database (docs/operate.md). On PostgreSQL it keeps one
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
        DELIVERIES,
        /** Re-assigning every event when the events' parameters changed (tyndau.document.EventRebuild). */
        EVENTS;

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
    private volatile Connection session;
    private long lastBeat;
    /** When the locks in {@link #held} were last confirmed by the database (PostgreSQL). */
    private volatile long confirmed;
    private volatile long indexedSeq;
    private volatile Instant lastSeen = Instant.now();
    private boolean connectedBefore;

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

    /**
     * Whether this instance runs {@code job} now. On PostgreSQL a lease: the lock must have been confirmed
     * by a heartbeat within the last two, so that an instance cut off from the database (a half-open
     * connection, a partition) stops before another one, whose heartbeat then takes the lock, starts.
     */
    public boolean holds(Job job) {
        if (!shared()) {
            return true;
        }
        long every = config.cluster().heartbeat().toMillis();
        return held.contains(job) && System.currentTimeMillis() - confirmed < 2 * every + 500;
    }

    /** Tells every other instance (nothing on H2): they receive it as a {@link Message} event. */
    public void announce(String kind, String payload) {
        if (!shared()) {
            return;
        }
        String text = id + " " + kind + " " + (payload == null ? "" : payload);
        try {
            // A transaction of its own: callers run on request threads, timers and executors alike.
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> db.em().unwrap(org.hibernate.Session.class).doWork(c -> {
                try (PreparedStatement st = c.prepareStatement("select pg_notify(?, ?)")) {
                    st.setString(1, CHANNEL);
                    st.setString(2, text);
                    st.execute();
                }
            }));
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
        indexedSeq = b.indexedSeq;
        lastSeen = Instant.now();
        if (!shared()) {
            return; // one instance: /api/cluster answers from memory, nothing to write
        }
        Connection c = session();
        // The locks this session really holds (a lock lost with a connection is not assumed kept).
        Set<Long> mine = new java.util.HashSet<>();
        try (Statement st = c.createStatement();
             ResultSet r = st.executeQuery("select (classid::bigint << 32) | objid::bigint from pg_locks"
                     + " where locktype = 'advisory' and pid = pg_backend_pid() and objsubid = 1 and granted")) {
            while (r.next()) {
                mine.add(r.getLong(1));
            }
        }
        for (Job job : Job.values()) {
            if (held.contains(job) && !mine.contains(job.lockKey())) {
                held.remove(job);
                LOG.warnf("this instance (%s) lost the %s job's lock", id, job.wire());
            }
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
        confirmed = System.currentTimeMillis();
        write(c, b.indexedSeq);
        endStaleHolders(c);
    }

    /**
     * Ends the session of an instance that holds a job's lock but has not beaten for {@link #staleAfter()}: a frozen
     * process (SIGSTOP, a VM paused) or one cut off keeps its connection, and with it the lock, for as long as TCP
     * keepalive takes (hours by default, never while the kernel still answers for a paused process). Its lease has
     * run out long before ({@link #holds}), so when it wakes it acts as no holder; the next heartbeat here takes
     * the job. Only sessions named as Tyndau's own cluster sessions are ended.
     */
    private void endStaleHolders(Connection c) throws SQLException {
        List<Long> keys = new ArrayList<>();
        for (Job job : Job.values()) {
            if (!held.contains(job)) {
                keys.add(job.lockKey());
            }
        }
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("select a.pid, a.application_name from pg_locks l"
                + " join pg_stat_activity a on a.pid = l.pid"
                + " join instance i on a.application_name = 'tyndau-cluster ' || i.id"
                + " where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
                + " and ((l.classid::bigint << 32) | l.objid::bigint) = any (?)"
                + " and l.pid <> pg_backend_pid() and i.last_seen < now() - make_interval(secs => ?)")) {
            st.setArray(1, c.createArrayOf("bigint", keys.toArray()));
            st.setDouble(2, staleAfter().toMillis() / 1000.0);
            List<Object[]> stale = new ArrayList<>();
            try (ResultSet r = st.executeQuery()) {
                while (r.next()) {
                    stale.add(new Object[] {r.getInt(1), r.getString(2)});
                }
            }
            for (Object[] s : stale) {
                try (PreparedStatement end = c.prepareStatement("select pg_terminate_backend(?)")) {
                    end.setInt(1, (Integer) s[0]);
                    end.execute();
                }
                LOG.warnf("ended the session of %s (pid %d): it holds a job's lock but has not beaten for %s", s[1], s[0], staleAfter());
            }
        }
    }

    /** How long without a heartbeat before an instance's hold on a job is ended: five heartbeats, at least 10 s. */
    Duration staleAfter() {
        Duration five = config.cluster().heartbeat().multipliedBy(5);
        return five.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : five;
    }

    /** This instance as the API shows it when it is alone (H2): from memory. */
    Instant lastSeen() {
        return lastSeen;
    }

    long indexedSeq() {
        return indexedSeq;
    }

    String host() {
        return host;
    }

    Instant started() {
        return started;
    }

    private void write(Connection c, long indexedSeq) throws SQLException {
        // The database's clock, not each host's: "live" compares heartbeats of different machines.
        try (PreparedStatement up = c.prepareStatement("update instance set last_seen = now(), indexed_seq = ?, jobs = ?, host = ? where id = ?")) {
            up.setLong(1, indexedSeq);
            up.setString(2, jobs());
            up.setString(3, host);
            up.setString(4, id);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement(
                        "insert into instance (id, host, started_at, last_seen, indexed_seq, jobs) values (?, ?, ?, now(), ?, ?)")) {
                    in.setString(1, id);
                    in.setString(2, host);
                    in.setTimestamp(3, Timestamp.from(started));
                    in.setLong(4, indexedSeq);
                    in.setString(5, jobs());
                    in.executeUpdate();
                }
            }
        }
        // Instances silent for a day are gone for good.
        try (Statement del = c.createStatement()) {
            del.executeUpdate("delete from instance where last_seen < now() - interval '1 day'");
        }
    }

    /** The jobs held, by name, comma-separated. */
    String jobs() {
        List<String> out = new ArrayList<>();
        for (Job j : Job.values()) {
            if (holds(j)) {
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
        java.util.Properties props = new java.util.Properties();
        setting("username").ifPresent(u -> props.setProperty("user", u));
        setting("password").ifPresent(p -> props.setProperty("password", p));
        // A half-open connection must fail within a few heartbeats, not hang: the lease in holds() stops
        // the jobs meanwhile.
        long every = Math.max(1, config.cluster().heartbeat().toSeconds());
        props.setProperty("socketTimeout", Long.toString(Math.max(10, 5 * every)));
        props.setProperty("connectTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        // The server side too: a session of a frozen or partitioned instance is probed and ended in about a minute.
        props.setProperty("options", "-c tcp_keepalives_idle=30 -c tcp_keepalives_interval=10 -c tcp_keepalives_count=3"
                + " -c idle_in_transaction_session_timeout=60000");
        props.setProperty("ApplicationName", "tyndau-cluster " + id);
        session = DriverManager.getConnection(setting("jdbc.url").orElseThrow(), props);
        session.setAutoCommit(true);
        try (Statement st = session.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        }
        if (connectedBefore) {
            // Messages sent while this instance was cut off are lost (NOTIFY keeps none): re-read what they would have said.
            for (String kind : List.of("topics", "rules")) {
                try {
                    messages.fire(new Message(kind, ""));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "re-reading %s after reconnecting failed", kind);
                }
            }
        }
        connectedBefore = true;
        return session;
    }

    /** A setting of the PostgreSQL datasource, however its name is written ({@code "postgresql"} quoted or not). */
    private static java.util.Optional<String> setting(String key) {
        var cfg = ConfigProvider.getConfig();
        java.util.Optional<String> quoted = cfg.getOptionalValue("quarkus.datasource.\"" + Database.POSTGRESQL + "\"." + key, String.class);
        return quoted.isPresent() ? quoted : cfg.getOptionalValue("quarkus.datasource." + Database.POSTGRESQL + "." + key, String.class);
    }

    private synchronized void closeSession() {
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
