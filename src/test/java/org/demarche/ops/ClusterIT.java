package org.demarche.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.demarche.subscription.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two instances of the packaged app (a PostgreSQL build) on one database, as behind a load balancer:
 * nothing a client relies on may live in one instance. They start at the same moment on an empty
 * database, so migrations and first-start seeding race too. Rate limits are on, with a search budget
 * low enough for the last test to spend.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfSystemProperty(named = "demarche.it.db", matches = "postgresql")
class ClusterIT {

    private static final String DATABASE = "demarche_cluster";
    /** Low enough to exhaust in a test; the other tests make only a few searches. */
    private static final int SEARCHES_PER_MINUTE = 40;

    private static AppInstance a;
    private static AppInstance b;

    @BeforeAll
    static void startBothAtOnce() throws SQLException {
        Map<String, String> environment = new HashMap<>(Databases.emptyPostgres(DATABASE));
        environment.putAll(Map.of(
                "DEMARCHE_SAMPLE_DATA",
                "true",
                "DEMARCHE_RATE_LIMIT_ENABLED",
                "true",
                "DEMARCHE_RATE_LIMIT_SEARCHES_PER_MINUTE",
                Integer.toString(SEARCHES_PER_MINUTE),
                "DEMARCHE_RATE_LIMIT_WRITES_PER_MINUTE",
                "100000",
                "DEMARCHE_WEBHOOKS_ALLOW_PRIVATE_TARGETS",
                "true"));
        a = AppInstance.launch("cluster-a", environment);
        b = AppInstance.launch("cluster-b", environment);
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopBoth() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void migrationsAndFirstStartSeedingRunOnceWhenBothStartTogether() throws SQLException {
        try (Connection db =
                        DriverManager.getConnection(Databases.POSTGRES_SERVER + DATABASE, Databases.POSTGRES_USER, "");
                Statement sql = db.createStatement()) {
            assertEquals(
                    0,
                    count(
                            sql,
                            "select count(*) from (select version from flyway_schema_history"
                                    + " where version is not null group by version having count(*) > 1) twice"));
            assertEquals(0, count(sql, "select count(*) from flyway_schema_history where not success"));
            assertEquals(1, count(sql, "select count(*) from api_key where name = 'admin (DEMARCHE_ADMIN_KEY)'"));
            // The sample article's three officials, once each.
            assertEquals(
                    3, count(sql, "select count(*) from official where wikidata_id in ('Q182003', 'Q7747', 'Q22686')"));
        }
    }

    @Test
    void aWriteOnOneIsReadableSearchableAndInTheChangeFeedOnTheOther() throws InterruptedException {
        String feedEnd = readFeed(b, null).end();
        String official = a.create("officials", Map.of("name", "Quentin Quokka", "country", "AU"));
        String source = a.create(
                "sources", Map.of("url", "https://example.org/" + UUID.randomUUID(), "outlet", "Cluster Gazette"));
        Response created = a.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "officialId",
                        official,
                        "text",
                        "Marsupial diplomacy needs patience",
                        "quoteType",
                        "direct_quote",
                        "statedOn",
                        "2026-11-25",
                        "sourceIds",
                        List.of(source)))
                .post("/api/v1/statements");
        created.then().statusCode(201);
        String statement = created.path("id");

        b.anonymous()
                .get("/api/v1/statements/" + statement)
                .then()
                .statusCode(200)
                .header("ETag", created.header("ETag"))
                .body("text", equalTo("Marsupial diplomacy needs patience"));
        // On OpenSearch the index follows commits a moment later.
        b.awaitSearchCaughtUp();
        b.anonymous()
                .get("/api/v1/statements?q=marsupial")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(statement));
        List<String> fed = readFeed(b, feedEnd).ids();
        assertTrue(fed.containsAll(List.of(official, source, statement)), "the feed on B names A's writes: " + fed);
    }

    @Test
    void aCursorFromOneContinuesOnTheOther() {
        List<String> both = a.anonymous()
                .get("/api/v1/officials?sort=name&limit=2")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
        String cursor = a.anonymous()
                .get("/api/v1/officials?sort=name&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        b.anonymous()
                .queryParam("cursor", cursor)
                .get("/api/v1/officials?sort=name&limit=1")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo(both.get(1)));
    }

    @Test
    void aKeyRevokedOnOneIsRefusedOnTheOther() {
        JsonPath key = a.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "cluster editor", "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String bearer = "Bearer " + key.getString("secret");
        b.anonymous()
                .header("Authorization", bearer)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "cluster-before-revoke", "name", "Before"))
                .post("/api/v1/topics")
                .then()
                .statusCode(201);

        a.admin().delete("/api/v1/keys/" + key.getString("id")).then().statusCode(204);

        b.anonymous()
                .header("Authorization", bearer)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "cluster-after-revoke", "name", "After"))
                .post("/api/v1/topics")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    /**
     * Sixteen editors add an alias each to one official at the same time, half through each instance, each
     * reading the record, sending the change with If-Match and starting again on a 412. Every alias must
     * be there afterwards, on both instances, with one version and one history entry per change.
     */
    @Test
    void concurrentConflictingWritesOnBothLoseNothing() throws Exception {
        String official = a.create("officials", Map.of("name", "Contested Official", "country", "FR"));
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                AppInstance via = i % 2 == 0 ? a : b;
                String alias = "Alias " + i;
                conflicts.add(pool.submit(() -> addAlias(via, official, alias)));
            }
            int refused = 0;
            for (Future<Integer> result : conflicts) {
                refused += result.get();
            }
            for (AppInstance instance : List.of(a, b)) {
                JsonPath stored = instance.anonymous()
                        .get("/api/v1/officials/" + official)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                assertEquals(
                        writers, stored.getList("aliases").size(), instance.name + ": " + stored.getList("aliases"));
                assertEquals(writers, stored.getInt("version"));
            }
            int updates = b.anonymous()
                    .get("/api/v1/officials/" + official + "/history?limit=200")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.findAll { it.action == 'updated' }")
                    .size();
            assertEquals(writers, updates);
            assertTrue(refused > 0, "the writers never conflicted, so this proved nothing");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Searches alternate between the instances until one is refused: the budget is shared, so the refusal
     * comes once the two together have admitted one budget (plus what refills meanwhile), not two.
     */
    @Test
    void eachWebhookIsDeliveredOnceInCommitOrderThoughBothInstancesRun() throws Exception {
        try (Receiver receiver = new Receiver()) {
            String official = a.create("officials", Map.of("name", "Dora Delivered", "country", "NZ"));
            String source = a.create("sources", Map.of("url", "https://example.org/delivered", "outlet", "RNZ"));
            String subscription = b.create(
                    "subscriptions",
                    Map.of(
                            "url", receiver.url("/ok"),
                            "events", List.of("statement.created"),
                            "filter", Map.of("officialId", List.of(official))));
            List<String> committed = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                AppInstance on = i % 2 == 0 ? a : b;
                committed.add(on.create(
                        "statements",
                        Map.of(
                                "officialId",
                                official,
                                "text",
                                "Delivered once, remark " + i,
                                "quoteType",
                                "paraphrase",
                                "statedOn",
                                "2026-12-01",
                                "sourceIds",
                                List.of(source))));
            }
            List<String> arrived = new ArrayList<>();
            List<String> deliveryIds = new ArrayList<>();
            while (arrived.size() < committed.size()) {
                Receiver.Received received = receiver.next(60);
                JsonPath body = JsonPath.from(received.body());
                arrived.add(body.getString("recordId"));
                deliveryIds.add(received.headers().get("Demarche-Delivery"));
            }
            assertEquals(committed, arrived, "each once, in commit order");
            assertEquals(10, deliveryIds.stream().distinct().count());
            assertTrue(receiver.poll(2_000) == null, "no instance sends a second copy");
            a.admin()
                    .get("/api/v1/subscriptions/" + subscription + "/deliveries?status=delivered&limit=50")
                    .then()
                    .statusCode(200)
                    .body("items.size()", equalTo(10));
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void rateLimitsAreSharedNotPerInstance() {
        int admitted = 0;
        Response refused = null;
        for (int i = 0; i < 2 * SEARCHES_PER_MINUTE && refused == null; i++) {
            Response response = (i % 2 == 0 ? a : b).anonymous().get("/api/v1/statements?limit=1");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
                admitted++;
            }
        }
        assertTrue(refused != null, "two instances admitted " + admitted + " searches, a budget each");
        assertTrue(admitted <= SEARCHES_PER_MINUTE + 2, admitted + " searches admitted");
        refused.then().contentType("application/problem+json").header("Retry-After", notNullValue());
    }

    /** Adds an alias by read, modify and conditional write; answers how many times the write was refused. */
    private static int addAlias(AppInstance via, String official, String alias) {
        for (int refused = 0; refused < 200; refused++) {
            Response read = via.anonymous().get("/api/v1/officials/" + official);
            List<String> aliases = new ArrayList<>(read.jsonPath().getList("aliases"));
            aliases.add(alias);
            Response write = via.admin()
                    .header("If-Match", read.header("ETag"))
                    .contentType("application/merge-patch+json")
                    .body(Map.of("aliases", aliases))
                    .patch("/api/v1/officials/" + official);
            if (write.statusCode() == 200) {
                return refused;
            }
            assertTrue(
                    write.statusCode() == 412 || write.statusCode() == 409,
                    "a conflicting write is refused, not failed: " + write.statusCode() + " " + write.asString());
        }
        throw new AssertionError(alias + " was refused 200 times");
    }

    /** What a change feed reader saw from a cursor on: the ids of the changed records, and where to go on from. */
    private record Feed(List<String> ids, String end) {}

    /** Reads the change feed on an instance from a cursor (null: the first change) to its end. */
    private static Feed readFeed(AppInstance instance, String since) {
        List<String> ids = new ArrayList<>();
        JsonPath page;
        do {
            var request = instance.anonymous().queryParam("limit", 200);
            if (since != null) {
                request.queryParam("since", since);
            }
            page = request.get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            ids.addAll(page.getList("items.id"));
            since = page.getString("nextCursor");
        } while (page.getBoolean("more"));
        return new Feed(ids, since);
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
