package org.demarche.subscription;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One API key's slow receivers hold its share of the senders (half, by default) and, while nothing else is
 * due, more, but never the eighth (at least one) kept for other keys, so another key's deliveries go out
 * meanwhile: here 4 senders, one key with 4 subscriptions answering after 3 s.
 */
@QuarkusTest
@SendsAdminKey
@TestProfile(SenderShareTest.FourSenders.class)
class SenderShareTest {

    public static class FourSenders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("demarche.webhooks.senders", "4");
        }
    }

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
    void unsubscribe() {
        QuarkusTransaction.requiringNew().run(() -> Subscription.deleteAll());
    }

    private static void subscribe(String key, String path, String official) {
        given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "url",
                        receiver.url(path),
                        "events",
                        List.of("statement.created"),
                        "filter",
                        Map.of("officialId", List.of(official))))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
    }

    @Test
    void oneKeysSlowReceiversLeaveSendersToTheOtherKeys() throws Exception {
        String slowKey = given().contentType(ContentType.JSON)
                .body(Map.of("name", "slow receivers " + Fixtures.unique(), "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        String slowOfficial = Fixtures.official("Slowly heard " + Fixtures.unique(), "AT");
        String quickOfficial = Fixtures.official("Quickly heard " + Fixtures.unique(), "AT");
        for (int i = 0; i < 4; i++) {
            subscribe(slowKey, "/slow", slowOfficial);
        }
        subscribe(org.demarche.TestKeys.ADMIN, "/ok", quickOfficial);

        Fixtures.statement(slowOfficial, "2026-11-20", List.of(), List.of(Fixtures.source("ORF")));
        // The slow key's deliveries are under way (as many as it may have) before the other key's is due.
        List<String> paths = new ArrayList<>();
        paths.add(receiver.next().path());
        Thread.sleep(500);
        Fixtures.statement(quickOfficial, "2026-11-20", List.of(), List.of(Fixtures.source("ORF")));
        long committed = System.nanoTime();
        while (!paths.contains("/ok")) {
            paths.add(receiver.next().path());
        }
        long millis = (System.nanoTime() - committed) / 1_000_000;
        assertTrue(
                millis < 2_000, "the other key's delivery went out while the slow ones were held: " + millis + " ms");
        assertEquals(
                List.of("/slow", "/slow", "/slow", "/ok"),
                paths,
                "three of the four senders for the slow key (its half, and one more as nothing else was due),"
                        + " the last one free for the other key");
    }
}
