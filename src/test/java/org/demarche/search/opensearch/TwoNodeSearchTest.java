package org.demarche.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.demarche.official.Official;
import org.demarche.statement.QuoteType;
import org.demarche.statement.SearchQuery;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.StatementService;
import org.demarche.statement.Verification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A cluster of two OpenSearch nodes, started by {@code .ci/opensearch} in their own JVMs on ports
 * 9250/9350 and 9251/9351: an index of 2 shards with 1 replica each, on both nodes, keeps answering
 * searches, with the same totals, after one node stops. The stopped node holds data only; the other is
 * the cluster manager (a cluster of two cannot lose its manager: it takes three for that).
 */
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*postgres.*")
class TwoNodeSearchTest {

    private static final int STATEMENTS = 300;
    private static final String CLUSTER =
            "demarche-pair-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Path HOMES = Path.of("target", "opensearch-pair");

    private static SearchCluster cluster;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        deleteHomes();
        node(9250, 9350, "cluster_manager,data,ingest");
        node(9251, 9351, "data,ingest");
        cluster = new SearchCluster(
                "http://127.0.0.1:9250,http://127.0.0.1:9251", Optional.empty(), Optional.empty(), "demarche-pair");
    }

    @AfterAll
    static void stopNodes() throws Exception {
        stop(9251);
        stop(9250);
        deleteHomes();
    }

    private static void node(int http, int transport, String roles) throws Exception {
        ProcessBuilder start = new ProcessBuilder("bash", ".ci/opensearch").inheritIO();
        start.environment()
                .putAll(Map.of(
                        "OPENSEARCH_HTTP_PORT",
                        Integer.toString(http),
                        "OPENSEARCH_TRANSPORT_PORT",
                        Integer.toString(transport),
                        "OPENSEARCH_CLUSTER",
                        CLUSTER,
                        "OPENSEARCH_HOME",
                        HOMES.resolve(Integer.toString(http)).toString(),
                        "OPENSEARCH_HEAP",
                        "512m",
                        "OPENSEARCH_SEEDS",
                        "127.0.0.1:9350,127.0.0.1:9351",
                        "OPENSEARCH_MANAGERS",
                        "node-9250",
                        "OPENSEARCH_ROLES",
                        roles));
        assertEquals(0, start.start().waitFor(), "node on " + http + " did not start");
    }

    private static void stop(int http) throws Exception {
        File pid = HOMES.resolve(Integer.toString(http)).resolve("node.pid").toFile();
        if (pid.exists()) {
            long id = Long.parseLong(Files.readString(pid.toPath()).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(id);
            if (process.isPresent()) {
                process.get().destroy();
                process.get().onExit().get();
            }
        }
    }

    private static void deleteHomes() throws IOException {
        if (Files.exists(HOMES)) {
            try (Stream<Path> files = Files.walk(HOMES)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void searchesKeepAnsweringWhenANodeStops() throws Exception {
        StatementIndex index = new StatementIndex(cluster, 2, 1);
        String created = index.create(UUID.randomUUID().toString());
        index.write(created, statements(), Map.of());
        index.swapTo(created);
        JsonNode health = cluster.call(
                "GET", "/_cluster/health/" + created, null, Map.of("wait_for_status", "green", "timeout", "120s"));
        assertEquals("green", health.path("status").asText(), "2 shards and their replicas on two nodes");
        assertEquals(2, health.path("number_of_nodes").asInt());

        OpenSearchStatementSearch search = new OpenSearchStatementSearch(cluster, index, null);
        StatementCriteria ceasefire = new StatementCriteria(
                SearchQuery.parse("ceasefire"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        long before = search.search(ceasefire, null, 0, 20).total();
        assertEquals(STATEMENTS / 2, before);

        stop(9251);
        assertEquals(
                1,
                cluster.call("GET", "/_cluster/health", null, Map.of("wait_for_nodes", "1", "timeout", "60s"))
                        .path("number_of_nodes")
                        .asInt(),
                "one node left");
        for (int i = 0; i < 20; i++) {
            assertEquals(
                    before, search.search(ceasefire, null, 0, 20).total(), "search " + i + " after a node stopped");
            assertEquals(
                    STATEMENTS,
                    search.search(
                                    new StatementCriteria(
                                            null, null, null, null, null, null, null, null, null, null, null, null,
                                            null, null, null, null),
                                    StatementService.SORTING.resolve("-statedOn"),
                                    0,
                                    20)
                            .total());
        }
    }

    private static List<Statement> statements() {
        Official official = new Official();
        official.id = UUID.randomUUID();
        official.country = "UA";
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < STATEMENTS; i++) {
            Statement statement = new Statement();
            statement.id = UUID.randomUUID();
            statement.version = 1;
            statement.official = official;
            statement.text = (i % 2 == 0 ? "A ceasefire now, " : "No truce yet, ") + "statement " + i + ".";
            statement.quoteType = QuoteType.values()[0];
            statement.verification = Verification.values()[0];
            statement.statedOnStart = LocalDate.of(2024, 1, 1).plusDays(i);
            statement.statedOnEnd = statement.statedOnStart;
            statement.createdAt = Instant.parse("2024-06-01T00:00:00Z").plusSeconds(i);
            statement.updatedAt = statement.createdAt;
            statements.add(statement);
        }
        return statements;
    }
}
