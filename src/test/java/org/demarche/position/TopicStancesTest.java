package org.demarche.position;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stance matrix of a topic on a day, read from each official's position history. */
@QuarkusTest
class TopicStancesTest {

    private String slug;
    private String anna;
    private String boris;

    @BeforeEach
    void history() {
        slug = "stance-" + Fixtures.unique();
        String topic = Fixtures.topic(slug, null);
        String elsewhere = Fixtures.topic("stance-other-" + Fixtures.unique(), null);
        anna = Fixtures.official("Anna Stance " + Fixtures.unique(), "RU");
        boris = Fixtures.official("Boris Stance " + Fixtures.unique(), "US");
        String carl = Fixtures.official("Carl Stance " + Fixtures.unique(), "RU");
        String evidence = Fixtures.statement(boris, "2024-03-02", List.of(topic), List.of());

        Fixtures.create(
                "positions",
                Map.of("officialId", anna, "topicId", topic, "stance", "supports", "validFrom", "2024-01"));
        Fixtures.create(
                "positions",
                Map.of(
                        "officialId",
                        anna,
                        "topicId",
                        topic,
                        "stance",
                        "opposes",
                        "label",
                        "Changed course",
                        "validFrom",
                        "2024-06"));
        Fixtures.create(
                "positions",
                Map.of(
                        "officialId",
                        boris,
                        "topicId",
                        topic,
                        "stance",
                        "conditional",
                        "label",
                        "Only with guarantees",
                        "conditions",
                        List.of("security guarantees", "a verified withdrawal"),
                        "evidence",
                        List.of(Map.of("statementId", evidence, "relation", "supports")),
                        "validFrom",
                        "2024-03-02"));
        Fixtures.create(
                "positions",
                Map.of("officialId", carl, "topicId", elsewhere, "stance", "neutral", "validFrom", "2024-01"));
    }

    @Test
    void eachOfficialsPositionOnThatDayWithSinceAndUntil() {
        given().queryParam("asOf", "2024-05-15")
                .get("/api/v1/topics/" + slug + "/stances")
                .then()
                .statusCode(200)
                .body("topic.slug", equalTo(slug))
                .body("asOf", equalTo("2024-05-15"))
                .body("items.official.id", contains(anna, boris))
                .body("items[0].stance", equalTo("supports"))
                .body("items[0].since", equalTo("2024-01"))
                .body("items[0].until", equalTo("2024-06"))
                .body("items[1].stance", equalTo("conditional"))
                .body("items[1].label", equalTo("Only with guarantees"))
                .body("items[1].conditions", contains("security guarantees", "a verified withdrawal"))
                .body("items[1].evidenceCount", equalTo(1))
                .body("items[1].until", nullValue());
    }

    @Test
    void aPartialDateMeansItsLastDayAndTheSuccessorHoldsFromItsStart() {
        given().queryParam("asOf", "2024-06")
                .get("/api/v1/topics/" + slug + "/stances")
                .then()
                .statusCode(200)
                .body("asOf", equalTo("2024-06-30"))
                .body("items.stance", contains("opposes", "conditional"));
        given().queryParam("asOf", "2023")
                .get("/api/v1/topics/" + slug + "/stances")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void countryNarrowsAndTodayIsTheDefault() {
        given().queryParam("country", "US")
                .get("/api/v1/topics/" + slug + "/stances")
                .then()
                .statusCode(200)
                .body("items.official.id", contains(boris));
        given().get("/api/v1/topics/" + slug + "/stances")
                .then()
                .statusCode(200)
                .body("items.stance", contains("opposes", "conditional"));
    }

    @Test
    void stancesAreReadAPageOfOfficialsAtATime() {
        String paged = "stance-paged-" + Fixtures.unique();
        String topic = Fixtures.topic(paged, null);
        for (int i = 0; i < 5; i++) {
            String official = Fixtures.official("Paged Stance " + Fixtures.unique(), "DE");
            Fixtures.create(
                    "positions",
                    Map.of("officialId", official, "topicId", topic, "stance", "supports", "validFrom", "2024-01"));
            Fixtures.create(
                    "positions",
                    Map.of(
                            "officialId",
                            official,
                            "topicId",
                            topic,
                            "stance",
                            "opposes",
                            "validFrom",
                            "2024-0" + (2 + i)));
        }
        String path = "/api/v1/topics/" + paged + "/stances";
        List<String> whole = given().queryParam("limit", 200)
                .get(path)
                .then()
                .statusCode(200)
                .body("nextCursor", nullValue())
                .extract()
                .path("items.official.id");
        assertEquals(5, whole.size());
        List<String> pages = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("items.stance", everyItem(equalTo("opposes")))
                    .extract()
                    .jsonPath();
            pages.addAll(page.getList("items.official.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(whole, pages);
        given().queryParam("cursor", "nonsense")
                .get(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("limit", 0).get(path).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownTopicIs404AndBadParametersAre400() {
        given().get("/api/v1/topics/no-such-topic-" + Fixtures.unique() + "/stances")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("asOf", "2024-13")
                .get("/api/v1/topics/" + slug + "/stances")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("country", "Russia")
                .get("/api/v1/topics/" + slug + "/stances")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
