package org.demarche.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.TestKeys;
import org.junit.jupiter.api.Test;

/** A POST retried with its Idempotency-Key writes once and gets its first answer again. */
@QuarkusTest
@SendsAdminKey
class IdempotencyKeyTest {

    @Inject
    AgroalDataSource database;

    private static Response postOfficial(String idempotencyKey, String apiKey, Map<String, ?> body) {
        return given().header("Idempotency-Key", idempotencyKey)
                .header("Authorization", "Bearer " + apiKey)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/officials");
    }

    private static int officialsNamed(String name) {
        return given().queryParam("name", name)
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.findAll { it.name == '" + name + "' }")
                .size();
    }

    private static String editorKey() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "retrying " + UUID.randomUUID(), "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    @Test
    void aRetryGetsTheFirstAnswerAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "Retried " + Fixtures.unique();
        Map<String, String> body = Map.of("name", name, "country", "PT");
        Response first = postOfficial(key, TestKeys.ADMIN, body);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response again = postOfficial(key, TestKeys.ADMIN, body);
        again.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .header("ETag", first.header("ETag"))
                .body("id", equalTo(first.path("id")));
        assertEquals(first.asString(), again.asString());
        assertEquals(1, officialsNamed(name));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422AndWritesNothing() {
        String key = UUID.randomUUID().toString();
        String name = "First body " + Fixtures.unique();
        postOfficial(key, TestKeys.ADMIN, Map.of("name", name, "country", "PT"))
                .then()
                .statusCode(201);
        postOfficial(key, TestKeys.ADMIN, Map.of("name", name + " changed", "country", "PT"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("another request"));
        assertEquals(0, officialsNamed(name + " changed"));
    }

    @Test
    void keysBelongToTheApiKeyThatSentThem() {
        String key = UUID.randomUUID().toString();
        String name = "Two callers " + Fixtures.unique();
        Map<String, String> body = Map.of("name", name, "country", "PT");
        postOfficial(key, TestKeys.ADMIN, body).then().statusCode(201);
        postOfficial(key, editorKey(), body).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(2, officialsNamed(name), "another caller's request is another request");
    }

    @Test
    void aRefusalIsKeptTooSoARetryIsRefusedTheSameWay() {
        String key = UUID.randomUUID().toString();
        Map<String, String> invalid = Map.of("name", "", "country", "PT");
        Response first = postOfficial(key, TestKeys.ADMIN, invalid);
        first.then().statusCode(422).contentType("application/problem+json");
        postOfficial(key, TestKeys.ADMIN, invalid)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .header("Idempotent-Replayed", "true")
                .body("errors", equalTo(first.path("errors")));
    }

    @Test
    void retriesSentAtOnceWriteOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "At once " + Fixtures.unique();
        Map<String, String> body = Map.of("name", name, "country", "PT");
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> retries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                retries.add(() -> postOfficial(key, TestKeys.ADMIN, body).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : clients.invokeAll(retries)) {
                statuses.add(answer.get());
            }
            assertTrue(statuses.stream().allMatch(status -> status == 201 || status == 409), statuses.toString());
            assertTrue(statuses.contains(201), statuses.toString());
        } finally {
            clients.shutdown();
        }
        assertEquals(1, officialsNamed(name));
        postOfficial(key, TestKeys.ADMIN, body).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void aKeyOlderThan24HoursOrAbandonedIsFreeAgain() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Expired " + Fixtures.unique();
        Map<String, String> body = Map.of("name", name, "country", "PT");
        postOfficial(key, TestKeys.ADMIN, body).then().statusCode(201);
        age(key, Duration.ofHours(24).plusMinutes(1), false);
        postOfficial(key, TestKeys.ADMIN, body).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(2, officialsNamed(name), "a key is kept 24 hours");

        String abandoned = UUID.randomUUID().toString();
        String other = "Abandoned " + Fixtures.unique();
        Map<String, String> otherBody = Map.of("name", other, "country", "PT");
        postOfficial(abandoned, TestKeys.ADMIN, otherBody).then().statusCode(201);
        // As if the first request's instance had stopped before it answered, a minute ago: a retry waits.
        age(abandoned, Duration.ofMinutes(1), true);
        postOfficial(abandoned, TestKeys.ADMIN, otherBody)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("still under way"));
        // Ten minutes ago: the claim is taken to be abandoned, and the retry runs.
        age(abandoned, Duration.ofMinutes(10), true);
        postOfficial(abandoned, TestKeys.ADMIN, otherBody)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        assertEquals(2, officialsNamed(other));
    }

    /** Makes the admin's key look this old; {@code underWay} also forgets its answer, as if none had come. */
    private void age(String key, Duration by, boolean underWay) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("update idempotent_request set started_at = ?"
                        + (underWay ? ", status = null, body = null" : "")
                        + " where id = ?")) {
            update.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(by));
            update.setString(2, IdempotencyKeys.id("Bearer " + TestKeys.ADMIN, key));
            assertEquals(1, update.executeUpdate());
        }
    }

    @Test
    void aMalformedKeyOrAnOperationThatCannotReplayIsA400() {
        postOfficial("x".repeat(256), TestKeys.ADMIN, Map.of("name", "Too long", "country", "PT"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("255"));
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "never", "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("secret is never stored"))
                .body("detail", not(containsString("import")));
        given().header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType("application/x-ndjson")
                .body("{\"type\":\"topic\",\"slug\":\"idem\",\"name\":\"Idem\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("natural keys"))
                .body("detail", not(containsString("secret")));
    }
}
