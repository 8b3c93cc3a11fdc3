package org.demarche.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deliveries reach a real receiver on 127.0.0.1: the changes a subscription wants, signed, once each when
 * taken, retried when not, in commit order, logged; a subscription failing too long is disabled (10 s in
 * tests, retries from 200 ms) and can be enabled again.
 */
@QuarkusTest
@SendsAdminKey
class DeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookFollower follower;

    private static Receiver receiver;

    @BeforeAll
    static void start() throws Exception {
        receiver = new Receiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @AfterEach
    void unsubscribe() throws InterruptedException {
        QuarkusTransaction.requiringNew().run(() -> Subscription.deleteAll());
        receiver.down = false;
        // Anything still under way when the subscriptions went arrives now or never.
        while (receiver.poll(300) != null) {
            // dropped
        }
    }

    private static ValidatableResponse subscribe(String path, List<String> events, Map<String, ?> filter) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", receiver.url(path), "events", events));
        if (filter != null) {
            body.put("filter", filter);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
    }

    private static String statement(String official) {
        return Fixtures.statement(official, "2026-11-20", List.of(), List.of(Fixtures.source("TASS")));
    }

    private static JsonNode body(Receiver.Received received) throws Exception {
        return JSON.readTree(received.body());
    }

    /** The log, newest first, waiting until no delivery is pending (at most 20 s). */
    private static JsonPath settledLog(String subscription) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            JsonPath log = given().get("/api/v1/subscriptions/" + subscription + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (!log.getList("items.status").contains("pending") || System.nanoTime() > deadline) {
                return log;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aWantedChangeArrivesSignedWithItsRecordAndIsLogged() throws Exception {
        String official = Fixtures.official("Wanted " + Fixtures.unique(), "RU");
        String other = Fixtures.official("Other " + Fixtures.unique(), "RU");
        ValidatableResponse created =
                subscribe("/ok", List.of("statement.created"), Map.of("officialId", List.of(official)));
        String subscription = created.extract().path("id");
        String secret = created.extract().path("secret");

        statement(other);
        String statement = statement(official);

        Receiver.Received delivery = receiver.next();
        assertEquals("statement.created", delivery.headers().get("Demarche-Event"));
        JsonNode body = body(delivery);
        assertEquals(delivery.headers().get("Demarche-Delivery"), body.get("id").asText());
        assertEquals("statement.created", body.get("type").asText());
        assertEquals(subscription, body.get("subscriptionId").asText());
        assertEquals("statement", body.get("recordType").asText());
        assertEquals(statement, body.get("recordId").asText());
        assertEquals(statement, body.get("record").get("id").asText());
        assertEquals(official, body.get("record").get("officialId").asText());
        assertTrue(body.get("revision").asLong() > 0);
        assertTrue(body.hasNonNull("createdAt"));
        assertTrue(body.get("changedBy").get("name").asText().startsWith("admin"), body.toString());
        assertEquals(
                1,
                PingTest.validSignatures(delivery.headers().get("Demarche-Signature"), delivery.body(), secret)
                        .size());
        assertNull(receiver.poll(500), "the other official's statement was not sent");

        JsonPath log = settledLog(subscription);
        assertEquals(List.of("delivered"), log.getList("items.status"));
        assertEquals(List.of(1), log.getList("items.attempts"));
        assertEquals(List.of(204), log.getList("items.responseCode"));
        assertEquals(List.of(body.get("id").asText()), log.getList("items.id"));
        assertNull(log.get("items[0].body"), "lists carry no bodies");
        given().get("/api/v1/subscriptions/" + subscription + "/deliveries/"
                        + body.get("id").asText())
                .then()
                .statusCode(200)
                .body("event", equalTo("statement.created"))
                .body("recordId", equalTo(statement))
                .body("deliveredAt", notNullValue())
                .body("nextAttemptAt", nullValue())
                .body("body.record.id", equalTo(statement));
        String logged = given().get("/api/v1/subscriptions/" + subscription + "/deliveries/"
                        + body.get("id").asText())
                .then()
                .extract()
                .asString();
        assertEquals(body, JSON.readTree(logged).get("body"), "the log shows the body that was sent");
    }

    @Test
    void updatesCarryTheFieldsThatChangedAndDeletionsATombstone() throws Exception {
        String official = Fixtures.official("Changing " + Fixtures.unique(), "FR");
        String statement = statement(official);
        subscribe("/ok", List.of("statement.updated", "statement.deleted"), Map.of("country", "FR"));

        given().contentType("application/merge-patch+json")
                .body(Map.of("venue", "Quai d'Orsay"))
                .patch("/api/v1/statements/" + statement)
                .then()
                .statusCode(200);
        JsonNode updated = body(receiver.next());
        assertEquals("statement.updated", updated.get("type").asText());
        assertEquals("Quai d'Orsay", updated.get("record").get("venue").asText());
        assertEquals(1, updated.get("changes").size(), updated.toString());
        assertEquals("venue", updated.get("changes").get(0).get("field").asText());
        assertTrue(updated.get("changes").get(0).get("before").isNull());
        assertEquals("Quai d'Orsay", updated.get("changes").get(0).get("after").asText());

        given().delete("/api/v1/statements/" + statement).then().statusCode(204);
        JsonNode deleted = body(receiver.next());
        assertEquals("statement.deleted", deleted.get("type").asText());
        assertEquals(statement, deleted.get("recordId").asText());
        assertTrue(deleted.get("record").isNull(), "a tombstone, matched on the record as it was");
    }

    @Test
    void aStanceWatchHearsAPositionOpenAndClose() throws Exception {
        String official = Fixtures.official("Stance " + Fixtures.unique(), "DE");
        String parent = Fixtures.topic("watched-" + Fixtures.unique(), null);
        String child = Fixtures.topic("nested-" + Fixtures.unique(), parent);
        subscribe(
                "/ok",
                List.of("position.opened", "position.closed"),
                Map.of("officialId", List.of(official), "topic", parent));

        String position = Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", child, "stance", "opposes", "validFrom", "2026-01"));
        JsonNode opened = body(receiver.next());
        assertEquals("position.opened", opened.get("type").asText());
        assertEquals(position, opened.get("recordId").asText());

        given().contentType("application/merge-patch+json")
                .body(Map.of("label", "Firmly"))
                .patch("/api/v1/positions/" + position)
                .then()
                .statusCode(200);
        given().contentType("application/merge-patch+json")
                .body(Map.of("validTo", "2026-10"))
                .patch("/api/v1/positions/" + position)
                .then()
                .statusCode(200);
        JsonNode closed = body(receiver.next());
        assertEquals("position.closed", closed.get("type").asText(), "the label change is not a stance event");
        assertEquals("2026-10", closed.get("record").get("validTo").asText());
    }

    @Test
    void aSavedSearchGetsTheStatementsTheListWouldFind() throws Exception {
        String russian = Fixtures.official("Searcher " + Fixtures.unique(), "RU");
        String french = Fixtures.official("Chercheur " + Fixtures.unique(), "FR");
        String source = Fixtures.source("Interfax");
        String subscription = subscribe(
                        "/ok",
                        List.of("statement.created"),
                        Map.of("q", "ceasefire -truce", "country", "RU", "from", "2026-01"))
                .extract()
                .path("id");
        List<String> wanted = new ArrayList<>();
        wanted.add(said(russian, source, "We call for a ceasefire now", "2026-11-02"));
        said(russian, source, "A ceasefire is no truce", "2026-11-03");
        said(french, source, "We call for a ceasefire too", "2026-11-04");
        said(russian, source, "The ceasefire talks of last year", "2025-12-30");
        wanted.add(said(russian, source, "Ceasefires were agreed", "2026-11-05"));

        Set<String> arrived = new LinkedHashSet<>();
        while (arrived.size() < 2) {
            arrived.add(body(receiver.next()).get("recordId").asText());
        }
        assertEquals(wanted, List.copyOf(arrived));
        assertNull(receiver.poll(500));
        given().queryParams(Map.of("q", "ceasefire -truce", "country", "RU", "from", "2026-01", "officialId", russian))
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(wanted.toArray()));
        assertEquals(2, settledLog(subscription).getList("items").size());
    }

    @Test
    void aSubscriptionToAnEventGetsTheStatementsMadeThere() throws Exception {
        String official = Fixtures.official("Briefer " + Fixtures.unique(), "RU");
        String event = Fixtures.create(
                "events",
                Map.of("kind", "briefing", "title", "Watched briefing " + Fixtures.unique(), "heldOn", "2026"));
        subscribe("/ok", List.of("statement.created"), Map.of("eventId", event))
                .body("filter.eventId", org.hamcrest.Matchers.equalTo(event));
        Fixtures.statement(official, "2026-11-06", List.of(), List.of());
        String atTheBriefing = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "Said at the briefing",
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2026-11-06",
                        "eventId",
                        event,
                        "eventOrder",
                        1));
        assertEquals(atTheBriefing, body(receiver.next()).get("recordId").asText());
        assertNull(receiver.poll(500));
    }

    @Test
    void aWatchOnAnOfficialGetsTheJointStatementsItSigned() throws Exception {
        String russia = Fixtures.official("Joint host " + Fixtures.unique(), "RU");
        String china = Fixtures.official("Joint signer " + Fixtures.unique(), "CN");
        subscribe("/ok", List.of("statement.created"), Map.of("officialId", List.of(china)));
        Fixtures.statement(russia, "2026-11-07", List.of(), List.of());
        String joint = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        russia,
                        "signatoryIds",
                        List.of(china),
                        "text",
                        "Said together",
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2026-11-07"));
        JsonNode delivered = body(receiver.next());
        assertEquals(joint, delivered.get("recordId").asText());
        assertEquals(china, delivered.get("record").get("signatoryIds").get(0).asText());
        assertNull(receiver.poll(500));
    }

    @Test
    void anUpdateThatTakesAStatementOutOfASavedSearchIsToldToo() throws Exception {
        String official = Fixtures.official("Leaving " + Fixtures.unique(), "NO");
        String statement = said(official, Fixtures.source("NRK"), "A ceasefire is near", "2026-11-10");
        subscribe("/ok", List.of("statement.updated"), Map.of("q", "ceasefire", "officialId", List.of(official)));

        patchText(statement, "Grain exports resumed");
        JsonNode left = body(receiver.next());
        assertEquals("Grain exports resumed", left.get("record").get("text").asText());
        assertEquals("text", left.get("changes").get(0).get("field").asText());
        patchText(statement, "Grain exports grew");
        assertNull(receiver.poll(1_000), "a statement outside the search before and after is not sent");
    }

    private static void patchText(String statement, String text) {
        given().contentType("application/merge-patch+json")
                .body(Map.of("text", text))
                .patch("/api/v1/statements/" + statement)
                .then()
                .statusCode(200);
    }

    private static String said(String official, String source, String text, String statedOn) {
        return Fixtures.create(
                "statements",
                Map.of(
                        "officialId", official,
                        "text", text,
                        "quoteType", "direct_quote",
                        "statedOn", statedOn,
                        "sourceIds", List.of(source)));
    }

    @Test
    void aFailingReceiverIsRetriedWithTheSameDeliveryAndGetsChangesInCommitOrder() throws Exception {
        String official = Fixtures.official("Ordered " + Fixtures.unique(), "GB");
        String subscription = subscribe("/down", List.of("statement.created"), Map.of("officialId", List.of(official)))
                .extract()
                .path("id");
        receiver.down = true;
        List<String> committed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            committed.add(statement(official));
        }
        // While down, only the oldest is tried: again and again, with the same id.
        Receiver.Received first = receiver.next();
        Receiver.Received again = receiver.next();
        assertEquals(first.headers().get("Demarche-Delivery"), again.headers().get("Demarche-Delivery"));
        assertEquals(committed.get(0), body(again).get("recordId").asText());
        assertEquals(first.body(), again.body(), "the same bytes on every attempt");
        receiver.down = false;

        Set<String> arrived = new LinkedHashSet<>();
        while (arrived.size() < 5) {
            Receiver.Received next = receiver.next();
            arrived.add(body(next).get("recordId").asText());
            if (next.headers().get("Demarche-Delivery").equals(first.headers().get("Demarche-Delivery"))) {
                assertEquals(first.body(), next.body(), "the same bytes when delivered at last");
            }
        }
        assertEquals(committed, List.copyOf(arrived));
        JsonPath log = settledLog(subscription);
        assertEquals(
                List.of("delivered", "delivered", "delivered", "delivered", "delivered"), log.getList("items.status"));
        assertTrue(log.getInt("items[4].attempts") >= 2, log.prettify());
        assertEquals(204, log.getInt("items[4].responseCode"));
    }

    /** The ERROR lines logged by this class's logger while {@code during} runs, formatted. */
    private static List<String> errorsOf(Class<?> logging, ThrowingRunnable during) throws Exception {
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (logging.getName().equals(record.getLoggerName())
                        && record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(((ExtLogRecord) record).getFormattedMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            during.run();
        } finally {
            root.removeHandler(capture);
        }
        return errors;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aChangeThatCannotBePlannedIsSkippedWithAnErrorAndTheRestIsDelivered() throws Exception {
        // Filters no request can make (the API refuses them): one fails as an official is matched against it,
        // one cannot even be read, one names its topic by something other than an id.
        String failing =
                subscribe("/fail", List.of("official.created"), null).extract().path("id");
        String unreadable =
                subscribe("/fail", List.of("official.created"), null).extract().path("id");
        String badTopic =
                subscribe("/fail", List.of("official.created"), null).extract().path("id");
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription.<Subscription>findById(UUID.fromString(failing)).filter = "{\"officialId\": [null]}";
            Subscription.<Subscription>findById(UUID.fromString(unreadable)).filter = "{\"officialId\": ";
            Subscription.<Subscription>findById(UUID.fromString(badTopic)).filter = "{\"topic\": \"a-slug\"}";
        });
        String healthy =
                subscribe("/ok", List.of("official.created"), null).extract().path("id");
        List<String> officials = new ArrayList<>();
        List<String> errors = errorsOf(DeliveryPlanner.class, () -> {
            officials.add(Fixtures.official("Poisoned " + Fixtures.unique(), "CZ"));
            Receiver.Received first = receiver.next();
            assertEquals("/ok", first.path());
            assertEquals(officials.get(0), body(first).get("recordId").asText());
            // And the planner has moved on.
            officials.add(Fixtures.official("After " + Fixtures.unique(), "CZ"));
            Receiver.Received second = receiver.next();
            assertEquals("/ok", second.path());
            assertEquals(officials.get(1), body(second).get("recordId").asText());
            assertNull(receiver.poll(500), "nothing for the broken subscriptions");
        });
        assertTrue(
                errors.stream()
                        .anyMatch(e -> e.matches("Revision \\d+, official " + officials.get(0)
                                + ": not delivered to subscription " + failing + "; planning it failed")),
                errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(unreadable)), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains(badTopic)), errors.toString());
        assertEquals(2, settledLog(healthy).getList("items").size());
    }

    @Test
    void aSlowReceiverDoesNotDelayTheOthers() throws Exception {
        String official = Fixtures.official("Slow " + Fixtures.unique(), "PL");
        Map<String, List<String>> filter = Map.of("officialId", List.of(official));
        subscribe("/slow", List.of("statement.created"), filter); // answers after 3 s
        subscribe("/ok", List.of("statement.created"), filter);
        statement(official);
        statement(official);

        List<String> paths = new ArrayList<>();
        long started = System.nanoTime();
        while (paths.stream().filter("/ok"::equals).count() < 2) {
            paths.add(receiver.next().path());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2_500, "both fast deliveries arrived while the slow one was held: " + millis + " ms");
        assertEquals(1, paths.stream().filter("/slow"::equals).count(), paths.toString());
    }

    @Test
    void aSubscriptionFailingTooLongIsDisabledAndCanBeEnabledAgain() throws Exception {
        String official = Fixtures.official("Disabled " + Fixtures.unique(), "IT");
        String subscription = subscribe("/down", List.of("*"), Map.of("officialId", List.of(official)))
                .extract()
                .path("id");
        receiver.down = true;
        String before = statement(official);

        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonPath read;
        do {
            Thread.sleep(100);
            read = given().get("/api/v1/subscriptions/" + subscription)
                    .then()
                    .extract()
                    .jsonPath();
        } while (read.get("disabledAt") == null && System.nanoTime() < deadline);
        assertTrue(read.getString("disabledReason").contains("answered 503"), read.prettify());

        statement(official); // not planned while disabled
        receiver.down = false;
        while (receiver.poll(500) != null) {
            // the attempts made before it was disabled
        }
        given().post("/api/v1/subscriptions/" + subscription + "/enable")
                .then()
                .statusCode(200)
                .body("disabledAt", nullValue())
                .body("disabledReason", nullValue());
        assertEquals(before, body(receiver.next()).get("recordId").asText());
        assertNull(receiver.poll(1000), "the change made while disabled is not sent");
        JsonPath log = settledLog(subscription);
        assertEquals(List.of("delivered"), log.getList("items.status"));
    }

    @Test
    void redeliveringDoesNotPutOffDisablingAFailingSubscription() throws Exception {
        String official = Fixtures.official("Dodging " + Fixtures.unique(), "PT");
        String subscription = subscribe("/down", List.of("statement.created"), Map.of("officialId", List.of(official)))
                .extract()
                .path("id");
        statement(official);
        String delivered = receiver.next().headers().get("Demarche-Delivery");
        settledLog(subscription);
        receiver.down = true;
        statement(official);
        String failing = receiver.next().headers().get("Demarche-Delivery");
        String deliveries = "/api/v1/subscriptions/" + subscription + "/deliveries/";
        // The receiver has the request before the sender records its answer: wait for the record.
        String firstAttemptAt = null;
        for (long until = System.nanoTime() + 10_000_000_000L; firstAttemptAt == null && System.nanoTime() < until; ) {
            firstAttemptAt = given().get(deliveries + failing).then().extract().path("firstAttemptAt");
            if (firstAttemptAt == null) {
                Thread.sleep(50);
            }
        }
        java.time.Instant firstFailure = java.time.Instant.parse(firstAttemptAt);

        // Well within the 10 s the tests allow, the failing head is sent again, then the delivered one is sent
        // again in front of it: neither starts the count of failures again.
        Thread.sleep(4_000);
        given().post(deliveries + failing + "/redeliver").then().statusCode(202);
        Thread.sleep(2_000);
        given().post(deliveries + delivered + "/redeliver").then().statusCode(202);

        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonPath read;
        do {
            Thread.sleep(100);
            read = given().get("/api/v1/subscriptions/" + subscription)
                    .then()
                    .extract()
                    .jsonPath();
        } while (read.get("disabledAt") == null && System.nanoTime() < deadline);
        java.time.Instant disabledAt = java.time.Instant.parse(read.getString("disabledAt"));
        long afterMillis = java.time.Duration.between(firstFailure, disabledAt).toMillis();
        // 10 s, and at most one retry wait (1 s in tests) and a turn of the follower more.
        assertTrue(
                afterMillis >= 10_000 && afterMillis < 12_500,
                "disabled " + afterMillis + " ms after the first failure");
        assertTrue(read.getString("disabledReason").contains("since " + firstFailure), read.prettify());
    }

    @Test
    void aDeliveryCanBeSentAgainAndTheLogIsItsOwners() throws Exception {
        String official = Fixtures.official("Again " + Fixtures.unique(), "ES");
        String subscription = subscribe("/ok", List.of("statement.created"), Map.of("officialId", List.of(official)))
                .extract()
                .path("id");
        statement(official);
        String id = receiver.next().headers().get("Demarche-Delivery");
        settledLog(subscription);

        given().post("/api/v1/subscriptions/" + subscription + "/deliveries/" + id + "/redeliver")
                .then()
                .statusCode(202)
                .contentType(containsString("application/json"))
                .body("status", equalTo("pending"));
        assertEquals(id, receiver.next().headers().get("Demarche-Delivery"));
        assertEquals(List.of(1), settledLog(subscription).getList("items.attempts"));

        given().get("/api/v1/subscriptions/" + subscription + "/deliveries?status=pending")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().get("/api/v1/subscriptions/" + subscription + "/deliveries?status=lost")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        String stranger = given().contentType(ContentType.JSON)
                .body(Map.of("name", "stranger " + Fixtures.unique(), "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        for (String path : List.of("/deliveries", "/deliveries/" + id)) {
            given().header("Authorization", "Bearer " + stranger)
                    .get("/api/v1/subscriptions/" + subscription + path)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
        given().header("Authorization", "Bearer " + stranger)
                .post("/api/v1/subscriptions/" + subscription + "/deliveries/" + id + "/redeliver")
                .then()
                .statusCode(404);
        given().get("/api/v1/subscriptions/" + subscription + "/deliveries/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void deletingASubscriptionDropsTheBodiesOnlyItsDeliveriesHad() throws Exception {
        String official = Fixtures.official("Shared " + Fixtures.unique(), "NO");
        Map<String, ?> filter = Map.of("officialId", List.of(official));
        subscribe("/ok", List.of("statement.created"), filter);
        String alone = subscribe("/ok", List.of("statement.created", "statement.updated"), filter)
                .extract()
                .path("id");
        String statement = statement(official);
        given().contentType("application/merge-patch+json")
                .body(Map.of("venue", "Oslo"))
                .patch("/api/v1/statements/" + statement)
                .then()
                .statusCode(200);
        for (int i = 0; i < 3; i++) {
            receiver.next();
        }
        List<UUID> bodies = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.getEntityManager()
                        .createQuery(
                                "select d.body.id from Delivery d where d.subscriptionId = :s order by d.sequence",
                                UUID.class)
                        .setParameter("s", UUID.fromString(alone))
                        .getResultList());
        assertEquals(2, bodies.size());

        given().delete("/api/v1/subscriptions/" + alone).then().statusCode(204);

        List<UUID> left = QuarkusTransaction.requiringNew()
                .call(() -> DeliveryBody.<DeliveryBody>list("id in ?1", bodies).stream()
                        .map(b -> b.id)
                        .toList());
        assertEquals(List.of(bodies.get(0)), left, "the creation's body, the other subscription's too, stays");
    }

    @Test
    void theLogIsPrunedInBatchesOfDeliveredEntriesOnly() {
        String subscription = subscribe("/ok", List.of("statement.created"), Map.of("country", "AQ"))
                .extract()
                .path("id");
        UUID subscriptionId = UUID.fromString(subscription);
        List<UUID> bodies = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            DeliveryBody body = null;
            for (int i = 0; i < 253; i++) {
                // Two deliveries a body, as a change two subscriptions get: 249 (old) shares its body with 250 (new).
                if (i % 2 == 1 || i == 0) {
                    body = new DeliveryBody();
                    body.id = UUID.randomUUID();
                    body.createdAt = "2026-12-05T00:00:00Z";
                    body.rest = "\"revision\":" + i + "}";
                    body.persist();
                    bodies.add(body.id);
                }
                Delivery delivery = new Delivery();
                delivery.id = UUID.randomUUID();
                delivery.subscriptionId = subscriptionId;
                delivery.event = "statement.created";
                delivery.revision = i;
                // 250 old delivered entries, 2 new ones, and an old one still pending (queued behind no head).
                delivery.recordType = i < 250 ? "old" : i < 252 ? "new" : "pending";
                delivery.recordId = UUID.randomUUID();
                delivery.body = body;
                delivery.status = i < 252 ? DeliveryStatus.delivered : DeliveryStatus.pending;
                delivery.persist();
            }
        });
        java.time.Instant now = java.time.Instant.now();
        QuarkusTransaction.requiringNew()
                .run(() -> Delivery.getEntityManager()
                        .createNativeQuery("update delivery set updated_at = ?1 where subscription_id = ?2"
                                + " and record_type <> 'new'")
                        .setParameter(
                                1, now.minus(java.time.Duration.ofHours(2)).atOffset(java.time.ZoneOffset.UTC))
                        .setParameter(2, subscriptionId)
                        .executeUpdate());

        java.time.Instant cutoff = now.minus(java.time.Duration.ofHours(1));
        List<Integer> batches = new ArrayList<>();
        int dropped;
        do {
            dropped = follower.pruneBatch(cutoff, 100);
            batches.add(dropped);
        } while (dropped > 0);
        assertEquals(List.of(100, 100, 50, 0), batches, "each batch a transaction of at most 100");
        List<String> left = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>list("subscriptionId", subscriptionId).stream()
                        .map(d -> d.recordType)
                        .sorted()
                        .toList());
        assertEquals(List.of("new", "new", "pending"), left);
        long bodiesLeft = QuarkusTransaction.requiringNew().call(() -> DeliveryBody.count("id in ?1", bodies));
        assertEquals(2, bodiesLeft, "the bodies of the entries left stay (one shared with a pruned entry), no other");
        long withoutBody = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count(
                        "subscriptionId = ?1 and not exists (select 1 from DeliveryBody b where b = body)",
                        subscriptionId));
        assertEquals(0, withoutBody);
    }
}
