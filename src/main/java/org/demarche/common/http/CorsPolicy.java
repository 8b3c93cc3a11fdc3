package org.demarche.common.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.demarche.common.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Cross-origin access: reads from any origin, writes only from the origins in
 * {@code demarche.cors.write-origins}. Quarkus's CORS filter takes one origin list for every method,
 * which cannot say this, hence this small filter. A write that carries a foreign Origin is refused on
 * the server too (403), not only by the browser.
 */
@ApplicationScoped
public class CorsPolicy {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String READ_METHODS = "GET, HEAD";
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final String ALLOWED_HEADERS =
            "Accept, Authorization, Content-Type, Idempotency-Key, If-Match, If-None-Match, X-Request-Id";
    private static final String EXPOSED_HEADERS =
            "ETag, Idempotent-Replayed, Link, Location, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset,"
                    + " Retry-After, WWW-Authenticate, X-Request-Id";

    void install(
            @Observes Router router,
            RoutingProblems problems,
            @ConfigProperty(name = "demarche.cors.write-origins") Optional<List<String>> writeOrigins) {
        Set<String> allowed = Set.copyOf(writeOrigins.orElse(List.of()).stream()
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .toList());
        router.route("/api/*").order(BodySizeLimit.ORDER + 1).handler(context -> handle(context, allowed, problems));
    }

    private static void handle(RoutingContext context, Set<String> writeOrigins, RoutingProblems problems) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        String preflightMethod =
                request.method() == HttpMethod.OPTIONS ? request.getHeader("Access-Control-Request-Method") : null;
        boolean read = preflightMethod != null
                ? READ_METHODS.contains(preflightMethod.trim().toUpperCase(Locale.ROOT))
                : READS.contains(request.method());
        boolean mayWrite = writeOrigins.contains(origin);
        if (read || mayWrite) {
            response.putHeader("Access-Control-Allow-Origin", read && !mayWrite ? "*" : origin);
            response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        if (preflightMethod != null) {
            if (read || mayWrite) {
                response.putHeader("Access-Control-Allow-Methods", mayWrite ? ALL_METHODS : READ_METHODS);
                response.putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                response.putHeader("Access-Control-Max-Age", "600");
            }
            response.setStatusCode(204).end();
            return;
        }
        if (!read && !mayWrite) {
            problems.end(
                    context,
                    ProblemType.FORBIDDEN,
                    "Writes are not accepted from origin " + origin + "; it is not among the configured write origins");
            return;
        }
        context.next();
    }
}
