package org.demarche.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.demarche.common.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every request body but an import's on the event loop (Vert.x's BodyHandler) before a worker
 * thread takes the request, which Quarkus REST then reads from memory: a body sent a byte at a time
 * holds no thread. Such bodies are at most {@code demarche.http.max-body-size} ({@link BodySizeLimit});
 * one that has not fully arrived within {@link InFlightConfig#bodyTimeout} is answered 408 and its
 * connection closed, and the request goes no further even if the rest of its body comes. An import
 * streams into a worker as it arrives; a stalled one is ended by {@code quarkus.http.idle-timeout}, and
 * imports are few at once ({@link InFlightLimits}).
 *
 * <p>The timeout and the hand-over of the whole body are one decision, taken once per request by
 * whichever comes first: once the body has gone on to the resource the timeout no longer answers, however
 * long the resource takes, and once the timeout has answered the request never reaches a resource. The
 * request's own state cannot tell them apart: Quarkus REST pauses a request it takes, and Vert.x then
 * reports the request as not ended, body read or not.
 */
@ApplicationScoped
public class BufferedBodies {

    /** The routing context's entry for a body being read: its timer, and whether its fate is decided. */
    private static final String DEADLINE = BufferedBodies.class.getName() + ".deadline";

    /** Whether the body timed out or was handed over (whichever sets it first), and the timer. */
    private record Deadline(AtomicBoolean decided, long timer) {}

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
            AtomicBoolean decided = new AtomicBoolean();
            long timer = context.vertx().setTimer(millis, fired -> {
                if (decided.compareAndSet(false, true) && !context.response().headWritten()) {
                    problems.end(
                            context,
                            ProblemType.REQUEST_TIMEOUT,
                            "The request body did not arrive within "
                                    + config.bodyTimeout().toSeconds() + " s; send the whole body at once");
                }
            });
            context.put(DEADLINE, new Deadline(decided, timer));
            context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
            reader.handle(context);
        });
        // The whole body has arrived: it goes on to the resource unless its 408 was decided first (a body that
        // arrives after its 408, while the connection lingers: the client was told it failed, so nothing may
        // be written for it).
        router.route("/api/*").order(InFlightLimits.ORDER + 2).handler(context -> {
            Deadline deadline = context.get(DEADLINE);
            if (deadline == null) {
                context.next();
            } else if (deadline.decided().compareAndSet(false, true)) {
                context.vertx().cancelTimer(deadline.timer());
                context.next();
            }
        });
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return length != null ? !length.trim().equals("0") : request.headers().contains("Transfer-Encoding");
    }
}
