package org.demarche.statement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

@QuarkusTest
@SendsAdminKey
class StatementResourceTest {

    @Test
    void aStatementEmbedsSummariesOfWhatItRefersTo() {
        String official = Fixtures.official("Sergei Lavrov " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("ceasefire-" + Fixtures.unique(), null);
        String source = Fixtures.source("Caliber.Az");
        String id = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "A ceasefire will not suit us.",
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2024-11",
                        "medium",
                        "interview",
                        "venue",
                        "Interview on Russian TV",
                        "topicIds",
                        List.of(topic),
                        "sourceIds",
                        List.of(source),
                        "mentions",
                        List.of("UA", official)));
        given().get("/api/v1/statements/" + id)
                .then()
                .statusCode(200)
                .body("official.id", equalTo(official))
                .body("official.country", equalTo("RU"))
                .body("topics[0].id", equalTo(topic))
                .body("sources[0].outlet", equalTo("Caliber.Az"))
                .body("quoteType", equalTo("direct_quote"))
                .body("verification", equalTo("unverified"))
                .body("mentions", equalTo(List.of("UA", official)));
    }

    @Test
    void theTextIsStoredExactlyAsSent() {
        String official = Fixtures.official("Exact " + Fixtures.unique(), "RU");
        String text =
                "  “A ceasefire will not suit us,” he asserted.\n\t«Нам нужны надёжные договорённости» — 😐 \u200b ";
        String id = Fixtures.create(
                "statements",
                Map.of("officialId", official, "text", text, "quoteType", "partial_quote", "statedOn", "2024"));
        given().get("/api/v1/statements/" + id).then().body("text", equalTo(text));
    }

    @Test
    void unknownReferencesAndBadValuesAreAllReported() {
        String official = Fixtures.official("Refs " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("refs-" + Fixtures.unique(), null);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "officialId",
                        "00000000-0000-0000-0000-000000000000",
                        "text",
                        "",
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024-13",
                        "language",
                        "xx-!!",
                        "topicIds",
                        List.of(topic, topic, "00000000-0000-0000-0000-000000000001"),
                        "sourceIds",
                        List.of("00000000-0000-0000-0000-000000000002"),
                        "mentions",
                        List.of("Ukraine", "00000000-0000-0000-0000-000000000003", official)))
                .post("/api/v1/statements")
                .then()
                .statusCode(422)
                .body(
                        "errors.field",
                        containsInAnyOrder(
                                "officialId",
                                "text",
                                "statedOn",
                                "language",
                                "topicIds[1]",
                                "topicIds[2]",
                                "sourceIds[0]",
                                "mentions[0]",
                                "mentions[1]"));
    }

    @Test
    void theRequiredFieldsAreNamed() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/statements")
                .then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("officialId", "text", "quoteType", "statedOn"));
    }

    @Test
    void partialDatesSortAsTheStartOfTheirPeriod() {
        String official = Fixtures.official("Dates " + Fixtures.unique(), "RU");
        String day = Fixtures.statement(official, "2024-11-20", List.of(), List.of());
        String year = Fixtures.statement(official, "2024", List.of(), List.of());
        String month = Fixtures.statement(official, "2024-11", List.of(), List.of());
        String earlier = Fixtures.statement(official, "2023-12-31", List.of(), List.of());
        given().get("/api/v1/officials/" + official + "/statements")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(earlier, year, month, day)));
        given().queryParam("sort", "-statedOn")
                .get("/api/v1/officials/" + official + "/statements")
                .then()
                .body("items.id", equalTo(List.of(day, month, year, earlier)));
    }

    @Test
    void dateRangesHonourPartialDates() {
        String official = Fixtures.official("Ranges " + Fixtures.unique(), "RU");
        String lastDay = Fixtures.statement(official, "2024-11-30", List.of(), List.of());
        String month = Fixtures.statement(official, "2024-11", List.of(), List.of());
        Fixtures.statement(official, "2024-12-01", List.of(), List.of());
        Fixtures.statement(official, "2024-10-31", List.of(), List.of());
        given().queryParam("officialId", official)
                .queryParam("from", "2024-11")
                .queryParam("to", "2024-11")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(lastDay, month));
    }

    @Test
    void aTopicFilterIncludesNestedTopics() {
        String official = Fixtures.official("Topics " + Fixtures.unique(), "RU");
        String parentSlug = "talks-" + Fixtures.unique();
        String parent = Fixtures.topic(parentSlug, null);
        String child = Fixtures.topic("truce-" + Fixtures.unique(), parent);
        String other = Fixtures.topic("aid-" + Fixtures.unique(), null);
        String onParent = Fixtures.statement(official, "2024", List.of(parent), List.of());
        String onChild = Fixtures.statement(official, "2024", List.of(child), List.of());
        Fixtures.statement(official, "2024", List.of(other), List.of());
        given().queryParam("topic", parentSlug)
                .get("/api/v1/statements")
                .then()
                .body("items.id", containsInAnyOrder(onParent, onChild));
        given().queryParam("topic", child).get("/api/v1/statements").then().body("items.id", equalTo(List.of(onChild)));
    }

    @Test
    void filtersCombine() {
        String lavrov = Fixtures.official("Combine " + Fixtures.unique(), "RU");
        String source = Fixtures.source("Filter outlet");
        String quote = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        lavrov,
                        "text",
                        "Quote",
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2024-11",
                        "medium",
                        "interview",
                        "language",
                        "en",
                        "sourceIds",
                        List.of(source),
                        "mentions",
                        List.of("US"),
                        "verification",
                        "verified"));
        Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        lavrov,
                        "text",
                        "Paraphrase",
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024-11",
                        "medium",
                        "speech",
                        "language",
                        "ru"));
        given().queryParam("officialId", lavrov)
                .queryParam("quoteType", "direct_quote")
                .queryParam("medium", "interview")
                .queryParam("language", "EN")
                .queryParam("verification", "verified")
                .queryParam("sourceId", source)
                .queryParam("mentions", "US")
                .queryParam("country", "RU")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(quote));
        given().queryParam("officialId", lavrov)
                .queryParam("country", "US")
                .get("/api/v1/statements")
                .then()
                .body("items", hasSize(0));
    }

    @Test
    void officialIdRepeatsOrTakesAList() {
        String a = Fixtures.official("Multi A " + Fixtures.unique(), "RU");
        String b = Fixtures.official("Multi B " + Fixtures.unique(), "US");
        Fixtures.statement(a, "2024", List.of(), List.of());
        Fixtures.statement(b, "2024", List.of(), List.of());
        given().queryParam("officialId", a)
                .queryParam("officialId", b)
                .get("/api/v1/statements")
                .then()
                .body("total", equalTo(2));
        given().queryParam("officialId", a + "," + b)
                .get("/api/v1/statements")
                .then()
                .body("total", equalTo(2));
    }

    @Test
    void everySortPagesThroughEachStatementOnceWithTiesBrokenById() {
        String official = Fixtures.official("Pager " + Fixtures.unique(), "RU");
        List<String> all = new ArrayList<>();
        for (String statedOn : List.of("2024-11", "2024-11", "2024-11-20", "2023", "2024-11", "2025-01-02", "2024")) {
            all.add(Fixtures.statement(official, statedOn, List.of(), List.of()));
        }
        for (String sort : List.of("statedOn", "-statedOn", "createdAt", "-createdAt", "updatedAt", "-updatedAt")) {
            List<String> onePage = given().queryParam("officialId", official)
                    .queryParam("sort", sort)
                    .queryParam("limit", 200)
                    .get("/api/v1/statements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id");
            List<String> paged = new ArrayList<>();
            for (JsonPath page :
                    Fixtures.pages("/api/v1/statements", Map.of("officialId", official, "sort", sort), 2)) {
                assertEquals(7, page.getInt("total"), "sort " + sort);
                paged.addAll(page.getList("items.id"));
            }
            assertEquals(onePage, paged, "sort " + sort);
            assertEquals(Set.copyOf(all), Set.copyOf(paged), "sort " + sort);
        }
    }

    @Test
    void statementsOfAnUnknownOfficialIs404() {
        given().get("/api/v1/officials/00000000-0000-0000-0000-000000000000/statements")
                .then()
                .statusCode(404);
    }

    @Test
    void aStatementCitedAsEvidenceCannotBeDeleted() {
        String official = Fixtures.official("Evidence " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("evidence-" + Fixtures.unique(), null);
        String statement = Fixtures.statement(official, "2024-11", List.of(topic), List.of());
        String position = Fixtures.create(
                "positions",
                Map.of(
                        "officialId",
                        official,
                        "topicId",
                        topic,
                        "stance",
                        "opposes",
                        "validFrom",
                        "2024-11",
                        "evidence",
                        List.of(Map.of("statementId", statement, "relation", "supports"))));
        given().delete("/api/v1/statements/" + statement)
                .then()
                .statusCode(409)
                .body("references[0].type", equalTo("position"))
                .body("references[0].ids[0]", equalTo(position));
    }
}
