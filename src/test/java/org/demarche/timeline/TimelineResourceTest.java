package org.demarche.timeline;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.Fixtures;
import org.demarche.common.paging.Cursor;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineResourceTest {

    @Test
    void statementsAndPositionsOfATopicComeInDateOrder() {
        String official = Fixtures.official("Timeline " + Fixtures.unique(), "RU");
        String parentSlug = "tl-talks-" + Fixtures.unique();
        String parent = Fixtures.topic(parentSlug, null);
        String child = Fixtures.topic("tl-truce-" + Fixtures.unique(), parent);
        String other = Fixtures.topic("tl-other-" + Fixtures.unique(), null);
        String late = Fixtures.statement(official, "2025-01-10", List.of(child), List.of());
        String early = Fixtures.statement(official, "2024-11", List.of(parent), List.of());
        Fixtures.statement(official, "2024-12", List.of(other), List.of());
        String position = Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", child, "stance", "opposes", "validFrom", "2024-11-20"));

        given().queryParam("topic", parentSlug)
                .get("/api/v1/officials/" + official + "/timeline")
                .then()
                .statusCode(200)
                .body("official.id", equalTo(official))
                .body("topic.slug", equalTo(parentSlug))
                .body("items.kind", equalTo(List.of("statement", "position", "statement")))
                .body("items.date", equalTo(List.of("2024-11", "2024-11-20", "2025-01-10")))
                .body("items[0].statement.id", equalTo(early))
                .body("items[1].position.id", equalTo(position))
                .body("items[2].statement.id", equalTo(late));
        given().get("/api/v1/officials/" + official + "/timeline").then().body("items.size()", equalTo(4));
    }

    @Test
    void aTimelineIsReadAPageAtATimeAndThePagesMakeTheWhole() {
        String official = Fixtures.official("Paged timeline " + Fixtures.unique(), "FR");
        for (String date : List.of("2024-11", "2024-11-01", "2024-11-20", "2024-11", "2025")) {
            Fixtures.statement(official, date, List.of(), List.of());
            Fixtures.create(
                    "positions",
                    Map.of(
                            "officialId",
                            official,
                            "topicId",
                            Fixtures.topic("tl-page-" + Fixtures.unique(), null),
                            "stance",
                            "supports",
                            "validFrom",
                            date));
        }
        String path = "/api/v1/officials/" + official + "/timeline";
        List<String> whole = ids(given().queryParam("limit", 200)
                .get(path)
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue())
                .extract()
                .jsonPath());
        assertEquals(10, whole.size());
        given().get(path).then().body("items.size()", equalTo(10)).body("nextCursor", nullValue());
        for (int limit : List.of(1, 3, 4)) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                JsonPath page = given().queryParam("limit", limit)
                        .queryParam("cursor", cursor == null ? "" : cursor)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                paged.addAll(ids(page));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertEquals(whole, paged, "pages of " + limit);
        }
        for (String cursor : List.of(
                "nonsense",
                new Cursor("statedOn", "2024-11-01", UUID.randomUUID()).encode(),
                new Cursor("timeline", "2024-11-01 2", UUID.randomUUID()).encode())) {
            given().queryParam("cursor", cursor)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().queryParam("limit", 201).get(path).then().statusCode(400).contentType("application/problem+json");
    }

    private static List<String> ids(JsonPath page) {
        List<Map<String, Map<String, String>>> items = page.getList("items");
        return items.stream()
                .map(item -> (item.get("statement") != null ? item.get("statement") : item.get("position")).get("id"))
                .toList();
    }

    @Test
    void fromAndToKeepEventsWhosePeriodOverlapsThemAsTheStatementListDoes() {
        String official = Fixtures.official("Dated timeline " + Fixtures.unique(), "DE");
        for (String date : List.of("2023", "2024", "2024-10-31", "2024-11", "2024-11-15", "2024-12-01", "2025")) {
            Fixtures.statement(official, date, List.of(), List.of());
            Fixtures.create(
                    "positions",
                    Map.of(
                            "officialId",
                            official,
                            "topicId",
                            Fixtures.topic("tl-dated-" + Fixtures.unique(), null),
                            "stance",
                            "opposes",
                            "validFrom",
                            date));
        }
        String path = "/api/v1/officials/" + official + "/timeline";
        given().queryParam("from", "2024-11-15")
                .queryParam("to", "2024-11")
                .get(path)
                .then()
                .statusCode(200)
                .body(
                        "items.kind",
                        equalTo(List.of("statement", "position", "statement", "position", "statement", "position")))
                .body("items.date", equalTo(List.of("2024", "2024", "2024-11", "2024-11", "2024-11-15", "2024-11-15")))
                .header("Link", nullValue());
        given().queryParam("to", "2023-12")
                .get(path)
                .then()
                .statusCode(200)
                .body("items.date", equalTo(List.of("2023", "2023")));
        List<String> dates = List.of("2024", "2024-10-31", "2024-11", "2024-11-15", "2024-12-01", "2025");
        List<String> expected = new ArrayList<>();
        dates.forEach(date -> expected.addAll(List.of(date, date)));
        given().queryParam("from", "2024-06").get(path).then().statusCode(200).body("items.date", equalTo(expected));
        // The statement list keeps the same statements.
        given().queryParam("from", "2024-06")
                .queryParam("sort", "statedOn")
                .get("/api/v1/officials/" + official + "/statements")
                .then()
                .body("items.statedOn", equalTo(dates));

        List<String> paged = new ArrayList<>();
        String next = path + "?from=2024-06&limit=5";
        int pages = 0;
        while (next != null) {
            var answer = given().urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .extract();
            paged.addAll(answer.jsonPath().getList("items.date"));
            String link = answer.header("Link");
            String cursor = answer.jsonPath().getString("nextCursor");
            assertEquals(cursor == null, link == null, "Link rel=next exactly when there is a next page");
            next = link == null ? null : link.substring(link.indexOf("/api/"), link.indexOf('>'));
            if (link != null) {
                assertTrue(link.endsWith("; rel=\"next\"") && link.contains("from=2024-06"), link);
            }
            pages++;
        }
        assertEquals(expected, paged);
        assertEquals(3, pages);
    }

    @Test
    void aBadFromOrToIsA400NamingIt() {
        String path = "/api/v1/officials/" + Fixtures.official("Bad dates " + Fixtures.unique(), "DE") + "/timeline";
        given().queryParam("from", "2024-13")
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(
                                "Query parameter 'from' must be a date like 2024, 2024-11 or 2024-11-20, not '2024-13'"));
        given().queryParam("to", "yesterday")
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        equalTo(
                                "Query parameter 'to' must be a date like 2024, 2024-11 or 2024-11-20, not 'yesterday'"));
    }

    @Test
    void theTimelineOfAnUnknownOfficialIs404() {
        given().get("/api/v1/officials/00000000-0000-0000-0000-000000000000/timeline")
                .then()
                .statusCode(404);
    }
}
