package org.demarche.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The PostgreSQL set-up with OpenSearch unreachable: lists and searches answer 503 with Retry-After
 * (never a 500, never an empty list), readiness names the search index, and writes and reads by id
 * keep working.
 */
@QuarkusTest
@TestProfile(SearchUnavailableTest.NoSearchEngine.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*postgres.*")
class SearchUnavailableTest {

    /** OpenSearch at a port where nothing listens. */
    public static class NoSearchEngine implements QuarkusTestProfile {

        @Override
        public String getConfigProfile() {
            return System.getProperty("quarkus.test.profile");
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demarche.search.url", "http://127.0.0.1:18499");
        }
    }

    @Test
    void listsAndSearchesAre503WithRetryAfterWhileWritesAndReadsByIdWork() {
        // The admin key, without waiting for the index to catch up: it cannot while OpenSearch is down.
        RestAssured.replaceFiltersWith((request, response, context) -> {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + TestKeys.ADMIN);
            }
            return context.next(request, response);
        });
        String official = Fixtures.official("Unsearched " + Fixtures.unique(), "FR");
        String statement = Fixtures.statement(official, "2024-05", List.of(), List.of());
        given().get("/api/v1/statements/" + statement).then().statusCode(200).body("id", equalTo(statement));

        for (String path : new String[] {
            "/api/v1/statements",
            "/api/v1/statements?q=ceasefire",
            "/api/v1/statements/facets",
            "/api/v1/statements/counts?by=official",
            "/api/v1/officials/" + official + "/statements"
        }) {
            given().get(path)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://demarche.org/problems/search-unavailable"));
        }
        given().get("/q/health/ready").then().statusCode(503).body("checks.name", hasItem("search index"));
    }
}
