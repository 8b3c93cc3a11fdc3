package org.demarche.bulk;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.Test;

/**
 * The export is every record, one a line, typed, in an order where references come first, each in the
 * shape a client writes: a line without its type and id can be PUT back as it is.
 */
@QuarkusTest
@SendsAdminKey
class ExportTest {

    private static final List<String> KINDS = List.of("official", "topic", "source", "statement", "position");

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

    private static int indexOf(List<JsonNode> lines, String id) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("Not exported: " + id);
    }
}
