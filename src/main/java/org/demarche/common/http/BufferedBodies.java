package org.demarche.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.demarche.common.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every request body but an import's on the event loop (Vert.x's BodyHandler) before a worker
 * thread takes the request, which Quarkus REST then reads from memory: a body sent a byte at a time
 * holds no thread. Such bodies are at most {@code demarche.http.max-body-size} ({@link BodySizeLimit});
 * one that has not fully arrived within {@link InFlightConfig#bodyTimeout} is answered 408 and its
 * connection closed, and the request goes no further even if the rest of its body comes. An import streams into a worker as it arrives; a stalled one is ended by
 * {@code quarkus.http.idle-timeout}, and imports are few at once ({@link InFlightLimits}).
 */
@ApplicationScoped
public class BufferedBodies {

    void install(
            @Observes Router router,
            InFlightConfig config,
            RoutingProblems problems,
            @ConfigProperty(name = "demarche.http.max-body-size") MemorySize bodyLimit) {
        long millis = config.bodyTimeout().toMillis();
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(bodyLimit.asLongValue());
        router.route("/api/*").order(InFlightLimits.ORDER + 1).handler(context -> {
            HttpServerRequest request = context.request();
            if (request.isEnded() || !hasBody(request) || request.path().equals(BodySizeLimit.IMPORT)) {
                context.next();
                return;
            }
            long timer = context.vertx().setTimer(millis, fired -> {
                if (!request.isEnded() && !context.response().headWritten()) {
                    problems.end(
                            context,
                            ProblemType.REQUEST_TIMEOUT,
                            "The request body did not arrive within "
                                    + config.bodyTimeout().toSeconds() + " s; send the whole body at once");
                }
            });
            context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
            reader.handle(context);
        });
        // A body that arrives after its 408 (while the connection lingers) reaches no resource: the client was
        // told it failed, so nothing may be written for it.
        router.route("/api/*").order(InFlightLimits.ORDER + 2).handler(context -> {
            if (!context.response().headWritten()) {
                context.next();
            }
        });
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return length != null ? !length.trim().equals("0") : request.headers().contains("Transfer-Encoding");
    }
}
