package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every operation with its errors, so generated clients are complete. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyOperationHasASummaryAUniqueIdAndItsProblemResponses() {
        JsonPath doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("components.schemas", hasKey("Problem"))
                .extract()
                .jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                operations++;
                Map<String, Object> op = operation.getValue();
                String where = operation.getKey() + " " + path.getKey();
                assertNotNull(op.get("summary"), where + " has no summary");
                assertNotNull(op.get("description"), where + " has no description");
                assertTrue(operationIds.add((String) op.get("operationId")), where + " repeats an operationId");
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
                assertTrue(responses.containsKey("500"), where + " does not document 500");
                responses.forEach((code, response) -> {
                    if (code.startsWith("4") || code.startsWith("5")) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = (Map<String, Object>) response.get("content");
                        assertNotNull(
                                content.get("application/problem+json"), where + " " + code + " is not a problem");
                    }
                });
            }
        }
        // 52 + GET /admin/duplicates + DELETE /admin/backups/{name} + GET /admin/search-index + GET /statements/counts
        // + GET /statements/feed + GET /officials/{officialId}/timeline/feed
        // + the six of /subscriptions
        // + the seven of /events (list, create, get, replace, update, delete, history) + GET
        // /events/{eventId}/statements + POST /ingest/transcripts
        assertEquals(78, operations);
    }

    @Test
    void requestBodiesCarryExamplesFromTheSampleArticle() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .body(
                        "paths.'/api/v1/statements'.post.requestBody.content.'application/json'.examples.'ceasefire-quote'.value.text",
                        equalTo("A ceasefire will not suit us."))
                .body(
                        "paths.'/api/v1/officials/{id}'.get.responses.'200'.content.'application/json'.examples.lavrov.value.name",
                        equalTo("Sergei Lavrov"));
    }

    @Test
    void listsSearchesAndFacetsDocumentTheirAnswerWhileSearchIsDown() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .body("paths.'/api/v1/statements'.get.responses.'503'.description", startsWith("Search is unavailable"))
                .body(
                        "paths.'/api/v1/statements/facets'.get.responses.'503'.description",
                        startsWith("Search is unavailable"))
                .body(
                        "paths.'/api/v1/statements/counts'.get.responses.'503'.description",
                        startsWith("Search is unavailable"))
                .body(
                        "paths.'/api/v1/officials/{officialId}/statements'.get.responses.'503'.description",
                        startsWith("Search is unavailable"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
