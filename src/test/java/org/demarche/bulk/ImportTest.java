package org.demarche.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.common.stream.ListFormat;
import org.junit.jupiter.api.Test;

/**
 * An import makes the database match its lines: records found by id or natural key, references by
 * either, nothing written for a line that already matches, nothing at all in a dry run, and every
 * problem of every bad line reported while the good lines commit.
 */
@QuarkusTest
@SendsAdminKey
class ImportTest {

    private static JsonPath importing(String ndjson, boolean dryRun) {
        return given().contentType(ListFormat.APPLICATION_NDJSON)
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", dryRun)
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    private static String wikidataId() {
        return "Q9" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void naturalKeysNameRecordsAndReferencesAndASecondImportChangesNothing() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String file = lines(
                "{\"type\":\"official\",\"name\":\"Imported " + u + "\",\"country\":\"NO\",\"wikidataId\":\"" + q
                        + "\"}",
                "{\"type\":\"topic\",\"slug\":\"imported-" + u + "\",\"name\":\"Imported\"}",
                "{\"type\":\"topic\",\"slug\":\"imported-child-" + u + "\",\"name\":\"Child\",\"parent\":\"imported-"
                        + u + "\"}",
                "{\"type\":\"source\",\"url\":\"https://example.org/imported-" + u + "\",\"outlet\":\"Import Post\"}",
                "{\"type\":\"statement\",\"official\":{\"wikidataId\":\"" + q + "\"},\"text\":\"Imported words " + u
                        + "\","
                        + "\"quoteType\":\"direct_quote\",\"statedOn\":\"2025-02\",\"topics\":[\"imported-child-" + u
                        + "\"],"
                        + "\"sources\":[\"https://example.org/imported-" + u + "\"]}",
                "{\"type\":\"position\",\"official\":{\"name\":\"Imported " + u + "\",\"country\":\"NO\"},"
                        + "\"topic\":\"imported-child-" + u + "\",\"stance\":\"supports\",\"validFrom\":\"2025-02\"}");

        JsonPath first = importing(file, false);
        assertEquals(6, first.getInt("created"), first.prettify());
        assertEquals(0, first.getInt("rejected"));
        assertEquals(6, first.getInt("committedThroughLine"));
        assertEquals(2, first.getInt("byType.topic.created"));

        String official = given().get("/api/v1/officials?wikidataId=" + q)
                .then()
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");
        JsonPath statement = given().get("/api/v1/statements?officialId=" + official)
                .then()
                .body("total", equalTo(1))
                .extract()
                .jsonPath();
        assertEquals("imported-child-" + u, statement.getString("items[0].topics[0].slug"));
        assertEquals("Import Post", statement.getString("items[0].sources[0].outlet"));
        given().get("/api/v1/topics?parent=imported-" + u).then().body("items[0].slug", equalTo("imported-child-" + u));

        JsonPath second = importing(file, false);
        assertEquals(0, second.getInt("created"));
        assertEquals(0, second.getInt("updated"));
        assertEquals(6, second.getInt("unchanged"));
        given().get("/api/v1/officials/" + official).then().body("version", equalTo(0));
    }

    @Test
    void equalLinesInOneBatchMakeOneRecord() {
        String u = Fixtures.unique();
        String official = Fixtures.official("Twice " + u, "IE");
        String topic = "{\"type\":\"topic\",\"slug\":\"twice-" + u + "\",\"name\":\"Twice\"}";
        String statement = "{\"type\":\"statement\",\"officialId\":\"" + official + "\",\"text\":\"Said twice " + u
                + "\",\"quoteType\":\"summary\",\"statedOn\":\"2025\",\"topics\":[\"twice-" + u + "\"]}";
        JsonPath report = importing(lines(topic, statement, topic, statement), false);
        assertEquals(2, report.getInt("created"), report.prettify());
        assertEquals(2, report.getInt("unchanged"));
        given().get("/api/v1/statements?officialId=" + official).then().body("total", equalTo(1));
    }

    @Test
    void anEventLineIsFoundByItsKindTitleAndDateAndTwoStatementsMayNotShareItsPlace() {
        String u = Fixtures.unique();
        String official = Fixtures.official("Imported Speaker " + u, "IE");
        String event = "{\"type\":\"event\",\"kind\":\"briefing\",\"title\":\"Imported briefing " + u
                + "\",\"heldOn\":\"2025-02-03\",\"participantIds\":[\"" + official + "\"]}";
        JsonPath first = importing(lines(event, event), false);
        assertEquals(1, first.getInt("byType.event.created"), first.prettify());
        assertEquals(1, first.getInt("byType.event.unchanged"));
        String id = given().queryParam("title", "Imported briefing " + u)
                .get("/api/v1/events")
                .then()
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");

        String said = "{\"type\":\"statement\",\"officialId\":\"" + official + "\",\"quoteType\":\"summary\","
                + "\"statedOn\":\"2025-02-03\",\"eventId\":\"" + id + "\",\"eventOrder\":1,\"text\":\"";
        JsonPath second = importing(lines(said + "First " + u + "\"}", said + "Second " + u + "\"}"), false);
        assertEquals(1, second.getInt("created"), second.prettify());
        assertEquals(1, second.getInt("rejected"));
        given().get("/api/v1/events/" + id + "/statements").then().body("items.text", equalTo(List.of("First " + u)));
        JsonPath third = importing(lines(said + "Third " + u + "\"}"), false);
        assertEquals(1, third.getInt("rejected"), third.prettify());
        assertEquals(
                "Statement "
                        + given().get("/api/v1/events/" + id + "/statements")
                                .then()
                                .extract()
                                .path("items[0].id") + " already has eventOrder 1 in event " + id,
                third.getString("errors[0].message"));
    }

    @Test
    void aJointStatementNamesItsSignatoriesByNaturalKey() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String file = lines(
                "{\"type\":\"official\",\"name\":\"First signer " + u + "\",\"country\":\"NO\"}",
                "{\"type\":\"official\",\"name\":\"Second signer " + u + "\",\"country\":\"SE\",\"wikidataId\":\"" + q
                        + "\"}",
                "{\"type\":\"official\",\"name\":\"Third signer " + u + "\",\"country\":\"FI\"}",
                "{\"type\":\"statement\",\"official\":{\"name\":\"First signer " + u + "\",\"country\":\"NO\"},"
                        + "\"signatories\":[{\"wikidataId\":\"" + q + "\"},{\"name\":\"Third signer " + u
                        + "\",\"country\":\"FI\"}],\"text\":\"Nordic words " + u + "\",\"quoteType\":\"direct_quote\","
                        + "\"statedOn\":\"2025-06\"}",
                "{\"type\":\"statement\",\"official\":{\"name\":\"First signer " + u + "\",\"country\":\"NO\"},"
                        + "\"signatories\":[{\"name\":\"Nobody " + u + "\",\"country\":\"FI\"}],\"text\":\"Lost "
                        + u + "\",\"quoteType\":\"direct_quote\",\"statedOn\":\"2025-06\"}");
        JsonPath report = importing(file, false);
        assertEquals(4, report.getInt("created"), report.prettify());
        assertEquals(1, report.getInt("rejected"));
        assertEquals("signatories[0]", report.getString("errors[0].field"));
        String second = given().get("/api/v1/officials?wikidataId=" + q)
                .then()
                .extract()
                .path("items[0].id");
        given().get("/api/v1/statements?officialId=" + second)
                .then()
                .body("items.text", equalTo(List.of("Nordic words " + u)))
                .body("items[0].signatories.name", equalTo(List.of("Second signer " + u, "Third signer " + u)));
    }

    @Test
    void aBatchTheDatabaseRefusesIsRetriedLineByLineSoOnlyTheConflictingLineIsRejected() {
        String slug = "taken-" + Fixtures.unique();
        JsonPath report = importing(
                lines(
                        "{\"type\":\"topic\",\"id\":\"" + UUID.randomUUID() + "\",\"slug\":\"" + slug
                                + "\",\"name\":\"First\"}",
                        "{\"type\":\"topic\",\"id\":\"" + UUID.randomUUID() + "\",\"slug\":\"" + slug
                                + "\",\"name\":\"Second\"}"),
                false);
        assertEquals(1, report.getInt("created"), report.prettify());
        assertEquals(1, report.getInt("rejected"));
        assertEquals(2, report.getInt("errors[0].line"));
        assertEquals(2, report.getInt("committedThroughLine"));
        given().get("/api/v1/topics?name=First&limit=200")
                .then()
                .body("items.findAll { it.slug == '" + slug + "' }.size()", equalTo(1));
    }

    @Test
    void anImportedStatementHasItsHistoryAndIsFoundBySearchOnceCommitted() {
        String u = Fixtures.unique();
        String official = Fixtures.official("Searched " + u, "PT");
        String word = "zanzibarian" + u.replaceAll("[^a-z]", "");
        importing(
                lines("{\"type\":\"statement\",\"officialId\":\"" + official + "\",\"text\":\"A " + word
                        + " remark\",\"quoteType\":\"summary\",\"statedOn\":\"2025\"}"),
                false);
        String id = given().get("/api/v1/statements?q=" + word)
                .then()
                .body("total", equalTo(1))
                .extract()
                .path("items[0].id");
        given().get("/api/v1/statements/" + id + "/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("created"));
    }

    @Test
    void aChangedLineUpdatesTheRecordItsNaturalKeyNames() {
        String q = wikidataId();
        importing(
                lines("{\"type\":\"official\",\"name\":\"Changing\",\"country\":\"SE\",\"wikidataId\":\"" + q + "\"}"),
                false);
        JsonPath report = importing(
                lines("{\"type\":\"official\",\"name\":\"Changing\",\"country\":\"SE\",\"wikidataId\":\"" + q
                        + "\",\"title\":\"Minister\"}"),
                false);
        assertEquals(1, report.getInt("updated"));
        given().get("/api/v1/officials?wikidataId=" + q)
                .then()
                .body("items[0].title", equalTo("Minister"))
                .body("items[0].version", equalTo(1));
    }

    @Test
    void aLineKeepsItsIdAndADryRunWritesNothing() {
        String id = UUID.randomUUID().toString();
        String line = lines("{\"type\":\"official\",\"id\":\"" + id + "\",\"name\":\"Dry\",\"country\":\"DK\"}");
        JsonPath dry = importing(line, true);
        assertEquals(1, dry.getInt("created"));
        assertEquals(true, dry.getBoolean("dryRun"));
        assertEquals(0, dry.getInt("committedThroughLine"));
        given().get("/api/v1/officials/" + id).then().statusCode(404);

        importing(line, false);
        given().get("/api/v1/officials/" + id).then().statusCode(200).body("name", equalTo("Dry"));
    }

    @Test
    void everyProblemOfEveryBadLineIsReportedAndTheGoodLinesCommit() {
        String u = Fixtures.unique();
        JsonPath report = importing(
                lines(
                        "{\"type\":\"topic\",\"slug\":\"good-" + u + "\",\"name\":\"Good\"}",
                        "not json",
                        "",
                        "{\"type\":\"planet\",\"name\":\"Mars\"}",
                        "{\"type\":\"official\",\"name\":\"\",\"country\":\"XX\"}",
                        "{\"type\":\"statement\",\"official\":{\"wikidataId\":\"Q1\"},\"text\":\"x\",\"quoteType\":\"summary\","
                                + "\"statedOn\":\"2025\"}",
                        "{\"type\":\"official\",\"id\":\"not-a-uuid\",\"name\":\"Bad id\",\"country\":\"FI\"}",
                        "{\"type\":\"official\",\"name\":\"Bad type\",\"country\":\"FI\",\"aliases\":\"one\"}",
                        "{\"type\":\"topic\",\"slug\":\"also-good-" + u + "\",\"name\":\"Also good\"}"),
                false);
        assertEquals(9, report.getInt("lines"));
        assertEquals(2, report.getInt("created"));
        assertEquals(6, report.getInt("rejected"));
        List<Map<String, Object>> errors = report.getList("errors");
        assertEquals(
                List.of(2, 4, 5, 5, 6, 7, 8),
                errors.stream().map(e -> e.get("line")).toList(),
                report.prettify());
        assertEquals(
                List.of("", "type", "country", "name", "official", "id", "aliases"),
                errors.stream().map(e -> e.get("field")).toList());
        // A topic's stance matrix is found by slug, so it answers 200 only for a stored topic.
        given().get("/api/v1/topics/good-" + u + "/stances").then().statusCode(200);
        given().get("/api/v1/topics/also-good-" + u + "/stances").then().statusCode(200);
    }

    @Test
    void importingNeedsAnEditorKeyAndNdjson() {
        given().header("Authorization", "Bearer dmk_unknown")
                .contentType(ListFormat.APPLICATION_NDJSON)
                .body("{}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/import")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aSlugFreedByAnEarlierLineOfTheBatchCanBeTaken() {
        String u = Fixtures.unique();
        String id = Fixtures.topic("freed-" + u, null);
        JsonPath report = importing(
                lines(
                        "{\"type\":\"topic\",\"id\":\"" + id + "\",\"slug\":\"renamed-" + u
                                + "\",\"name\":\"Renamed\"}",
                        "{\"type\":\"topic\",\"slug\":\"freed-" + u + "\",\"name\":\"Taken\"}"),
                false);
        assertEquals(1, report.getInt("updated"), report.prettify());
        assertEquals(1, report.getInt("created"), report.prettify());
        assertEquals(0, report.getInt("rejected"), report.prettify());
    }
}
