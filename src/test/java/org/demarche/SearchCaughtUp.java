package org.demarche;

import static io.restassured.RestAssured.given;

import io.restassured.filter.Filter;
import java.time.Duration;

/**
 * On PostgreSQL, OpenSearch follows the database a moment after each commit: before every read of the
 * API, this filter waits until the index has caught up with the latest change, so tests written for
 * the embedded engine (searchable when the write answers) pin the same results on both engines. On H2
 * it does nothing.
 */
public final class SearchCaughtUp {

    private static final String STATE = "/api/v1/admin/search-index";
    // Generous: after a restart on a busy machine the index may be rebuilt before it follows again.
    private static final Duration LIMIT = Duration.ofSeconds(180);
    private static final boolean FOLLOWS_LATER =
            System.getProperty("quarkus.test.profile", "").contains("postgres");

    public static final Filter FILTER = (request, response, context) -> {
        if (FOLLOWS_LATER
                && "GET".equals(request.getMethod())
                && request.getURI().contains("/api/v1/")
                && !request.getURI().contains(STATE)) {
            await();
        }
        return context.next(request, response);
    };

    private SearchCaughtUp() {}

    /** Waits until every committed change is searchable; fails after a generous limit. */
    public static void await() {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            var answer =
                    given().header("Authorization", "Bearer " + TestKeys.ADMIN).get(STATE);
            if (answer.statusCode() == 200 && answer.jsonPath().getBoolean("caughtUp")) {
                return;
            }
            state = answer.asString();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The search index did not catch up within " + LIMIT + ": " + state);
    }
}
