package org.demarche.statement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.demarche.Fixtures;
import org.demarche.SearchCaughtUp;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * A page that embeds related summaries, with or without q, costs the same number of SQL statements for 1
 * row as for 200.
 */
@QuarkusTest
class ListQueryCountTest {

    private static final int ROWS = 200;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void aPageOfStatementsRunsAFixedNumberOfQueries() {
        String topic = Fixtures.topic("count-" + Fixtures.unique(), null);
        List<String> officials = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            officials.add(Fixtures.official("Counted " + i + " " + Fixtures.unique(), "RU"));
            topics.add(Fixtures.topic("count-extra-" + Fixtures.unique(), topic));
            sources.add(Fixtures.source("Counted outlet " + i));
            events.add(Fixtures.create(
                    "events", Map.of("kind", "briefing", "title", "Counted briefing " + i, "heldOn", "2024-11")));
        }
        for (int i = 0; i < ROWS; i++) {
            Fixtures.create(
                    "statements",
                    Map.of(
                            "officialId",
                            officials.get(i % 10),
                            "signatoryIds",
                            List.of(officials.get((i + 2) % 10), officials.get((i + 3) % 10)),
                            "text",
                            "Counted " + i,
                            "quoteType",
                            "paraphrase",
                            "statedOn",
                            "2024-11-" + String.format("%02d", i % 28 + 1),
                            "topicIds",
                            List.of(topic, topics.get(i % 10)),
                            "sourceIds",
                            List.of(sources.get(i % 10)),
                            "mentions",
                            List.of("UA", officials.get((i + 1) % 10)),
                            "eventId",
                            events.get(i % 10)));
        }

        for (String q : new String[] {null, "counted"}) {
            long one = statementsFor(topic, q, 1);
            long all = statementsFor(topic, q, ROWS);
            assertEquals(one, all, "SQL statements for a page of 1 and a page of " + ROWS + " (q " + q + ")");
            // Measured 2026-12-05 with signatories: 8 on H2, 10 on PostgreSQL. The ceiling guards against
            // growth; the equality above is the rule that a page's cost does not grow with its size.
            assertTrue(all <= 10, "a page costs " + all + " SQL statements (q " + q + ")");
        }
    }

    private long statementsFor(String topic, String q, int limit) {
        // On PostgreSQL the search indexer reads statements in this JVM: count only once it is done.
        SearchCaughtUp.await();
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        RequestSpecification request = given().queryParam("topic", topic).queryParam("limit", limit);
        if (q != null) {
            request.queryParam("q", q);
        }
        int items = request.get("/api/v1/statements")
                .then()
                .statusCode(200)
                .extract()
                .path("items.size()");
        assertEquals(limit, items);
        return statistics.getPrepareStatementCount();
    }
}
