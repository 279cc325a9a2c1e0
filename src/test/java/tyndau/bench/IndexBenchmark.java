package tyndau.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import tyndau.index.Analyzers;
import tyndau.index.DailyCounts;
import tyndau.index.IndexSchema;
import tyndau.index.QueryLanguage;
import tyndau.responsiveness.Method;
import tyndau.responsiveness.ResponsivenessService;
import tyndau.signals.Range;
import tyndau.document.DocumentRow;

/**
 * On-demand benchmark (not part of the default test run):
 * {@code ./mvnw test -Dtest=IndexBenchmark -Dbench.docs=1000000}. Generates N documents over two
 * years in kk/ru/en and reports, in one run: indexing through Tyndau's schema and analysers beside
 * bare Lucene (one StandardAnalyzer field) on the same texts; a topic's daily series over two years
 * from the index beside the equivalent SQL GROUP BY on H2; search latency.
 */
class IndexBenchmark {
    static final String[][] WORDS = {
        {"Ресей", "Ресейге", "Ресейден", "Қытай", "Қытаймен", "шекара", "көмек", "сауда", "үкімет", "министр", "халық", "қала", "жол", "бағасы", "ауа", "райы"},
        {"Россия", "России", "Китай", "Китая", "граница", "помощь", "торговля", "правительство", "министр", "жители", "город", "дорога", "цены", "погода", "снег", "тариф"},
        {"Russia", "China", "border", "aid", "trade", "government", "minister", "residents", "city", "road", "prices", "weather", "snow", "tariff", "earthquake", "talks"}};
    static final String[] LANGS = {"kk", "ru", "en"};
    static final String[] SIDES = {"public", "government", "none"};
    static final String TOPIC = "Ресей Россия России Russia";
    // Titles and bodies draw on these words only, so the default topics about aid, visas or Xinjiang
    // find little: the responsiveness timings measure the reading and the method, not the matches.

    record Doc(long id, String lang, String side, Instant published, String title, String body) {
    }

    static List<Doc> generate(int n, long seed) {
        Random r = new Random(seed);
        Instant start = Instant.parse("2022-01-01T00:00:00Z");
        List<Doc> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int l = r.nextInt(3);
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                body.append(WORDS[l][r.nextInt(WORDS[l].length)]).append(w % 10 == 9 ? ". " : " ");
            }
            String title = WORDS[l][r.nextInt(WORDS[l].length)] + " " + WORDS[l][r.nextInt(WORDS[l].length)];
            out.add(new Doc(i + 1, LANGS[l], SIDES[r.nextInt(10) < 6 ? 0 : r.nextInt(10) < 7 ? 1 : 2],
                    start.plusSeconds(r.nextInt(730 * 86400)), title, body.toString()));
        }
        return out;
    }

    static double[] percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new double[] {s[s.length / 2] / 1e6, s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6};
    }

    @Test
    void run() throws Exception {
        int n = Integer.getInteger("bench.docs", 200_000);
        int reps = Integer.getInteger("bench.reps", 30);
        Path dir = Files.createTempDirectory("tyndau-bench");
        System.out.printf("IndexBenchmark: %d documents, %d repetitions, in %s%n", n, reps, dir);
        List<Doc> docs = generate(n, 42);
        ObjectMapper json = new ObjectMapper();

        // 1. Bare Lucene: one analysed field, StandardAnalyzer.
        long t0 = System.nanoTime();
        try (FSDirectory d = FSDirectory.open(dir.resolve("bare"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(64))) {
            for (Doc doc : docs) {
                Document ld = new Document();
                ld.add(new TextField("text", doc.title() + "\n\n" + doc.body(), Field.Store.NO));
                w.addDocument(ld);
            }
            w.commit();
        }
        double bare = n / ((System.nanoTime() - t0) / 1e9);

        // The default topics each document matches, and a tone, as the service's analysis stores them
        // (outside the timings: the rollups read them from the index).
        var topicsYml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Path.of("feeds", "topics.yml").toFile()).get("topics");
        List<String> topicIds = new ArrayList<>();
        List<java.util.Optional<tyndau.topics.QueryMatcher>> matchers = new ArrayList<>();
        for (var t : topicsYml) {
            topicIds.add(t.get("id").asText());
            matchers.add(tyndau.topics.QueryMatcher.compile(QueryLanguage.parse(t.get("query").asText(), false)));
        }
        long m0 = System.nanoTime();
        List<List<String>> docTopics = new ArrayList<>(n);
        for (Doc doc : docs) {
            DocumentRow plain = new DocumentRow(doc.id(), doc.id(), "s", "social", doc.side(), doc.lang(), doc.published(), null,
                    null, doc.title(), doc.body());
            tyndau.index.DocumentTerms terms = tyndau.index.DocumentTerms.of(plain);
            List<String> matched = new ArrayList<>();
            for (int i = 0; i < matchers.size(); i++) {
                if (matchers.get(i).isPresent() && matchers.get(i).get().matches(terms)) {
                    matched.add(topicIds.get(i));
                }
            }
            docTopics.add(matched);
        }
        System.out.printf("topic matching (not timed below): %.0f docs/s%n", n / ((System.nanoTime() - m0) / 1e9));

        // 2. Tyndau: the import line parsed as JSON, the index schema, per-language analysers, doc values.
        t0 = System.nanoTime();
        try (FSDirectory d = FSDirectory.open(dir.resolve("tyndau"));
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(Analyzers.PER_FIELD).setRAMBufferSizeMB(64))) {
            for (Doc doc : docs) {
                String line = json.writeValueAsString(java.util.Map.of("title", doc.title(), "body", doc.body(), "lang", doc.lang()));
                var node = json.readTree(line);
                double tone = ((doc.id() * 7919) % 201 - 100) / 100.0;
                DocumentRow row = new DocumentRow(doc.id(), doc.id(), "s" + (doc.id() % 17), "social", doc.side(),
                        node.get("lang").asText(), doc.published(), tone, doc.id() % 50 == 0 ? doc.id() - 1 : null,
                        node.get("title").asText(), node.get("body").asText(), docTopics.get((int) doc.id() - 1), java.util.Map.of(), null);
                w.addDocument(IndexSchema.toLucene(row));
            }
            w.commit();
        }
        double tyndau = n / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("indexing: tyndau pipeline %.0f docs/s, bare Lucene %.0f docs/s, ratio %.2f%n", tyndau, bare, tyndau / bare);

        // 2b. Tone: the lexicon scorer alone, documents/s, on the same texts.
        tyndau.tone.LexiconToneScorer tone = new tyndau.tone.LexiconToneScorer();
        t0 = System.nanoTime();
        double sink = 0;
        for (Doc doc : docs) {
            sink += tone.score(doc.title() + "\n\n" + doc.body(), doc.lang()).score();
        }
        double toneRate = n / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("tone scoring: %.0f docs/s (bare Lucene indexing in the same run: %.0f docs/s; checksum %.1f)%n",
                toneRate, bare, sink);

        // 3. SQL on H2: the same documents, the equivalent GROUP BY (the topic's words with LIKE; SQL has no stemming).
        t0 = System.nanoTime();
        String url = "jdbc:h2:file:" + dir.resolve("h2").toAbsolutePath() + "/bench";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE doc (id BIGINT PRIMARY KEY, side VARCHAR(16), published TIMESTAMP WITH TIME ZONE, text VARCHAR(100000))");
                s.execute("CREATE INDEX doc_published ON doc (published)");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO doc VALUES (?, ?, ?, ?)")) {
                int i = 0;
                for (Doc doc : docs) {
                    p.setLong(1, doc.id());
                    p.setString(2, doc.side());
                    p.setTimestamp(3, Timestamp.from(doc.published()));
                    p.setString(4, (doc.title() + "\n\n" + doc.body()).toLowerCase());
                    p.addBatch();
                    if (++i % 1000 == 0) {
                        p.executeBatch();
                        c.commit();
                    }
                }
                p.executeBatch();
                c.commit();
            }
            System.out.printf("H2 load: %.0f rows/s%n", n / ((System.nanoTime() - t0) / 1e9));
            String sql = "SELECT CAST(published AS DATE) d, side, COUNT(*), "
                    + "SUM(CASE WHEN text LIKE '%ресей%' OR text LIKE '%росси%' OR text LIKE '%russia%' THEN 1 ELSE 0 END) "
                    + "FROM doc WHERE published >= ? AND published < ? GROUP BY d, side";
            long[] sqlTimes = new long[reps];
            int sqlRows = 0;
            for (int i = 0; i < reps; i++) {
                long s0 = System.nanoTime();
                try (PreparedStatement p = c.prepareStatement(sql)) {
                    p.setTimestamp(1, Timestamp.from(Instant.parse("2022-01-01T00:00:00Z")));
                    p.setTimestamp(2, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")));
                    try (ResultSet rs = p.executeQuery()) {
                        sqlRows = 0;
                        while (rs.next()) {
                            sqlRows++;
                        }
                    }
                }
                sqlTimes[i] = System.nanoTime() - s0;
            }

            // 4. The same series from the index, one pass over DocValues.
            try (FSDirectory d = FSDirectory.open(dir.resolve("tyndau")); DirectoryReader reader = DirectoryReader.open(d)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Query topic = QueryLanguage.parse(TOPIC, false);
                long[] luceneTimes = new long[reps];
                int days = 0;
                for (int i = 0; i < reps; i++) {
                    long s0 = System.nanoTime();
                    days = DailyCounts.count(searcher, topic, Instant.parse("2022-01-01T00:00:00Z"),
                            Instant.parse("2024-01-01T00:00:00Z"), ZoneId.of("Asia/Almaty")).size();
                    luceneTimes[i] = System.nanoTime() - s0;
                }
                double[] lp = percentiles(luceneTimes);
                double[] sp = percentiles(sqlTimes);
                System.out.printf("timeline (one topic, 2 years by day): index p50 %.1f ms p99 %.1f ms (%d days); "
                        + "SQL GROUP BY p50 %.1f ms p99 %.1f ms (%d rows); SQL/index p50 ratio %.1f%n",
                        lp[0], lp[1], days, sp[0], sp[1], sqlRows, sp[0] / lp[0]);

                String[] queries = {"Ресей", "Россия граница", "China trade", "көмек OR помощь OR aid", "\"border talks\"", "Қытаймен"};
                long[] searchTimes = new long[reps * queries.length];
                int k = 0;
                for (int i = 0; i < reps; i++) {
                    for (String q : queries) {
                        long s0 = System.nanoTime();
                        Query query = QueryLanguage.parse(q, true);
                        searcher.search(query, 20);
                        searcher.count(query);
                        searchTimes[k++] = System.nanoTime() - s0;
                    }
                }
                double[] qp = percentiles(searchTimes);
                System.out.printf("search (top 20 + exact count): p50 %.2f ms p99 %.2f ms over %d queries%n", qp[0], qp[1], searchTimes.length);

                // 4b. The same series from the rollups (computed once per segment, as a refresh does before it publishes a reader).
                ZoneId almaty = ZoneId.of("Asia/Almaty");
                tyndau.index.Rollups rollups = new tyndau.index.Rollups();
                rollups.warmZone(almaty);
                long w0 = System.nanoTime();
                rollups.warm(reader);
                System.out.printf("rollups of every segment (%d segments), computed once: %.0f ms%n", reader.leaves().size(),
                        (System.nanoTime() - w0) / 1e6);
                DailyCounts.Source fromRollups = (s, id, q, from, to, zone) -> rollups.count(s.getIndexReader(), id, from, to, zone);
                DailyCounts.Source scanned = (s, id, q, from, to, zone) -> DailyCounts.count(s, q, id, from, to, zone);
                Query russia = QueryLanguage.parse(topicsYml.get(0).get("query").asText(), false);
                String russiaId = topicsYml.get(0).get("id").asText();
                for (String way : new String[] {"scan", "rollups"}) {
                    DailyCounts.Source src = way.equals("scan") ? scanned : fromRollups;
                    long[] times = new long[reps * 10];
                    int daysSeen = 0;
                    for (int i = 0; i < times.length; i++) {
                        long s0 = System.nanoTime();
                        daysSeen = src.count(searcher, russiaId, russia, Instant.parse("2021-12-31T18:00:00Z"),
                                Instant.parse("2023-12-31T18:00:00Z"), almaty).size();
                        times[i] = System.nanoTime() - s0;
                    }
                    double[] p = percentiles(times);
                    System.out.printf("timeline %s (topic %s, 2 years by day): p50 %.2f ms p99 %.2f ms (%d days, %d runs)%n", way,
                            russiaId, p[0], p[1], daysSeen, times.length);
                }

                // 5. A full responsiveness answer (series, government documents, episodes, CCF, Granger) per default topic.
                Method.Params params = new Method.Params(28, 3.0, 3, 0.01, 14, 14, 7, 7, 14, 0.67, 0.5, 5);
                Range range = new Range(java.time.LocalDate.of(2022, 1, 1), java.time.LocalDate.of(2023, 12, 31), ZoneId.of("Asia/Almaty"));
                for (String way : new String[] {"scan", "rollups", "scan", "rollups"}) {
                    DailyCounts.Source src = way.equals("scan") ? scanned : fromRollups;
                    long all0 = System.nanoTime();
                    StringBuilder each = new StringBuilder();
                    for (var t : topicsYml) {
                        long s0 = System.nanoTime();
                        // With rollups the service finds a topic's documents by its term in the topic field (LuceneIndex.topicFilter).
                        Query docsOf = way.equals("scan") ? QueryLanguage.parse(t.get("query").asText(), false)
                                : new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.TOPIC, t.get("id").asText()));
                        Method.Result res = Method.run(ResponsivenessService.input(searcher, docsOf, t.get("id").asText(), range, params, src),
                                params);
                        each.append(String.format(" %s %.0f ms (%d episodes);", t.get("id").asText(), (System.nanoTime() - s0) / 1e6,
                                res.episodes().size()));
                    }
                    System.out.printf("responsiveness %s, all %d default topics over 2 years: %.1f ms —%s%n", way, topicsYml.size(),
                            (System.nanoTime() - all0) / 1e6, each);
                }
            }
        }
    }
}
