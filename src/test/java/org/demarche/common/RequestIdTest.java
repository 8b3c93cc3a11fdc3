package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Map;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * Every answer carries its request's id in X-Request-Id, the client's own when usable, and every problem
 * carries it as requestId; the OpenAPI document says so. With rate limits off (the test profile), answers
 * carry no rate-limit budget.
 */
@QuarkusTest
@SendsAdminKey
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theClientsIdIsEchoedOnSuccessAndInAProblem() {
        given().header("X-Request-Id", "trace-42.a:b_c")
                .get("/api/v1/topics")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "trace-42.a:b_c");
        given().header("X-Request-Id", "trace-43")
                .get("/api/v1/statements/00000000-0000-0000-0000-000000000000")
                .then()
                .statusCode(404)
                .header("X-Request-Id", "trace-43")
                .body("requestId", equalTo("trace-43"));
    }

    @Test
    void withoutAnIdTheServerMakesOneForEachRequest() {
        Response first = given().get("/api/v1/topics");
        Response second = given().get("/api/v1/topics");
        first.then().header("X-Request-Id", matchesPattern(UUID));
        assertNotEquals(first.header("X-Request-Id"), second.header("X-Request-Id"));
        given().get("/q/health/live").then().header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void anUnusableIdIsReplacedNotRefused() {
        for (String unusable : new String[] {"two words", "x".repeat(129), "<script>", "a/b", ""}) {
            Response answer = given().header("X-Request-Id", unusable).get("/api/v1/topics");
            assertEquals(200, answer.statusCode(), unusable);
            answer.then().header("X-Request-Id", matchesPattern(UUID));
        }
        given().header("X-Request-Id", "x".repeat(128))
                .get("/api/v1/topics")
                .then()
                .header("X-Request-Id", "x".repeat(128));
    }

    @Test
    void everyKindOfProblemCarriesTheIdOfItsRequest() {
        // An unknown route, a refused query parameter, a bad body: answered by the problem mappers.
        Response unknownRoute = given().get("/api/v1/embassies");
        unknownRoute
                .then()
                .statusCode(404)
                .body("requestId", equalTo(unknownRoute.header("X-Request-Id")))
                .header("X-Request-Id", matchesPattern(UUID));
        given().header("X-Request-Id", "typo-1")
                .queryParam("contry", "RU")
                .get("/api/v1/officials")
                .then()
                .statusCode(400)
                .header("X-Request-Id", "typo-1")
                .body("requestId", equalTo("typo-1"));
        given().header("X-Request-Id", "body-1")
                .contentType("application/json")
                .body("{\"name\": ")
                .post("/api/v1/officials")
                .then()
                .statusCode(400)
                .body("requestId", equalTo("body-1"));
        // A refusal of the HTTP layer, before any resource: a write from an origin that may not write.
        given().header("X-Request-Id", "cors-1")
                .header("Origin", "https://elsewhere.example")
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/topics")
                .then()
                .statusCode(403)
                .header("X-Request-Id", "cors-1")
                .body("requestId", equalTo("cors-1"));
    }

    @Test
    void theOpenApiDocumentDeclaresTheIdOnEveryResponseAndTheBudgetWhereALimitApplies() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("string", doc.getString("components.schemas.Problem.properties.requestId.type"));
        assertEquals("integer", doc.getString("components.headers.RateLimit-Remaining.schema.type"));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        int responses = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> answers =
                        (Map<String, Map<String, Object>>) operation.getValue().get("responses");
                for (var answer : answers.entrySet()) {
                    String where = operation.getKey() + " " + path.getKey() + " " + answer.getKey();
                    @SuppressWarnings("unchecked")
                    Map<String, Object> headers =
                            (Map<String, Object>) answer.getValue().get("headers");
                    assertTrue(headers != null && headers.containsKey("X-Request-Id"), where + " has no X-Request-Id");
                    responses++;
                }
            }
        }
        assertTrue(responses > 300, "every response of every operation was seen");
        assertTrue(doc.getMap("paths.'/api/v1/statements'.get.responses.'429'.headers")
                .containsKey("RateLimit-Reset"));
        assertTrue(doc.getMap("paths.'/api/v1/officials/{id}'.delete.responses.'204'.headers")
                .containsKey("RateLimit-Limit"));
        assertFalse(doc.getMap("paths.'/api/v1/officials/{id}'.get.responses.'200'.headers")
                .containsKey("RateLimit-Limit"));
    }

    @Test
    void withRateLimitsOffNoBudgetIsStated() {
        given().get("/api/v1/statements")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", nullValue())
                .header("RateLimit-Remaining", nullValue())
                .header("RateLimit-Reset", nullValue())
                .header("X-Request-Id", not(nullValue()));
    }
}
