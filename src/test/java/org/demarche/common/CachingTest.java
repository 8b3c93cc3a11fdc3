package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * A cache that revalidates with the ETags the API gives is never wrong: a tag changes whenever what it
 * tags does, the summaries a record embeds included, lists are tagged too, and Vary names what else an
 * answer depends on.
 */
@QuarkusTest
@SendsAdminKey
class CachingTest {

    private static String tagOf(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static void rename(String officialId, String name) {
        given().contentType("application/merge-patch+json")
                .body(Map.of("name", name))
                .patch("/api/v1/officials/" + officialId)
                .then()
                .statusCode(200);
    }

    @Test
    void aStatementsTagChangesWhenTheOfficialItEmbedsIsRenamed() {
        String official = Fixtures.official("Cached " + Fixtures.unique(), "NO");
        String path = "/api/v1/statements/" + Fixtures.statement(official, "2025-01", List.of(), List.of());
        String before = tagOf(path);
        given().header("If-None-Match", before).get(path).then().statusCode(304);

        rename(official, "Renamed Official");

        given().header("If-None-Match", before)
                .get(path)
                .then()
                .statusCode(200)
                .body("official.name", equalTo("Renamed Official"))
                .body("version", equalTo(0))
                .header("ETag", matchesPattern("\"0-[0-9a-f]{16}\""));
        assertNotEquals(before, tagOf(path));
    }

    @Test
    void ifMatchGuardsTheRecordsOwnFieldsNotTheSummariesItEmbeds() {
        String official = Fixtures.official("Guarded " + Fixtures.unique(), "NO");
        String path = "/api/v1/statements/" + Fixtures.statement(official, "2025-01", List.of(), List.of());
        String readBeforeRename = tagOf(path);
        rename(official, "Renamed Meanwhile");
        given().contentType("application/merge-patch+json")
                .header("If-Match", readBeforeRename)
                .body(Map.of("venue", "Press conference"))
                .patch(path)
                .then()
                .statusCode(200)
                .body("venue", equalTo("Press conference"));
        given().contentType("application/merge-patch+json")
                .header("If-Match", readBeforeRename)
                .body(Map.of("venue", "Interview"))
                .patch(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void aListPageIsTaggedAndAnswers304UntilARecordInItChanges() {
        String country = "IS";
        String official = Fixtures.official("Listed " + Fixtures.unique(), country);
        String path = "/api/v1/officials?country=" + country + "&limit=100";
        String before = tagOf(path);
        assertEquals(before, tagOf(path), "the same page has the same tag");
        given().header("If-None-Match", before)
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", before)
                .header("Cache-Control", "no-cache");
        given().header("If-None-Match", "W/" + before).get(path).then().statusCode(304);

        rename(official, "Renamed In A List");

        given().header("If-None-Match", before).get(path).then().statusCode(200);
        assertNotEquals(before, tagOf(path));
    }

    @Test
    void searchResultsAndCountsAreTaggedToo() {
        String official = Fixtures.official("Searched " + Fixtures.unique(), "FI");
        Fixtures.statement(official, "2025-02", List.of(), List.of());
        for (String path : List.of(
                "/api/v1/statements?q=ceasefire&officialId=" + official,
                "/api/v1/statements/facets?officialId=" + official)) {
            String tag = tagOf(path);
            given().header("If-None-Match", tag).get(path).then().statusCode(304);
        }
    }

    @Test
    void everyAnswerVariesByFormatAndOrigin() {
        String official = Fixtures.official("Varied " + Fixtures.unique(), "SE");
        for (String path : List.of("/api/v1/officials/" + official, "/api/v1/officials", "/api/v1/nowhere")) {
            given().get(path).then().header("Vary", "Accept, Origin");
        }
        given().accept("text/csv")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .header("Vary", "Accept, Origin");
        given().header("Origin", "https://reader.example")
                .get("/api/v1/officials/" + official)
                .then()
                .header("Vary", "Accept, Origin");
    }

    @Test
    void writesAreTaggedAndKeysAreNeverStored() {
        String created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Tagged " + Fixtures.unique(), "country", "DK"))
                .post("/api/v1/officials")
                .then()
                .statusCode(201)
                .extract()
                .header("ETag");
        assertEquals(created.length(), "\"0-0123456789abcdef\"".length(), created);
        given().get("/api/v1/keys").then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void jsonIsSentAsUtf8JsonWhateverTheAcceptParametersOrWildcards() {
        for (String path : List.of("/api/v1/statements?limit=1", "/api/v1/officials?limit=1")) {
            for (String accept :
                    List.of("application/*", "application/json;charset=latin1;q=0.8", "application/json;v=2")) {
                given().accept(accept)
                        .get(path)
                        .then()
                        .statusCode(200)
                        .header("Content-Type", equalTo("application/json;charset=UTF-8"))
                        .header("ETag", matchesPattern("\"[0-9a-f]{16}\""));
            }
        }
        String id = given().get("/api/v1/statements?limit=1").then().extract().path("items[0].id");
        given().accept("application/*")
                .get("/api/v1/statements/" + id)
                .then()
                .statusCode(200)
                .header("Content-Type", equalTo("application/json;charset=UTF-8"))
                .body("id", equalTo(id));
        // q=0 refuses a type: the next one the client accepts is chosen.
        given().accept("application/json;q=0, text/csv")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .contentType("text/csv");
    }
}
