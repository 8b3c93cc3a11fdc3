package org.demarche.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * What a statement keeps of the event it was made at: the event, its place there, the speaker as printed,
 * the role spoken in and the question it answers; and an event's statements in their order.
 */
@QuarkusTest
@SendsAdminKey
class StatementContextTest {

    private static String event(String title) {
        return Fixtures.create("events", Map.of("kind", "briefing", "title", title, "heldOn", "2024-11-20"));
    }

    private static String said(String official, String event, Integer order, Map<String, ?> more) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "officialId",
                official,
                "text",
                "Said at the briefing " + Fixtures.unique(),
                "quoteType",
                "direct_quote",
                "statedOn",
                "2024-11-20"));
        if (event != null) {
            body.put("eventId", event);
        }
        if (order != null) {
            body.put("eventOrder", order);
        }
        body.putAll(more);
        return Fixtures.create("statements", body);
    }

    @Test
    void aStatementKeepsItsEventItsPlaceItsSpeakerAndTheQuestionItAnswers() {
        String u = Fixtures.unique();
        String zakharova = Fixtures.official("Maria Zakharova " + u, "RU");
        String briefing = event("Briefing " + u);
        String id = said(
                zakharova,
                briefing,
                3,
                Map.of(
                        "attribution",
                        "M.V. ZAKHAROVA",
                        "role",
                        "Foreign Ministry Spokeswoman",
                        "inReplyTo",
                        Map.of("question", "Will Moscow accept a ceasefire?", "asker", "RIA Novosti")));
        given().get("/api/v1/statements/" + id)
                .then()
                .statusCode(200)
                .body("eventId", equalTo(briefing))
                .body("event.id", equalTo(briefing))
                .body("event.kind", equalTo("briefing"))
                .body("event.title", equalTo("Briefing " + u))
                .body("event.heldOn", equalTo("2024-11-20"))
                .body("eventOrder", equalTo(3))
                .body("attribution", equalTo("M.V. ZAKHAROVA"))
                .body("role", equalTo("Foreign Ministry Spokeswoman"))
                .body("inReplyTo.question", equalTo("Will Moscow accept a ceasefire?"))
                .body("inReplyTo.asker", equalTo("RIA Novosti"));

        // A merge patch reaches inside nothing: null removes the question, the rest stays.
        given().contentType("application/merge-patch+json")
                .body("{\"inReplyTo\": null}")
                .patch("/api/v1/statements/" + id)
                .then()
                .statusCode(200)
                .body("inReplyTo", nullValue())
                .body("eventOrder", equalTo(3))
                .body("attribution", equalTo("M.V. ZAKHAROVA"));
        given().get("/api/v1/statements/" + id + "/history")
                .then()
                .body("items[1].changes.field", contains("inReplyTo"));

        String plain = Fixtures.statement(zakharova, "2024", List.of(), List.of());
        given().get("/api/v1/statements/" + plain)
                .then()
                .body("eventId", nullValue())
                .body("event", nullValue())
                .body("eventOrder", nullValue())
                .body("attribution", nullValue())
                .body("role", nullValue())
                .body("inReplyTo", nullValue());
    }

    @Test
    void badContextIsReportedFieldByField() {
        String official = Fixtures.official("Context " + Fixtures.unique(), "RU");
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "officialId",
                        official,
                        "text",
                        "Words",
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024",
                        "eventId",
                        UUID.randomUUID().toString(),
                        "eventOrder",
                        0,
                        "attribution",
                        "a".repeat(201),
                        "role",
                        "r".repeat(201),
                        "inReplyTo",
                        Map.of("question", " ", "asker", "x".repeat(201))))
                .post("/api/v1/statements")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "eventId",
                                "eventOrder",
                                "attribution",
                                "role",
                                "inReplyTo.question",
                                "inReplyTo.asker"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "officialId",
                        official,
                        "text",
                        "Words",
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024",
                        "eventOrder",
                        2))
                .post("/api/v1/statements")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("eventOrder"))
                .body("errors[0].message", equalTo("needs eventId: it is a place in an event"));
    }

    @Test
    void twoStatementsOfOneEventMayNotShareAPlace() {
        String official = Fixtures.official("Places " + Fixtures.unique(), "RU");
        String briefing = event("Places " + Fixtures.unique());
        String other = event("Other places " + Fixtures.unique());
        String first = said(official, briefing, 1, Map.of());
        said(official, other, 2, Map.of());
        String second = said(official, briefing, 2, Map.of());
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "officialId",
                        official,
                        "text",
                        "Again",
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024",
                        "eventId",
                        briefing,
                        "eventOrder",
                        1))
                .post("/api/v1/statements")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("references[0].type", equalTo("statement"))
                .body("references[0].ids", contains(first));
        given().contentType("application/merge-patch+json")
                .body(Map.of("eventOrder", 1))
                .patch("/api/v1/statements/" + second)
                .then()
                .statusCode(409);
        // A statement keeps its own place when written again.
        given().contentType("application/merge-patch+json")
                .body(Map.of("role", "Spokesperson"))
                .patch("/api/v1/statements/" + first)
                .then()
                .statusCode(200)
                .body("eventOrder", equalTo(1));
    }

    @Test
    void anEventListsItsStatementsInOrderUnorderedOnesLast() {
        String official = Fixtures.official("Order " + Fixtures.unique(), "RU");
        String briefing = event("Order " + Fixtures.unique());
        String unorderedFirst = said(official, briefing, null, Map.of());
        String third = said(official, briefing, 3, Map.of());
        String first = said(official, briefing, 1, Map.of());
        String unorderedSecond = said(official, briefing, null, Map.of());
        String second = said(official, briefing, 2, Map.of());
        said(official, null, null, Map.of());

        List<String> expected = List.of(first, second, third, unorderedFirst, unorderedSecond);
        given().get("/api/v1/events/" + briefing + "/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items.id", equalTo(expected))
                .body("nextCursor", nullValue());
        List<String> paged = new ArrayList<>();
        for (JsonPath page : Fixtures.pages("/api/v1/events/" + briefing + "/statements", Map.of(), 2)) {
            assertEquals(5, page.getInt("total"));
            paged.addAll(page.getList("items.id"));
        }
        assertEquals(expected, paged);
        given().queryParam("cursor", "bogus")
                .get("/api/v1/events/" + briefing + "/statements")
                .then()
                .statusCode(400);

        given().queryParam("eventId", briefing)
                .queryParam("sort", "createdAt")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", contains(unorderedFirst, third, first, unorderedSecond, second));
        given().queryParam("eventId", "not-an-id")
                .get("/api/v1/statements")
                .then()
                .statusCode(400);
        given().queryParam("eventId", briefing)
                .get("/api/v1/officials/" + official + "/statements")
                .then()
                .body("total", equalTo(5));
    }

    @Test
    void anEventStatementsBelongToCannotBeDeleted() {
        String official = Fixtures.official("Belongs " + Fixtures.unique(), "RU");
        String briefing = event("Belongs " + Fixtures.unique());
        String statement = said(official, briefing, 1, Map.of());
        given().delete("/api/v1/events/" + briefing)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("references[0].type", equalTo("statement"))
                .body("references[0].count", equalTo(1))
                .body("references[0].ids", contains(statement));
        given().get("/api/v1/events/" + briefing).then().statusCode(200);
        given().contentType("application/merge-patch+json")
                .body("{\"eventId\": null, \"eventOrder\": null}")
                .patch("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .body("event", nullValue());
        given().delete("/api/v1/events/" + briefing).then().statusCode(204);
    }
}
