package org.demarche.key;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.demarche.TestKeys;
import org.demarche.key.KeyService.ConfiguredAdmin;
import org.junit.jupiter.api.Test;

/**
 * DEMARCHE_ADMIN_KEY works the same way on every start, whatever keys exist: an operator who lost the admin
 * key starts the app with a new one (what {@link FirstAdminKey} does at start, called here as a restart would).
 */
@QuarkusTest
class ConfiguredAdminKeyTest {

    @Inject
    KeyService keys;

    private static int createTopicWith(String key) {
        return given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "recovered-" + UUID.randomUUID(), "name", "Recovered"))
                .post("/api/v1/topics")
                .statusCode();
    }

    @Test
    void aNewConfiguredKeyIsStoredAlthoughKeysExistAndWorksOnEveryStart() {
        String recovered = "recovered-admin-key-" + UUID.randomUUID();
        assertEquals(401, createTopicWith(recovered));

        assertEquals(ConfiguredAdmin.STORED, keys.storeConfiguredAdmin("recovered admin", recovered));
        assertEquals(201, createTopicWith(recovered));

        assertEquals(ConfiguredAdmin.ALREADY_STORED, keys.storeConfiguredAdmin("recovered admin", recovered));
        assertEquals(201, createTopicWith(recovered));
        assertEquals(ConfiguredAdmin.ALREADY_STORED, keys.storeConfiguredAdmin("admin", TestKeys.ADMIN));
    }

    @Test
    void aRevokedConfiguredKeyStaysRevoked() {
        String revoked = "revoked-admin-key-" + UUID.randomUUID();
        keys.storeConfiguredAdmin("revoked admin", revoked);
        UUID id = ApiKey.activeByHash(KeySecrets.hash(revoked)).orElseThrow().id;
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .delete("/api/v1/keys/" + id)
                .then()
                .statusCode(204);

        assertEquals(ConfiguredAdmin.REVOKED, keys.storeConfiguredAdmin("revoked admin", revoked));
        assertEquals(401, createTopicWith(revoked));
    }
}
