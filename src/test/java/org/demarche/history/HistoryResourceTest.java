package org.demarche.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.TestKeys;
import org.junit.jupiter.api.Test;

/** Every create, change and delete is a revision with its author, its changes and the whole record. */
@QuarkusTest
@SendsAdminKey
class HistoryResourceTest {

    private static void patch(String path, String body) {
        given().contentType("application/merge-patch+json")
                .body(body)
                .patch(path)
                .then()
                .statusCode(200);
    }

    @Test
    void creationIsTheFirstRevisionWithEveryFieldSetAndTheKeyThatMadeIt() {
        String id = Fixtures.create(
                "officials", Map.of("name", "Maria Zakharova", "country", "RU", "title", "Spokeswoman"));

        given().get("/api/v1/officials/" + id + "/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("nextCursor", nullValue())
                .body("items[0].revision", notNullValue())
                .body("items[0].action", equalTo("created"))
                .body("items[0].changedAt", notNullValue())
                .body("items[0].changedBy.name", equalTo("admin (DEMARCHE_ADMIN_KEY)"))
                .body("items[0].changedBy.keyId", notNullValue())
                .body("items[0].changes.field", contains("name", "kind", "country", "title"))
                .body("items[0].changes[0].before", nullValue())
                .body("items[0].changes[0].after", equalTo("Maria Zakharova"))
                .body("items[0].state.id", equalTo(id))
                .body("items[0].state.version", equalTo(0));
    }

    @Test
    void anUpdateListsOnlyTheFieldsThatChangedWithBeforeAndAfter() {
        String id = Fixtures.create(
                "officials", Map.of("name", "Maria Zakharova", "country", "RU", "title", "Spokeswoman"));
        patch(
                "/api/v1/officials/" + id,
                "{\"title\": \"Director of the Information and Press Department\"," + " \"aliases\": [\"Zakharova\"]}");

        given().get("/api/v1/officials/" + id + "/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", contains("created", "updated"))
                .body("items[1].changes", hasSize(2))
                .body("items[1].changes.find { it.field == 'title' }.before", equalTo("Spokeswoman"))
                .body(
                        "items[1].changes.find { it.field == 'title' }.after",
                        equalTo("Director of the Information and Press Department"))
                .body("items[1].changes.find { it.field == 'aliases' }.before", nullValue())
                .body("items[1].changes.find { it.field == 'aliases' }.after", contains("Zakharova"))
                .body("items[1].state.version", equalTo(1))
                .body("items[1].state.aliases", contains("Zakharova"));
    }

    @Test
    void aDeletedRecordsHistoryStaysReadableWithItsLastState() {
        String id = Fixtures.create("topics", Map.of("slug", "grain-deal-" + Fixtures.unique(), "name", "Grain deal"));
        patch("/api/v1/topics/" + id, "{\"description\": \"Black Sea grain exports\"}");
        given().delete("/api/v1/topics/" + id).then().statusCode(204);
        given().get("/api/v1/topics/" + id).then().statusCode(404);

        given().get("/api/v1/topics/" + id + "/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", contains("created", "updated", "deleted"))
                .body("items[2].changes", hasSize(0))
                .body("items[2].state.name", equalTo("Grain deal"))
                .body("items[2].state.description", equalTo("Black Sea grain exports"));
    }

    @Test
    void revisionsArePagedOldestFirstOrNewestFirstWithoutRepeatsOrGaps() {
        String id = Fixtures.source("TASS");
        for (int i = 1; i <= 4; i++) {
            patch("/api/v1/sources/" + id, "{\"title\": \"Edition " + i + "\"}");
        }
        String path = "/api/v1/sources/" + id + "/history";

        String cursor = given().queryParam("limit", 2)
                .get(path)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("items.action", contains("created", "updated"))
                .header("Link", startsWith("<http"))
                .extract()
                .path("nextCursor");
        given().queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get(path)
                .then()
                .statusCode(200)
                .body("items.state.title", contains("Edition 2", "Edition 3"))
                // The first entry of a page is compared with the last one of the page before.
                .body("items[0].changes[0].before", equalTo("Edition 1"));

        given().queryParam("sort", "-revision")
                .queryParam("limit", 1)
                .get(path)
                .then()
                .statusCode(200)
                .body("items[0].state.title", equalTo("Edition 4"))
                .body("items[0].changes[0].before", equalTo("Edition 3"));
    }

    @Test
    void aStatementRevisionShowsItsReferencesAsTheyWereThen() {
        String official = Fixtures.official("Wang Yi " + Fixtures.unique(), "CN");
        String topic = Fixtures.topic("taiwan-" + Fixtures.unique(), null);
        String statement = Fixtures.statement(official, "2024-11-20", List.of(topic), List.of());
        patch("/api/v1/statements/" + statement, "{\"quoteType\": \"direct_quote\"}");

        given().get("/api/v1/statements/" + statement + "/history")
                .then()
                .statusCode(200)
                .body("items[0].state.official.id", equalTo(official))
                .body("items[0].state.topics.id", contains(topic))
                .body("items[1].changes.field", contains("quoteType"))
                .body("items[1].changes[0].before", equalTo("paraphrase"))
                .body("items[1].changes[0].after", equalTo("direct_quote"));
    }

    @Test
    void aPositionClosedByANewOneHasThatClosingInItsHistory() {
        String official = Fixtures.official("Annalena Baerbock " + Fixtures.unique(), "DE");
        String topic = Fixtures.topic("sanctions-" + Fixtures.unique(), null);
        String first = Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", topic, "stance", "supports", "validFrom", "2024-01"));
        Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", topic, "stance", "opposes", "validFrom", "2024-06"));

        given().get("/api/v1/positions/" + first + "/history")
                .then()
                .statusCode(200)
                .body("items.action", contains("created", "updated"))
                .body("items[1].changes.field", hasItem("validTo"))
                .body("items[1].state.validTo", equalTo("2024-06"));
    }

    @Test
    void aRevisionNamesTheEditorKeyThatMadeIt() {
        String secret = given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "newsroom-editor", "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        String id = Fixtures.official("Antony Blinken " + Fixtures.unique(), "US");
        given().header("Authorization", "Bearer " + secret)
                .contentType("application/merge-patch+json")
                .body("{\"title\": \"Secretary of State\"}")
                .patch("/api/v1/officials/" + id)
                .then()
                .statusCode(200);

        given().get("/api/v1/officials/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.changedBy.name", contains("admin (DEMARCHE_ADMIN_KEY)", "newsroom-editor"));
    }

    @Test
    void historyOfAnIdThatNeverExistedIs404() {
        given().get("/api/v1/statements/00000000-0000-0000-0000-000000000000/history")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badSortOrCursorIs400() {
        String id = Fixtures.official("Ursula von der Leyen " + Fixtures.unique(), "DE");
        String path = "/api/v1/officials/" + id + "/history";
        given().queryParam("sort", "name").get(path).then().statusCode(400).contentType("application/problem+json");
        given().queryParam("cursor", "not-a-cursor")
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String other = Fixtures.official("Josep Borrell " + Fixtures.unique(), "ES");
        patch("/api/v1/officials/" + other, "{\"title\": \"High Representative\"}");
        String foreign = given().queryParam("limit", 1)
                .get("/api/v1/officials/" + other + "/history")
                .then()
                .extract()
                .path("nextCursor");
        given().queryParam("cursor", foreign).get(path).then().statusCode(400).contentType("application/problem+json");
    }
}
