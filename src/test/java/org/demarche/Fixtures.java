package org.demarche;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates records through the API with the admin key, each with unique names, so tests never depend on
 * one another; and
 * reads a list page by page, as a client follows its cursors.
 */
public final class Fixtures {

    private Fixtures() {}

    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A surname no other test uses, made of letters so that it reads as a name. */
    public static String surname() {
        StringBuilder name = new StringBuilder("Z");
        unique().chars().forEach(c -> name.append(Character.isDigit(c) ? (char) ('g' + c - '0') : (char) c));
        return name.toString();
    }

    /** Creates a record with the admin key and answers its id. */
    public static String create(String resource, Map<String, ?> body) {
        return given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/" + resource)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String official(String name, String country) {
        return create("officials", Map.of("name", name, "country", country));
    }

    public static String topic(String slug, String parentId) {
        return create(
                "topics",
                parentId == null
                        ? Map.of("slug", slug, "name", slug)
                        : Map.of("slug", slug, "name", slug, "parentId", parentId));
    }

    public static String source(String outlet) {
        return create("sources", Map.of("url", "https://example.org/" + unique(), "outlet", outlet));
    }

    public static String statement(String officialId, String statedOn, List<String> topicIds, List<String> sourceIds) {
        return create(
                "statements",
                Map.of(
                        "officialId",
                        officialId,
                        "text",
                        "Statement " + unique(),
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        statedOn,
                        "topicIds",
                        topicIds,
                        "sourceIds",
                        sourceIds));
    }

    /** Every page of a JSON list, in order, following {@code nextCursor} with {@code limit} items a page. */
    public static List<JsonPath> pages(String path, Map<String, ?> params, int limit) {
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParams(params).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            pages.add(page);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return pages;
    }
}
