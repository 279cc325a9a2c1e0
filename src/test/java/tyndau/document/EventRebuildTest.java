package tyndau.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tyndau.Row;
import tyndau.events.Assignment;
import tyndau.events.EventAssigner;
import tyndau.events.EventParameters;

/**
 * Re-assignment when the events' parameters change (docs/events.md, "Re-assignment"): rows stored under another version,
 * with ids scrambled, are re-assigned through {@code POST /api/admin/reindex} into the grouping a fresh assigner gives;
 * an old id most of an event's reports carried survives, one that no event keeps redirects, and the index carries the new
 * ids. A document written while the rebuild runs ends in its event, behind the walk or ahead of it.
 */
@QuarkusTest
@Tag("persistence")
class EventRebuildTest {
    private static final String VERSION = EventParameters.defaults().version();

    @Inject
    EventGrouping grouping;

    @Inject
    EventRebuild rebuild;

    @Test
    void staleRowsAreReassignedWithTheirOldIdsKeptAndTheIndexFollows() throws Exception {
        String run = "rb" + UUID.randomUUID().toString().substring(0, 6);
        StringBuilder lines = new StringBuilder();
        JsonNode first = null;
        try (InputStream in = getClass().getResourceAsStream("/events/test.jsonl")) {
            ObjectMapper json = new ObjectMapper();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode r = json.readTree(line);
                first = first == null ? r : first;
                lines.append(EventAssignmentTest.line(run, r, r.get("id").asText()));
            }
        }
        EventAssignmentTest.importLines(lines.toString());
        EventAssignmentTest.importLines(EventAssignmentTest.line(run, first, "copy")); // the same text under another address
        Map<Long, Set<Long>> fresh = freshGrouping();
        List<Set<Long>> bySize = new ArrayList<>(new HashSet<>(fresh.values()));
        bySize.sort(Comparator.comparingInt((Set<Long> s) -> -s.size()).thenComparing(s -> s.stream().min(Long::compare).orElseThrow()));
        Set<Long> kept = bySize.get(0);
        Set<Long> split = bySize.get(1);
        long splitOff = split.stream().max(Long::compare).orElseThrow();
        long bare = bySize.get(2).iterator().next();
        assertTrue(split.size() >= 3, "the second event has reports enough to carry two old ids");

        // As if stored under other parameters: another version, ids scrambled; one event's reports all carried 900001, another's
        // 900002 but one report 900003; one row is from before events (no id, no version).
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Row.em();
            em.createQuery("update Document d set d.eventVersion = 'events-old', d.eventId = d.id + 1000000").executeUpdate();
            em.createQuery("update Document d set d.eventId = 900001 where d.id in :ids").setParameter("ids", kept).executeUpdate();
            em.createQuery("update Document d set d.eventId = 900002 where d.id in :ids").setParameter("ids", split).executeUpdate();
            em.createQuery("update Document d set d.eventId = 900003 where d.id = :id").setParameter("id", splitOff).executeUpdate();
            em.createQuery("update Document d set d.eventId = null, d.eventVersion = null where d.id = :id").setParameter("id", bare)
                    .executeUpdate();
        });
        String generation = given().get("/api/admin/reindex").then().extract().path("generation");

        given().header("Authorization", EventAssignmentTest.KEY).post("/api/admin/reindex").then().statusCode(202)
                .body("events.state", org.hamcrest.Matchers.equalTo("running"));
        JsonPath status = null;
        for (int i = 0; i < 600; i++) {
            status = given().get("/api/admin/reindex").then().extract().jsonPath();
            if ("done".equals(status.getString("events.state")) && "done".equals(status.getString("state"))
                    && !java.util.Objects.equals(generation, status.getString("generation"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("done", status.getString("events.state"));
        assertEquals("done", status.getString("state"), "the index was rebuilt after the events");

        List<Document> rows = QuarkusTransaction.requiringNew().call(() -> Row.list(Document.class, ""));
        Map<Long, Document> byId = new HashMap<>();
        rows.forEach(d -> byId.put(d.id, d));
        Map<Long, Set<Long>> stored = new HashMap<>();
        for (Document d : rows) {
            assertEquals(VERSION, d.eventVersion, "row " + d.id);
            assertNotNull(d.eventId, "row " + d.id);
            if (d.duplicateOf != null) {
                assertEquals(byId.get(d.duplicateOf).eventId, d.eventId, "a copy follows its original");
            } else if (d.publishedAt != null) {
                stored.computeIfAbsent(d.eventId, k -> new HashSet<>()).add(d.id);
            }
        }
        assertEquals(new HashSet<>(fresh.values()), new HashSet<>(stored.values()), "the grouping of a fresh assignment");
        assertEquals(kept, stored.get(900001L), "an event keeps the old id all its reports carried");
        assertEquals(split, stored.get(900002L), "and the one most of them carried");
        assertNull(stored.get(900003L));
        assertEquals(900002L, QuarkusTransaction.requiringNew().call(() -> EventRedirect.resolve(900003L)));
        given().get("/api/events/900003").then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(900002))
                .body("redirectedFrom", org.hamcrest.Matchers.equalTo(900003));

        // The index holds the new ids: a search on the event field finds exactly the event's documents, with their event.
        JsonPath hits = given().queryParam("q", "event:900001").queryParam("size", 100).get("/api/search").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(kept.size() + copiesOf(rows, kept), hits.getInt("total"));
        assertTrue(hits.getList("items.event", Integer.class).stream().allMatch(e -> e == 900001));
        given().queryParam("q", "event:" + (splitOff + 1000000)).get("/api/search").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    /** Rows held while every event is re-assigned end in their event: one behind the walk (a late report), one ahead of it. */
    @Test
    void aDocumentWrittenDuringTheRebuildEndsInItsEvent() {
        String run = "rw" + UUID.randomUUID().toString().substring(0, 6);
        EventAssignmentTest.importLines(plain(run, "a", "1991-03-04T09:00:00Z", "Morvaneth Quillagar", "The envoys Morvaneth and Quillagar opened the Saltrevik talks."));
        EventAssignmentTest.importLines(plain(run, "z", "1991-03-04T09:30:00Z", "Dravomir Pentallo", "The Pentallo mine in Dravomir closed for repairs."));
        QuarkusTransaction.requiringNew().run(() -> Row.em().createQuery("update Document d set d.eventVersion = 'events-old'").executeUpdate());
        Reassignment r = rebuild.begin();
        while (r.done < 2) {
            assertTrue(rebuild.step(r, 1));
        }
        // The walk has passed a and z (the oldest rows): b is behind it, c ahead; both are stored without an event for now.
        EventAssignmentTest.importLines(plain(run, "b", "1991-03-04T09:15:00Z", "Morvaneth, Quillagar", "Morvaneth and Quillagar opened the Saltrevik talks today."));
        EventAssignmentTest.importLines(plain(run, "c", "1991-03-04T15:00:00Z", "Quillagar, Morvaneth", "Quillagar and Morvaneth closed the first day of the Saltrevik talks."));
        assertNull(events(run).get("b"));
        assertNull(events(run).get("c"));
        while (rebuild.step(r, 200)) {
            // the rest of the table
        }
        EventAssignmentTest.importLines(plain(run, "d", "1991-03-04T18:00:00Z", "Morvaneth Quillagar", "The Saltrevik talks of Morvaneth and Quillagar go on."));
        Map<String, Long> events = events(run);
        assertNotNull(events.get("a"));
        assertEquals(events.get("a"), events.get("b"), "behind the walk: assigned by the rebuild as a late report");
        assertEquals(events.get("a"), events.get("c"), "ahead of the walk: assigned by the walk");
        assertEquals(events.get("a"), events.get("d"), "after the rebuild the writer's assigner is restored from the table");
        assertTrue(events.get("z") != null && !events.get("z").equals(events.get("a")));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> Row.count(Document.class, "eventVersion is null or eventVersion <> ?1", VERSION)));
    }

    /** Row id → its event, of every dated document that is not a copy, as a fresh assigner groups them in publication order. */
    private Map<Long, Set<Long>> freshGrouping() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Row.em().createQuery("select d.eventId, d.language, d.publishedAt,"
                + " d.sourceId, d.title, d.body, d.id from Document d where d.duplicateOf is null and d.publishedAt is not null"
                + " order by d.publishedAt, d.id", Object[].class).getResultList());
        var sources = QuarkusTransaction.requiringNew().call(DocumentRows::sources);
        EventAssigner fresh = new EventAssigner(grouping.parameters());
        Map<Long, Long> eventOf = new HashMap<>();
        for (Object[] r : rows) {
            Assignment a = fresh.assign(grouping.fingerprintOf(r, sources));
            eventOf.put((Long) r[6], a.event());
        }
        Map<Long, Set<Long>> out = new HashMap<>();
        eventOf.forEach((row, event) -> out.computeIfAbsent(fresh.resolve(event), k -> new HashSet<>()).add(row));
        return out;
    }

    private static int copiesOf(List<Document> rows, Set<Long> originals) {
        return (int) rows.stream().filter(d -> d.duplicateOf != null && originals.contains(d.duplicateOf)).count();
    }

    private static Map<String, Long> events(String run) {
        Map<String, Long> out = new HashMap<>();
        QuarkusTransaction.requiringNew().call(() -> Row.list(Document.class, "sourceId like ?1", run + "%"))
                .forEach(d -> out.put(d.url.substring(d.url.lastIndexOf('/') + 1), d.eventId));
        return out;
    }

    private static String plain(String run, String id, String published, String title, String body) {
        return String.format("{\"source\":\"%s-%s\",\"role\":\"independent_media\",\"url\":\"https://example.org/%s/%s\","
                + "\"title\":\"%s\",\"body\":\"%s\",\"published\":\"%s\",\"lang\":\"en\"}%n", run, id, run, id, title, body, published);
    }
}
