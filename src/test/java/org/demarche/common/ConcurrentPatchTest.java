package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fifty PATCHes race on one record. No write may be lost silently: writes to one record take turns, so
 * without If-Match every one applies (200, with its own version), and with the same If-Match one applies
 * and every other is a 412 problem, on either database; what is stored afterwards, the version and the
 * history, is exactly the sequence of the accepted ones.
 */
@QuarkusTest
@SendsAdminKey
class ConcurrentPatchTest {

    private static final int WRITERS = 50;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** Sends every PATCH at once (released by one latch) and returns the responses in sending order. */
    private List<Response> race(String path, String ifMatch) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> pending = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String title = "Title " + i;
            pending.add(pool.submit(() -> {
                start.await();
                var request =
                        given().contentType("application/merge-patch+json").body(Map.of("title", title));
                if (ifMatch != null) {
                    request.header("If-Match", ifMatch);
                }
                return request.patch(path).andReturn();
            }));
        }
        start.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> response : pending) {
            responses.add(response.get());
        }
        return responses;
    }

    private static List<Response> accepted(List<Response> responses) {
        List<Response> accepted = new ArrayList<>();
        for (Response response : responses) {
            if (response.statusCode() == 200) {
                accepted.add(response);
            } else {
                assertEquals(412, response.statusCode(), response.asString());
                assertEquals("application/problem+json", response.contentType());
            }
        }
        accepted.sort(Comparator.comparingInt(r -> r.jsonPath().getInt("version")));
        return accepted;
    }

    @Test
    void withoutIfMatchEveryPatchAppliesInOrder() throws Exception {
        String id = Fixtures.official("Race " + Fixtures.unique(), "FR");
        String path = "/api/v1/officials/" + id;

        List<Response> accepted = accepted(race(path, null));

        assertEquals(WRITERS, accepted.size(), "every PATCH applies");
        for (int i = 0; i < accepted.size(); i++) {
            assertEquals(i + 1, accepted.get(i).jsonPath().getInt("version"), "accepted versions are 1..n, no gaps");
        }
        Response last = accepted.get(accepted.size() - 1);
        JsonPath stored = given().get(path).then().statusCode(200).extract().jsonPath();
        assertEquals(accepted.size(), stored.getInt("version"));
        assertEquals(last.jsonPath().getString("title"), stored.getString("title"));

        JsonPath history = given().queryParam("limit", 200)
                .get(path + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(accepted.size() + 1, history.getInt("total"), "one revision per accepted PATCH, plus creation");
        List<String> titles = history.getList("items.state.title");
        for (int i = 0; i < accepted.size(); i++) {
            assertEquals(accepted.get(i).jsonPath().getString("title"), titles.get(i + 1));
        }
    }

    @Test
    void withTheSameIfMatchExactlyOnePatchApplies() throws Exception {
        String id = Fixtures.official("Race " + Fixtures.unique(), "FR");
        String path = "/api/v1/officials/" + id;
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");

        List<Response> accepted = accepted(race(path, etag));

        assertEquals(1, accepted.size(), "one winner");
        JsonPath stored = given().get(path).then().extract().jsonPath();
        assertEquals(1, stored.getInt("version"));
        assertEquals(accepted.get(0).jsonPath().getString("title"), stored.getString("title"));
        assertEquals(
                2, given().get(path + "/history").then().extract().jsonPath().getInt("total"));
    }

    @Test
    void aWeakTagNeverMatches() {
        String id = Fixtures.official("Weak " + Fixtures.unique(), "FR");
        String path = "/api/v1/officials/" + id;
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");

        given().contentType("application/merge-patch+json")
                .header("If-Match", "W/" + etag)
                .body(Map.of("title", "T"))
                .patch(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().contentType("application/merge-patch+json")
                .header("If-Match", etag.replace("\"", ""))
                .body(Map.of("title", "T"))
                .patch(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().contentType("application/merge-patch+json")
                .header("If-Match", "W/" + etag + ", " + etag)
                .body(Map.of("title", "T"))
                .patch(path)
                .then()
                .statusCode(200);
    }

    @Test
    void aWriteThatChangesNothingMakesNoVersionRevisionOrChange() {
        String id = Fixtures.official("Still " + Fixtures.unique(), "FR");
        String path = "/api/v1/officials/" + id;
        JsonPath stored = given().get(path).then().statusCode(200).extract().jsonPath();
        String etag = given().get(path).then().extract().header("ETag");
        String feedEnd = endOfChangeFeed();

        given().contentType("application/merge-patch+json")
                .header("If-Match", etag)
                .body(Map.of("name", stored.getString("name"), "country", "FR"))
                .patch(path)
                .then()
                .statusCode(200)
                .header("ETag", etag);
        given().contentType("application/merge-patch+json")
                .body("{}")
                .patch(path)
                .then()
                .statusCode(200)
                .header("ETag", etag);

        assertEquals(0, given().get(path).then().extract().jsonPath().getInt("version"));
        assertEquals(
                1, given().get(path + "/history").then().extract().jsonPath().getInt("total"));
        assertEquals(
                List.of(),
                given().queryParam("since", feedEnd)
                        .get("/api/v1/changes")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items"),
                "no change in the feed");
    }

    private static String endOfChangeFeed() {
        String cursor = null;
        JsonPath page;
        do {
            var request = given().queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            page = request.get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            cursor = page.getString("nextCursor");
        } while (page.getBoolean("more"));
        return cursor;
    }
}
