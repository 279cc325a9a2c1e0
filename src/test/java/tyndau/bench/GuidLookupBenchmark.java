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
 * The writer's GUID look-up ({@code guid = ANY(?)}, 500 GUIDs, as a feed batch asks it) on an H2 file
 * holding {@code bench.docs} documents, with the index led by the source (before migration V11) and
 * with the index led by the GUID (after). On demand only:
 * {@code ./mvnw test -Dtest=GuidLookupBenchmark -Dbench.docs=1000000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GuidLookupBenchmark {
    @Test
    void guidLookUpWithEachIndex() throws Exception {
        int n = Integer.getInteger("bench.docs", 200_000);
        Path dir = Files.createTempDirectory("tyndau-guid-bench");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"), "sa", "")) {
            Statement s = c.createStatement();
            s.execute("CREATE TABLE document (id BIGINT PRIMARY KEY, source_id VARCHAR(64) NOT NULL, guid VARCHAR(1024))");
            s.execute("CREATE INDEX document_source_guid_idx ON document (source_id, guid)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO document VALUES (?, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "source-" + (i % 40));
                    insert.setString(3, guid(i));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                c.commit();
            }
            System.out.printf("GUID look-up, %,d documents, 500 GUIDs a batch (half of them stored):%n", n);
            System.out.printf("  index (source_id, guid): %8.1f ms a batch%n", lookUps(c, n));
            s.execute("CREATE INDEX document_guid_idx ON document (guid, source_id)");
            s.execute("DROP INDEX document_source_guid_idx");
            c.commit();
            System.out.printf("  index (guid, source_id): %8.1f ms a batch%n", lookUps(c, n));
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
