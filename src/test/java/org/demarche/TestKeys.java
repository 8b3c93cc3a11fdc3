package org.demarche;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.List;

/**
 * Sets REST Assured's filters before each test, since they are global and would otherwise carry over from
 * the test before: every request waits for the search index ({@link SearchCaughtUp}), and in test classes
 * annotated {@link SendsAdminKey}, and only there, a request that names no key gets the admin key. Quarkus
 * calls this before each test (see META-INF/services), in the tests' class loader, where the REST Assured
 * the tests use lives.
 */
public class TestKeys implements QuarkusTestBeforeEachCallback {

    /** The first admin key of the test profile ({@code %test.demarche.keys.first-admin}). */
    public static final String ADMIN = "test-admin-key-0123456789abcdef0123456789";

    private static final Filter ADMIN_KEY = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + ADMIN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean sendsAdminKey = context.getTestInstance().getClass().isAnnotationPresent(SendsAdminKey.class);
        RestAssured.replaceFiltersWith(
                sendsAdminKey ? List.of(ADMIN_KEY, SearchCaughtUp.FILTER) : List.of(SearchCaughtUp.FILTER));
    }
}
