package org.demarche.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/** The change feed lists every create, update and delete once, in commit order, as history records them. */
@QuarkusTest
@SendsAdminKey
class ChangeFeedTest {

    @Inject
    DataSource dataSource;

    /** Reads the feed from {@code since} until nothing more is waiting; returns the changes and the resume cursor. */
    private static Drained drain(String since, int limit) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String cursor = since;
        while (true) {
            var request = given().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonPath page = request.get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            changes.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("more")) {
                return new Drained(changes, cursor);
            }
        }
    }

    private record Drained(List<Map<String, Object>> changes, String cursor) {}

    @Test
    void aCreateAnUpdateAndADeleteAppearInOrderWithStatesAndATombstone() {
        String start = drain(null, 200).cursor();
        String id = Fixtures.topic("feed-" + Fixtures.unique(), null);
        given().contentType("application/merge-patch+json")
                .body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/topics/" + id)
                .then()
                .statusCode(200);
        given().delete("/api/v1/topics/" + id).then().statusCode(204);

        List<Map<String, Object>> mine = drain(start, 200).changes().stream()
                .filter(change -> id.equals(change.get("id")))
                .toList();
        assertEquals(
                List.of("created", "updated", "deleted"),
                mine.stream().map(c -> c.get("action")).toList());
        assertEquals("topic", mine.get(0).get("type"));
        assertEquals("Renamed", ((Map<?, ?>) mine.get(1).get("record")).get("name"));
        assertEquals(null, mine.get(2).get("record"));

        List<Object> historyRevisions = given().get("/api/v1/topics/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.revision");
        assertEquals(
                historyRevisions,
                mine.stream().map(c -> c.get("revision")).toList(),
                "the feed and the history name the same revisions");
    }

    @Test
    void smallPagesGiveTheSameChangesAsOneBigReadWithoutRepeats() {
        String start = drain(null, 200).cursor();
        String official = Fixtures.official("Feed " + Fixtures.unique(), "PL");
        for (int i = 0; i < 7; i++) {
            Fixtures.statement(official, "2024-0" + (i + 1), List.of(), List.of());
        }

        List<Map<String, Object>> big = drain(start, 200).changes();
        List<Map<String, Object>> small = drain(start, 3).changes();
        assertEquals(big, small);
        Set<String> positions = new HashSet<>();
        for (Map<String, Object> change : small) {
            assertTrue(
                    positions.add(change.get("revision") + "/" + change.get("type") + "/" + change.get("id")),
                    "repeated " + change);
        }
        assertTrue(small.size() >= 8);
    }

    @Test
    void aReaderPollingDuringConcurrentWritesSeesEveryCommittedChangeOnce() throws Exception {
        String cursor = drain(null, 200).cursor();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            created.add(writers.submit(() -> Fixtures.source("Concurrent " + Fixtures.unique())));
        }
        List<Map<String, Object>> seen = new ArrayList<>();
        writers.shutdown();
        while (!writers.isTerminated()) {
            Drained drained = drain(cursor, 5);
            seen.addAll(drained.changes());
            cursor = drained.cursor();
            writers.awaitTermination(10, TimeUnit.MILLISECONDS);
        }
        seen.addAll(drain(cursor, 5).changes());

        Set<String> seenIds = new HashSet<>();
        for (Map<String, Object> change : seen) {
            if (change.get("type").equals("source")) {
                assertTrue(seenIds.add((String) change.get("id")), "seen twice: " + change);
            }
        }
        for (Future<String> id : created) {
            assertTrue(seenIds.contains(id.get()), "never seen: " + id.get());
        }
        List<Long> revisions =
                seen.stream().map(c -> ((Number) c.get("revision")).longValue()).toList();
        assertEquals(revisions.stream().sorted().toList(), revisions, "revisions arrive in order");
    }

    /**
     * The end-to-end race above rarely lands in the gap between numbering a revision and committing it,
     * so this pins the mechanism that closes the gap: a write cannot number its revision while another
     * transaction holds the change clock.
     */
    @Test
    void aWriteWaitsForTheChangeClockBeforeItsRevisionIsNumbered() throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement()
                    .executeQuery("select id from change_clock where id = 1 for update")
                    .close();
            Future<String> write = writer.submit(() -> Fixtures.source("Clocked " + Fixtures.unique()));
            Thread.sleep(300);
            assertFalse(write.isDone(), "the write committed while another transaction held the change clock");
            holder.commit();
            assertTrue(write.get(10, TimeUnit.SECONDS) != null);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void aCursorThatIsNotOneIs400() {
        given().queryParam("since", "yesterday")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        Fixtures.official("Cursor " + Fixtures.unique(), "AT");
        Fixtures.official("Cursor " + Fixtures.unique(), "AT");
        String listCursor = given().queryParam("limit", 1)
                .get("/api/v1/officials")
                .then()
                .extract()
                .path("nextCursor");
        given().queryParam("since", listCursor)
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("limit", 201).get("/api/v1/changes").then().statusCode(400);
    }

    @Test
    void updatedSinceKeepsRecordsChangedAtOrAfterIt() throws Exception {
        String before = Fixtures.official("Earlier " + Fixtures.unique(), "IT");
        Thread.sleep(20);
        Instant since = Instant.now();
        String after = Fixtures.official("Later " + Fixtures.unique(), "IT");

        given().queryParam("updatedSince", since.toString())
                .queryParam("country", "IT")
                .queryParam("limit", 200)
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(after))
                .body("items.id", not(hasItem(before)));
        given().contentType(ContentType.JSON)
                .queryParam("updatedSince", "last tuesday")
                .get("/api/v1/statements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo("Query parameter 'updatedSince' must be an ISO 8601 instant such as"
                                + " 2024-11-20T09:30:00Z, not 'last tuesday'"));
        for (String outOfRange : List.of("+1000000000-01-01T00:00:00Z", "-999999-01-01T00:00:00Z")) {
            given().queryParam("updatedSince", outOfRange)
                    .get("/api/v1/statements")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
            given().queryParam("updatedSince", outOfRange)
                    .get("/api/v1/officials/" + before + "/history")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().queryParam("updatedSince", since.toString())
                .get("/api/v1/officials/" + before + "/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }
}
