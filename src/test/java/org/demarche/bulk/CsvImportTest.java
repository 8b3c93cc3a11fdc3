package org.demarche.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.common.stream.ListFormat;
import org.junit.jupiter.api.Test;

/**
 * Statements imported as CSV, in the statement list's CSV columns plus natural-key references: the same
 * report, dry run and per-line problems as NDJSON, with CSV line numbers, and the list's own CSV imports
 * back as unchanged.
 */
@QuarkusTest
@SendsAdminKey
class CsvImportTest {

    private static JsonPath importing(String csv, boolean dryRun) {
        return given().contentType(ListFormat.TEXT_CSV)
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", dryRun)
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    private static String rows(String... rows) {
        return String.join("\r\n", rows) + "\r\n";
    }

    private static String wikidataId() {
        return "Q8" + (100_000_000 + Math.abs(Fixtures.unique().hashCode() % 800_000_000));
    }

    @Test
    void rowsCreateStatementsByNaturalKeyAndASecondImportChangesNothing() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String official = Fixtures.create("officials", Map.of("name", "Csv " + u, "country", "EE", "wikidataId", q));
        Fixtures.topic("csv-" + u, null);
        String url = "https://example.org/csv-" + u;
        Fixtures.create("sources", Map.of("url", url, "outlet", "Csv Courier"));
        String csv = rows(
                "official.wikidataId,text,quoteType,statedOn,topics,sources,mentions,venue",
                q + ",\"Words, with a comma and \"\"quotes\"\" " + u + "\",direct_quote,2025-03,\"[\"\"csv-" + u
                        + "\"\"]\"," + "\"[\"\"" + url + "\"\"]\",\"[\"\"UA\"\"]\",'=Tallinn",
                q + ",\"Two lines\r\nof words " + u + "\",summary,2025,,,,");

        JsonPath first = importing(csv, false);
        assertEquals(2, first.getInt("created"), first.prettify());
        assertEquals(0, first.getInt("rejected"));
        assertEquals(3, first.getInt("committedThroughLine"), "the second row starts on line 3 and ends on line 4");

        JsonPath listed = given().get("/api/v1/statements?sort=statedOn&officialId=" + official)
                .then()
                .body("total", equalTo(2))
                .extract()
                .jsonPath();
        assertEquals("Two lines\r\nof words " + u, listed.getString("items[0].text"));
        assertEquals("Words, with a comma and \"quotes\" " + u, listed.getString("items[1].text"));
        assertEquals("csv-" + u, listed.getString("items[1].topics[0].slug"));
        assertEquals("Csv Courier", listed.getString("items[1].sources[0].outlet"));
        assertEquals(List.of("UA"), listed.getList("items[1].mentions"));
        assertEquals("=Tallinn", listed.getString("items[1].venue"), "the formula-safety apostrophe is taken off");

        JsonPath second = importing(csv, false);
        assertEquals(0, second.getInt("created"));
        assertEquals(0, second.getInt("updated"));
        assertEquals(2, second.getInt("unchanged"));
    }

    @Test
    void aDryRunWritesNothing() {
        String u = Fixtures.unique();
        String official = Fixtures.official("Dry Csv " + u, "LV");
        JsonPath dry =
                importing(rows("officialId,text,quoteType,statedOn", official + ",Dry words,paraphrase,2025-04"), true);
        assertEquals(1, dry.getInt("created"));
        assertEquals(true, dry.getBoolean("dryRun"));
        given().get("/api/v1/statements?officialId=" + official).then().body("total", equalTo(0));
    }

    @Test
    void everyProblemOfABadRowIsReportedWithItsLineAndColumn() {
        String u = Fixtures.unique();
        String official = Fixtures.official("Bad Csv " + u, "LT");
        JsonPath report = importing(
                rows(
                        "officialId,text,quoteType,statedOn,language,topics",
                        official + ",Good words " + u + ",paraphrase,2025-05,en,",
                        official + ",\"Two lines\r\nof bad fields\",summary,2025-13,not a language tag,",
                        "only,two",
                        official + ",Unknown topic,summary,2025,,\"[\"\"no-such-topic-" + u + "\"\"]\"",
                        official + ",Broken JSON,summary,2025,,[not json",
                        official + ",Shouted,shout,2025,,"),
                false);
        assertEquals(1, report.getInt("created"), report.prettify());
        assertEquals(5, report.getInt("rejected"));
        List<String> errors = report.<Map<String, Object>>getList("errors").stream()
                .map(e -> e.get("line") + " " + e.get("field"))
                .toList();
        assertEquals(
                List.of("3 language", "3 statedOn", "5 ", "6 topics[0]", "7 topics", "8 quoteType"),
                errors.stream().sorted().toList(),
                report.prettify());
    }

    @Test
    void aBodyThatStopsBeingCsvOrUtf8IsReportedAtItsLineAndEndsTheImport() {
        String official = Fixtures.official("Broken Csv " + Fixtures.unique(), "LU");
        String good = official + ",Fine words,summary,2025";
        JsonPath unclosed = importing(
                rows("officialId,text,quoteType,statedOn", good, official + ",\"Never closed,summary,2025", good),
                false);
        assertEquals(1, unclosed.getInt("created"), unclosed.prettify());
        assertEquals(3, unclosed.getInt("errors[0].line"));
        assertEquals(true, unclosed.getString("errors[0].message").contains("not valid CSV"));

        byte[] head = rows("officialId,text,quoteType,statedOn", good).getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(head, head.length + 3);
        body[head.length] = (byte) 0xff;
        body[head.length + 1] = 'x';
        body[head.length + 2] = '\n';
        JsonPath latin = given().contentType(ListFormat.TEXT_CSV)
                .body(body)
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(true, latin.getString("errors[0].message").contains("not UTF-8"), latin.prettify());
    }

    @Test
    void anOversizedCellOrRowIsRejectedNotHeldInMemory() {
        String official = Fixtures.official("Huge Csv " + Fixtures.unique(), "MT");
        JsonPath wide = importing(
                rows("officialId,text,quoteType,statedOn", official + ",Words,summary,2025" + ",x".repeat(100_000)),
                false);
        assertEquals(
                "has 100004 cells; the header has 4 columns", wide.getString("errors[0].message"), wide.prettify());

        JsonPath huge = importing(
                rows("officialId,text,quoteType,statedOn", official + "," + "w".repeat(2 << 20) + ",summary,2025"),
                false);
        assertEquals(2, huge.getInt("errors[0].line"), huge.prettify());
        assertEquals(
                "has a cell longer than 1048576 characters; the import stopped here",
                huge.getString("errors[0].message"));
        assertEquals(0, huge.getInt("created"));
    }

    @Test
    void anUnknownColumnIsRefusedBeforeAnythingIsRead() {
        given().contentType(ListFormat.TEXT_CSV)
                .body(rows("text,loudness", "Words,11").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("loudness"));
    }

    @Test
    void theStatementListsOwnCsvImportsAsUnchanged() {
        String u = Fixtures.unique();
        String official = Fixtures.official("Round Csv " + u, "FI");
        String topic = Fixtures.topic("round-csv-" + u, null);
        String source = Fixtures.source("Round Times");
        String event = Fixtures.create(
                "events",
                Map.of("kind", "press_conference", "title", "Round Csv conference " + u, "heldOn", "2025-06"));
        Fixtures.create(
                "statements",
                Map.ofEntries(
                        Map.entry("eventId", event),
                        Map.entry("eventOrder", 2),
                        Map.entry("attribution", "MR ROUND"),
                        Map.entry("role", "Spokesman"),
                        Map.entry("inReplyTo", Map.of("question", "=And then? " + u, "asker", "Yle")),
                        Map.entry("officialId", official),
                        Map.entry("text", "=HYPERLINK(\"x\") " + u),
                        Map.entry("quoteType", "direct_quote"),
                        Map.entry("statedOn", "2025-06-01"),
                        Map.entry("topicIds", List.of(topic)),
                        Map.entry("sourceIds", List.of(source)),
                        Map.entry("mentions", List.of("SE", official)),
                        Map.entry("venue", "-1 floor"),
                        Map.entry("notes", "'=already quoted"),
                        Map.entry("language", "fi"),
                        Map.entry("medium", "interview"),
                        Map.entry("verification", "verified")));
        Fixtures.create(
                "statements",
                Map.of("officialId", official, "text", "'Tis plain " + u, "quoteType", "summary", "statedOn", "2025"));
        String csv = given().accept(ListFormat.TEXT_CSV)
                .get("/api/v1/statements?officialId=" + official)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        JsonPath report = importing(csv, false);
        assertEquals(2, report.getInt("unchanged"), report.prettify() + "\n" + csv);
        assertEquals(0, report.getInt("created") + report.getInt("updated") + report.getInt("rejected"));
        given().get("/api/v1/statements?officialId=" + official).then().body("items.version", equalTo(List.of(0, 0)));
    }

    @Test
    void aByteOrderMarkAsSpreadsheetsWriteItIsNotPartOfTheFirstColumn() {
        String u = Fixtures.unique();
        String q = wikidataId();
        Fixtures.create("officials", Map.of("name", "Bom " + u, "country", "EE", "wikidataId", q));
        JsonPath report = importing(
                "\uFEFF"
                        + rows(
                                "official.wikidataId,text,quoteType,statedOn",
                                q + ",Spreadsheet words " + u + ",paraphrase,2025"),
                false);
        assertEquals(1, report.getInt("created"), report.prettify());
    }
}
