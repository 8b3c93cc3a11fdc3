package org.demarche.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An export imported into an empty database gives the same export back: every record, under its id,
 * with every field and reference.
 */
@EnabledIfSystemProperty(named = "demarche.it.db", matches = "h2")
class ExportImportIT {

    private static final Path WORK = Path.of("target/it/export-import").toAbsolutePath();

    @Test
    void anExportImportedIntoAnEmptyDatabaseExportsTheSame() throws IOException {
        Directories.deleteTree(WORK);
        String exported;
        try (AppInstance original = AppInstance.launch(
                        "export-original",
                        Map.of(
                                "DEMARCHE_DATA_DIR",
                                WORK.resolve("original").toString(),
                                "DEMARCHE_SAMPLE_DATA",
                                "true"))
                .awaitReady()) {
            String official = original.create(
                    "officials",
                    Map.of(
                            "name",
                            "Round Trip",
                            "country",
                            "BE",
                            "aliases",
                            List.of("=1+1", "Trip"),
                            "offices",
                            List.of(Map.of("title", "Envoy", "country", "BE", "startDate", "2020-01"))));
            String parent = original.create("topics", Map.of("slug", "zz-round", "name", "Round"));
            String child = original.create(
                    "topics",
                    Map.of("slug", "aa-trip", "name", "Trip", "parentId", parent, "codes", Map.of("cameo", "042")));
            String source = original.create(
                    "sources",
                    Map.of(
                            "url",
                            "https://example.org/round-trip",
                            "outlet",
                            "Trip Times",
                            "authors",
                            List.of("A. Writer"),
                            "publishedAt",
                            "2025-05-05"));
            String statement = original.create(
                    "statements",
                    Map.of(
                            "officialId",
                            official,
                            "text",
                            "Ünïcödé, \"quoted\"",
                            "quoteType",
                            "partial_quote",
                            "statedOn",
                            "2025-05",
                            "topicIds",
                            List.of(child),
                            "sourceIds",
                            List.of(source),
                            "mentions",
                            List.of("UA", official),
                            "verification",
                            "verified"));
            original.create(
                    "positions",
                    Map.of(
                            "officialId",
                            official,
                            "topicId",
                            child,
                            "stance",
                            "supports",
                            "validFrom",
                            "2025-01",
                            "validTo",
                            "2025-04",
                            "evidence",
                            List.of(Map.of("statementId", statement, "relation", "supports"))));
            original.create(
                    "positions",
                    Map.of(
                            "officialId",
                            official,
                            "topicId",
                            child,
                            "stance",
                            "opposes",
                            "validFrom",
                            "2025-05",
                            "conditions",
                            List.of("no ceasefire")));
            exported = original.anonymous()
                    .get("/api/v1/export")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
        }
        long records = exported.lines().count();

        try (AppInstance copy = AppInstance.launch(
                        "export-copy",
                        Map.of("DEMARCHE_DATA_DIR", WORK.resolve("copy").toString()))
                .awaitReady()) {
            JsonPath report = copy.admin()
                    .contentType("application/x-ndjson")
                    .body(exported.getBytes(StandardCharsets.UTF_8))
                    .queryParam("mode", "replace")
                    .post("/api/v1/import")
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .extract()
                    .jsonPath();
            assertEquals(records, report.getLong("created"), report.prettify());
            assertEquals(0, report.getInt("rejected"));
            assertEquals(
                    exported,
                    copy.anonymous()
                            .get("/api/v1/export")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString());
            assertEquals(
                    records,
                    copy.admin()
                            .contentType("application/x-ndjson")
                            .body(exported.getBytes(StandardCharsets.UTF_8))
                            .queryParam("mode", "replace")
                            .post("/api/v1/import")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getLong("unchanged"),
                    "a second import changes nothing");
        }
    }
}
