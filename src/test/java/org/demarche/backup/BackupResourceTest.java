package org.demarche.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.demarche.SendsAdminKey;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the backup calls serve from the backup directory: backups, and nothing else in it or outside it.
 * Taking a backup of a database on disk and restoring it is tested on the packaged app (BackupIT), as
 * the tests' H2 database lives in memory.
 */
@QuarkusTest
@SendsAdminKey
class BackupResourceTest {

    private static final String BACKUP = "demarche-20261125T000000000Z.zip";
    private static final byte[] CONTENT = "PK not really a zip".getBytes(StandardCharsets.UTF_8);

    @Test
    void onlyFilesNamedAsBackupsAreServed() throws IOException {
        Assumptions.assumeFalse(postgres(), "runs in the H2 suite");
        Path directory = Path.of(ConfigProvider.getConfig().getValue("demarche.backup.dir", String.class));
        Files.createDirectories(directory);
        Files.write(directory.resolve(BACKUP), CONTENT);
        Files.writeString(directory.resolve("notes.txt"), "not a backup");
        Files.writeString(directory.resolve("demarche-20261125T000000001Z.zip.part"), "unfinished");

        assertArrayEquals(
                CONTENT,
                given().get("/api/v1/admin/backups/" + BACKUP)
                        .then()
                        .statusCode(200)
                        .contentType("application/zip")
                        .header("Content-Disposition", containsString(BACKUP))
                        .extract()
                        .asByteArray());
        given().get("/api/v1/admin/backups")
                .then()
                .statusCode(200)
                .body("items.name", equalTo(List.of(BACKUP)))
                .body("total", equalTo(1));
        for (String name : List.of(
                "notes.txt",
                "demarche-20261125T000000001Z.zip.part",
                "..%2F..%2Fpom.xml",
                "demarche-20261125T000000000Z.zip%00",
                "%2Fetc%2Fpasswd")) {
            given().urlEncodingEnabled(false)
                    .get("/api/v1/admin/backups/" + name)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aBackupIsDeletedByItsNameAndNoOtherFileCanBeNamed() throws IOException {
        Assumptions.assumeFalse(postgres(), "runs in the H2 suite");
        Path directory = Path.of(ConfigProvider.getConfig().getValue("demarche.backup.dir", String.class));
        Files.createDirectories(directory);
        String doomed = "demarche-20261124T000000000Z.zip";
        Files.write(directory.resolve(doomed), CONTENT);
        Path notes = Files.writeString(directory.resolve("notes.txt"), "not a backup");

        given().delete("/api/v1/admin/backups/" + doomed).then().statusCode(204);
        given().get("/api/v1/admin/backups/" + doomed).then().statusCode(404);
        given().delete("/api/v1/admin/backups/" + doomed)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(doomed));
        for (String name : List.of(
                "notes.txt",
                "demarche-20261125T000000001Z.zip.part",
                "demarche-x.zip",
                "demarche-20261125T000000000Z.zip%00",
                "..%2F..%2Fpom.xml",
                "..%2Fbackups-test%2Fnotes.txt")) {
            given().urlEncodingEnabled(false)
                    .delete("/api/v1/admin/backups/" + name)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().urlEncodingEnabled(false)
                .delete("/api/v1/admin/backups/..%2F..%2Fpom.xml")
                .then()
                .statusCode(400);
        assertTrue(Files.exists(notes));
        assertTrue(Files.exists(Path.of("pom.xml")));
        given().header("Authorization", "Bearer dmk_unknown")
                .delete("/api/v1/admin/backups/" + BACKUP)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void onPostgresqlBackupsArePgDumpsNotAnApiCall() {
        Assumptions.assumeTrue(postgres(), "runs in the PostgreSQL suite");
        for (String path : List.of("/api/v1/admin/backups", "/api/v1/admin/backups/" + BACKUP)) {
            given().get(path)
                    .then()
                    .statusCode(501)
                    .contentType("application/problem+json")
                    .body("detail", containsString("pg_dump"));
        }
        given().post("/api/v1/admin/backups")
                .then()
                .statusCode(501)
                .contentType("application/problem+json")
                .body("detail", containsString("pg_dump"));
        given().delete("/api/v1/admin/backups/" + BACKUP)
                .then()
                .statusCode(501)
                .contentType("application/problem+json")
                .body("detail", containsString("pg_dump"));
    }

    private static boolean postgres() {
        return "postgresql".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class));
    }
}
