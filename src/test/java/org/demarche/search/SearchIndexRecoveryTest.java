package org.demarche.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;
import javax.sql.DataSource;
import org.demarche.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The Lucene index (embedded H2 only) notices at start when the database holds statements it never
 * saw, as after a crash between a commit and the index update or a restored backup, and rebuilds.
 */
@QuarkusTest
class SearchIndexRecoveryTest {

    @Inject
    Instance<LuceneIndex> lucene;

    @Inject
    DataSource dataSource;

    @Test
    void aStatementWrittenBehindTheIndexsBackIsFoundAfterTheStartUpCheck() throws Exception {
        assumeTrue(lucene.isResolvable(), "PostgreSQL keeps its text index itself");
        String official = Fixtures.official("Recovery " + Fixtures.unique(), "RU");
        UUID id = UUID.randomUUID();
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert =
                        db.prepareStatement("insert into statement (id, version, created_at, updated_at,"
                                + " official_id, body, quote_type, stated_on, stated_on_start, stated_on_end, verification)"
                                + " values (?, 0, current_timestamp, current_timestamp, ?, 'A zeppelin was seen over the border.',"
                                + " 'paraphrase', '2024', date '2024-01-01', date '2024-12-31', 'unverified')")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.fromString(official));
            insert.executeUpdate();
        }
        given().queryParam("q", "zeppelin").get("/api/v1/statements").then().body("total", equalTo(0));

        lucene.get().onStart(null);

        given().queryParam("q", "zeppelin")
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .body("items.id", contains(id.toString()));
    }
}
