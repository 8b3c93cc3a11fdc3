package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/** Past the configured rate, writes and searches get a 429 problem that says when to retry. */
@QuarkusTest
@SendsAdminKey
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    /** Limits small enough to reach in a test. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "demarche.rate-limit.enabled",
                    "true",
                    "demarche.rate-limit.writes-per-minute",
                    "5",
                    "demarche.rate-limit.searches-per-minute",
                    "8",
                    // Each request below may then come from an address of its own, so only a key's bucket limits it.
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.allow-x-forwarded",
                    "true");
        }
    }

    @Test
    void writesPastTheLimitAre429WithRetryAfter() {
        int created = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response response = given().contentType(ContentType.JSON)
                    .body(Map.of("name", "Limited " + i, "country", "RU"))
                    .post("/api/v1/officials");
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
        given().get("/api/v1/statements")
                .then()
                .statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().get("/api/v1/topics").then().statusCode(200);
    }

    @Test
    void everyLimitedAnswerStatesTheBudgetOfTheBucketItDrewFrom() {
        String key = "Bearer k-" + UUID.randomUUID();
        Response first = fromNewAddress().header("Authorization", key).get("/api/v1/statements");
        Response second = fromNewAddress().header("Authorization", key).get("/api/v1/statements");
        assertEquals("8", first.header("RateLimit-Limit"));
        assertEquals("7", first.header("RateLimit-Remaining"));
        assertEquals("6", second.header("RateLimit-Remaining"));
        // A bucket refills evenly over the minute: 2 of 8 tokens are back within 60 * 2 / 8 s.
        int reset = Integer.parseInt(second.header("RateLimit-Reset"));
        assertTrue(reset >= 1 && reset <= 15, "reset in " + reset + " s");
        // Writes draw from their own bucket, and a problem states the budget too (this key is not valid).
        Response write = fromNewAddress()
                .header("Authorization", key)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/topics");
        assertEquals(401, write.statusCode());
        assertEquals("5", write.header("RateLimit-Limit"));
        assertEquals("4", write.header("RateLimit-Remaining"));
        // Reads no limit applies to state no budget.
        Response read = fromNewAddress().header("Authorization", key).get("/api/v1/topics");
        assertEquals(200, read.statusCode());
        assertEquals(null, read.header("RateLimit-Limit"));
    }

    @Test
    void aRefusalStatesAnEmptyBudgetAndWhenItIsFullAgain() {
        String key = "Bearer k-" + UUID.randomUUID();
        Response answer = null;
        for (int i = 0; i < 9; i++) {
            answer = fromNewAddress().header("Authorization", key).get("/api/v1/statements/facets");
        }
        assertEquals(429, answer.statusCode());
        assertEquals("8", answer.header("RateLimit-Limit"));
        assertEquals("0", answer.header("RateLimit-Remaining"));
        int reset = Integer.parseInt(answer.header("RateLimit-Reset"));
        assertTrue(reset > 50 && reset <= 60, "an empty bucket is full again within a minute, not " + reset);
        assertTrue(Integer.parseInt(answer.header("Retry-After")) <= 8, "one token is back within 60 / 8 s");
    }

    @Test
    void theBudgetOfTheAddressIsStatedWhenItIsTheTighter() {
        String address = "203.0.113." + (ADDRESSES.incrementAndGet() % 250 + 1);
        String busyKey = "Bearer k-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", address)
                    .header("Authorization", busyKey)
                    .get("/api/v1/export")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Remaining", Integer.toString(7 - i));
        }
        // A fresh key from a busy address: the address's bucket has fewer tokens left.
        given().header("X-Forwarded-For", address)
                .header("Authorization", "Bearer k-" + UUID.randomUUID())
                .get("/api/v1/export")
                .then()
                .statusCode(200)
                .header("RateLimit-Remaining", "4");
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** A request from an address no other request came from. */
    private static RequestSpecification fromNewAddress() {
        int n = ADDRESSES.incrementAndGet();
        return given().header("X-Forwarded-For", "198.51." + (n / 250) + "." + (n % 250 + 1));
    }

    @Test
    void everySpellingOfAnAuthorizationHeaderDrawsFromOneKeysBucket() {
        String key = "k-" + UUID.randomUUID();
        List<String> spellings = List.of("Bearer " + key, "bearer  " + key, "BEARER\t" + key, "Bearer " + key + "  ");
        int answered = 0;
        for (int i = 0; i < 12; i++) {
            if (fromNewAddress()
                            .header("Authorization", spellings.get(i % spellings.size()))
                            .get("/api/v1/statements")
                            .statusCode()
                    == 200) {
                answered++;
            }
        }
        assertEquals(8, answered);
    }

    @Test
    void exportsStreamsAndOtherCostlyReadsCountAsSearches() {
        String key = "Bearer k-" + UUID.randomUUID();
        String official = UUID.randomUUID().toString();
        List<String> costly = List.of(
                "/api/v1/export",
                "/api/v1/officials/" + official + "/statements?q=ceasefire",
                "/api/v1/officials/" + official + "/timeline",
                "/api/v1/topics/ceasefire/stances",
                "/api/v1/statements/facets",
                "/api/v1/statements/counts");
        for (int i = 0; i < 8; i++) {
            int status = i < costly.size()
                    ? fromNewAddress()
                            .header("Authorization", key)
                            .get(costly.get(i))
                            .statusCode()
                    : fromNewAddress()
                            .header("Authorization", key)
                            .accept("text/csv")
                            .get("/api/v1/officials")
                            .statusCode();
            assertTrue(status != 429, "request " + i + " is within the limit");
        }
        fromNewAddress()
                .header("Authorization", key)
                .get("/api/v1/export")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
        fromNewAddress()
                .header("Authorization", key)
                .accept("text/csv")
                .get("/api/v1/topics")
                .then()
                .statusCode(429);
        fromNewAddress()
                .header("Authorization", key)
                .get("/api/v1/officials")
                .then()
                .statusCode(200);
    }

    @Test
    void anotherSpellingOfACostlyPathCountsAsThatPath() {
        String key = "Bearer k-" + UUID.randomUUID();
        List<String> spellings = List.of(
                "/api/v1/%65xport",
                "/api/v1//export",
                "/api/v1/./export",
                "/api/v1/export;x",
                "//api/v1/statements?q=ceasefire",
                "/api/v1/%73tatements/facets",
                "/api/v1/topics/x/../ceasefire/stances",
                "/api/v1/statements;a=b/facets");
        for (String path : spellings) {
            int status = fromNewAddress()
                    .urlEncodingEnabled(false)
                    .header("Authorization", key)
                    .get(path)
                    .statusCode();
            assertTrue(status != 429, path + " is within the limit");
        }
        fromNewAddress()
                .urlEncodingEnabled(false)
                .header("Authorization", key)
                .get("/api/v1/%65xport")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
    }

    @Test
    void aListAskedForAsCsvOrNdjsonInAnyCaseOrAcceptLineCountsAsAStream() {
        String key = "Bearer k-" + UUID.randomUUID();
        for (int i = 0; i < 8; i++) {
            String accept = i % 2 == 0 ? "Text/CSV" : "application/X-NDJSON";
            int status = fromNewAddress()
                    .header("Authorization", key)
                    .accept(accept)
                    .get("/api/v1/topics")
                    .statusCode();
            assertTrue(status != 429, "request " + i + " is within the limit");
        }
        fromNewAddress()
                .header("Authorization", key)
                .accept("TEXT/CSV")
                .get("/api/v1/topics")
                .then()
                .statusCode(429);
        // Two Accept lines, which Quarkus REST reads as one list.
        fromNewAddress()
                .config(RestAssured.config()
                        .headerConfig(HeaderConfig.headerConfig().mergeHeadersWithName("Accept")))
                .header("Authorization", key)
                .header("Accept", "application/json;q=0.1")
                .header("Accept", "text/csv")
                .get("/api/v1/topics")
                .then()
                .statusCode(429);
    }
}
