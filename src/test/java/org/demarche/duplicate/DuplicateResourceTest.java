package org.demarche.duplicate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.demarche.Fixtures;
import org.junit.jupiter.api.Test;

/** The duplicates report is for admin keys only; what it lists is pinned by {@link DuplicateMigrationTest}. */
@QuarkusTest
class DuplicateResourceTest {

    @Test
    void onlyAnAdminKeyReadsTheReport() {
        given().get("/api/v1/admin/duplicates").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(0)).body("items.size()", equalTo(0));
        String editor = given().contentType("application/json").body(Map.of("name", "editor " + Fixtures.unique(), "role", "editor"))
                .post("/api/v1/keys").then().statusCode(201).extract().path("secret");
        given().header("Authorization", "Bearer " + editor).get("/api/v1/admin/duplicates").then().statusCode(403);
        given().header("Authorization", "Bearer nonsense").get("/api/v1/admin/duplicates").then().statusCode(401);
    }
}
