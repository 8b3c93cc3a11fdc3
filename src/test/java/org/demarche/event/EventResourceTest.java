package org.demarche.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.Fixtures;
import org.demarche.SearchCaughtUp;
import org.demarche.SendsAdminKey;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/** Events: the occasions statements were made at, with their host, participants and sources. */
@QuarkusTest
@SendsAdminKey
class EventResourceTest {

    @Inject
    SessionFactory sessionFactory;

    static String ministry(String name) {
        return Fixtures.create("officials", Map.of("name", name, "kind", "organisation", "country", "RU"));
    }

    static String event(String kind, String title, String heldOn, Map<String, ?> more) {
        Map<String, Object> body = new java.util.HashMap<>(more);
        body.put("kind", kind);
        body.put("title", title);
        body.put("heldOn", heldOn);
        return Fixtures.create("events", body);
    }

    @Test
    void anEventEmbedsItsHostParticipantsAndSourcesInOrder() {
        String u = Fixtures.unique();
        String ministry = ministry("Russian Foreign Ministry " + u);
        String zakharova = Fixtures.official("Maria Zakharova " + u, "RU");
        String lavrov = Fixtures.official("Sergei Lavrov " + u, "RU");
        String source = Fixtures.source("mid.ru");
        String id = event(
                "briefing",
                "Briefing by Foreign Ministry Spokeswoman " + u,
                "2024-11-20",
                Map.of(
                        "venue",
                        "Moscow",
                        "hostId",
                        ministry,
                        "participantIds",
                        List.of(zakharova, lavrov),
                        "sourceIds",
                        List.of(source)));
        given().get("/api/v1/events/" + id)
                .then()
                .statusCode(200)
                .body("kind", equalTo("briefing"))
                .body("heldOn", equalTo("2024-11-20"))
                .body("venue", equalTo("Moscow"))
                .body("hostId", equalTo(ministry))
                .body("host.name", equalTo("Russian Foreign Ministry " + u))
                .body("participantIds", contains(zakharova, lavrov))
                .body("participants.name", contains("Maria Zakharova " + u, "Sergei Lavrov " + u))
                .body("sourceIds", contains(source))
                .body("sources[0].outlet", equalTo("mid.ru"))
                .body("version", equalTo(0));
        given().get("/api/v1/officials/" + ministry).then().body("kind", equalTo("organisation"));
        given().get("/api/v1/officials/" + zakharova).then().body("kind", equalTo("person"));

        // Participants keep the order given: the reversed list is a change.
        given().contentType("application/merge-patch+json")
                .body(Map.of("participantIds", List.of(lavrov, zakharova)))
                .patch("/api/v1/events/" + id)
                .then()
                .statusCode(200)
                .body("participantIds", contains(lavrov, zakharova))
                .body("version", equalTo(1));
    }

    @Test
    void officialsFilterByKind() {
        String u = Fixtures.unique();
        String ministry = ministry("Kind Ministry " + u);
        String person = Fixtures.official("Kind Person " + u, "RU");
        given().queryParam("name", u)
                .queryParam("kind", "ORGANISATION")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items.id", contains(ministry));
        given().queryParam("name", u)
                .queryParam("kind", "person")
                .get("/api/v1/officials")
                .then()
                .body("items.id", contains(person));
        given().queryParam("kind", "ministry")
                .get("/api/v1/officials")
                .then()
                .statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("kind"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "X", "country", "RU", "kind", "committee"))
                .post("/api/v1/officials")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void everyInvalidFieldIsNamed() {
        String official = Fixtures.official("Invalid " + Fixtures.unique(), "RU");
        String missing = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "kind",
                        "briefing",
                        "title",
                        " ",
                        "heldOn",
                        "2024-02-30",
                        "venue",
                        "v".repeat(501),
                        "hostId",
                        missing,
                        "participantIds",
                        List.of(official, official, missing),
                        "sourceIds",
                        List.of(missing)))
                .post("/api/v1/events")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "title",
                                "heldOn",
                                "venue",
                                "hostId",
                                "participantIds[1]",
                                "participantIds[2]",
                                "sourceIds[0]"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/events")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("kind", "title", "heldOn"));
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "webinar", "title", "T", "heldOn", "2024"))
                .post("/api/v1/events")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("kind"));
    }

    @Test
    void anUnknownEventIs404() {
        String missing = UUID.randomUUID().toString();
        given().get("/api/v1/events/" + missing).then().statusCode(404);
        given().get("/api/v1/events/" + missing + "/statements").then().statusCode(404);
        given().delete("/api/v1/events/" + missing).then().statusCode(404);
        given().get("/api/v1/events/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aStaleIfMatchIsRefused() {
        String id = event("call", "Phone call " + Fixtures.unique(), "2024-11", Map.of());
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"7-0000000000000000\"")
                .body(Map.of("kind", "call", "title", "Renamed", "heldOn", "2024-11"))
                .put("/api/v1/events/" + id)
                .then()
                .statusCode(412);
        String etag = given().get("/api/v1/events/" + id).then().extract().header("ETag");
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("kind", "call", "title", "Renamed", "heldOn", "2024-11"))
                .put("/api/v1/events/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("version", equalTo(1));
    }

    @Test
    void aRetriedCreateWithItsIdempotencyKeyIsStoredOnce() {
        String key = UUID.randomUUID().toString();
        String title = "Idempotent summit " + Fixtures.unique();
        String first = given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "summit", "title", title, "heldOn", "2024"))
                .post("/api/v1/events")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "summit", "title", title, "heldOn", "2024"))
                .post("/api/v1/events")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        given().queryParam("title", title).get("/api/v1/events").then().body("total", equalTo(1));
    }

    @Test
    void listsFilterByKindOfficialDatesAndTitle() {
        String u = Fixtures.unique();
        String host = ministry("Filter Ministry " + u);
        String guest = Fixtures.official("Filter Guest " + u, "FR");
        String briefing = event("briefing", "Filter briefing " + u, "2024-11-20", Map.of("hostId", host));
        String meeting =
                event("meeting", "Filter meeting " + u, "2024-12", Map.of("participantIds", List.of(host, guest)));
        String call = event("call", "Filter call " + u, "2025-01-05", Map.of("participantIds", List.of(guest)));

        given().queryParam("title", u.toUpperCase(java.util.Locale.ROOT))
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(call, meeting, briefing));
        given().queryParam("title", u)
                .queryParam("sort", "heldOn")
                .get("/api/v1/events")
                .then()
                .body("items.id", contains(briefing, meeting, call));
        given().queryParam("title", u)
                .queryParam("kind", "meeting")
                .get("/api/v1/events")
                .then()
                .body("items.id", contains(meeting));
        given().queryParam("officialId", host)
                .get("/api/v1/events")
                .then()
                .body("items.id", contains(meeting, briefing));
        given().queryParam("officialId", guest).get("/api/v1/events").then().body("items.id", contains(call, meeting));
        // A month stands for all its days: from=2024-12-15 finds the meeting dated 2024-12.
        given().queryParam("title", u)
                .queryParam("from", "2024-12-15")
                .queryParam("to", "2024-12")
                .get("/api/v1/events")
                .then()
                .body("items.id", contains(meeting));
        given().queryParam("officialId", "nope").get("/api/v1/events").then().statusCode(400);
        given().queryParam("from", "2024-13").get("/api/v1/events").then().statusCode(400);
        List<String> paged = new ArrayList<>();
        for (JsonPath page : Fixtures.pages("/api/v1/events", Map.of("title", u, "sort", "-heldOn"), 2)) {
            paged.addAll(page.getList("items.id"));
        }
        assertEquals(List.of(call, meeting, briefing), paged);
        String csv = given().accept("text/csv")
                .queryParam("title", u)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(4, csv.strip().split("\n").length, csv);
    }

    @Test
    void historyAndTheChangeFeedRecordEveryChange() {
        String last = lastChangeCursor();
        String id = event("interview", "History interview " + Fixtures.unique(), "2024", Map.of());
        given().contentType("application/merge-patch+json")
                .body(Map.of("venue", "Studio"))
                .patch("/api/v1/events/" + id)
                .then()
                .statusCode(200);
        given().delete("/api/v1/events/" + id).then().statusCode(204);
        given().get("/api/v1/events/" + id).then().statusCode(404);
        given().get("/api/v1/events/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.action", contains("created", "updated", "deleted"))
                .body("items[1].changes.field", contains("venue"))
                .body("items[1].changes[0].before", nullValue())
                .body("items[1].changes[0].after", equalTo("Studio"))
                .body("items[2].state.venue", equalTo("Studio"));
        List<Map<String, Object>> mine = new ArrayList<>();
        String cursor = last;
        boolean more = true;
        while (more) {
            JsonPath page = given().queryParam("since", cursor)
                    .queryParam("limit", 200)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            page.<Map<String, Object>>getList("items").stream()
                    .filter(change -> id.equals(change.get("id")))
                    .forEach(mine::add);
            cursor = page.getString("nextCursor");
            more = page.getBoolean("more");
        }
        assertEquals(
                List.of("created", "updated", "deleted"),
                mine.stream().map(c -> c.get("action")).toList());
        assertEquals(
                List.of("event", "event", "event"),
                mine.stream().map(c -> c.get("type")).toList());
        assertEquals("Studio", ((Map<?, ?>) mine.get(1).get("record")).get("venue"));
    }

    private static String lastChangeCursor() {
        String cursor = null;
        while (true) {
            var request = given().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonPath page = request.get("/api/v1/changes").then().extract().jsonPath();
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("more")) {
                return cursor;
            }
        }
    }

    @Test
    void recordsAnEventRefersToCannotBeDeleted() {
        String u = Fixtures.unique();
        String host = ministry("Deleting Ministry " + u);
        String participant = Fixtures.official("Deleting Participant " + u, "RU");
        String source = Fixtures.source("Deleting Outlet");
        String id = event(
                "meeting",
                "Referring meeting " + u,
                "2024",
                Map.of("hostId", host, "participantIds", List.of(participant), "sourceIds", List.of(source)));
        for (String official : List.of(host, participant)) {
            given().delete("/api/v1/officials/" + official)
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("references[0].type", equalTo("event"))
                    .body("references[0].ids", contains(id));
        }
        given().delete("/api/v1/sources/" + source)
                .then()
                .statusCode(409)
                .body("references[0].type", equalTo("event"))
                .body("references[0].ids", contains(id));
        // An event without a host holds its participants too.
        String guest = Fixtures.official("Deleting Guest " + u, "RU");
        String hostless = event("call", "Hostless call " + u, "2024", Map.of("participantIds", List.of(guest)));
        given().delete("/api/v1/officials/" + guest)
                .then()
                .statusCode(409)
                .body("references[0].type", equalTo("event"))
                .body("references[0].ids", contains(hostless));
        given().delete("/api/v1/events/" + hostless).then().statusCode(204);
        given().delete("/api/v1/officials/" + guest).then().statusCode(204);
    }

    @Test
    void aPageOfEventsRunsAFixedNumberOfQueries() {
        String u = Fixtures.unique();
        for (int i = 0; i < 10; i++) {
            String host = ministry("Counted Ministry " + i + " " + u);
            String guest = Fixtures.official("Counted Guest " + i + " " + u, "FR");
            event(
                    "meeting",
                    "Counted meeting " + i + " " + u,
                    "2024-11",
                    Map.of(
                            "hostId",
                            host,
                            "participantIds",
                            List.of(guest, host),
                            "sourceIds",
                            List.of(Fixtures.source("Counted " + i))));
        }
        long one = queriesForAPageOf(u, 1);
        long all = queriesForAPageOf(u, 10);
        assertEquals(one, all, "SQL statements for a page of 1 and a page of 10");
    }

    private long queriesForAPageOf(String title, int limit) {
        // On PostgreSQL the search indexer follows the changes in this JVM: count only once it is done.
        SearchCaughtUp.await();
        org.hibernate.stat.Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        given().queryParam("title", title)
                .queryParam("limit", limit)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(limit));
        return statistics.getPrepareStatementCount();
    }
}
