package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.Fixtures;
import org.junit.jupiter.api.Test;

/** {@code id=…&id=…} on every record list: just those records, with the other filters, order and paging. */
@QuarkusTest
class ReadByIdsTest {

    private static final String UNKNOWN = UUID.randomUUID().toString();

    @Test
    void officialsAreReadByIdInTheListOrderAndCombineWithFilters() {
        String tag = Fixtures.unique();
        String c = Fixtures.official("C ids " + tag, "RU");
        String a = Fixtures.official("A ids " + tag, "FR");
        String b = Fixtures.official("B ids " + tag, "RU");
        Fixtures.official("D ids " + tag, "RU");

        given().queryParam("id", c, a, b, UNKNOWN)
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(a, b, c)))
                .body("total", equalTo(3));
        given().queryParam("id", c + "," + a)
                .queryParam("country", "RU")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(c)));
        given().queryParam("id", a, b, c)
                .queryParam("limit", 2)
                .queryParam("sort", "-name")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(c, b)))
                .body("total", equalTo(3))
                .header("Link", containsString("rel=\"next\""))
                .body("nextCursor", notNullValue());
    }

    @Test
    void topicsSourcesStatementsAndPositionsAreReadById() {
        String official = Fixtures.official("Ids " + Fixtures.unique(), "UA");
        String topic = Fixtures.topic("ids-" + Fixtures.unique(), null);
        String other = Fixtures.topic("ids-" + Fixtures.unique(), null);
        String source = Fixtures.source("Ids outlet");
        Fixtures.source("Ids outlet");
        String old = Fixtures.statement(official, "2023", List.of(topic), List.of(source));
        String recent = Fixtures.statement(official, "2024-11-05", List.of(other), List.of());
        Fixtures.statement(official, "2024-12", List.of(topic), List.of());
        String position = Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", topic, "stance", "supports", "validFrom", "2024"));

        given().queryParam("id", other, topic, UNKNOWN)
                .get("/api/v1/topics")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", hasItem(topic))
                .body("items.id", hasItem(other));
        given().queryParam("id", source, UNKNOWN)
                .get("/api/v1/sources")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(source)));
        given().queryParam("id", old, recent, UNKNOWN)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(recent, old)))
                .body("total", equalTo(2));
        given().queryParam("id", old, recent)
                .queryParam("topic", topic)
                .get("/api/v1/officials/" + official + "/statements")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(old)));
        given().queryParam("id", old, recent)
                .queryParam("q", "statement")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        given().queryParam("id", position, UNKNOWN)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(position)));
        given().queryParam("id", UNKNOWN)
                .get("/api/v1/positions")
                .then()
                .statusCode(200)
                .body("items", equalTo(List.of()))
                .body("nextCursor", nullValue());
    }

    @Test
    void aMalformedIdIsA400NamingTheParameter() {
        for (String list : List.of("officials", "topics", "sources", "statements", "positions")) {
            given().queryParam("id", UNKNOWN, "not-a-uuid")
                    .get("/api/v1/" + list)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("Query parameter 'id' must be a UUID, not 'not-a-uuid'"));
        }
    }

    @Test
    void moreThanAHundredIdsIsA400SayingTheCap() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (String list : List.of("officials", "topics", "sources", "statements", "positions")) {
            given().queryParam("id", ids)
                    .get("/api/v1/" + list)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("at most 100 ids, not 101"));
        }
        // The same id twice counts once.
        List<String> repeated = new ArrayList<>(ids.subList(0, 100));
        repeated.add(ids.get(0));
        given().queryParam("id", repeated).get("/api/v1/officials").then().statusCode(200);
    }

    @Test
    void theOpenApiDocumentDescribesIdOnEveryList() {
        for (String list : List.of("officials", "topics", "sources", "statements", "positions")) {
            given().queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body("paths.'/api/v1/" + list + "'.get.parameters.name", hasItem("id"));
        }
    }
}
