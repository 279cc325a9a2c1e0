package tyndau;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnit;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The database of this start: the persistence unit {@link DatabaseChoice} made active, embedded H2 or
 * PostgreSQL. Every read and write of rows goes through {@link #em()} (a bean) or {@link #current()} (the
 * entities' static helpers). The entity manager given is Quarkus's, bound to the current transaction.
 */
@Singleton
public class Database {
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";
    /** Set by {@link DatabaseChoice}, never by hand. */
    static final String KIND = "tyndau.db.kind";

    private final String kind;
    private volatile EntityManager em;

    Database(@ConfigProperty(name = KIND, defaultValue = H2) String kind) {
        this.kind = kind;
    }

    /** {@value #H2} or {@value #POSTGRESQL}. */
    public String kind() {
        return kind;
    }

    public EntityManager em() {
        EntityManager e = em;
        if (e == null) {
            e = POSTGRESQL.equals(kind)
                    ? Arc.container().select(EntityManager.class, new PersistenceUnit.PersistenceUnitLiteral(POSTGRESQL)).get()
                    : Arc.container().select(EntityManager.class, Default.Literal.INSTANCE).get();
            em = e;
        }
        return e;
    }

    /**
     * Serialises the writers of documents across every instance on one database, until the current
     * transaction ends: on PostgreSQL a transaction-scoped advisory lock, so that sequence numbers are
     * committed in the order they are given and an index catching up by "seq greater than mine" never
     * skips a row committed late. On the embedded H2 one process owns the file: the writer's own lock
     * is enough, nothing to do.
     */
    public void lockWrites() {
        if (POSTGRESQL.equals(kind)) {
            em().unwrap(org.hibernate.Session.class).doWork(c -> {
                try (java.sql.PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                    st.setLong(1, WRITE_LOCK);
                    st.execute();
                }
            });
        }
    }

    /** The advisory lock key of the document writers ("tyndauwr" in ASCII, so as not to meet another application's). */
    static final long WRITE_LOCK = 0x74796e6461757772L;

    /** The entity manager of the running service, for code that is not a bean (the entities' finders). */
    public static EntityManager current() {
        return Arc.container().instance(Database.class).get().em();
    }
}
