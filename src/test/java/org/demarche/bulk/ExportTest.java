package org.demarche.bulk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.demarche.common.stream.ListFormat;
import org.junit.jupiter.api.Test;

/**
 * The export is every record, one a line, typed, in an order where references come first, each in the
 * shape a client writes: a line without its type and id can be PUT back as it is.
 */
@QuarkusTest
@SendsAdminKey
class ExportTest {

    private static final List<String> KINDS = List.of("official", "topic", "source", "event", "statement", "position");

    @Test
    void everyRecordIsALineReferencesFirstInTheShapeAClientWrites() throws Exception {
        String u = Fixtures.unique();
        String official = Fixtures.official("Exported Official " + u, "PT");
        String parent = Fixtures.topic("zz-parent-" + u, null);
        String child = Fixtures.topic("aa-child-" + u, parent);
        String source = Fixtures.source("Export Daily");
        String statement = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "Exported words " + u,
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2025-06-01",
                        "topicIds",
                        List.of(child),
                        "sourceIds",
                        List.of(source)));
        String position = Fixtures.create(
                "positions",
                Map.of(
                        "officialId",
                        official,
                        "topicId",
                        child,
                        "stance",
                        "supports",
                        "validFrom",
                        "2025-06",
                        "evidence",
                        List.of(Map.of("statementId", statement, "relation", "supports"))));

        String body = given().get("/api/v1/export")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        assertTrue(body.endsWith("\n"));

        int lastKind = 0;
        for (JsonNode line : lines) {
            int kind = KINDS.indexOf(line.get("type").asText());
            assertTrue(kind >= lastKind, "kinds in order: " + line);
            lastKind = kind;
            assertFalse(
                    line.has("version") || line.has("createdAt") || line.has("official"), "no bookkeeping: " + line);
        }
        assertTrue(indexOf(lines, parent) < indexOf(lines, child), "a parent topic comes before its children");

        JsonNode exported = lines.get(indexOf(lines, statement));
        assertEquals(official, exported.get("officialId").asText());
        assertEquals("Exported words " + u, exported.get("text").asText());
        assertEquals(List.of(child), json.convertValue(exported.get("topicIds"), List.class));
        assertEquals(
                statement,
                lines.get(indexOf(lines, position))
                        .at("/evidence/0/statementId")
                        .asText());

        for (String id : List.of(official, child, source, statement, position)) {
            ObjectNode line = (ObjectNode) lines.get(indexOf(lines, id)).deepCopy();
            String resource = line.get("type").asText() + "s";
            line.remove(List.of("type", "id"));
            given().contentType(ContentType.JSON)
                    .body(line.toString())
                    .put("/api/v1/" + resource + "/" + id)
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void anEventAndAStatementMadeThereRoundTrip() throws Exception {
        String u = Fixtures.unique();
        String ministry = Fixtures.create(
                "officials", Map.of("name", "Round Trip Ministry " + u, "kind", "organisation", "country", "FR"));
        String spokesman = Fixtures.official("Round Trip Spokesman " + u, "FR");
        String source = Fixtures.source("Round Trip Readouts");
        String event = Fixtures.create(
                "events",
                Map.of(
                        "kind",
                        "press_conference",
                        "title",
                        "Round trip press conference " + u,
                        "heldOn",
                        "2025-03",
                        "venue",
                        "Paris",
                        "hostId",
                        ministry,
                        "participantIds",
                        List.of(spokesman, ministry),
                        "sourceIds",
                        List.of(source)));
        Map<String, Object> said = new java.util.HashMap<>(Map.of(
                "officialId",
                spokesman,
                "text",
                "Round trip words " + u,
                "quoteType",
                "direct_quote",
                "statedOn",
                "2025-03",
                "eventId",
                event,
                "eventOrder",
                4,
                "attribution",
                "THE SPOKESMAN",
                "role",
                "Spokesman of the Ministry",
                "inReplyTo",
                Map.of("question", "And the talks?", "asker", "AFP")));
        String statement = Fixtures.create("statements", said);
        ObjectMapper json = new ObjectMapper();
        JsonNode eventBefore = stored(json, "events", event);
        JsonNode statementBefore = stored(json, "statements", statement);

        String body =
                given().get("/api/v1/export").then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        assertTrue(indexOf(lines, source) < indexOf(lines, event));
        assertTrue(indexOf(lines, event) < indexOf(lines, statement));
        JsonNode eventLine = lines.get(indexOf(lines, event));
        JsonNode statementLine = lines.get(indexOf(lines, statement));
        assertEquals(
                "organisation", lines.get(indexOf(lines, ministry)).get("kind").asText());
        assertEquals(event, statementLine.get("eventId").asText());
        assertEquals("AFP", statementLine.at("/inReplyTo/asker").asText());

        given().delete("/api/v1/statements/" + statement).then().statusCode(204);
        given().delete("/api/v1/events/" + event).then().statusCode(204);
        given().contentType(ListFormat.APPLICATION_NDJSON)
                .body((eventLine + "\n" + statementLine + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .body("byType.event.created", equalTo(1))
                .body("byType.statement.created", equalTo(1))
                .body("rejected", equalTo(0));
        assertEquals(eventBefore, stored(json, "events", event));
        assertEquals(statementBefore, stored(json, "statements", statement));
        // Imported again, the same lines change nothing.
        given().contentType(ListFormat.APPLICATION_NDJSON)
                .body((eventLine + "\n" + statementLine + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .body("byType.event.unchanged", equalTo(1))
                .body("byType.statement.unchanged", equalTo(1));
    }

    @Test
    void aJointStatementKeepsItsSignatoriesThroughExportAndImport() throws Exception {
        String u = Fixtures.unique();
        String russia = Fixtures.official("Joint Russia " + u, "RU");
        String china = Fixtures.official("Joint China " + u, "CN");
        String india = Fixtures.official("Joint India " + u, "IN");
        String statement = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        russia,
                        "signatoryIds",
                        List.of(india, china),
                        "text",
                        "Jointly declared " + u,
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2025-05"));
        ObjectMapper json = new ObjectMapper();
        JsonNode before = stored(json, "statements", statement);

        String body =
                given().get("/api/v1/export").then().statusCode(200).extract().asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        JsonNode line = lines.get(indexOf(lines, statement));
        assertEquals(List.of(india, china), json.convertValue(line.get("signatoryIds"), List.class));
        assertTrue(indexOf(lines, china) < indexOf(lines, statement));

        given().delete("/api/v1/statements/" + statement).then().statusCode(204);
        given().contentType(ListFormat.APPLICATION_NDJSON)
                .body((line + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/import")
                .then()
                .statusCode(200)
                .body("byType.statement.created", equalTo(1))
                .body("rejected", equalTo(0));
        assertEquals(before, stored(json, "statements", statement));
        given().queryParam("officialId", china)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(statement));
    }

    /** The record as GET shows it, without what a new copy of it has anew (version and times). */
    private static JsonNode stored(ObjectMapper json, String resource, String id) throws Exception {
        ObjectNode record = (ObjectNode) json.readTree(given().get("/api/v1/" + resource + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        record.remove(List.of("version", "createdAt", "updatedAt"));
        return record;
    }

    private static int indexOf(List<JsonNode> lines, String id) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("Not exported: " + id);
    }
}
