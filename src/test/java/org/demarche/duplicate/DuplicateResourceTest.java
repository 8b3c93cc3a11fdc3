package org.demarche.duplicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * The duplicates report shows what the migrations found (which is pinned by {@link DuplicateMigrationTest}),
 * to admin keys only.
 */
@QuarkusTest
@SendsAdminKey
class DuplicateResourceTest {

    @Inject
    EntityManager db;

    @Test
    void anAdminKeyReadsWhatTheMigrationsFound() {
        String duplicate = UUID.randomUUID().toString();
        String original = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew()
                .run(() -> db.createNativeQuery("insert into duplicate_record (resource, record_id,"
                                + " duplicate_of, reason, found_by) values ('source', cast(?1 as uuid), cast(?2 as uuid), 'same canonical URL"
                                + " https://caliber.az/', 'V8')")
                        .setParameter(1, duplicate)
                        .setParameter(2, original)
                        .executeUpdate());
        try {
            given().get("/api/v1/admin/duplicates")
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].resource", equalTo("source"))
                    .body("items[0].id", equalTo(duplicate))
                    .body("items[0].duplicateOf", equalTo(original))
                    .body("items[0].reason", equalTo("same canonical URL https://caliber.az/"))
                    .body("items[0].foundBy", equalTo("V8"));
        } finally {
            QuarkusTransaction.requiringNew()
                    .run(() ->
                            db.createNativeQuery("delete from duplicate_record").executeUpdate());
        }
    }

    @Test
    void onlyAnAdminKeyReadsTheReport() {
        String editor = given().contentType("application/json")
                .body(Map.of("name", "editor " + Fixtures.unique(), "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
        given().header("Authorization", "Bearer " + editor)
                .get("/api/v1/admin/duplicates")
                .then()
                .statusCode(403);
        given().header("Authorization", "Bearer nonsense")
                .get("/api/v1/admin/duplicates")
                .then()
                .statusCode(401);
    }
}
