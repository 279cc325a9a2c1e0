package tyndau.index;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import tyndau.document.DocumentWriter;
import tyndau.document.NewDocument;
import tyndau.source.SourceRole;
import tyndau.topics.TopicService;

/**
 * The rollups agree with a direct count of the documents (the topic's query run over the index, as timelines
 * counted before rollups) on random ranges, in the instance's zone and another, after a mixed import (sides,
 * languages, undateable documents, near-duplicates), after a topic edit, and after a source's role change.
 */
@QuarkusTest
class RollupAgreementTest {
    static final String KEY = "Bearer test-api-key";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    static final LocalDate FIRST = LocalDate.of(2019, 3, 1);
    static final int DAYS = 60;

    @Inject
    LuceneIndex index;
    @Inject
    TopicService topics;
    @Inject
    Reindexer reindexer;
    @Inject
    DocumentWriter writer;

    private final Random random = new Random(20261207);
    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void rollupsAgreeWithADirectCount() throws Exception {
        String grain = "grain-" + run;
        String govGrain = "govgrain-" + run;
        putTopic(grain, "зерно OR пшеница OR wheat OR бидай");
        putTopic(govGrain, "(зерно OR wheat) AND side:government");
        settle();
        importMixed();
        settle();
        List<String> ids = List.of(grain, govGrain);
        compare(ids, "after a mixed import");

        String before = index.currentGenerationName();
        // the new query matches a subset of the old one's documents: those are all the edit can change
        long hadTopic = index.withSearcher(s -> (long) s.count(new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(IndexSchema.TOPIC, grain))));
        putTopic(grain, "пшеница OR wheat");
        settle();
        Reindexer.Status edit = reindexer.status();
        assertEquals(before, index.currentGenerationName(), "a topic edit re-reads documents into the same generation");
        assertTrue(edit.generation().contains(grain) && !edit.generation().contains(govGrain), edit.generation());
        long stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(tyndau.document.Documents::count);
        assertEquals(hadTopic, edit.total(), "only the documents the edit can change were read again (of " + stored + ")");
        assertTrue(hadTopic > 0 && hadTopic < stored);
        compare(ids, "after a topic edit");

        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"name\":\"Rollup role\",\"type\":\"rss\",\"url\":\"https://example.org/" + run + "/feed.xml\","
                        + "\"role\":\"government\",\"language\":\"ru\",\"timeZone\":\"Asia/Almaty\",\"pollInterval\":\"PT30M\","
                        + "\"enabled\":false}")
                .put("/api/sources/" + source(0)).then().statusCode(200).body("side", org.hamcrest.Matchers.equalTo("government"));
        settle();
        compare(ids, "after a role change");

        for (String id : ids) {
            given().header("Authorization", KEY).delete("/api/topics/" + id).then().statusCode(204);
        }
    }

    private String source(int i) {
        return "rollup-" + run + "-" + i;
    }

    private static void putTopic(String id, String query) {
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"label\":\"" + id + "\",\"query\":\"" + query.replace("\"", "\\\"") + "\",\"sensitive\":false}")
                .put("/api/topics/" + id).then().statusCode(200);
    }

    /** Rebuilds done and the index caught up with the database. */
    private void settle() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            boolean idle = !"running".equals(reindexer.status().state());
            if (idle && index.indexedSeq() >= writer.maxSeq()) {
                Thread.sleep(300); // a queued rebuild starts right after the running one
                if (!"running".equals(reindexer.status().state()) && index.indexedSeq() >= writer.maxSeq()) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the index did not settle in 3 minutes");
    }

    /** 700 lines over 60 days: five sources on both sides, three languages, undateable lines and copies. */
    private void importMixed() {
        String[] roles = {"independent_media", "social", "government", "state_media", "civil_society"};
        String[] langs = {"ru", "kk", "en"};
        String[][] words = {
                {"Поставки зерна в Китай выросли", "Пшеница подорожала на бирже", "Парламент обсудил бюджет", "Погода в Алматы"},
                {"Қытайға бидай экспорты өсті", "Астанада жиын өтті", "Бидай бағасы көтерілді", "Ауа райы"},
                {"Wheat exports to China grew", "Grain corridor talks resumed", "Parliament debated the budget", "Weather in Almaty"}};
        StringBuilder lines = new StringBuilder();
        List<String[]> stories = new ArrayList<>();
        List<NewDocument> undated = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            int src = random.nextInt(roles.length);
            int lang = random.nextInt(3);
            String title = words[lang][random.nextInt(4)] + " " + i;
            String body = title + ". " + words[lang][random.nextInt(4)] + " " + run + ".";
            Instant at = FIRST.atStartOfDay(ALMATY).toInstant().plusSeconds(random.nextInt(DAYS * 86_400));
            if (random.nextInt(10) == 0 && !stories.isEmpty()) {
                // a copy another source ran a few hours later: stored, linked to its original, counted once
                String[] original = stories.get(random.nextInt(stories.size()));
                title = original[0];
                body = original[1];
                at = Instant.parse(original[2]).plusSeconds(random.nextInt(6 * 3600));
                lang = Integer.parseInt(original[3]);
            }
            stories.add(new String[] {title, body, at.toString(), Integer.toString(lang)});
            if (random.nextInt(25) == 0) {
                // an import needs a date; a page without one comes through the writer, as scraping stores it
                undated.add(new NewDocument(source(src), SourceRole.parse(roles[src]).orElseThrow(),
                        "https://example.org/" + run + "/undated/" + i, null, title, body, null, null, Instant.now(), langs[lang]));
                continue;
            }
            lines.append("{\"source\":\"").append(source(src)).append("\",\"role\":\"").append(roles[src])
                    .append("\",\"url\":\"https://example.org/").append(run).append('/').append(i)
                    .append("\",\"title\":\"").append(title).append("\",\"body\":\"").append(body).append('"')
                    .append(",\"published\":\"").append(at).append('"')
                    .append(",\"lang\":\"").append(langs[lang]).append("\"}\n");
        }
        writer.write(undated);
        given().header("Authorization", KEY).contentType("application/x-ndjson")
                .body(lines.toString().getBytes(StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200)
                .body("rejected", org.hamcrest.Matchers.equalTo(0))
                .body("nearDuplicates", org.hamcrest.Matchers.greaterThan(20));
    }

    private void compare(List<String> ids, String when) throws Exception {
        assertTrue(index.rollupsHold(ids.get(0)), when + ": the index holds today's topic definitions, so timelines read rollups");
        List<String> all = new ArrayList<>(ids);
        all.add(null);
        for (ZoneId zone : List.of(ALMATY, ZoneId.of("UTC"))) {
            for (String id : all) {
                Query q = id == null ? new MatchAllDocsQuery() : topics.byId(id).orElseThrow().query();
                for (int sample = 0; sample < 12; sample++) {
                    int n = sample;
                    LocalDate from = FIRST.minusDays(3).plusDays(random.nextInt(DAYS));
                    LocalDate to = n == 0 ? FIRST.plusDays(DAYS + 3) : from.plusDays(random.nextInt(20));
                    Instant start = from.atStartOfDay(zone).toInstant();
                    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
                    String what = when + ", topic " + id + ", " + from + ".." + to + " in " + zone;
                    index.withSearcher(s -> {
                        Map<LocalDate, DailyCounts.Day> rolled = index.rollups().count(s.getIndexReader(), id, start, end, zone);
                        Map<LocalDate, DailyCounts.Day> direct = DailyCounts.count(s, q, id, start, end, zone);
                        long counted = assertSame(direct, rolled, what);
                        if (to.isAfter(FIRST.plusDays(DAYS))) {
                            assertTrue(counted > 0, what + ": the whole range has documents to count");
                        }
                        long[] u = index.rollups().undateable(s.getIndexReader(), id, zone);
                        long[] du = DailyCounts.undateable(s, q);
                        assertEquals(du[0], u[0], what + ": undateable public");
                        assertEquals(du[1], u[1], what + ": undateable government");
                        if (id == null) {
                            assertTrue(u[0] + u[1] > 0, what + ": undateable documents to count");
                        }
                        return null;
                    });
                }
            }
        }
    }

    /** Asserts equal days; answers the topic's documents counted. */
    private static long assertSame(Map<LocalDate, DailyCounts.Day> direct, Map<LocalDate, DailyCounts.Day> rolled, String what) {
        assertEquals(direct.keySet(), rolled.keySet(), what + ": days with documents");
        long topicDocs = 0;
        for (Map.Entry<LocalDate, DailyCounts.Day> e : direct.entrySet()) {
            DailyCounts.Day a = e.getValue();
            DailyCounts.Day b = rolled.get(e.getKey());
            for (int side = 0; side < 3; side++) {
                String at = what + ", " + e.getKey() + ", side " + DailyCounts.SIDES[side];
                assertEquals(a.all[side], b.all[side], at + ": all");
                assertEquals(a.topic[side], b.topic[side], at + ": topic");
                assertEquals(a.toneCount[side], b.toneCount[side], at + ": toned");
                assertEquals(a.toneSum[side], b.toneSum[side], 1e-9, at + ": tone sum");
                assertEquals(a.firstTopic[side], b.firstTopic[side], at + ": first");
                topicDocs += a.topic[side];
            }
        }
        return topicDocs;
    }
}
