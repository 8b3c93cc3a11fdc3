package org.demarche.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** What an operator reads: liveness, readiness of the database and the search index, and request metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void readyMeansTheDatabaseAndTheSearchIndexAnswer() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("search index", "Database connections health check"));
    }

    @Test
    void requestLatenciesArePrometheusHistogramsPerEndpoint() {
        given().get("/api/v1/statements").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/api/v1/statements\""));
    }
}
