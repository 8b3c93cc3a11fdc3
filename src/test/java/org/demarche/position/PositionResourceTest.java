package org.demarche.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SendsAdminKey
class PositionResourceTest {

    private static Map<String, Object> position(String official, String topic, String stance, String validFrom) {
        return Map.of("officialId", official, "topicId", topic, "stance", stance, "validFrom", validFrom);
    }

    @Test
    void aNewPositionClosesTheCurrentOneInsteadOfOverwritingIt() {
        String official = Fixtures.official("History " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("history-" + Fixtures.unique(), null);
        String first = Fixtures.create("positions", position(official, topic, "opposes", "2024-11"));
        String second = Fixtures.create("positions", position(official, topic, "conditional", "2025-03-14"));

        given().get("/api/v1/positions/" + first)
                .then()
                .body("validTo", equalTo("2025-03-14"))
                .body("current", equalTo(false))
                .body("version", equalTo(1));
        given().get("/api/v1/positions/" + second)
                .then()
                .body("validTo", nullValue())
                .body("current", equalTo(true));
        given().get("/api/v1/officials/" + official + "/positions")
                .then()
                .body("items.id", equalTo(List.of(first, second)));
        given().queryParam("officialId", official)
                .queryParam("current", "true")
                .get("/api/v1/positions")
                .then()
                .body("items.id", equalTo(List.of(second)));
    }

    @Test
    void aSecondPositionFromTheSameDayIsAConflictNamingTheFirst() {
        String official = Fixtures.official("Twice " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("twice-" + Fixtures.unique(), null);
        String first = Fixtures.create("positions", position(official, topic, "opposes", "2024-11"));
        // The same day in another spelling, current or ended: each would leave a zero-length period.
        for (Map<String, ?> again : List.<Map<String, ?>>of(
                position(official, topic, "supports", "2024-11"),
                position(official, topic, "opposes", "2024-11-01"),
                Map.of(
                        "officialId",
                        official,
                        "topicId",
                        topic,
                        "stance",
                        "supports",
                        "validFrom",
                        "2024-11",
                        "validTo",
                        "2025"))) {
            given().contentType(ContentType.JSON)
                    .body(again)
                    .post("/api/v1/positions")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("references[0].type", equalTo("position"))
                    .body("references[0].ids", equalTo(List.of(first)))
                    .body("detail", containsString("/api/v1/positions/" + first));
        }
        String other = Fixtures.create(
                "positions",
                Map.of(
                        "officialId",
                        official,
                        "topicId",
                        topic,
                        "stance",
                        "supports",
                        "validFrom",
                        "2020",
                        "validTo",
                        "2021"));
        given().contentType("application/merge-patch+json")
                .body(Map.of("validFrom", "2024-11-01", "validTo", "2025"))
                .patch("/api/v1/positions/" + other)
                .then()
                .statusCode(409)
                .body("references[0].ids", equalTo(List.of(first)));
        given().get("/api/v1/officials/" + official + "/positions").then().body("total", equalTo(2));
    }

    @Test
    void anEndedPositionLeavesTheCurrentOneAlone() {
        String official = Fixtures.official("Past " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("past-" + Fixtures.unique(), null);
        String current = Fixtures.create("positions", position(official, topic, "opposes", "2024-11"));
        Fixtures.create(
                "positions",
                Map.of(
                        "officialId",
                        official,
                        "topicId",
                        topic,
                        "stance",
                        "supports",
                        "validFrom",
                        "2020",
                        "validTo",
                        "2022-02"));
        given().get("/api/v1/positions/" + current).then().body("current", equalTo(true));
    }

    @Test
    void aNewCurrentPositionCannotStartBeforeTheCurrentOne() {
        String official = Fixtures.official("Order " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("order-" + Fixtures.unique(), null);
        Fixtures.create("positions", position(official, topic, "opposes", "2024-11"));
        given().contentType(ContentType.JSON)
                .body(position(official, topic, "supports", "2024-10"))
                .post("/api/v1/positions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("validFrom"));
    }

    @Test
    void onlyOnePositionPerTopicCanBeCurrent() {
        String official = Fixtures.official("Single " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("single-" + Fixtures.unique(), null);
        String old = Fixtures.create("positions", position(official, topic, "opposes", "2024-11"));
        Fixtures.create("positions", position(official, topic, "supports", "2025"));
        given().contentType("application/merge-patch+json")
                .body("{\"validTo\": null}")
                .patch("/api/v1/positions/" + old)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("validTo"));
    }

    @Test
    void evidenceMustBeStatementsOfTheSameOfficial() {
        String lavrov = Fixtures.official("Own " + Fixtures.unique(), "RU");
        String trump = Fixtures.official("Other " + Fixtures.unique(), "US");
        String topic = Fixtures.topic("own-" + Fixtures.unique(), null);
        String trumpSaid = Fixtures.statement(trump, "2024-11", List.of(), List.of());
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "officialId",
                        lavrov,
                        "topicId",
                        topic,
                        "stance",
                        "opposes",
                        "validFrom",
                        "2024-11",
                        "evidence",
                        List.of(
                                Map.of("statementId", trumpSaid, "relation", "supports"),
                                Map.of(
                                        "statementId",
                                        "00000000-0000-0000-0000-000000000000",
                                        "relation",
                                        "contradicts"))))
                .post("/api/v1/positions")
                .then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("evidence[0].statementId", "evidence[1].statementId")));
    }

    @Test
    void aPositionKeepsItsConditionsAndEvidence() {
        String official = Fixtures.official("Conditions " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("conditions-" + Fixtures.unique(), null);
        String said = Fixtures.statement(official, "2024-11", List.of(topic), List.of());
        String id = Fixtures.create(
                "positions",
                Map.of(
                        "officialId",
                        official,
                        "topicId",
                        topic,
                        "stance",
                        "conditional",
                        "label",
                        "Open to talks on concrete proposals",
                        "conditions",
                        List.of("serious concrete proposals from Kyiv"),
                        "validFrom",
                        "2024-11",
                        "evidence",
                        List.of(Map.of("statementId", said, "relation", "supports"))));
        given().get("/api/v1/positions/" + id)
                .then()
                .statusCode(200)
                .body("official.id", equalTo(official))
                .body("topic.id", equalTo(topic))
                .body("conditions", equalTo(List.of("serious concrete proposals from Kyiv")))
                .body("evidence[0].statementId", equalTo(said))
                .body("evidence[0].relation", equalTo("supports"));
    }

    @Test
    void validToMustNotPrecedeValidFrom() {
        String official = Fixtures.official("Backwards " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("backwards-" + Fixtures.unique(), null);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "officialId",
                        official,
                        "topicId",
                        topic,
                        "stance",
                        "neutral",
                        "validFrom",
                        "2024-11",
                        "validTo",
                        "2024-10"))
                .post("/api/v1/positions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("validTo"));
    }

    @Test
    void concurrentNewPositionsLeaveExactlyOneCurrent() throws Exception {
        String official = Fixtures.official("Race " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("race-" + Fixtures.unique(), null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String validFrom = "2025-0" + (i + 1);
                statuses.add(pool.submit(() -> given().contentType(ContentType.JSON)
                        .body(position(official, topic, "neutral", validFrom))
                        .post("/api/v1/positions")
                        .statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertTrue(List.of(201, 422).contains(status.get()), "status " + status.get());
            }
        } finally {
            pool.shutdown();
        }
        given().queryParam("officialId", official)
                .queryParam("current", "true")
                .get("/api/v1/positions")
                .then()
                .body("total", equalTo(1));
    }
}
