package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/** A query parameter the endpoint does not take is a 400 naming it and the ones it takes, not an unfiltered answer. */
@QuarkusTest
@SendsAdminKey
class UnknownQueryParameterTest {

    private static final List<String> OFFICIAL_LIST = List.of(
            "country",
            "cursor",
            "id",
            "kind",
            "limit",
            "name",
            "organization",
            "prefix",
            "sort",
            "updatedSince",
            "wikidataId");

    @Test
    void aMisspelledFilterOnAListIsA400NamingItAndTheParametersTaken() {
        given().queryParam("contry", "RU")
                .get("/api/v1/officials")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://demarche.org/problems/bad-request"))
                .body(
                        "detail",
                        equalTo("Unknown query parameter 'contry'; this endpoint takes: "
                                + String.join(", ", OFFICIAL_LIST)))
                .body("unknownParameters", equalTo(List.of("contry")))
                .body("acceptedParameters", equalTo(OFFICIAL_LIST));
    }

    @Test
    void aSearchNamesEveryUnknownParameterAndListsItsFiltersAndPaging() {
        given().queryParam("q", "ceasefire")
                .queryParam("offical", "x")
                .queryParam("form", "2024")
                .get("/api/v1/statements")
                .then()
                .statusCode(400)
                .body(
                        "detail",
                        containsString("Unknown query parameters 'form', 'offical'; this endpoint takes: country,"
                                + " cursor, eventId, from, id, language, limit, medium, mentions, officialId, outlet, q, quoteType, sort, sourceId,"
                                + " to, topic, updatedSince, verification"))
                .body("unknownParameters", equalTo(List.of("form", "offical")))
                .body("acceptedParameters", hasItems("q", "officialId", "cursor"));
        given().queryParam("q", "ceasefire")
                .queryParam("limt", "5")
                .get("/api/v1/statements/facets")
                .then()
                .statusCode(400)
                .body("unknownParameters", equalTo(List.of("limt")));
    }

    @Test
    void knownParametersStillWorkAlsoWhenRepeated() {
        String id = Fixtures.official("Known Parameter " + Fixtures.unique(), "UA");
        given().queryParam("country", "UA")
                .queryParam("limit", 200)
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items.id", hasItems(id));
        given().queryParam("officialId", id)
                .queryParam("officialId", id)
                .queryParam("q", "ceasefire")
                .get("/api/v1/statements")
                .then()
                .statusCode(200);
    }

    @Test
    void anEndpointWithoutQueryParametersSaysSo() {
        String id = Fixtures.official("No Parameters " + Fixtures.unique(), "UA");
        given().queryParam("expand", "offices")
                .get("/api/v1/officials/" + id)
                .then()
                .statusCode(400)
                .body("detail", equalTo("Unknown query parameter 'expand'; this endpoint takes no query parameters"))
                .body("acceptedParameters", equalTo(List.of()));
    }

    @Test
    void writesAreCheckedTooButPathsOutsideTheResourcesAreNot() {
        given().contentType("application/json")
                .body("{\"name\": \"Dry\", \"country\": \"RU\"}")
                .queryParam("dryRun", "true")
                .post("/api/v1/officials")
                .then()
                .statusCode(400)
                .body("unknownParameters", equalTo(List.of("dryRun")));
        given().queryParam("format", "json")
                .queryParam("anything", "1")
                .get("/q/openapi")
                .then()
                .statusCode(200);
        given().queryParam("anything", "1").get("/q/health/ready").then().statusCode(200);
    }
}
