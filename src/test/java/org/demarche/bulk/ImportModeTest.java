package org.demarche.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.common.stream.ListFormat;
import org.junit.jupiter.api.Test;

/**
 * What a line means for the fields it leaves out: in merge mode (the default) they stay as stored, in
 * replace mode they are emptied, which is what restores an export exactly; and a report that shows, field by
 * field, what an update changes (or in a dry run would change) without writing it.
 */
@QuarkusTest
@SendsAdminKey
class ImportModeTest {

    private static JsonPath importing(String contentType, String body, Map<String, ?> params) {
        return given().contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .queryParams(params)
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath();
    }

    /** A statement with every optional field set, by import; answers its id. */
    private static String fullStatement(String q, String u) {
        Fixtures.topic("mode-" + u, null);
        importing(
                ListFormat.APPLICATION_NDJSON,
                "{\"type\":\"official\",\"name\":\"Mode " + u + "\",\"country\":\"FI\",\"wikidataId\":\"" + q + "\"}\n"
                        + "{\"type\":\"statement\",\"official\":{\"wikidataId\":\"" + q + "\"},\"text\":\"Words " + u
                        + "\",\"quoteType\":\"direct_quote\",\"statedOn\":\"2025-04\",\"language\":\"fi\","
                        + "\"venue\":\"Helsinki\",\"medium\":\"interview\",\"topics\":[\"mode-" + u + "\"],"
                        + "\"mentions\":[\"SE\"],\"notes\":\"Checked\"}\n",
                Map.of());
        String official = given().get("/api/v1/officials?wikidataId=" + q)
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].id");
        return given().get("/api/v1/statements?officialId=" + official)
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
    }

    private static String wikidataId() {
        return "Q7" + ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999);
    }

    /** The line a researcher writes by hand: the natural key and one changed field. */
    private static String venueLine(String q, String u, String venue) {
        return "{\"type\":\"statement\",\"official\":{\"wikidataId\":\"" + q + "\"},\"text\":\"Words " + u
                + "\",\"quoteType\":\"direct_quote\",\"statedOn\":\"2025-04\",\"venue\":\"" + venue + "\"}\n";
    }

    @Test
    void aMergeLineSetsTheFieldsItHasAndKeepsTheOthersByDefault() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String id = fullStatement(q, u);

        JsonPath report = importing(ListFormat.APPLICATION_NDJSON, venueLine(q, u, "Turku"), Map.of());

        assertEquals("merge", report.getString("mode"));
        assertEquals(1, report.getInt("updated"));
        assertEquals(id, report.getString("updates[0].id"));
        assertEquals(List.of("venue"), report.getList("updates[0].changes.field"));
        given().get("/api/v1/statements/" + id)
                .then()
                .body("venue", equalTo("Turku"))
                .body("language", equalTo("fi"))
                .body("medium", equalTo("interview"))
                .body("topics[0].slug", equalTo("mode-" + u))
                .body("mentions", equalTo(List.of("SE")))
                .body("notes", equalTo("Checked"));

        // A null in NDJSON empties the field, as in a merge patch.
        importing(
                ListFormat.APPLICATION_NDJSON,
                "{\"type\":\"statement\",\"id\":\"" + id + "\",\"notes\":null}\n",
                Map.of("mode", "merge"));
        given().get("/api/v1/statements/" + id)
                .then()
                .body("notes", nullValue())
                .body("language", equalTo("fi"));
    }

    @Test
    void anEmptyCsvCellKeepsTheStoredValueInMergeMode() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String id = fullStatement(q, u);
        String csv = "official.wikidataId,text,quoteType,statedOn,language,venue,medium,topics,notes\r\n" + q
                + ",Words " + u + ",direct_quote,2025-04,,Oulu,,,\r\n";

        JsonPath report = importing(ListFormat.TEXT_CSV, csv, Map.of());

        assertEquals(1, report.getInt("updated"));
        given().get("/api/v1/statements/" + id)
                .then()
                .body("venue", equalTo("Oulu"))
                .body("language", equalTo("fi"))
                .body("medium", equalTo("interview"))
                .body("topics[0].slug", equalTo("mode-" + u))
                .body("notes", equalTo("Checked"));

        // In replace mode the same row is the whole statement: its empty cells empty the fields.
        assertEquals(
                1,
                importing(ListFormat.TEXT_CSV, csv, Map.of("mode", "replace")).getInt("updated"));
        given().get("/api/v1/statements/" + id)
                .then()
                .body("venue", equalTo("Oulu"))
                .body("language", nullValue())
                .body("medium", nullValue())
                .body("topics", empty())
                .body("notes", nullValue());
    }

    @Test
    void aReplaceLineEmptiesTheFieldsItLeavesOut() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String id = fullStatement(q, u);

        JsonPath report =
                importing(ListFormat.APPLICATION_NDJSON, venueLine(q, u, "Tampere"), Map.of("mode", "replace"));

        assertEquals("replace", report.getString("mode"));
        assertEquals(1, report.getInt("updated"));
        given().get("/api/v1/statements/" + id)
                .then()
                .body("venue", equalTo("Tampere"))
                .body("language", nullValue())
                .body("medium", nullValue())
                .body("topics", empty())
                .body("mentions", empty())
                .body("notes", nullValue());
    }

    private static String exportLine(String id) {
        return given().get("/api/v1/export")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.contains("\"id\":\"" + id + "\""))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anExportedLineImportedInReplaceModeRestoresTheRecordExactly() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String id = fullStatement(q, u);
        String exported = exportLine(id);
        given().contentType("application/merge-patch+json")
                .body("{\"venue\":\"Espoo\",\"language\":null,\"topicIds\":[],\"notes\":null}")
                .patch("/api/v1/statements/" + id)
                .then()
                .statusCode(200);
        assertNotEquals(exported, exportLine(id));

        JsonPath report = importing(ListFormat.APPLICATION_NDJSON, exported + "\n", Map.of("mode", "replace"));

        assertEquals(1, report.getInt("updated"));
        assertEquals(exported, exportLine(id));
        assertEquals(
                1,
                importing(ListFormat.APPLICATION_NDJSON, exported + "\n", Map.of("mode", "replace"))
                        .getInt("unchanged"));
    }

    @Test
    void aDryRunListsTheFieldsThatWouldChangeAndWritesNothing() {
        String u = Fixtures.unique();
        String q = wikidataId();
        String id = fullStatement(q, u);
        int version = given().get("/api/v1/statements/" + id).then().extract().path("version");

        JsonPath report = importing(
                ListFormat.APPLICATION_NDJSON, venueLine(q, u, "Vaasa"), Map.of("dryRun", true, "mode", "replace"));

        assertEquals(true, report.getBoolean("dryRun"));
        assertEquals(1, report.getInt("updated"));
        assertEquals(id, report.getString("updates[0].id"));
        assertEquals("statement", report.getString("updates[0].type"));
        assertEquals(1, report.getInt("updates[0].line"));
        Map<String, Map<String, Object>> changes = new HashMap<>();
        List<Map<String, Object>> listed = report.getList("updates[0].changes");
        listed.forEach(change -> changes.put((String) change.get("field"), change));
        assertEquals(Map.of("field", "venue", "before", "Helsinki", "after", "Vaasa"), changes.get("venue"));
        assertEquals("fi", changes.get("language").get("before"));
        assertEquals(null, changes.get("language").get("after"));
        assertEquals(List.of("SE"), changes.get("mentions").get("before"));
        given().get("/api/v1/statements/" + id)
                .then()
                .body("venue", equalTo("Helsinki"))
                .body("language", equalTo("fi"))
                .body("version", equalTo(version));
    }

    @Test
    void anUnknownModeIsAProblemNamingTheModes() {
        given().contentType(ListFormat.APPLICATION_NDJSON)
                .body(("{\"type\":\"topic\",\"slug\":\"never-" + Fixtures.unique() + "\",\"name\":\"Never\"}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .queryParam("mode", "upsert")
                .post("/api/v1/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("merge, replace"));
    }
}
