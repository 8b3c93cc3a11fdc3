package org.demarche.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscriptions belong to the key that made them, show their secret once, and refuse unsafe targets. */
@QuarkusTest
class SubscriptionResourceTest {

    /** Subscriptions left behind would be sent the changes later tests make. */
    @AfterEach
    void unsubscribe() {
        QuarkusTransaction.requiringNew().run(() -> Subscription.deleteAll());
    }

    private static final String HOOK = "http://127.0.0.1:9/hook";

    private static String newEditorKey() {
        return given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "subscriber " + Fixtures.unique(), "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private static ValidatableResponse subscribe(String key, Map<String, ?> body) {
        return given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subscriptions")
                .then();
    }

    private static ValidatableResponse call(String key, String method, String path) {
        return given().header("Authorization", "Bearer " + key)
                .request(method, "/api/v1/subscriptions" + path)
                .then();
    }

    private static String asAdmin(String resource, Map<String, ?> body) {
        return given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/" + resource)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void creatingShowsTheSecretOnceAndNeverCaches() {
        String key = newEditorKey();
        ValidatableResponse created = subscribe(key, Map.of("url", HOOK, "events", List.of("statement.created")))
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("url", equalTo(HOOK))
                .body("events", contains("statement.created"))
                .body("filter", nullValue())
                .body("secret", startsWith("whsec_"))
                .body("disabledAt", nullValue())
                .body("previousSecretExpiresAt", nullValue());
        String id = created.extract().path("id");
        String secret = created.extract().path("secret");
        created.header("Location", endsWith(id));

        call(key, "GET", "/" + id)
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("id", equalTo(id))
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")));
        call(key, "GET", "?limit=200")
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body(not(containsString(secret)));
    }

    @Test
    void aKeySeesOnlyItsOwnAndAnAdminSeesAll() {
        String owner = newEditorKey();
        String other = newEditorKey();
        String id = subscribe(owner, Map.of("url", HOOK, "events", List.of("*")))
                .statusCode(201)
                .extract()
                .path("id");

        call(other, "GET", "/" + id).statusCode(404).contentType("application/problem+json");
        call(other, "POST", "/" + id + "/secret").statusCode(404);
        call(other, "DELETE", "/" + id).statusCode(404);
        call(other, "GET", "?limit=200").statusCode(200).body("items.id", not(hasItem(id)));

        call(TestKeys.ADMIN, "GET", "/" + id).statusCode(200);
        call(TestKeys.ADMIN, "GET", "?limit=200").statusCode(200).body("items.id", hasItem(id));
        call(owner, "GET", "/" + id).statusCode(200);
    }

    @Test
    void everyCallNeedsAKey() {
        given().get("/api/v1/subscriptions").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("url", HOOK, "events", List.of("*")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(401);
    }

    @Test
    void rotatingGivesANewSecretAndKeepsTheOldOneForADay() {
        String key = newEditorKey();
        ValidatableResponse created =
                subscribe(key, Map.of("url", HOOK, "events", List.of("*"))).statusCode(201);
        String id = created.extract().path("id");
        String first = created.extract().path("secret");

        ValidatableResponse rotated = call(key, "POST", "/" + id + "/secret")
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("secret", startsWith("whsec_"))
                .body("previousSecretExpiresAt", notNullValue());
        assertNotEquals(first, rotated.extract().path("secret"));
        Instant until = Instant.parse(rotated.extract().path("previousSecretExpiresAt"));
        Duration left = Duration.between(Instant.now(), until);
        assertTrue(
                left.compareTo(Duration.ofHours(23)) > 0 && left.compareTo(Duration.ofHours(25)) < 0, left::toString);

        call(key, "GET", "/" + id)
                .statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                .body("previousSecretExpiresAt", notNullValue());
    }

    @Test
    void deletingEndsIt() {
        String key = newEditorKey();
        String id = subscribe(key, Map.of("url", HOOK, "events", List.of("*")))
                .statusCode(201)
                .extract()
                .path("id");
        call(key, "DELETE", "/" + id).statusCode(204);
        call(key, "GET", "/" + id).statusCode(404);
        call(key, "DELETE", "/" + id).statusCode(404);
    }

    @Test
    void eventsAreCheckedAndTidied() {
        String key = newEditorKey();
        subscribe(
                        key,
                        Map.of(
                                "url",
                                HOOK,
                                "events",
                                List.of("statement.created", "position.opened", "statement.created")))
                .statusCode(201)
                .body("events", contains("statement.created", "position.opened"));
        subscribe(key, Map.of("url", HOOK, "events", List.of("statement.updated", "*")))
                .statusCode(201)
                .body("events", contains("*"));
        subscribe(key, Map.of("url", HOOK, "events", List.of("statement.created", "statement.exploded")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("events[1]"))
                .body("errors[0].message", containsString("statement.deleted"));
        subscribe(key, Map.of("url", HOOK, "events", List.of()))
                .statusCode(422)
                .body("errors.field", contains("events"));
    }

    @Test
    void unsafeOrUnusableTargetsAreRefused() {
        String key = newEditorKey();
        for (String url : List.of("ftp://127.0.0.1/hook", "file:///etc/passwd", "hooks", "http://u:p@127.0.0.1/")) {
            subscribe(key, Map.of("url", url, "events", List.of("*")))
                    .statusCode(422)
                    .body("errors.field", contains("url"));
        }
        subscribe(key, Map.of("url", "http://nowhere.invalid/hook", "events", List.of("*")))
                .statusCode(422)
                .body("errors[0].message", containsString("does not resolve"));
    }

    @Test
    void theFilterNamesRecordsThatExist() {
        String key = newEditorKey();
        String official = asAdmin("officials", Map.of("name", "Subscribed " + Fixtures.unique(), "country", "RU"));
        String slug = "watched-" + Fixtures.unique();
        String topic = asAdmin("topics", Map.of("slug", slug, "name", slug));
        subscribe(
                        key,
                        Map.of(
                                "url",
                                HOOK,
                                "events",
                                List.of("statement.created", "position.opened"),
                                "filter",
                                Map.of(
                                        "officialId",
                                        List.of(official),
                                        "topic",
                                        slug,
                                        "country",
                                        "RU",
                                        "quoteType",
                                        "DIRECT_QUOTE")))
                .statusCode(201)
                .body("filter.officialId", contains(official))
                .body("filter.topic", equalTo(topic))
                .body("filter.country", equalTo("RU"))
                .body("filter.quoteType", equalTo("direct_quote"));

        subscribe(
                        key,
                        Map.of(
                                "url",
                                HOOK,
                                "events",
                                List.of("*"),
                                "filter",
                                Map.of(
                                        "officialId",
                                        List.of("00000000-0000-0000-0000-000000000000"),
                                        "topic",
                                        "no-such-topic-" + Fixtures.unique(),
                                        "country",
                                        "XX")))
                .statusCode(422)
                .body("errors.field", contains("filter.country", "filter.officialId[0]", "filter.topic"));
    }

    @Test
    void aFilterNamesAtMostAHundredOfficials() {
        List<String> officials = java.util.Collections.nCopies(101, "00000000-0000-0000-0000-000000000000");
        subscribe(
                        newEditorKey(),
                        Map.of("url", HOOK, "events", List.of("*"), "filter", Map.of("officialId", officials)))
                .statusCode(422)
                .body("errors.field", hasItem("filter.officialId"));
    }

    @Test
    void aSavedSearchIsCheckedAsTheStatementListWouldCheckIt() {
        String key = newEditorKey();
        subscribe(
                        key,
                        Map.of(
                                "url",
                                HOOK,
                                "events",
                                List.of("statement.created"),
                                "filter",
                                Map.of("q", "ceasefire -truce", "from", "2024-06", "medium", "interview")))
                .statusCode(201)
                .body("filter.q", equalTo("ceasefire -truce"))
                .body("filter.from", equalTo("2024-06"))
                .body("filter.medium", equalTo("interview"));
        subscribe(
                        key,
                        Map.of(
                                "url",
                                HOOK,
                                "events",
                                List.of("*"),
                                "filter",
                                Map.of("q", "ceasefire OR", "to", "2024-13")))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("filter.q", "filter.to"))
                .body("errors.find { it.field == 'filter.q' }.message", containsString("OR must stand between"));
    }

    @Test
    void aSubscriptionIsChangedByMergePatchAndCheckedAsWhenMade() {
        String key = newEditorKey();
        ValidatableResponse created = subscribe(
                        key,
                        Map.of("url", HOOK, "events", List.of("*"), "filter", Map.of("country", "RU", "q", "truce")))
                .statusCode(201);
        String id = created.extract().path("id");
        String etag = given().header("Authorization", "Bearer " + key)
                .get("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        given().header("Authorization", "Bearer " + key)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body(Map.of("events", List.of("statement.created"), "filter", Map.of("q", "ceasefire")))
                .patch("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("events", contains("statement.created"))
                .body("filter.q", equalTo("ceasefire"))
                .body("filter.country", equalTo("RU"))
                .body("url", equalTo(HOOK))
                .body("secret", nullValue());
        given().header("Authorization", "Bearer " + key)
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body(Map.of("url", HOOK))
                .patch("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().header("Authorization", "Bearer " + key)
                .contentType("application/merge-patch+json")
                .body(
                        "{\"url\": \"ftp://127.0.0.1/\", \"events\": [\"statement.exploded\"], \"filter\": {\"from\": \"soon\"}}")
                .patch("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("url", "events[0]", "filter.from"));
        given().header("Authorization", "Bearer " + newEditorKey())
                .contentType("application/merge-patch+json")
                .body(Map.of("url", HOOK))
                .patch("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void aPatchChecksTheWholeFilterAsPostWouldEvenFieldsItDoesNotChange() {
        String key = newEditorKey();
        String official = asAdmin("officials", Map.of("name", "Gone " + Fixtures.unique(), "country", "RU"));
        String slug = "gone-" + Fixtures.unique();
        String topic = asAdmin("topics", Map.of("slug", slug, "name", slug));
        String id = subscribe(
                        key,
                        Map.of(
                                "url",
                                HOOK,
                                "events",
                                List.of("*"),
                                "filter",
                                Map.of("officialId", List.of(official), "topic", topic, "country", "RU")))
                .statusCode(201)
                .extract()
                .path("id");
        for (String gone : List.of("/api/v1/officials/" + official, "/api/v1/topics/" + topic)) {
            given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                    .delete(gone)
                    .then()
                    .statusCode(204);
        }

        // Only the url changes, but the subscription it would leave names records that are gone: 422 naming them.
        given().header("Authorization", "Bearer " + key)
                .contentType("application/merge-patch+json")
                .body(Map.of("url", "http://127.0.0.1:9/other"))
                .patch("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("filter.officialId[0]", "filter.topic"))
                .body("errors.find { it.field == 'filter.topic' }.message", containsString(topic));
        given().header("Authorization", "Bearer " + key)
                .get("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("url", equalTo(HOOK));
        // The same PATCH that drops them goes through, and keeps the rest of the filter.
        given().header("Authorization", "Bearer " + key)
                .contentType("application/merge-patch+json")
                .body("{\"url\": \"http://127.0.0.1:9/other\", \"filter\": {\"officialId\": null, \"topic\": null}}")
                .patch("/api/v1/subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("url", equalTo("http://127.0.0.1:9/other"))
                .body("filter.officialId", nullValue())
                .body("filter.topic", nullValue())
                .body("filter.country", equalTo("RU"));
    }

    @Test
    void oneKeyHasAtMostTheConfiguredNumberOfSubscriptions() {
        String key = newEditorKey();
        for (int i = 0; i < 20; i++) {
            subscribe(key, Map.of("url", HOOK, "events", List.of("*"))).statusCode(201);
        }
        subscribe(key, Map.of("url", HOOK, "events", List.of("*")))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("has 20 subscriptions"));
        subscribe(newEditorKey(), Map.of("url", HOOK, "events", List.of("*"))).statusCode(201);
    }

    @Test
    void concurrentCreatesDoNotPassTheCap() throws Exception {
        String key = newEditorKey();
        for (int i = 0; i < 15; i++) {
            subscribe(key, Map.of("url", HOOK, "events", List.of("*"))).statusCode(201);
        }
        // Twenty at once for the last five places.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", "Bearer " + key)
                            .contentType(ContentType.JSON)
                            .body(Map.of("url", HOOK, "events", List.of("*")))
                            .post("/api/v1/subscriptions")
                            .statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }
            org.junit.jupiter.api.Assertions.assertEquals(Map.of(201, 5, 409, 15), counts);
        } finally {
            pool.shutdownNow();
        }
        call(key, "GET", "?limit=100").statusCode(200).body("total", equalTo(20));
    }
}
