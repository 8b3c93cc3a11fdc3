package org.demarche.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.demarche.common.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body whose Content-Length is over {@code quarkus.http.limits.max-body-size} with a 413
 * problem, before any of it is read. (Quarkus enforces the same limit on chunked bodies, but answers
 * those with a bare 413.)
 */
@ApplicationScoped
public class BodySizeLimit {

    static final int ORDER = Integer.MIN_VALUE;

    void install(@Observes Router router, RoutingProblems problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        long maxBytes = limit.asLongValue();
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, maxBytes)) {
                context.response().putHeader("Connection", "close");
                problems.end(context, ProblemType.PAYLOAD_TOO_LARGE,
                        "Request bodies may be at most " + maxBytes + " bytes; this one has " + length);
                return;
            }
            context.next();
        });
    }

    private static boolean isOver(String length, long maxBytes) {
        try {
            return Long.parseLong(length.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
