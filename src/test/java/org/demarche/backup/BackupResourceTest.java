package org.demarche.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What the backup calls answer when there is nothing to back up or download. Taking, downloading and
 * restoring a backup of a database on disk is tested on the packaged app (BackupIT), since the tests'
 * H2 database lives in memory.
 */
@QuarkusTest
class BackupResourceTest {

    @Test
    void onlyFilesNamedAsBackupsAreServed() {
        for (String name : new String[] {"demarche-20261125T000000000Z.zip", "..%2Fdemarche.mv.db", "demarche.mv.db"}) {
            given().urlEncodingEnabled(false).get("/api/v1/admin/backups/" + name).then()
                    .statusCode(postgres() ? 501 : 404).contentType("application/problem+json");
        }
    }

    @Test
    void onPostgresqlBackupsArePgDumpsNotAnApiCall() {
        Assumptions.assumeTrue(postgres(), "runs in the PostgreSQL suite");
        given().post("/api/v1/admin/backups").then().statusCode(501).contentType("application/problem+json")
                .body("detail", containsString("pg_dump"));
    }

    private static boolean postgres() {
        return "postgresql".equals(ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class));
    }
}
