package org.demarche.common.stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists asked for as CSV or NDJSON stream every matching record, across as many pages as it takes, in
 * the list's order, with the same fields as JSON; CSV cells cannot run as spreadsheet formulas.
 */
@QuarkusTest
@SendsAdminKey
class ListStreamingTest {

    /** More than one page of the largest size (200), so a stream must follow cursors. */
    private static final int OFFICIALS = 205;

    private static final String TAG = Fixtures.unique();
    private static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"click\")";

    private static boolean created;

    @BeforeEach
    void createOfficialsOnce() {
        if (created) {
            return;
        }
        created = true;
        for (int i = 0; i < OFFICIALS; i++) {
            String name = String.format("Streamed %s %03d", TAG, i);
            Fixtures.create(
                    "officials",
                    i == 0
                            ? Map.of(
                                    "name",
                                    FORMULA + " " + name,
                                    "country",
                                    "NZ",
                                    "title",
                                    "-1",
                                    "organization",
                                    "@SUM(A1)",
                                    "aliases",
                                    List.of(FORMULA))
                            : Map.of("name", name, "country", "NZ"));
        }
    }

    private static String list() {
        return "/api/v1/officials?sort=name&name=" + TAG;
    }

    /** Every page of the JSON list, in order, as the ids and names a client paging through it would see. */
    private static List<Map<String, Object>> jsonPages() {
        return Fixtures.pages(list(), Map.of(), 200).stream()
                .flatMap(page -> page.<Map<String, Object>>getList("items").stream())
                .toList();
    }

    @Test
    void ndjsonIsEveryRecordAsJsonOneALine() throws Exception {
        String body = given().accept(ListFormat.APPLICATION_NDJSON)
                .get(list())
                .then()
                .statusCode(200)
                .contentType(ListFormat.APPLICATION_NDJSON)
                .extract()
                .asString();
        List<Map<String, Object>> lines = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> records =
                new ObjectMapper().readerForMapOf(Object.class).readValues(body)) {
            records.forEachRemaining(lines::add);
        }
        assertEquals(OFFICIALS, body.split("\n", -1).length - 1, "one line a record, each ending in a newline");
        assertEquals(jsonPages(), lines);
    }

    @Test
    void csvIsEveryRecordWithAHeaderAndDottedOrJsonCells() throws Exception {
        String body = given().accept(ListFormat.TEXT_CSV)
                .get(list())
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> parsed = new CsvMapper()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class)
                .readValues(body)) {
            parsed.forEachRemaining(rows::add);
        }
        assertEquals(
                List.of(
                        "id",
                        "name",
                        "kind",
                        "aliases",
                        "country",
                        "title",
                        "organization",
                        "wikidataId",
                        "offices",
                        "createdAt",
                        "updatedAt",
                        "version"),
                List.of(rows.get(0)));
        assertEquals(OFFICIALS + 1, rows.size());
        List<Map<String, Object>> json = jsonPages();
        for (int i = 0; i < OFFICIALS; i++) {
            assertEquals(json.get(i).get("id"), rows.get(i + 1)[0]);
            assertEquals(CsvColumns.formulaSafe((String) json.get(i).get("name")), rows.get(i + 1)[1]);
        }
        String[] formulas = rows.stream()
                .filter(row -> row[1].contains("HYPERLINK"))
                .findFirst()
                .orElseThrow();
        assertEquals("'" + FORMULA + " Streamed " + TAG + " 000", formulas[1]);
        assertEquals("'-1", formulas[5]);
        assertEquals("'@SUM(A1)", formulas[6]);
        assertEquals(
                new ObjectMapper().writeValueAsString(List.of(FORMULA)),
                formulas[3],
                "an array is one cell of JSON text, which no spreadsheet runs as a formula");
        assertEquals(true, body.contains("\r\n"), "CRLF line ends (RFC 4180)");
    }

    @Test
    void aNestedObjectsFieldsAreDottedColumns() throws Exception {
        String official = Fixtures.official("Dotted Official", "IS");
        Fixtures.statement(official, "2025-01", List.of(), List.of());
        String body = given().accept(ListFormat.TEXT_CSV)
                .get("/api/v1/statements?officialId=" + official)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> parsed = new CsvMapper()
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            parsed.forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size());
        assertEquals("Dotted Official", rows.get(0).get("official.name"));
        assertEquals("IS", rows.get(0).get("official.country"));
        assertEquals(official, rows.get(0).get("official.id"));
        assertEquals("2025-01", rows.get(0).get("statedOn"));
    }

    @Test
    void aFormulaInATextCellGetsALeadingApostrophe() {
        assertEquals("'=1+1", CsvColumns.formulaSafe("=1+1"));
        assertEquals("'-2", CsvColumns.formulaSafe("-2"));
        assertEquals("'@A1", CsvColumns.formulaSafe("@A1"));
        assertEquals("'\tx", CsvColumns.formulaSafe("\tx"));
        assertEquals("Lavrov", CsvColumns.formulaSafe("Lavrov"));
        assertEquals("''=1", CsvColumns.formulaSafe("'=1"), "apostrophes before a formula get one more");
        assertEquals("'Tis", CsvColumns.formulaSafe("'Tis"));
    }

    @Test
    void theFormulaApostropheCanAlwaysBeTakenOffAgain() {
        for (String text : List.of("=1+1", "-2", "'=1", "''@A1", "'Tis", "Lavrov", "'", "")) {
            assertEquals(text, CsvColumns.withoutFormulaPrefix(CsvColumns.formulaSafe(text)));
        }
    }

    @Test
    void aStreamStartsWhereItsCursorPoints() {
        String cursor =
                given().queryParam("limit", 200).get(list()).then().extract().path("nextCursor");
        String body = given().accept(ListFormat.APPLICATION_NDJSON)
                .queryParam("cursor", cursor)
                .get(list())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(OFFICIALS - 200, body.split("\n").length);
    }

    @Test
    void everyListStreamsInBothFormats() {
        String official = Fixtures.official("Listed Streamer", "NZ");
        for (String path : List.of(
                "/api/v1/officials",
                "/api/v1/topics",
                "/api/v1/sources",
                "/api/v1/statements",
                "/api/v1/positions",
                "/api/v1/keys",
                "/api/v1/officials/" + official + "/statements",
                "/api/v1/officials/" + official + "/positions",
                "/api/v1/officials/" + official + "/history")) {
            for (String format : List.of(ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON)) {
                given().accept(format).get(path).then().statusCode(200).contentType(format);
            }
        }
    }

    @Test
    void aBadFilterIsStillAProblemAndJsonStaysTheDefault() {
        given().accept(ListFormat.TEXT_CSV)
                .get("/api/v1/statements?quoteType=bogus")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().accept(ListFormat.APPLICATION_NDJSON)
                .get("/api/v1/officials?limit=0")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().accept("application/xml").get("/api/v1/officials").then().statusCode(406);
        given().accept("text/csv;q=0.5, application/json")
                .get(list())
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("total", equalTo(OFFICIALS));
    }

    @Test
    void theOpenApiDocumentDescribesBothFormats() {
        JsonPath document = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Object> content = document.getMap("paths.'/api/v1/officials'.get.responses.'200'.content");
        assertEquals("string", ((Map<?, ?>) ((Map<?, ?>) content.get("text/csv")).get("schema")).get("type"));
        assertEquals(
                "#/components/schemas/Official",
                document.getString(
                        "paths.'/api/v1/officials'.get.responses.'200'.content.'application/x-ndjson'.schema.allOf[0].'$ref'"));
    }
}
