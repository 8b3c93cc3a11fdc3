package org.demarche.key;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.TestKeys;
import org.junit.jupiter.api.Test;

/** Reads are public; every write needs a key of a sufficient role, and revoked keys stop at once. */
@QuarkusTest
class WriteAccessTest {

    private static final String ZERO = "00000000-0000-0000-0000-000000000000";

    /** Every write endpoint, as method and path; ids need not exist, as refusal comes first. */
    private static final List<String[]> WRITES = List.of(
            new String[] {"POST", "/api/v1/officials"},
            new String[] {"PUT", "/api/v1/officials/" + ZERO},
            new String[] {"PATCH", "/api/v1/officials/" + ZERO},
            new String[] {"DELETE", "/api/v1/officials/" + ZERO},
            new String[] {"POST", "/api/v1/topics"},
            new String[] {"PUT", "/api/v1/topics/" + ZERO},
            new String[] {"PATCH", "/api/v1/topics/" + ZERO},
            new String[] {"DELETE", "/api/v1/topics/" + ZERO},
            new String[] {"POST", "/api/v1/sources"},
            new String[] {"PUT", "/api/v1/sources/" + ZERO},
            new String[] {"PATCH", "/api/v1/sources/" + ZERO},
            new String[] {"DELETE", "/api/v1/sources/" + ZERO},
            new String[] {"POST", "/api/v1/events"},
            new String[] {"PUT", "/api/v1/events/" + ZERO},
            new String[] {"PATCH", "/api/v1/events/" + ZERO},
            new String[] {"DELETE", "/api/v1/events/" + ZERO},
            new String[] {"POST", "/api/v1/statements"},
            new String[] {"PUT", "/api/v1/statements/" + ZERO},
            new String[] {"PATCH", "/api/v1/statements/" + ZERO},
            new String[] {"DELETE", "/api/v1/statements/" + ZERO},
            new String[] {"POST", "/api/v1/positions"},
            new String[] {"PUT", "/api/v1/positions/" + ZERO},
            new String[] {"PATCH", "/api/v1/positions/" + ZERO},
            new String[] {"DELETE", "/api/v1/positions/" + ZERO},
            new String[] {"POST", "/api/v1/subscriptions"},
            new String[] {"DELETE", "/api/v1/subscriptions/" + ZERO},
            new String[] {"POST", "/api/v1/subscriptions/" + ZERO + "/secret"},
            new String[] {"POST", "/api/v1/subscriptions/" + ZERO + "/ping"},
            new String[] {"POST", "/api/v1/ingest/articles"},
            new String[] {"POST", "/api/v1/ingest/transcripts"});

    private static final List<String[]> ADMIN_CALLS = List.of(
            new String[] {"GET", "/api/v1/keys"},
            new String[] {"POST", "/api/v1/keys"},
            new String[] {"GET", "/api/v1/keys/" + ZERO},
            new String[] {"DELETE", "/api/v1/keys/" + ZERO},
            new String[] {"POST", "/api/v1/admin/backups"},
            new String[] {"GET", "/api/v1/admin/backups"},
            new String[] {"GET", "/api/v1/admin/backups/demarche-20261125T000000000Z.zip"},
            new String[] {"POST", "/api/v1/admin/search-index/rebuild"},
            new String[] {"GET", "/api/v1/admin/search-index"});

    private static String newKey(String role) {
        return given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", role + " " + Fixtures.unique(), "role", role))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .body("secret", startsWith("dmk_"))
                .extract()
                .path("secret");
    }

    /** Sends a write with a valid body shape, so that only the credentials can be at fault. */
    private static ValidatableResponse send(String authorization, String[] write) {
        RequestSpecification request = given().contentType(
                        write[0].equals("PATCH") ? "application/merge-patch+json" : "application/json")
                .body("{}");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.request(write[0], write[1]).then();
    }

    private static void refused(String authorization, String[] write, int status) {
        ValidatableResponse response = send(authorization, write);
        assertEquals(status, response.extract().statusCode(), write[0] + " " + write[1]);
        response.contentType("application/problem+json");
    }

    @Test
    void everyWriteWithoutAKeyIs401WithAChallenge() {
        for (String[] write : WRITES) {
            refused(null, write, 401);
            send(null, write).header("WWW-Authenticate", startsWith("Bearer"));
        }
    }

    @Test
    void everyWriteWithAnUnknownOrMalformedKeyIs401() {
        for (String[] write : WRITES) {
            refused("Bearer dmk_not-a-key", write, 401);
            refused("Basic dXNlcjpwYXNz", write, 401);
            refused("Bearer " + TestKeys.ADMIN + " " + TestKeys.ADMIN, write, 401);
        }
    }

    @Test
    void theSchemeIsCaseInsensitiveAndAnyWhitespaceSeparatesTheKey() {
        for (String authorization : List.of(
                "bearer " + TestKeys.ADMIN,
                "BEARER  " + TestKeys.ADMIN,
                "Bearer\t" + TestKeys.ADMIN,
                "Bearer " + TestKeys.ADMIN + "  ")) {
            given().header("Authorization", authorization)
                    .get("/api/v1/keys?limit=1")
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void everyWriteWithARevokedKeyIs401() {
        String editor = newKey("editor");
        String id = given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .get("/api/v1/keys?limit=200")
                .then()
                .extract()
                .path("items.find { it.secretPrefix == '" + editor.substring(0, 10) + "' }.id");
        given().header("Authorization", "Bearer " + editor)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Before revocation", "country", "RU"))
                .post("/api/v1/officials")
                .then()
                .statusCode(201);
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .delete("/api/v1/keys/" + id)
                .then()
                .statusCode(204);
        for (String[] write : WRITES) {
            refused("Bearer " + editor, write, 401);
        }
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .get("/api/v1/keys/" + id)
                .then()
                .body("revokedAt", not(nullValue()));
    }

    @Test
    void anEditorKeyWritesDataButCannotManageKeys() {
        String editor = newKey("editor");
        given().header("Authorization", "Bearer " + editor)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Written by an editor", "country", "RU"))
                .post("/api/v1/officials")
                .then()
                .statusCode(201);
        for (String[] call : ADMIN_CALLS) {
            given().header("Authorization", "Bearer " + editor)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "x", "role", "admin"))
                    .request(call[0], call[1])
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void readsNeedNoKeyAndIgnoreABadOne() {
        given().get("/api/v1/officials").then().statusCode(200);
        given().header("Authorization", "Bearer dmk_wrong")
                .get("/api/v1/statements")
                .then()
                .statusCode(200);
    }

    @Test
    void keyListingsNeverShowTheSecret() {
        String editor = newKey("editor");
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .get("/api/v1/keys?limit=200")
                .then()
                .statusCode(200)
                .body("items[0]", not(hasKey("secret")))
                .body("items.find { it.secretPrefix == '" + editor.substring(0, 10) + "' }.role", equalTo("editor"))
                .body(not(org.hamcrest.Matchers.containsString(editor)));
    }

    @Test
    void theLastActiveAdminKeyCannotBeRevoked() {
        List<Map<String, Object>> keys = given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .get("/api/v1/keys?limit=200")
                .then()
                .extract()
                .path("items");
        String prefix = KeySecrets.visiblePrefix(TestKeys.ADMIN);
        String ours = null;
        for (Map<String, Object> key : keys) {
            if (!"admin".equals(key.get("role")) || key.get("revokedAt") != null) {
                continue;
            }
            if (prefix.equals(key.get("secretPrefix"))) {
                ours = (String) key.get("id");
            } else {
                given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                        .delete("/api/v1/keys/" + key.get("id"))
                        .then()
                        .statusCode(204);
            }
        }
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .delete("/api/v1/keys/" + ours)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void keyRequestsAreValidated() {
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "", "role", "owner"))
                .post("/api/v1/keys")
                .then()
                .statusCode(422);
        given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(Map.of("name", ""))
                .post("/api/v1/keys")
                .then()
                .statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "role"));
    }
}
