package tyndau.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Look-ups whose cost grew with the table, on an H2 file holding {@code bench.docs} documents, with the
 * indexes before and after the migration that fixed each. On demand only:
 * {@code ./mvnw test -Dtest=LookupBenchmark -Dbench.docs=1000000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class LookupBenchmark {
    /**
     * The writer's GUID look-up ({@code guid = ANY(?)}, 500 GUIDs, as a feed batch asks it): index led
     * by the source (before V11), led by the GUID (after).
     */
    @Test
    void guidLookUpWithEachIndex() throws Exception {
        int n = Integer.getInteger("bench.docs", 200_000);
        Path dir = Files.createTempDirectory("tyndau-guid-bench");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"), "sa", "")) {
            Statement s = c.createStatement();
            s.execute("CREATE TABLE document (id BIGINT PRIMARY KEY, source_id VARCHAR(64) NOT NULL, guid VARCHAR(1024))");
            s.execute("CREATE INDEX document_source_guid_idx ON document (source_id, guid)");
            insert(c, "INSERT INTO document VALUES (?, ?, ?)", n, (insert, i) -> {
                insert.setLong(1, i);
                insert.setString(2, "source-" + (i % 40));
                insert.setString(3, guid(i));
            });
            System.out.printf("GUID look-up, %,d documents, 500 GUIDs a batch (half of them stored):%n", n);
            System.out.printf("  index (source_id, guid): %8.1f ms a batch%n", lookUps(c, n));
            s.execute("CREATE INDEX document_guid_idx ON document (guid, source_id)");
            s.execute("DROP INDEX document_source_guid_idx");
            c.commit();
            System.out.printf("  index (guid, source_id): %8.1f ms a batch%n", lookUps(c, n));
        }
    }

    /**
     * A source's health: its documents fetched in the last seven days, for a source holding half of the
     * table (before V13 only an index led by (source_id, published_at); after, one on (source_id, fetched_at)).
     */
    @Test
    void aSourcesLastWeekWithEachIndex() throws Exception {
        int n = Integer.getInteger("bench.docs", 200_000);
        Path dir = Files.createTempDirectory("tyndau-week-bench");
        // No query cache: the same count asked again would be answered from it.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";QUERY_CACHE_SIZE=0", "sa", "")) {
            Statement s = c.createStatement();
            s.execute("CREATE TABLE document (id BIGINT PRIMARY KEY, source_id VARCHAR(64) NOT NULL, published_at TIMESTAMP(6) WITH TIME ZONE,"
                    + " fetched_at TIMESTAMP(6) WITH TIME ZONE NOT NULL, body VARCHAR(100000))");
            s.execute("CREATE INDEX document_source_newest_idx ON document (source_id, published_at DESC NULLS LAST, id DESC)");
            Random r = new Random(1);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                text.append((char) ('a' + r.nextInt(26)));
            }
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
            insert(c, "INSERT INTO document VALUES (?, ?, ?, ?, ?)", n, (insert, i) -> {
                insert.setLong(1, i);
                insert.setString(2, i % 2 == 0 ? "big" : "source-" + (i % 40));
                insert.setObject(3, now.minusMinutes(n - i));
                insert.setObject(4, now.minusMinutes(n - i));
                insert.setString(5, i + text.toString());
            });
            System.out.printf("a source's documents of the last 7 days, %,d documents, half of them the source's:%n", n);
            System.out.printf("  index (source_id, published_at, id) only: %8.1f ms%n", weekCount(c, now));
            s.execute("CREATE INDEX document_source_fetched_idx ON document (source_id, fetched_at)");
            c.commit();
            System.out.printf("  with (source_id, fetched_at):            %8.1f ms%n", weekCount(c, now));
        }
    }

    /** Milliseconds per count, the best of five (each with another bound, so nothing is cached). */
    private static double weekCount(Connection c, java.time.OffsetDateTime now) throws Exception {
        long best = Long.MAX_VALUE;
        try (PreparedStatement q = c.prepareStatement("select count(*) from document where source_id = ? and fetched_at >= ?")) {
            for (int k = 0; k < 5; k++) {
                q.setString(1, "big");
                q.setObject(2, now.minusDays(7).plusSeconds(k));
                long t0 = System.nanoTime();
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    rs.getLong(1);
                }
                best = Math.min(best, System.nanoTime() - t0);
            }
        }
        return best / 1e6;
    }

    /** One row's parameters. */
    private interface RowValues {
        void set(PreparedStatement insert, int i) throws java.sql.SQLException;
    }

    /** Inserts {@code n} rows in batches, a commit every 1,000. */
    private static void insert(Connection c, String sql, int n, RowValues values) throws java.sql.SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < n; i++) {
                values.set(insert, i);
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private static String guid(long i) {
        return "urn:example:" + i + ":" + (i * 7919L);
    }

    /** Milliseconds per look-up, the mean of 20 after 5 to warm up. */
    private static double lookUps(Connection c, int n) throws Exception {
        Random r = new Random(1);
        long t0 = 0;
        try (PreparedStatement q = c.prepareStatement("select source_id, guid, id from document where guid = ANY(?)")) {
            for (int rep = 0; rep < 25; rep++) {
                if (rep == 5) {
                    t0 = System.nanoTime();
                }
                Object[] guids = new Object[500];
                for (int k = 0; k < guids.length; k++) {
                    guids[k] = guid(r.nextInt(2 * n));
                }
                q.setArray(1, c.createArrayOf("VARCHAR", guids));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(3);
                    }
                }
            }
        }
        return (System.nanoTime() - t0) / 1e6 / 20;
    }
}
