package tyndau.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import tyndau.document.DocumentWriter;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.document.DocumentRow;

/**
 * NDJSON import through {@code POST /api/import} (parse, normalise, dedupe, tone, topics, store,
 * index, percolation and alerts) beside bare Lucene indexing the same file with one
 * StandardAnalyzer field on one thread, in the same run. On demand only:
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dbench.docs=100000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(ImportBenchmark.Defaults.class)
class ImportBenchmark {
    /** The shipped alert timings (the test profile evaluates episodes 300 ms after each batch, far more often than a server does). */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.alerts.debounce", "10s");
        }
    }

    @Inject
    LuceneIndex index;
    @Inject
    DocumentWriter writer;
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    @Test
    void importBesideBareLucene() throws Exception {
        int n = Integer.getInteger("bench.docs", 20_000);
        String run = "b" + UUID.randomUUID().toString().substring(0, 6);
        Path dir = Files.createTempDirectory("tyndau-import-bench");
        Path file = dir.resolve("docs.jsonl");
        long bytes = generate(file, n, run);
        System.out.printf("ImportBenchmark: %d documents, %.1f MB (%.0f bytes per line)%n", n, bytes / 1e6, (double) bytes / n);

        // -Dbench.baseline=false for the bounded-memory run (1,000,000 lines under -Xmx512m): the stages are timed in memory.
        boolean baseline = Boolean.parseBoolean(System.getProperty("bench.baseline", "true"));
        double bare = baseline ? Math.max(bareLucene(file, dir.resolve("bare")), bareLucene(file, dir.resolve("bare2"))) : Double.NaN;
        if (baseline) {
            stagesAlone(file);
        }

        long before = writer.maxSeq();
        long t0 = System.nanoTime();
        JsonPath answer = given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(file.toFile()).post("/api/import").then().statusCode(200).extract().jsonPath();
        double stored = (System.nanoTime() - t0) / 1e9;
        long target = writer.maxSeq();
        while (index.indexedSeq() < target) {
            Thread.sleep(20);
        }
        double indexed = (System.nanoTime() - t0) / 1e9;
        long accepted = answer.getLong("accepted");
        System.out.printf("import answer: accepted %d, duplicates %d, nearDuplicates %s, rejected %d (seq %d → %d)%n", accepted,
                answer.getLong("duplicates"), answer.get("nearDuplicates"), answer.getLong("rejected"), before, target);
        System.out.printf("bare Lucene (StandardAnalyzer, one field, one thread): %8.0f docs/s%n", bare);
        System.out.printf("POST /api/import, answered:                     %8.0f docs/s (%.1f s)%n", accepted / stored, stored);
        System.out.printf("POST /api/import, searchable:                   %8.0f docs/s (%.1f s)%n", accepted / indexed, indexed);
        System.out.printf("ratio import (searchable) / bare Lucene: %.3f%n", (accepted / indexed) / bare);
        if (Boolean.parseBoolean(System.getProperty("bench.reads", "true"))) {
            reads(Integer.getInteger("bench.reps", 50));
        }
    }

    /**
     * The dashboard's reads over HTTP after the import, as the hidden check makes them: a topic's timeline over two
     * years by day, responsiveness for every topic, the overview; beside the same timeline counted document by
     * document in-process (what timelines did before rollups), in the same run.
     */
    private void reads(int reps) throws Exception {
        java.util.List<String> topics = given().get("/api/topics").then().statusCode(200).extract().jsonPath().getList("id");
        String topic = topics.get(0);
        String range = "&from=2022-01-01&to=2023-12-31";
        // Plain java.net.http (RestAssured's own cost per request is several milliseconds), the answer read whole.
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, Long> get = path -> {
            long t0 = System.nanoTime();
            try {
                var response = http.send(java.net.http.HttpRequest.newBuilder(root.toURI().resolve(path)).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - t0;
        };
        get.apply("/api/timeline?topic=" + topic + range); // warm-up
        long[] floor = new long[reps];
        long[] timeline = new long[reps];
        for (int i = 0; i < reps; i++) {
            floor[i] = get.apply("/q/health/live");
            timeline[i] = get.apply("/api/timeline?topic=" + topic + range);
        }
        org.apache.lucene.search.Query query = tyndau.index.QueryLanguage.parse(
                given().get("/api/topics/" + topic).then().statusCode(200).extract().jsonPath().getString("query"), false);
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Almaty");
        java.time.Instant from = java.time.LocalDate.of(2022, 1, 1).atStartOfDay(zone).toInstant();
        java.time.Instant to = java.time.LocalDate.of(2024, 1, 1).atStartOfDay(zone).toInstant();
        long[] scan = new long[reps];
        long[] rolled = new long[reps];
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            index.withSearcher(s -> tyndau.index.DailyCounts.count(s, query, topic, from, to, zone));
            scan[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            index.withSearcher(s -> index.daily(s, topic, query, from, to, zone));
            rolled[i] = System.nanoTime() - t0;
        }
        long[] responsiveness = new long[Math.max(1, reps / 5)];
        for (int i = 0; i < responsiveness.length; i++) {
            long t0 = System.nanoTime();
            for (String t : topics) {
                get.apply("/api/responsiveness?topic=" + t + range);
            }
            responsiveness[i] = System.nanoTime() - t0;
        }
        long[] overview = new long[Math.max(1, reps / 5)];
        for (int i = 0; i < overview.length; i++) {
            overview[i] = get.apply("/api/overview");
        }
        double[] fp = IndexBenchmark.percentiles(floor);
        double[] tp = IndexBenchmark.percentiles(timeline);
        double[] sp = IndexBenchmark.percentiles(scan);
        double[] rp0 = IndexBenchmark.percentiles(rolled);
        double[] rp = IndexBenchmark.percentiles(responsiveness);
        double[] op = IndexBenchmark.percentiles(overview);
        System.out.printf("GET /q/health/live (the HTTP floor):                       p50 %.1f ms p99 %.1f ms (%d requests)%n", fp[0], fp[1], reps);
        System.out.printf("GET /api/timeline (topic %s, 2 years by day, rollups): p50 %.1f ms p99 %.1f ms (%d requests)%n", topic, tp[0], tp[1], reps);
        System.out.printf("  in-process, the same days from the rollups:              p50 %.2f ms p99 %.2f ms%n", rp0[0], rp0[1]);
        System.out.printf("  in-process, counted document by document:                p50 %.2f ms p99 %.2f ms; ratio scan/rollups p50 %.1f%n",
                sp[0], sp[1], sp[0] / rp0[0]);
        System.out.printf("GET /api/responsiveness, all %d topics one after another (2 years): p50 %.1f ms p99 %.1f ms (%d rounds)%n",
                topics.size(), rp[0], rp[1], responsiveness.length);
        System.out.printf("GET /api/overview (every card): p50 %.1f ms p99 %.1f ms (%d requests)%n", op[0], op[1], overview.length);
    }

    /** Each step of reading a document, alone on one thread over the same lines: where the time goes. */
    private static void stagesAlone(Path file) throws Exception {
        ObjectMapper json = new ObjectMapper();
        java.util.List<DocumentRow> rows = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = json.readTree(line);
                rows.add(new DocumentRow(rows.size(), rows.size(), n.get("source").asText(), "social", "public", n.get("lang").asText(),
                        Instant.parse(n.get("published").asText()), null, null, n.get("title").asText(), n.get("body").asText()));
            }
        }
        stage("JSON parse", t0, rows.size());
        tyndau.tone.LexiconToneScorer tone = new tyndau.tone.LexiconToneScorer();
        t0 = System.nanoTime();
        double sink = 0;
        for (DocumentRow row : rows) {
            sink += tone.score(row.text(), row.language()).score();
        }
        stage("tone (lexicon, sentences)", t0, rows.size());
        tyndau.tone.ToneScorer model = tyndau.tone.ModelToneScorer.shipped(tone);
        t0 = System.nanoTime();
        for (DocumentRow row : rows) {
            sink += model.score(row.text(), row.language()).score();
        }
        stage("tone (model, sentences; the service's)", t0, rows.size());
        t0 = System.nanoTime();
        for (DocumentRow row : rows) {
            sink += tyndau.index.DocumentTerms.of(row).occurrences(IndexSchema.TEXT_ANY, "russia").length;
        }
        stage("index terms (both text fields analysed)", t0, rows.size());
        t0 = System.nanoTime();
        for (DocumentRow row : rows) {
            long[] sig = tyndau.document.Fingerprints.minhash(row.body(), 30);
            sink += sig == null ? 0 : tyndau.document.Fingerprints.encode(sig).length();
        }
        stage("MinHash + encoding", t0, rows.size());
        t0 = System.nanoTime();
        for (DocumentRow row : rows) {
            sink += tyndau.document.Hashes.sha256(row.text()).length();
        }
        stage("SHA-256 of the text", t0, rows.size());
        System.out.println("(checksum " + sink + ")");
    }

    private static void stage(String what, long t0, int n) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("  stage alone: %-40s %8.0f docs/s (%.1f µs/doc)%n", what, n / s, s * 1e6 / n);
    }

    private static double bareLucene(Path file, Path dir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long t0 = System.nanoTime();
        int n = 0;
        try (FSDirectory d = FSDirectory.open(dir);
             IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(64));
             BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode node = json.readTree(line);
                Document ld = new Document();
                ld.add(new TextField("text", node.get("title").asText() + "\n\n" + node.get("body").asText(), Field.Store.NO));
                w.addDocument(ld);
                n++;
            }
            w.commit();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Lines of about 1.1 KB in kk, ru and en over two years from 40 sources: a 6,000-word vocabulary
     * per language so bodies differ as real stories do, with the default topics' words mixed in so a
     * share of documents match topics; every 50th line a syndicated copy of the one before from
     * another source, every 20th a routine title repeated with another body.
     */
    static long generate(Path file, int n, String run) throws Exception {
        Random r = new Random(11);
        String[][] syllables = {
            "қа за қс тан ел ші лік кел ді ба ра ма ны ның мен ге да ен ар ық үк ім ет".split(" "),
            "ка за хс тан ки тай ро сия тур ция ми нис тр за яв ил пе ре го во ры со тру дни чес тво".split(" "),
            "con sti tu tion al re port ment ing er ly pro gress ive mar ket pol icy".split(" ")};
        String[][] topical = IndexBenchmark.WORDS;
        String[] langs = {"kk", "ru", "en"};
        String[] roles = {"independent_media", "international_media", "government", "social", "state_media"};
        String[][] vocab = new String[3][6000];
        for (int l = 0; l < 3; l++) {
            for (int w = 0; w < vocab[l].length; w++) {
                StringBuilder word = new StringBuilder();
                for (int k = 0, len = 2 + r.nextInt(3); k < len; k++) {
                    word.append(syllables[l][r.nextInt(syllables[l].length)]);
                }
                vocab[l][w] = word.toString();
            }
        }
        ObjectMapper json = new ObjectMapper();
        Instant start = Instant.parse("2022-01-01T00:00:00Z");
        String previousBody = null;
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                int l = r.nextInt(3);
                int src = r.nextInt(40);
                StringBuilder body = new StringBuilder();
                if (i % 50 == 49 && previousBody != null) {
                    body.append(previousBody).append(" Source: wire.");
                    src = (src + 1) % 40;
                } else {
                    for (int w = 0; w < 150; w++) {
                        String word = r.nextInt(25) == 0 ? topical[l][r.nextInt(topical[l].length)] : vocab[l][r.nextInt(vocab[l].length)];
                        body.append(word).append(w % 12 == 11 ? ". " : " ");
                    }
                }
                String title = i % 20 == 0 ? "Daily brief" : vocab[l][r.nextInt(6000)] + " " + topical[l][r.nextInt(topical[l].length)]
                        + " " + vocab[l][r.nextInt(6000)];
                var line = new java.util.LinkedHashMap<String, Object>();
                line.put("source", run + "-s" + src);
                line.put("role", roles[src % roles.length]);
                line.put("url", "https://example.org/" + run + "/" + i);
                line.put("title", title);
                line.put("body", body.toString());
                line.put("published", start.plusSeconds((long) i * 730 * 86400 / Math.max(1, n) + r.nextInt(3600)).toString());
                line.put("lang", langs[l]);
                out.write(json.writeValueAsString(line));
                out.write('\n');
                previousBody = body.toString();
            }
        }
        return Files.size(file);
    }
}
