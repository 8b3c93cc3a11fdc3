package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/** Every error a client can cause is an application/problem+json answer with no internals in it. */
@QuarkusTest
@SendsAdminKey
class HttpErrorsTest {

    private static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", containsString("https://demarche.org/problems/"))
                .body("title", not(equalTo(null)))
                .body("instance", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("org.hibernate")))
                .body(not(containsString("java.")))
                .body(not(containsString("SQL")));
    }

    @Test
    void malformedJsonIsA400NamingWhereItBroke() {
        isProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"name\": ")
                                .post("/api/v1/officials")
                                .then(),
                        400)
                .body("detail", containsString("line 1"));
    }

    @Test
    void contentAfterTheBodyIsMalformed() {
        isProblem(
                given().contentType(ContentType.JSON)
                        .body("{\"name\": \"A\", \"country\": \"RU\"} x")
                        .post("/api/v1/officials")
                        .then(),
                400);
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() {
        isProblem(
                given().contentType(ContentType.JSON)
                        .body("[1, 2]")
                        .post("/api/v1/officials")
                        .then(),
                400);
    }

    @Test
    void aMissingBodyIsA400() {
        isProblem(given().contentType(ContentType.JSON).post("/api/v1/topics").then(), 400);
    }

    @Test
    void wrongContentTypeIsA415() {
        isProblem(
                given().contentType(ContentType.TEXT)
                        .body("name=Lavrov")
                        .post("/api/v1/officials")
                        .then(),
                415);
    }

    @Test
    void patchWithPlainJsonIsA415() {
        String id = Fixtures.official("Patch Type " + Fixtures.unique(), "RU");
        isProblem(
                given().contentType(ContentType.JSON)
                        .body("{}")
                        .patch("/api/v1/officials/" + id)
                        .then(),
                415);
    }

    @Test
    void unknownPathIsA404() {
        isProblem(given().get("/api/v1/embassies").then(), 404);
        isProblem(given().get("/nowhere").then(), 404);
    }

    @Test
    void anIdThatIsNotAUuidIsA404() {
        isProblem(given().get("/api/v1/officials/not-a-uuid").then(), 404);
    }

    @Test
    void unknownIdIsA404() {
        isProblem(
                        given().get("/api/v1/statements/00000000-0000-0000-0000-000000000000")
                                .then(),
                        404)
                .body("detail", containsString("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void unsupportedMethodIsA405() {
        isProblem(given().delete("/api/v1/officials").then(), 405);
    }

    @Test
    void unavailableMediaTypeIsA406() {
        isProblem(given().accept("application/xml").get("/api/v1/topics").then(), 406);
    }

    @Test
    void unknownEnumValueInABodyIsA422NamingTheValues() {
        isProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"officialId\": \"00000000-0000-0000-0000-000000000000\", \"text\": \"x\","
                                        + " \"quoteType\": \"shouted\", \"statedOn\": \"2024\"}")
                                .post("/api/v1/statements")
                                .then(),
                        422)
                .body("errors.field", hasItem("quoteType"))
                .body("errors.message", hasItem(containsString("direct_quote")));
    }

    @Test
    void unknownEnumValueInAFilterIsA400() {
        isProblem(
                        given().queryParam("quoteType", "shouted")
                                .get("/api/v1/statements")
                                .then(),
                        400)
                .body("detail", containsString("quoteType"));
        isProblem(given().queryParam("stance", "maybe").get("/api/v1/positions").then(), 400);
    }

    @Test
    void enumValuesAreAcceptedInAnyCase() {
        given().queryParam("quoteType", "DIRECT_QUOTE")
                .get("/api/v1/statements")
                .then()
                .statusCode(200);
    }

    @Test
    void aWrongTypeIsA422OnThatField() {
        isProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"name\": \"A\", \"country\": \"RU\", \"aliases\": 5}")
                                .post("/api/v1/officials")
                                .then(),
                        422)
                .body("errors[0].field", equalTo("aliases"));
    }

    @Test
    void anUnknownFieldIsA422RatherThanSilentlyDropped() {
        isProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"name\": \"A\", \"country\": \"RU\", \"nmae\": \"B\"}")
                                .post("/api/v1/officials")
                                .then(),
                        422)
                .body("errors[0].field", equalTo("nmae"));
    }

    @Test
    void badPagingParametersAre400s() {
        isProblem(given().queryParam("limit", "0").get("/api/v1/officials").then(), 400);
        isProblem(given().queryParam("limit", "201").get("/api/v1/officials").then(), 400);
        isProblem(given().queryParam("limit", "ten").get("/api/v1/officials").then(), 400);
        isProblem(
                given().queryParam("cursor", "garbage!")
                        .get("/api/v1/officials")
                        .then(),
                400);
        isProblem(
                        given().queryParam("sort", "shoeSize")
                                .get("/api/v1/officials")
                                .then(),
                        400)
                .body("detail", containsString("name"));
    }

    @Test
    void badFilterValuesAre400s() {
        isProblem(
                given().queryParam("officialId", "lavrov")
                        .get("/api/v1/statements")
                        .then(),
                400);
        isProblem(
                given().queryParam("from", "2024-13").get("/api/v1/statements").then(), 400);
        isProblem(
                given().queryParam("country", "Russia").get("/api/v1/officials").then(), 400);
        isProblem(
                given().queryParam("topic", "no-such-topic")
                        .get("/api/v1/statements")
                        .then(),
                400);
        isProblem(
                given().queryParam("current", "maybe").get("/api/v1/positions").then(), 400);
    }
}
