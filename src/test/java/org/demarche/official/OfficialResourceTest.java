package org.demarche.official;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SendsAdminKey
class OfficialResourceTest {

    private static final String LAVROV = """
            {"name": "Sergei Lavrov", "aliases": ["Sergey Lavrov"], "country": "RU",
             "title": "Minister of Foreign Affairs", "organization": "MFA of Russia",
             "offices": [{"title": "Minister of Foreign Affairs", "country": "RU", "startDate": "2004-03-09"}]}""";

    @Test
    void createReturns201WithLocationETagAndTheStoredRecord() {
        Response created = given().contentType(ContentType.JSON)
                .body(LAVROV)
                .when()
                .post("/api/v1/officials")
                .then()
                .statusCode(201)
                .header("ETag", matchesPattern("\"0-[0-9a-f]{16}\""))
                .body("name", equalTo("Sergei Lavrov"))
                .body("offices[0].startDate", equalTo("2004-03-09"))
                .body("offices[0].endDate", nullValue())
                .body("version", equalTo(0))
                .body("createdAt", containsString("Z"))
                .extract()
                .response();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/officials/" + id));

        given().get("/api/v1/officials/" + id)
                .then()
                .statusCode(200)
                .body("aliases", containsInAnyOrder("Sergey Lavrov"))
                .body("title", equalTo("Minister of Foreign Affairs"));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        given().contentType(ContentType.JSON)
                .body("""
                {"name": " ", "country": "XX", "wikidataId": "182003", "aliases": [""],
                 "offices": [{"title": "", "startDate": "2024-13", "endDate": "2024-11-31", "country": "ru"}]}""")
                .when()
                .post("/api/v1/officials")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "name",
                                "country",
                                "wikidataId",
                                "aliases[0]",
                                "offices[0].title",
                                "offices[0].startDate",
                                "offices[0].endDate",
                                "offices[0].country"));
    }

    @Test
    void anOfficeCannotEndBeforeItStarts() {
        given().contentType(ContentType.JSON)
                .body("""
                {"name": "A", "country": "RU", "offices": [{"title": "T", "startDate": "2020", "endDate": "2019-12"}]}""")
                .post("/api/v1/officials")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("offices[0].endDate"));
    }

    @Test
    void aTakenWikidataIdIsAConflict() {
        String wikidataId = "Q9" + (System.nanoTime() % 1_000_000_000L);
        Fixtures.create("officials", Map.of("name", "First", "country", "RU", "wikidataId", wikidataId));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Second", "country", "RU", "wikidataId", wikidataId))
                .post("/api/v1/officials")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void ifNoneMatchWithTheCurrentETagIs304() {
        String id = Fixtures.official("Etag " + Fixtures.unique(), "FR");
        String etag = given().get("/api/v1/officials/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/api/v1/officials/" + id)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"41\"")
                .get("/api/v1/officials/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void putReplacesTheWholeRecordAndBumpsTheVersion() {
        Response created = given().contentType(ContentType.JSON)
                .body(LAVROV)
                .post("/api/v1/officials")
                .then()
                .statusCode(201)
                .extract()
                .response();
        given().contentType(ContentType.JSON)
                .header("If-Match", created.header("ETag"))
                .body(Map.of("name", "Sergei Lavrov", "country", "RU"))
                .put("/api/v1/officials/" + created.path("id"))
                .then()
                .statusCode(200)
                .header("ETag", matchesPattern("\"1-[0-9a-f]{16}\""))
                .body("title", nullValue())
                .body("aliases", hasSize(0))
                .body("offices", hasSize(0));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        String id = Fixtures.official("Stale " + Fixtures.unique(), "DE");
        String first = given().get("/api/v1/officials/" + id).then().extract().header("ETag");
        given().contentType("application/merge-patch+json")
                .body("{\"title\": \"Chancellor\"}")
                .patch("/api/v1/officials/" + id)
                .then()
                .statusCode(200);
        given().contentType("application/merge-patch+json")
                .header("If-Match", first)
                .body("{\"title\": \"Mayor\"}")
                .patch("/api/v1/officials/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", first)
                .body(Map.of("name", "X", "country", "DE"))
                .put("/api/v1/officials/" + id)
                .then()
                .statusCode(412);
        given().header("If-Match", first)
                .delete("/api/v1/officials/" + id)
                .then()
                .statusCode(412);
        given().get("/api/v1/officials/" + id)
                .then()
                .body("title", equalTo("Chancellor"))
                .body("version", equalTo(1));
    }

    @Test
    void mergePatchChangesOnlyTheFieldsGivenAndNullRemoves() {
        String id = given().contentType(ContentType.JSON)
                .body(LAVROV)
                .post("/api/v1/officials")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType("application/merge-patch+json")
                .body("{\"title\": \"Former minister\", \"organization\": null}")
                .patch("/api/v1/officials/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Former minister"))
                .body("organization", nullValue())
                .body("name", equalTo("Sergei Lavrov"))
                .body("offices", hasSize(1));
    }

    @Test
    void aPatchThatMakesTheRecordInvalidIs422AndChangesNothing() {
        String id = Fixtures.official("Patch " + Fixtures.unique(), "IT");
        given().contentType("application/merge-patch+json")
                .body("{\"country\": \"Italy\", \"name\": null}")
                .patch("/api/v1/officials/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("country", "name"));
        given().get("/api/v1/officials/" + id)
                .then()
                .body("country", equalTo("IT"))
                .body("version", equalTo(0));
    }

    @Test
    void deleteIs204ThenTheOfficialIsGone() {
        String id = Fixtures.official("Gone " + Fixtures.unique(), "ES");
        given().delete("/api/v1/officials/" + id).then().statusCode(204);
        given().get("/api/v1/officials/" + id).then().statusCode(404);
        given().delete("/api/v1/officials/" + id).then().statusCode(404);
    }

    @Test
    void deletingAnOfficialWithStatementsIs409NamingThem() {
        String official = Fixtures.official("Referenced " + Fixtures.unique(), "RU");
        String statement = Fixtures.statement(official, "2024-11", List.of(), List.of());
        given().delete("/api/v1/officials/" + official)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("references[0].type", equalTo("statement"))
                .body("references[0].count", equalTo(1))
                .body("references[0].ids", hasItems(statement));
        given().get("/api/v1/officials/" + official).then().statusCode(200);
    }

    @Test
    void pagesFollowTheCursorWithTotalAndLinkUntilTheLastPage() {
        String token = "Pager" + Fixtures.unique();
        List<String> created = new ArrayList<>();
        for (String letter : List.of("E", "B", "D", "A", "C")) {
            created.add(Fixtures.official(token + " " + letter, "RU"));
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("name", token).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/officials")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(5))
                    .extract()
                    .response();
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                assertNotNull(page.header("Link"));
                assertTrue(page.header("Link").endsWith("rel=\"next\""));
            } else {
                assertNull(page.header("Link"));
            }
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(
                List.of("A", "B", "C", "D", "E"),
                names.stream().map(n -> n.substring(n.length() - 1)).toList());
    }

    @Test
    void sortDescendingReversesTheOrder() {
        String token = "Sorter" + Fixtures.unique();
        Fixtures.official(token + " A", "RU");
        Fixtures.official(token + " B", "RU");
        given().queryParam("name", token)
                .queryParam("sort", "-name")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .body("items[0].name", endsWith("B"))
                .body("items[1].name", endsWith("A"));
    }

    @Test
    void aCursorOnlyWorksWithTheSortItWasMadeFor() {
        String token = "Cursor" + Fixtures.unique();
        Fixtures.official(token + " A", "RU");
        Fixtures.official(token + " B", "RU");
        String cursor = given().queryParam("name", token)
                .queryParam("limit", 1)
                .get("/api/v1/officials")
                .then()
                .extract()
                .path("nextCursor");
        given().queryParam("name", token)
                .queryParam("cursor", cursor)
                .queryParam("sort", "-createdAt")
                .get("/api/v1/officials")
                .then()
                .statusCode(400);
    }

    @Test
    void filtersAreNamedAfterFieldsAndCombine() {
        String token = "Filter" + Fixtures.unique();
        Fixtures.create(
                "officials", Map.of("name", token + " One", "country", "UA", "aliases", List.of("Alias" + token)));
        Fixtures.official(token + " Two", "PL");
        given().queryParam("name", token)
                .queryParam("country", "UA")
                .get("/api/v1/officials")
                .then()
                .body("total", equalTo(1))
                .body("items[0].name", equalTo(token + " One"));
        given().queryParam("name", "alias" + token.toLowerCase())
                .get("/api/v1/officials")
                .then()
                .body("total", equalTo(1));
        given().queryParam("name", token + "%").get("/api/v1/officials").then().body("total", equalTo(0));
    }
}
