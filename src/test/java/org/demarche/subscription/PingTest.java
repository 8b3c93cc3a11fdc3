package org.demarche.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A ping reaches a real receiver, signed so the receiver can check it with nothing but the secret. */
@QuarkusTest
@SendsAdminKey
class PingTest {

    /** Subscriptions left behind would be sent the changes later tests make. */
    @AfterEach
    void unsubscribe() {
        QuarkusTransaction.requiringNew().run(() -> Subscription.deleteAll());
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

    private static ValidatableResponse subscribe(String url) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("*")))
                .post("/api/v1/subscriptions")
                .then()
                .statusCode(201);
    }

    private static ValidatableResponse ping(String id) {
        return given().post("/api/v1/subscriptions/" + id + "/ping").then().statusCode(200);
    }

    /** What a receiver does, written from the documentation alone: recompute each v1 and compare. */
    static List<String> validSignatures(String header, String body, String secret) throws Exception {
        String t = null;
        List<String> v1 = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair[0].equals("t")) {
                t = pair[1];
            } else if (pair[0].equals("v1")) {
                v1.add(pair[1]);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t)) < 60, "t is now: " + t);
        return v1.stream().filter(expected::equals).toList();
    }

    @Test
    void aPingIsSignedWithTheSecretAndCarriesItsDeliveryId() throws Exception {
        ValidatableResponse created = subscribe(receiver.url("/ok"));
        String id = created.extract().path("id");
        String secret = created.extract().path("secret");

        ValidatableResponse answer = ping(id).body("delivered", equalTo(true))
                .body("responseCode", equalTo(204))
                .body("error", nullValue());
        String deliveryId = answer.extract().path("deliveryId");

        Receiver.Received ping = receiver.next();
        assertEquals("/ok", ping.path());
        assertEquals("application/json", ping.headers().get("Content-Type"));
        assertEquals("ping", ping.headers().get("Demarche-Event"));
        assertEquals(deliveryId, ping.headers().get("Demarche-Delivery"));
        JsonNode body = new ObjectMapper().readTree(ping.body());
        assertEquals(deliveryId, body.get("id").asText());
        assertEquals("ping", body.get("type").asText());
        assertEquals(id, body.get("subscriptionId").asText());
        assertTrue(body.hasNonNull("createdAt"));
        assertEquals(
                1,
                validSignatures(ping.headers().get("Demarche-Signature"), ping.body(), secret)
                        .size());
        assertEquals(
                0,
                validSignatures(ping.headers().get("Demarche-Signature"), ping.body(), "whsec_wrong")
                        .size());
    }

    @Test
    void afterARotationBothSecretsSign() throws Exception {
        ValidatableResponse created = subscribe(receiver.url("/ok"));
        String id = created.extract().path("id");
        String old = created.extract().path("secret");
        String fresh = given().post("/api/v1/subscriptions/" + id + "/secret")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");

        ping(id).body("delivered", equalTo(true));
        Receiver.Received ping = receiver.next();
        String header = ping.headers().get("Demarche-Signature");
        assertEquals(3, header.split(",").length, header);
        assertEquals(1, validSignatures(header, ping.body(), fresh).size());
        assertEquals(1, validSignatures(header, ping.body(), old).size());
        assertTrue(header.indexOf(validSignatures(header, ping.body(), fresh).get(0))
                < header.indexOf(validSignatures(header, ping.body(), old).get(0)));
    }

    @Test
    void failuresAreReportedNotThrown() throws Exception {
        ping(subscribe(receiver.url("/fail")).extract().path("id"))
                .body("delivered", equalTo(false))
                .body("responseCode", equalTo(500));
        receiver.next();

        ping(subscribe(receiver.url("/moved")).extract().path("id"))
                .body("delivered", equalTo(false))
                .body("responseCode", equalTo(302));
        assertEquals("/moved", receiver.next().path());

        ping(subscribe(receiver.url("/slow")).extract().path("id"))
                .body("delivered", equalTo(false))
                .body("responseCode", nullValue())
                .body("error", containsString("no answer within 2 s"));
        receiver.next();

        // Nothing listens on port 9 (discard) of 127.0.0.1 here.
        ping(subscribe("http://127.0.0.1:9/hook").extract().path("id"))
                .body("delivered", equalTo(false))
                .body("error", containsString("could not connect"));
        Thread.sleep(200);
        assertTrue(receiver.isEmpty(), "the redirect was not followed");
    }

    @Test
    void anotherKeysSubscriptionCannotBePinged() {
        String id = subscribe(receiver.url("/ok")).extract().path("id");
        String editor = given().contentType(ContentType.JSON)
                .body(Map.of("name", "pinger", "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        given().header("Authorization", "Bearer " + editor)
                .post("/api/v1/subscriptions/" + id + "/ping")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
