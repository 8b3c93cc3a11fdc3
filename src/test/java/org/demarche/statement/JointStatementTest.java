package org.demarche.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * A joint statement is one statement with several signatories: its official first, then the others it speaks
 * for; it is found under each of them.
 */
@QuarkusTest
@SendsAdminKey
class JointStatementTest {

    private static Map<String, Object> joint(String official, List<String> signatories, String text) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "officialId",
                official,
                "text",
                text,
                "quoteType",
                "direct_quote",
                "statedOn",
                "2025-05-08",
                "medium",
                "communique"));
        body.put("signatoryIds", signatories);
        return body;
    }

    @Test
    void aJointStatementIsFoundUnderEachSignatory() {
        String u = Fixtures.unique();
        String word = "zjoint" + u.replaceAll("[0-9]", "");
        String russia =
                create("officials", Map.of("name", "Russian Government " + u, "kind", "organisation", "country", "RU"));
        String china =
                create("officials", Map.of("name", "Chinese Government " + u, "kind", "organisation", "country", "CN"));
        String brazil = Fixtures.official("Brazil Minister " + u, "BR");
        String id = Fixtures.create(
                "statements",
                joint(russia, List.of(china, brazil), "A joint declaration " + word + " on multipolarity."));

        given().get("/api/v1/statements/" + id)
                .then()
                .statusCode(200)
                .body("officialId", equalTo(russia))
                .body("signatoryIds", contains(china, brazil))
                .body("signatories.id", contains(china, brazil))
                .body("signatories[0].name", equalTo("Chinese Government " + u))
                .body("signatories[1].country", equalTo("BR"));

        for (String official : List.of(russia, china, brazil)) {
            given().queryParam("officialId", official)
                    .get("/api/v1/statements")
                    .then()
                    .statusCode(200)
                    .body("items.id", contains(id));
            given().queryParam("officialId", official)
                    .queryParam("q", word)
                    .get("/api/v1/statements")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("items.id", contains(id));
            given().get("/api/v1/officials/" + official + "/statements")
                    .then()
                    .statusCode(200)
                    .body("items.id", contains(id));
            given().get("/api/v1/officials/" + official + "/timeline")
                    .then()
                    .statusCode(200)
                    .body("items.statement.id", contains(id));
        }
        // Counted under each official it speaks for; the country is its official's.
        given().queryParam("q", word)
                .get("/api/v1/statements/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("officials.official.id", containsInAnyOrder(russia, china, brazil))
                .body("officials.count", contains(1, 1, 1))
                .body("countries.value", contains("RU"));
        // Linked data and feeds name every signatory.
        given().accept("application/ld+json")
                .get("/api/v1/statements/" + id)
                .then()
                .statusCode(200)
                .body(
                        "spokenByCharacter.name",
                        contains("Russian Government " + u, "Chinese Government " + u, "Brazil Minister " + u));
        given().queryParam("officialId", brazil)
                .get("/api/v1/statements/feed")
                .then()
                .statusCode(200)
                .body(
                        "feed.entry.author.name",
                        equalTo("Russian Government " + u + ", Chinese Government " + u + ", Brazil Minister " + u));
        // Counts over time too: under each signatory, and only the selected ones with an officialId filter.
        given().queryParam("q", word)
                .queryParam("by", "official")
                .queryParam("interval", "year")
                .get("/api/v1/statements/counts")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("buckets.key", containsInAnyOrder(russia, china, brazil))
                .body("buckets.count", contains(1, 1, 1));
        given().queryParam("q", word)
                .queryParam("officialId", china)
                .queryParam("by", "official")
                .queryParam("interval", "year")
                .get("/api/v1/statements/counts")
                .then()
                .statusCode(200)
                .body("buckets.key", contains(china));
        given().queryParam("officialId", china)
                .queryParam("country", "CN")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aJointStatementMayBeEvidenceForAPositionOfAnySignatory() {
        String u = Fixtures.unique();
        String russia = Fixtures.official("Lavrov " + u, "RU");
        String china = Fixtures.official("Wang Yi " + u, "CN");
        String outsider = Fixtures.official("Outsider " + u, "FR");
        String topic = Fixtures.topic("joint-" + u, null);
        String id = Fixtures.create("statements", joint(russia, List.of(china), "Jointly said " + u));
        Map<String, Object> position = new HashMap<>(Map.of(
                "officialId",
                china,
                "topicId",
                topic,
                "stance",
                "supports",
                "validFrom",
                "2025-05",
                "evidence",
                List.of(Map.of("statementId", id, "relation", "supports"))));
        String created = Fixtures.create("positions", position);
        given().get("/api/v1/positions/" + created).then().statusCode(200).body("evidence.statementId", contains(id));

        position.put("officialId", outsider);
        given().contentType(ContentType.JSON)
                .body(position)
                .post("/api/v1/positions")
                .then()
                .statusCode(422)
                .body("errors.field", contains("evidence[0].statementId"));
    }

    @Test
    void signatoriesMustBeOtherKnownOfficialsEachOnce() {
        String u = Fixtures.unique();
        String russia = Fixtures.official("Russia " + u, "RU");
        String china = Fixtures.official("China " + u, "CN");
        given().contentType(ContentType.JSON)
                .body(joint(
                        russia, List.of(china, russia, china, UUID.randomUUID().toString()), "Refused " + u))
                .post("/api/v1/statements")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("signatoryIds[1]", "signatoryIds[2]", "signatoryIds[3]"));
        List<String> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        given().contentType(ContentType.JSON)
                .body(joint(russia, tooMany, "Refused " + u))
                .post("/api/v1/statements")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("signatoryIds"));
    }

    @Test
    void changingSignatoriesIsHistoryAndMovesTheStatementBetweenLists() {
        String u = Fixtures.unique();
        String russia = Fixtures.official("Russia " + u, "RU");
        String china = Fixtures.official("China " + u, "CN");
        String india = Fixtures.official("India " + u, "IN");
        String id = Fixtures.create("statements", joint(russia, List.of(china), "Changed " + u));

        given().contentType("application/merge-patch+json")
                .body(Map.of("signatoryIds", List.of(india)))
                .patch("/api/v1/statements/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("signatoryIds", contains(india));
        given().queryParam("officialId", china).get("/api/v1/statements").then().body("items", hasSize(0));
        given().queryParam("officialId", india).get("/api/v1/statements").then().body("items.id", contains(id));

        given().get("/api/v1/statements/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].changes.find { it.field == 'signatoryIds' }.before", contains(china))
                .body("items[1].changes.find { it.field == 'signatoryIds' }.after", contains(india))
                .body("items[1].state.signatoryIds", contains(india));
    }

    @Test
    void anOfficialWhoSignedAStatementIsNotDeleted() {
        String u = Fixtures.unique();
        String russia = Fixtures.official("Russia " + u, "RU");
        String china = Fixtures.official("China " + u, "CN");
        String id = Fixtures.create("statements", joint(russia, List.of(china), "Kept " + u));
        given().delete("/api/v1/officials/" + china)
                .then()
                .statusCode(409)
                .body("references.find { it.type == 'statement' }.ids", contains(id));
        given().delete("/api/v1/statements/" + id).then().statusCode(204);
        given().delete("/api/v1/officials/" + china).then().statusCode(204);
    }

    private static String create(String resource, Map<String, ?> body) {
        return Fixtures.create(resource, body);
    }
}
