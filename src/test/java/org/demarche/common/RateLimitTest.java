package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Past the configured rate, writes and searches get a 429 problem that says when to retry. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    /** Limits small enough to reach in a test. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demarche.rate-limit.enabled", "true",
                    "demarche.rate-limit.writes-per-minute", "5",
                    "demarche.rate-limit.searches-per-minute", "8");
        }
    }

    @Test
    void writesPastTheLimitAre429WithRetryAfter() {
        int created = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response response = given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Limited " + i, "country", "RU")).post("/api/v1/officials");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(201, response.statusCode());
                created++;
            }
        }
        assertEquals(5, created);
        assertTrue(refused != null, "the sixth write is refused");
        assertEquals("application/problem+json", refused.contentType());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
    }

    @Test
    void searchesPastTheLimitAre429ButOtherReadsAreNot() {
        int answered = 0;
        for (int i = 0; i < 12; i++) {
            if (given().get("/api/v1/statements").statusCode() == 200) {
                answered++;
            }
        }
        assertEquals(8, answered);
        given().get("/api/v1/statements").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/topics").then().statusCode(200);
    }
}
