package org.demarche.topic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SendsAdminKey
class TopicResourceTest {

    @Test
    void aNestedTopicShowsItsParentAndCodes() {
        String parent = Fixtures.topic("negotiations-" + Fixtures.unique(), null);
        String slug = "ceasefire-" + Fixtures.unique();
        String child = Fixtures.create(
                "topics",
                Map.of("slug", slug, "name", "Ceasefire", "parentId", parent, "codes", Map.of("cameo", "0871")));
        given().get("/api/v1/topics/" + child)
                .then()
                .statusCode(200)
                .body("slug", equalTo(slug))
                .body("parentId", equalTo(parent))
                .body("parent.id", equalTo(parent))
                .body("codes.cameo", equalTo("0871"));
        given().queryParam("parent", parent)
                .get("/api/v1/topics")
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(child));
    }

    @Test
    void slugsMustBeKebabCaseAndCodesWellFormed() {
        given().contentType(ContentType.JSON)
                .body(Map.of("slug", "Cease Fire", "name", "", "codes", Map.of("CAMEO!", "")))
                .post("/api/v1/topics")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("slug", "name", "codes[CAMEO!]", "codes[CAMEO!]"));
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = "taken-" + Fixtures.unique();
        Fixtures.topic(slug, null);
        given().contentType(ContentType.JSON)
                .body(Map.of("slug", slug, "name", "Again"))
                .post("/api/v1/topics")
                .then()
                .statusCode(409);
    }

    @Test
    void anUnknownParentIsAValidationError() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        "orphan-" + Fixtures.unique(),
                        "name",
                        "Orphan",
                        "parentId",
                        "00000000-0000-0000-0000-000000000000"))
                .post("/api/v1/topics")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void aTopicCannotBeMovedUnderItselfOrItsDescendants() {
        String root = Fixtures.topic("root-" + Fixtures.unique(), null);
        String child = Fixtures.topic("child-" + Fixtures.unique(), root);
        given().contentType("application/merge-patch+json")
                .body(Map.of("parentId", child))
                .patch("/api/v1/topics/" + root)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("parentId"));
        given().contentType("application/merge-patch+json")
                .body(Map.of("parentId", root))
                .patch("/api/v1/topics/" + root)
                .then()
                .statusCode(422);
    }

    @Test
    void deletingATopicWithNestedTopicsOrStatementsIs409() {
        String root = Fixtures.topic("busy-" + Fixtures.unique(), null);
        String child = Fixtures.topic("busy-child-" + Fixtures.unique(), root);
        String official = Fixtures.official("Topic user " + Fixtures.unique(), "RU");
        Fixtures.statement(official, "2024", java.util.List.of(root), java.util.List.of());
        given().delete("/api/v1/topics/" + root)
                .then()
                .statusCode(409)
                .body("references.type", containsInAnyOrder("topic", "statement"))
                .body("references.find { it.type == 'topic' }.ids", hasItem(child));
        given().delete("/api/v1/topics/" + child).then().statusCode(204);
    }
}
