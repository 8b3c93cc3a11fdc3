package org.demarche.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.junit.jupiter.api.Test;

/** Facets count the statements a list (with or without q) would return, per official, country, topic, type, medium and year. */
@QuarkusTest
class StatementFacetsTest {

    @Test
    void countsFollowTheSameFiltersAndQueryAsTheList() {
        String lavrov = Fixtures.official("Facet Lavrov " + Fixtures.unique(), "RU");
        String peskov = Fixtures.official("Facet Peskov " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("facet-" + Fixtures.unique(), null);
        String other = Fixtures.topic("facet-other-" + Fixtures.unique(), null);
        String mentionsTag = Fixtures.official("Facet Tag " + Fixtures.unique(), "UA");
        statement(
                lavrov,
                "Sanctions are illegitimate.",
                "2023-05",
                "direct_quote",
                "interview",
                List.of(topic),
                mentionsTag);
        statement(
                lavrov,
                "Sanctions will not change our course.",
                "2024-02-10",
                "paraphrase",
                "speech",
                List.of(topic, other),
                mentionsTag);
        statement(peskov, "Sanctions hurt Europe more.", "2024", "direct_quote", null, List.of(other), mentionsTag);
        statement(peskov, "The weather is fine.", "2024-03", "summary", "interview", List.of(), mentionsTag);

        given().queryParam("mentions", mentionsTag)
                .get("/api/v1/statements/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("countries.value", contains("RU"))
                .body("countries[0].count", equalTo(4))
                .body("years.value", contains("2023", "2024"))
                .body("years.count", contains(1, 3))
                .body("quoteTypes.value", contains("direct_quote", "paraphrase", "summary"))
                .body("quoteTypes.count", contains(2, 1, 1))
                .body("media.value", contains("interview", "speech"))
                .body("media.count", contains(2, 1));

        given().queryParam("mentions", mentionsTag)
                .queryParam("q", "sanctions")
                .get("/api/v1/statements/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("officials.official.id", contains(lavrov, peskov))
                .body("officials.count", contains(2, 1))
                .body(
                        "officials[0].official.name",
                        equalTo(given().get("/api/v1/officials/" + lavrov).path("name")))
                .body("topics", hasSize(2))
                .body("topics.find { it.topic.id == '" + topic + "' }.count", equalTo(2))
                .body("topics.find { it.topic.id == '" + other + "' }.count", equalTo(2));

        given().queryParam("mentions", mentionsTag)
                .queryParam("q", "sanctions")
                .queryParam("officialId", peskov)
                .queryParam("from", "2024")
                .get("/api/v1/statements/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("officials.official.id", contains(peskov));
    }

    @Test
    void badFiltersAre400AsInTheList() {
        given().queryParam("q", "\"open")
                .get("/api/v1/statements/facets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("quoteType", "rumour")
                .get("/api/v1/statements/facets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static void statement(
            String official,
            String text,
            String statedOn,
            String quoteType,
            String medium,
            List<String> topics,
            String mention) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "officialId",
                official,
                "text",
                text,
                "quoteType",
                quoteType,
                "statedOn",
                statedOn,
                "topicIds",
                topics,
                "mentions",
                List.of(mention)));
        if (medium != null) {
            body.put("medium", medium);
        }
        Fixtures.create("statements", body);
    }
}
