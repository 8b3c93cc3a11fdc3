package org.demarche.search.opensearch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SearchCaughtUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * OpenSearch loses the statement index (a node replaced with an empty disk, a cluster restored from an
 * older snapshot) and something squats the alias's name with an index of its own, as OpenSearch does when
 * a document is written to a missing index. The follower notices at its next write, rebuilds from the
 * database and takes the name back: every statement, old and new, is found again, and no write made the
 * squatting index.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*postgres.*")
class LostIndexTest {

    // Instances: on H2 these beans do not exist, and this class is a bean all the same.
    @Inject
    Instance<SearchCluster> clusters;

    @Inject
    Instance<StatementIndex> indices;

    @Test
    void aLostIndexIsRebuiltAndItsNameTakenBack() throws InterruptedException {
        SearchCluster cluster = clusters.get();
        StatementIndex index = indices.get();
        String official = Fixtures.official("Lost Index " + Fixtures.unique(), "NO");
        String before = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "Walruses before the loss",
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024-03"));
        SearchCaughtUp.await();

        JsonNode named = cluster.call("GET", "/_alias/" + index.alias(), null);
        named.fieldNames().forEachRemaining(concrete -> cluster.call("DELETE", "/" + concrete, null));
        cluster.call("PUT", "/" + index.alias(), Map.of());
        String after = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "Narwhals after the loss",
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024-04"));

        assertFound("walruses", before);
        assertFound("narwhals", after);
        JsonNode behind = cluster.call("GET", "/" + index.alias(), null);
        assertFalse(
                behind.has(index.alias()),
                "the alias names a rebuilt index again: " + behind.fieldNames().next());
        assertTrue(behind.fieldNames().next().startsWith(index.alias() + "-"), behind.toString());
    }

    /** Waits, a minute at most, until a search for the word finds exactly this statement. */
    private static void assertFound(String word, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        Response answer = given().queryParam("q", word).get("/api/v1/statements");
        while (!(answer.statusCode() == 200
                && answer.jsonPath().getList("items.id").equals(List.of(id)))) {
            assertTrue(
                    System.nanoTime() < deadline,
                    "a search for " + word + " finds " + id + " again: " + answer.asString());
            Thread.sleep(100);
            answer = given().queryParam("q", word).get("/api/v1/statements");
        }
    }
}
