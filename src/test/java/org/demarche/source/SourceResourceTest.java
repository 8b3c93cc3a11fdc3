package org.demarche.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SendsAdminKey
class SourceResourceTest {

    @Test
    void aSourceKeepsItsProvenance() {
        String url = "https://caliber.az/en/post/" + Fixtures.unique();
        String id = Fixtures.create(
                "sources",
                Map.of(
                        "url",
                        url,
                        "outlet",
                        "Caliber.Az",
                        "authors",
                        List.of("Tamilla Hasanova"),
                        "publishedAt",
                        "2024-11",
                        "language",
                        "en",
                        "citing",
                        "Russian media",
                        "retrievedAt",
                        "2024-11-25T10:00:00Z"));
        given().get("/api/v1/sources/" + id)
                .then()
                .statusCode(200)
                .body("url", equalTo(url))
                .body("authors", equalTo(List.of("Tamilla Hasanova")))
                .body("citing", equalTo("Russian media"))
                .body("publishedAt", equalTo("2024-11"))
                .body("retrievedAt", equalTo("2024-11-25T10:00:00Z"));
        given().queryParam("url", url).get("/api/v1/sources").then().body("total", equalTo(1));
    }

    @Test
    void urlsMustBeHttpAndLanguagesBcp47() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        "ftp://example.org/x",
                        "outlet",
                        "X",
                        "language",
                        "english",
                        "publishedAt",
                        "2024-11-31",
                        "archiveUrl",
                        "not a url"))
                .post("/api/v1/sources")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("url", "language", "publishedAt", "archiveUrl"));
    }

    @Test
    void retrievedAtMustBeAnInstant() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "url", "https://example.org/" + Fixtures.unique(), "outlet", "X", "retrievedAt", "yesterday"))
                .post("/api/v1/sources")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("retrievedAt"));
    }

    @Test
    void aRecordedUrlIsAConflict() {
        String url = "https://example.org/" + Fixtures.unique();
        Fixtures.create("sources", Map.of("url", url, "outlet", "X"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "outlet", "Y"))
                .post("/api/v1/sources")
                .then()
                .statusCode(409);
    }

    @Test
    void deletingASourceStatementsCiteIs409() {
        String source = Fixtures.source("Cited " + Fixtures.unique());
        String official = Fixtures.official("Quoted " + Fixtures.unique(), "RU");
        String statement = Fixtures.statement(official, "2024", List.of(), List.of(source));
        given().delete("/api/v1/sources/" + source)
                .then()
                .statusCode(409)
                .body("references[0].type", equalTo("statement"))
                .body("references[0].ids[0]", equalTo(statement));
    }
}
