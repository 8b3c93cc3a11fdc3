package org.demarche.bulk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.common.stream.ListFormat;
import org.junit.jupiter.api.Test;

/**
 * An import's report is bounded however many lines are bad: exact counts and the first 1 000 problems in
 * JSON, and every problem, as the import goes, in the NDJSON report.
 */
@QuarkusTest
@SendsAdminKey
class ImportReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A topic line, then {@code bad} lines that are not JSON, then another topic line. */
    private static byte[] file(String u, int bad) {
        StringBuilder file =
                new StringBuilder("{\"type\":\"topic\",\"slug\":\"first-" + u + "\",\"name\":\"First\"}\n");
        IntStream.range(0, bad).forEach(i -> file.append("not json ").append(i).append('\n'));
        file.append("{\"type\":\"topic\",\"slug\":\"last-").append(u).append("\",\"name\":\"Last\"}\n");
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theJsonReportCountsEveryProblemAndListsTheFirstThousand() {
        JsonPath report = given().contentType(ListFormat.APPLICATION_NDJSON)
                .body(file(Fixtures.unique(), 1500))
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
        assertEquals(1502, report.getInt("lines"));
        assertEquals(2, report.getInt("created"));
        assertEquals(1500, report.getInt("rejected"));
        assertEquals(1500, report.getLong("errorCount"));
        List<Integer> lines = report.getList("errors.line", Integer.class);
        assertEquals(IntStream.rangeClosed(2, 1001).boxed().toList(), lines);
    }

    @Test
    void theNdjsonReportStreamsEveryProblemThenTheReport() throws Exception {
        String u = Fixtures.unique();
        String body = given().contentType(ListFormat.APPLICATION_NDJSON)
                .accept(ListFormat.APPLICATION_NDJSON)
                .body(file(u, 1500))
                .queryParam("dryRun", true)
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .contentType(ListFormat.APPLICATION_NDJSON)
                .extract()
                .asString();
        List<String> lines = body.lines().toList();
        assertEquals(1501, lines.size());
        for (int i = 0; i < 1500; i++) {
            JsonNode problem = JSON.readTree(lines.get(i));
            assertEquals(i + 2, problem.get("line").asInt(), lines.get(i));
            assertEquals("is not valid JSON", problem.get("message").asText());
        }
        JsonNode report = JSON.readTree(lines.get(1500));
        assertTrue(report.get("dryRun").asBoolean());
        assertEquals(2, report.get("created").asInt());
        assertEquals(1500, report.get("rejected").asInt());
        assertEquals(1500, report.get("errorCount").asInt());
        assertEquals(0, report.get("errors").size());
        given().get("/api/v1/topics/first-" + u).then().statusCode(404);
    }

    @Test
    void aLineGivingAKeyTwiceIsRejectedNamingTheKeyAndWhereItIs() {
        String u = Fixtures.unique();
        String file = "{\"type\":\"topic\",\"slug\":\"twice-" + u + "\",\"name\":\"A\",\"name\":\"B\"}\n"
                + "{\"type\":\"official\",\"name\":\"Twice " + u + "\",\"country\":\"FR\","
                + "\"offices\":[{\"title\":\"a\",\"title\":\"b\",\"startDate\":\"2020\"}]}\n";
        JsonPath report = given().contentType(ListFormat.APPLICATION_NDJSON)
                .body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(2, report.getInt("rejected"));
        assertEquals(
                "gives the key 'name' twice in one object, at /name; each key may appear once",
                report.getString("errors[0].message"));
        assertTrue(
                report.getString("errors[1].message").contains("'title' twice in one object, at /offices/0/title"),
                report.prettify());
        given().get("/api/v1/topics/twice-" + u).then().statusCode(404);
    }

    @Test
    void aProblemQuotingALongValueIsCut() {
        String slug = "x".repeat(40_000);
        JsonPath report = given().contentType(ListFormat.APPLICATION_NDJSON)
                .body(("{\"type\":\"topic\",\"slug\":\"child-" + Fixtures.unique()
                                + "\",\"name\":\"Child\",\"parent\":\"" + slug + "\",\"" + slug + "\":1}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(1, report.getInt("rejected"));
        for (Map<String, String> error : report.<Map<String, String>>getList("errors")) {
            assertTrue(error.get("message").length() <= LineError.MAX_TEXT, error.get("message"));
            assertTrue(error.get("field").length() <= LineError.MAX_TEXT, error.get("field"));
        }
        assertTrue(report.getString("errors[0].message").endsWith("…"), report.getString("errors[0].message"));
    }

    @Test
    void aDryRunChecksTheFirst20000LinesAndCountsTheRest() throws Exception {
        String body = given().contentType(ListFormat.APPLICATION_NDJSON)
                .accept(ListFormat.APPLICATION_NDJSON)
                .body("not json\n".repeat(Import.DRY_RUN_LINES + 3).getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", true)
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> lines = body.lines().toList();
        assertEquals(Import.DRY_RUN_LINES + 2, lines.size());
        JsonNode note = JSON.readTree(lines.get(Import.DRY_RUN_LINES));
        assertEquals(Import.DRY_RUN_LINES + 1, note.get("line").asInt());
        assertTrue(note.get("message").asText().startsWith("was not checked"), note.toString());
        JsonNode report = JSON.readTree(lines.get(Import.DRY_RUN_LINES + 1));
        assertEquals(Import.DRY_RUN_LINES + 3, report.get("lines").asInt());
        assertEquals(Import.DRY_RUN_LINES, report.get("rejected").asInt());
        assertEquals(Import.DRY_RUN_LINES + 1, report.get("errorCount").asInt());
    }

    @Test
    void aCsvHeaderTheImportCannotReadIsAProblemBeforeTheNdjsonReportStarts() {
        given().contentType(ListFormat.TEXT_CSV)
                .accept(ListFormat.APPLICATION_NDJSON)
                .body("text,planet\r\nWords,Mars\r\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
