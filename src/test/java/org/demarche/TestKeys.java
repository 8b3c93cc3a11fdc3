package org.demarche;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import java.util.List;

/**
 * Sends the test profile's admin key with every REST Assured request that names no key, so tests that
 * are not about security can write. Test classes annotated {@link WithoutDefaultKey} send only the keys
 * they set. Quarkus calls this before each test (see META-INF/services), in the tests' class loader.
 */
public class TestKeys implements QuarkusTestBeforeEachCallback {

    /** The first admin key of the test profile ({@code %test.demarche.keys.first-admin}). */
    public static final String ADMIN = "test-admin-key-0123456789abcdef0123456789";

    private static final Filter DEFAULT_KEY = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + ADMIN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean anonymous = context.getTestInstance().getClass().isAnnotationPresent(WithoutDefaultKey.class);
        RestAssured.replaceFiltersWith(
                anonymous ? List.of(SearchCaughtUp.FILTER) : List.of(DEFAULT_KEY, SearchCaughtUp.FILTER));
    }
}
