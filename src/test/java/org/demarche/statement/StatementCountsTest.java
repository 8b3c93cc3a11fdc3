package org.demarche.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement counts over time: periods of statedOn, split by a key, with every statement filter. */
@QuarkusTest
class StatementCountsTest {

    private static final String PATH = "/api/v1/statements/counts";

    private String a;
    private String b;
    private String topic;
    private String tag;

    @BeforeEach
    void statements() {
        tag = Fixtures.unique();
        a = Fixtures.official("A counts " + tag, "RU");
        b = Fixtures.official("B counts " + tag, "FR");
        topic = Fixtures.topic("counts-" + tag, null);
        for (String date : List.of("2024-11-05", "2024-11-20", "2024-11", "2024", "2025-01")) {
            Fixtures.statement(a, date, List.of(), List.of());
        }
        Fixtures.statement(a, "2024-12-02", List.of(topic), List.of());
        Fixtures.statement(b, "2024-11-30", List.of(topic), List.of());
    }

    private JsonPath counts(Map<String, ?> params) {
        return given().queryParam("officialId", a, b)
                .queryParams(params)
                .get(PATH)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> rows(JsonPath answer, String list) {
        List<Map<String, Object>> items = answer.getList(list);
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> item : items) {
            rows.add((item.get("period") == null ? "" : item.get("period") + " ")
                    + (item.get("label") == null ? "-" : item.get("label")) + " " + item.get("count"));
        }
        return rows;
    }

    @Test
    void aMonthlyCountByOfficialListsPeriodsInOrderAndCoarserDatesAsUndated() {
        JsonPath answer = counts(Map.of("interval", "month", "by", "official"));
        assertRows(
                answer,
                List.of(
                        "2024-11-01 A counts " + tag + " 3",
                        "2024-11-01 B counts " + tag + " 1",
                        "2024-12-01 A counts " + tag + " 1",
                        "2025-01-01 A counts " + tag + " 1"),
                List.of("A counts " + tag + " 1"));
        assertEquals(7, answer.getInt("total"));
        assertEquals("month", answer.getString("interval"));
        assertEquals("official", answer.getString("by"));
        assertEquals(a, answer.getString("buckets[0].key"));
    }

    @Test
    void daysWeeksAndYearsCountWhatTheirPeriodsHold() {
        assertRows(
                counts(Map.of("interval", "day")),
                List.of("2024-11-05 - 1", "2024-11-20 - 1", "2024-11-30 - 1", "2024-12-02 - 1"),
                List.of("- 3"));
        assertRows(
                counts(Map.of("interval", "WEEK")),
                List.of("2024-11-04 - 1", "2024-11-18 - 1", "2024-11-25 - 1", "2024-12-02 - 1"),
                List.of("- 3"));
        assertRows(
                counts(Map.of("interval", "year", "by", "country")),
                List.of("2024-01-01 FR 1", "2024-01-01 RU 5", "2025-01-01 RU 1"),
                List.of());
        assertRows(
                counts(Map.of("interval", "year", "by", "quotetype")),
                List.of("2024-01-01 paraphrase 6", "2025-01-01 paraphrase 1"),
                List.of());
        // A statement counts once for each topic; statements without a topic are not counted.
        JsonPath byTopic = counts(Map.of("interval", "year", "by", "topic"));
        assertRows(byTopic, List.of("2024-01-01 counts-" + tag + " 2"), List.of());
        assertEquals(7, byTopic.getInt("total"));
    }

    @Test
    void byStanceCountsEachTopicUnderThePositionHeldOnTheStatementsFirstDay() {
        Fixtures.create(
                "positions", Map.of("officialId", a, "topicId", topic, "stance", "neutral", "validFrom", "2024-06"));
        // Closes the neutral position on 2024-12-01.
        Fixtures.create(
                "positions", Map.of("officialId", a, "topicId", topic, "stance", "opposes", "validFrom", "2024-12"));
        Fixtures.create(
                "positions", Map.of("officialId", b, "topicId", topic, "stance", "supports", "validFrom", "2024-12"));
        Fixtures.statement(a, "2024-11-15", List.of(topic), List.of());
        // Its first day, 2024-01-01, comes before any position of A.
        Fixtures.statement(a, "2024", List.of(topic), List.of());

        JsonPath answer = counts(Map.of("interval", "month", "by", "stance"));
        assertRows(
                answer,
                List.of("2024-11-01 neutral 1", "2024-11-01 unknown 1", "2024-12-01 opposes 1"),
                List.of("unknown 1"));
        assertEquals("stance", answer.getString("by"));
        assertEquals("neutral", answer.getString("buckets[0].key"));
        assertEquals(9, answer.getInt("total"));
        assertRows(
                counts(Map.of("interval", "year", "by", "STANCE", "country", "FR")),
                List.of("2024-01-01 unknown 1"),
                List.of());
    }

    @Test
    void withATopicFilterOnlyTheTopicsItSelectsAreCounted() {
        String other = Fixtures.topic("other-" + tag, null);
        String nested = Fixtures.topic("nested-" + tag, topic);
        Fixtures.statement(a, "2024-11-15", List.of(topic, other), List.of());
        Fixtures.statement(a, "2024-11-16", List.of(nested, other), List.of());
        Fixtures.create(
                "positions", Map.of("officialId", a, "topicId", other, "stance", "supports", "validFrom", "2024"));

        assertRows(
                counts(Map.of("topic", "counts-" + tag, "by", "topic")),
                List.of(
                        "2024-11-01 counts-" + tag + " 2",
                        "2024-11-01 nested-" + tag + " 1",
                        "2024-12-01 counts-" + tag + " 1"),
                List.of());
        assertRows(
                counts(Map.of("topic", "counts-" + tag, "by", "stance")),
                List.of("2024-11-01 unknown 3", "2024-12-01 unknown 1"),
                List.of());
        assertRows(
                counts(Map.of("topic", "other-" + tag, "by", "stance")), List.of("2024-11-01 supports 2"), List.of());
    }

    @Test
    void theStatementFiltersAndQApply() {
        assertRows(
                counts(Map.of("from", "2024-11-15", "to", "2024-12", "by", "official")),
                List.of(
                        "2024-11-01 A counts " + tag + " 2",
                        "2024-11-01 B counts " + tag + " 1",
                        "2024-12-01 A counts " + tag + " 1"),
                List.of("A counts " + tag + " 1"));
        assertRows(counts(Map.of("topic", "counts-" + tag)), List.of("2024-11-01 - 1", "2024-12-01 - 1"), List.of());
        assertRows(
                counts(Map.of("q", "statement", "country", "FR", "interval", "year")),
                List.of("2024-01-01 - 1"),
                List.of());
        assertRows(counts(Map.of("q", "nosuchwordanywhere")), List.of(), List.of());
    }

    @Test
    void anEmptyParameterIsAnAbsentOne() {
        given().queryParam("interval", "").get(PATH).then().statusCode(200).body("interval", equalTo("month"));
        given().queryParam("from", "").get(PATH).then().statusCode(200);
    }

    @Test
    void badParametersAre400sNamingThem() {
        given().queryParam("interval", "fortnight")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("'interval' must be one of day, week, month, year"));
        given().queryParam("by", "opinion")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "detail",
                        containsString("'by' must be one of none, official, country, topic, quoteType, stance"));
        given().queryParam("from", "2024-13").get(PATH).then().statusCode(400).body("detail", containsString("'from'"));
        given().queryParam("limit", "5")
                .get(PATH)
                .then()
                .statusCode(400)
                .body("unknownParameters", equalTo(List.of("limit")));
    }

    @Test
    void moreThanFiftySeriesIsA400() {
        List<String> officials = new ArrayList<>();
        String country = "ZA";
        for (int i = 0; i < 51; i++) {
            String official = Fixtures.official("Series " + i + " " + tag, country);
            Fixtures.statement(official, "2024-11-05", List.of(), List.of());
            officials.add(official);
        }
        given().queryParam("officialId", officials)
                .queryParam("by", "official")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("51 series"))
                .body("detail", containsString("more than 50"));
        given().queryParam("officialId", officials.subList(0, 50))
                .queryParam("by", "official")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("buckets.size()", equalTo(50));
    }

    @Test
    void theOpenApiDocumentDescribesTheParameters() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/statements/counts'.get.parameters.name",
                        hasItems("interval", "by", "q", "officialId", "topic", "from", "to", "id", "updatedSince"));
    }

    private static void assertRows(JsonPath answer, List<String> buckets, List<String> undated) {
        assertEquals(buckets, rows(answer, "buckets"));
        assertEquals(undated, rows(answer, "undated"));
    }
}
