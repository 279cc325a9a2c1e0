package tyndau.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import tyndau.http.ApiException;

/**
 * What a caller without the key can make the index do is bounded: ranges of words are refused, the expansion of
 * wildcards stops at the search deadline, and searches beyond the cap on concurrent expensive reads get a 503.
 */
@QuarkusTest
class ExpensiveReadsTest {
    @Inject
    SearchService search;

    @Test
    void rangesOfWordsAreRefusedEverywhereAQueryIsTaken() {
        for (String q : List.of("[* TO *]", "text:[a TO z]", "source:[a TO z]", "{a TO b]", "Ресей AND title_ru:[а TO я]")) {
            given().queryParam("q", q).get("/api/search").then().statusCode(400).body("detail", containsString("ranges"));
            given().queryParam("q", q).get("/api/export/documents").then().statusCode(400);
            given().header("Authorization", "Bearer test-api-key").contentType("application/json").body(Map.of("query", q))
                    .post("/api/topics/preview").then().statusCode(400);
        }
        given().queryParam("q", "published:[2023-01-01 TO 2023-02-01]").get("/api/search").then().statusCode(200);
        given().queryParam("q", "published:[* TO 2023-02-01]").get("/api/search").then().statusCode(200);
    }

    @Test
    void expandingWildcardsStopsAtTheDeadline() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (int i = 0; i < 2000; i++) {
                    Document d = new Document();
                    d.add(new StringField("f", "ka" + i, Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                org.apache.lucene.search.PrefixQuery prefix = new org.apache.lucene.search.PrefixQuery(new org.apache.lucene.index.Term("f", "ka"),
                        new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(128));
                QueryTimeout never = new QueryTimeout() {
                    @Override
                    public boolean shouldExit() {
                        return false;
                    }
                };
                Query expanded = SearchService.expandWithin(reader, prefix, never, Duration.ofSeconds(5));
                assertTrue(expanded instanceof BooleanQuery b && b.clauses().size() == 128, expanded.toString());
                QueryTimeout passed = new QueryTimeout() {
                    @Override
                    public boolean shouldExit() {
                        return true;
                    }
                };
                ApiException e = assertThrows(ApiException.class, () -> SearchService.expandWithin(reader, prefix, passed, Duration.ofSeconds(5)));
                assertEquals(503, e.status());
                assertEquals(5L, e.retryAfterSeconds());
            }
        }
    }

    @Test
    void beyondTheCapOnConcurrentSearchesA503WithRetryAfter() throws Exception {
        CountDownLatch held = new CountDownLatch(8);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> search.inTurn(() -> {
                held.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            }));
            t.start();
            holders.add(t);
        }
        try {
            assertTrue(held.await(10, TimeUnit.SECONDS), "every turn held");
            long t0 = System.nanoTime();
            Response busy = given().queryParam("q", "Ресей").get("/api/search");
            assertEquals(503, busy.statusCode(), busy.asString());
            assertTrue(System.nanoTime() - t0 >= 4_000_000_000L, "it waited its turn first (tyndau.search.max-wait)");
            assertFalse(busy.header("Retry-After") == null, "Retry-After");
            given().header("Authorization", "Bearer test-api-key").contentType("application/json").body(Map.of("query", "Ресей"))
                    .post("/api/topics/preview").then().statusCode(503);
        } finally {
            release.countDown();
            for (Thread t : holders) {
                t.join(10_000);
            }
        }
        given().queryParam("q", "Ресей").get("/api/search").then().statusCode(200);
    }
}
