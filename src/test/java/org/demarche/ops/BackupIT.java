package org.demarche.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An online backup of the embedded database, taken through the API while the app runs, restored into a
 * fresh instance (a new data directory, no search index) finds the same records and the same search
 * results, and nothing written after the backup.
 */
@EnabledIfSystemProperty(named = "demarche.it.db", matches = "h2")
class BackupIT {

    private static final Path WORK = Path.of("target/it/backup").toAbsolutePath();
    private static final List<String> READS = List.of(
            "/api/v1/officials?limit=200",
            "/api/v1/topics?limit=200",
            "/api/v1/sources?limit=200",
            "/api/v1/statements?limit=200&sort=statedOn",
            "/api/v1/positions?limit=200",
            "/api/v1/statements?q=negotiations",
            "/api/v1/statements?q=%22national+interests%22",
            "/api/v1/statements/facets");

    @Test
    void aBackupRestoredIntoAFreshInstanceHasTheSameDataAndSearchResults() throws IOException {
        Directories.deleteTree(WORK);
        Path original = WORK.resolve("original");
        Path restored = WORK.resolve("restored");
        byte[] backup;
        Map<String, String> before;
        String afterBackup;
        try (AppInstance app = AppInstance.launch(
                        "backup-original",
                        Map.of("DEMARCHE_DATA_DIR", original.toString(), "DEMARCHE_SAMPLE_DATA", "true"))
                .awaitReady()) {
            String official = app.create("officials", Map.of("name", "Backup Official", "country", "NO"));
            String source = app.create("sources", Map.of("url", "https://example.org/fjords", "outlet", "Backup Post"));
            app.create(
                    "statements",
                    Map.of(
                            "officialId",
                            official,
                            "text",
                            "Fjords are negotiations in slow motion",
                            "quoteType",
                            "direct_quote",
                            "statedOn",
                            "2026-11-25",
                            "sourceIds",
                            List.of(source)));
            before = read(app);

            Response taken = app.admin().post("/api/v1/admin/backups");
            taken.then().statusCode(201).contentType(ContentType.JSON);
            backup = app.admin()
                    .get(taken.header("Location"))
                    .then()
                    .statusCode(200)
                    .contentType("application/zip")
                    .extract()
                    .asByteArray();

            afterBackup = app.create("topics", Map.of("slug", "after-the-backup", "name", "Written after the backup"));
            app.anonymous().get("/api/v1/topics/" + afterBackup).then().statusCode(200);
        }

        unzip(backup, restored);
        try (AppInstance app = AppInstance.launch(
                        "backup-restored",
                        Map.of("DEMARCHE_DATA_DIR", restored.toString(), "DEMARCHE_SAMPLE_DATA", "true"))
                .awaitReady()) {
            assertEquals(before, read(app));
            app.anonymous().get("/api/v1/topics/" + afterBackup).then().statusCode(404);
        }
    }

    @Test
    void onlyTheNewestBackupsAreKeptAndOneCanBeDeleted() throws IOException {
        Path data = WORK.resolve("kept");
        Directories.deleteTree(data);
        try (AppInstance app = AppInstance.launch(
                        "backup-kept", Map.of("DEMARCHE_DATA_DIR", data.toString(), "DEMARCHE_BACKUP_KEEP", "2"))
                .awaitReady()) {
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                taken.add(app.admin()
                        .post("/api/v1/admin/backups")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("name"));
            }
            assertEquals(
                    List.of(taken.get(2), taken.get(1)),
                    app.admin()
                            .get("/api/v1/admin/backups")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("items.name"));
            app.admin().delete("/api/v1/admin/backups/" + taken.get(1)).then().statusCode(204);
            assertEquals(
                    List.of(taken.get(2)),
                    app.admin()
                            .get("/api/v1/admin/backups")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("items.name"));
        }
    }

    /** Each read's body, keyed by its path; the search index of the restored instance was rebuilt at start. */
    private static Map<String, String> read(AppInstance app) {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String path : READS) {
            bodies.put(
                    path,
                    app.anonymous().get(path).then().statusCode(200).extract().asString());
        }
        assertFalse(bodies.get(READS.get(5)).contains("\"total\":0"), "the search finds something");
        return bodies;
    }

    private static void unzip(byte[] zip, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (!target.startsWith(directory)) {
                    throw new IOException("Entry outside the directory: " + entry.getName());
                }
                Files.copy(entries, target);
            }
        }
    }
}
