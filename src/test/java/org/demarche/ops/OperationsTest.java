package org.demarche.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.demarche.TestKeys;
import org.junit.jupiter.api.Test;

/** What an operator reads: liveness, readiness of the database and the search index, and request metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void readyMeansTheDatabaseAndTheSearchIndexAnswer() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("search index", "Database connections health check"));
    }

    @Test
    void requestLatenciesArePrometheusHistogramsPerEndpoint() {
        given().get("/api/v1/statements").then().statusCode(200);
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                                + "uri=\"/api/v1/statements\""));
    }

    @Test
    void onlyAnAdminKeyReadsMetrics() {
        given().get("/q/metrics")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        for (String below : new String[] {"/q/metrics/", "/q/metrics/prometheus", "/q/metrics/anything"}) {
            given().get(below).then().statusCode(401).contentType("application/problem+json");
        }
        given().header("Authorization", "Bearer dmk_not-a-key")
                .get("/q/metrics")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        String editor = given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "metrics reader", "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        given().header("Authorization", "Bearer " + editor)
                .get("/q/metrics")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
