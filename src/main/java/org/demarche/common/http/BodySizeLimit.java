package org.demarche.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.demarche.common.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body over its limit with a 413 problem, before any of it is read: an import
 * (POST /api/v1/import, read as it arrives) may be up to {@code demarche.import.max-size}, any other
 * body up to {@code demarche.http.max-body-size}. Quarkus's own limit, on every body and counted as it
 * arrives, is the larger import limit, so other bodies must say their length: one sent in chunks,
 * without Content-Length, is refused with a 411 problem.
 */
@ApplicationScoped
public class BodySizeLimit {

    static final int ORDER = Integer.MIN_VALUE;
    static final String IMPORT = "/api/v1/import";

    void install(
            @Observes Router router,
            RoutingProblems problems,
            @ConfigProperty(name = "demarche.http.max-body-size") MemorySize bodyLimit,
            @ConfigProperty(name = "demarche.import.max-size") MemorySize importLimit) {
        router.route().order(ORDER).handler(context -> {
            boolean importing = context.request().path().equals(IMPORT);
            long maxBytes = (importing ? importLimit : bodyLimit).asLongValue();
            String length = context.request().getHeader("Content-Length");
            if (length != null && isOver(length, maxBytes)) {
                problems.end(
                        context,
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "Request bodies may be at most " + maxBytes + " bytes; this one has " + length);
                return;
            }
            if (length == null && !importing && context.request().headers().contains("Transfer-Encoding")) {
                problems.end(
                        context,
                        ProblemType.LENGTH_REQUIRED,
                        "Send the body with a Content-Length header (at" + " most " + maxBytes
                                + " bytes); only imports may be sent in chunks");
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
