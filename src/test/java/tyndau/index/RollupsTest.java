package tyndau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import tyndau.document.DocumentRow;

/**
 * Rollups of small segments (one document each, one per side, before 1970 and after, a copy, an undateable one) count
 * what a direct count counts; RollupAgreementTest does the same through the service on a mixed import.
 */
class RollupsTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");

    @Test
    void oneDocumentSegmentsCountAsTheDocumentsDo() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.PER_FIELD))) {
            Object[][] docs = {
                {"public", "1965-03-02T10:00:00Z", null, List.of("t")},
                {"government", "1965-03-02T11:00:00Z", null, List.of("t")},
                {"none", "2021-06-01T23:30:00Z", null, List.of()},
                {"public", "2021-06-01T18:30:00Z", 1L, List.of("t")}, // a copy: not counted
                {"public", null, null, List.of("t")}, // undateable
                {"government", "2021-06-02T01:00:00Z", null, List.of("t")},
            };
            for (int i = 0; i < docs.length; i++) {
                Object[] d = docs[i];
                @SuppressWarnings("unchecked")
                List<String> topics = (List<String>) d[3];
                w.addDocument(IndexSchema.toLucene(new DocumentRow(i + 1, i + 1, "s", "social", (String) d[0], "en",
                        d[1] == null ? null : Instant.parse((String) d[1]), 0.25 * i, (Long) d[2], "title " + i, "body", topics, Map.of())));
                w.commit(); // a segment each
            }
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Rollups rollups = new Rollups();
                Instant from = LocalDate.of(1960, 1, 1).atStartOfDay(ZONE).toInstant();
                Instant to = LocalDate.of(2030, 1, 1).atStartOfDay(ZONE).toInstant();
                for (String topic : new String[] {null, "t"}) {
                    var q = topic == null ? new MatchAllDocsQuery() : new TermQuery(new Term(IndexSchema.TOPIC, topic));
                    Map<LocalDate, DailyCounts.Day> direct = DailyCounts.count(searcher, q, topic, from, to, ZONE);
                    Map<LocalDate, DailyCounts.Day> rolled = rollups.count(reader, topic, from, to, ZONE);
                    assertEquals(direct.keySet(), rolled.keySet(), "days, topic " + topic);
                    assertEquals(List.of(LocalDate.of(1965, 3, 2), LocalDate.of(2021, 6, 2)), List.copyOf(direct.keySet()),
                            "23:30 UTC on 1 June is 2 June in Almaty; the copy is left out");
                    for (LocalDate day : direct.keySet()) {
                        for (int side = 0; side < 3; side++) {
                            assertEquals(direct.get(day).all[side], rolled.get(day).all[side], day + " all " + side);
                            assertEquals(direct.get(day).topic[side], rolled.get(day).topic[side], day + " topic " + side);
                            assertEquals(direct.get(day).toneSum[side], rolled.get(day).toneSum[side], 1e-12, day + " tone " + side);
                            assertEquals(direct.get(day).firstTopic[side], rolled.get(day).firstTopic[side], day + " first " + side);
                        }
                    }
                    long[] u = rollups.undateable(reader, topic, ZONE);
                    assertEquals(DailyCounts.undateable(searcher, q)[0], u[0], "undateable public, topic " + topic);
                    assertEquals(1, u[0]);
                }
            }
        }
    }
}
