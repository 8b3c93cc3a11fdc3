package org.demarche.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.demarche.common.Problem;
import org.demarche.common.ProblemType;

/**
 * Answers with a problem from the HTTP layer, for refusals made before a request reaches a resource.
 * When the request's body has not all arrived, the connection is closed after the answer: otherwise it
 * would stay open while a slow client trickles the rest of a body nobody reads. Before closing, the
 * rest of the body is read and dropped for a moment ({@link #LINGER_MILLIS}, at most {@link #LINGER_BYTES}):
 * a socket closed with unread bytes resets the connection, and the client may then lose the answer
 * before reading it.
 */
@ApplicationScoped
public class RoutingProblems {

    static final long LINGER_MILLIS = 2_000;
    static final long LINGER_BYTES = 4L * 1024 * 1024;

    private final ObjectMapper json;

    public RoutingProblems(ObjectMapper json) {
        this.json = json;
    }

    public void end(RoutingContext context, ProblemType type, String detail) {
        Problem problem = new Problem(
                        type.uri,
                        type.title,
                        type.status,
                        detail,
                        context.request().path(),
                        null,
                        null)
                .withRequestId(RequestIds.of(context));
        boolean unread = !context.request().isEnded();
        if (unread) {
            context.response().putHeader("Connection", "close");
        }
        try {
            context.response()
                    .setStatusCode(type.status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem))
                    .onComplete(written -> {
                        if (unread) {
                            closeAfterDraining(context);
                        }
                    });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written", e);
        }
    }

    /** Reads and drops what is left of the body, then closes: at its end, or after the linger limits. */
    private static void closeAfterDraining(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        if (request.isEnded()) {
            connection.close();
            return;
        }
        long timer = context.vertx().setTimer(LINGER_MILLIS, expired -> connection.close());
        long[] drained = {0};
        try {
            request.handler(chunk -> {
                drained[0] += chunk.length();
                if (drained[0] > LINGER_BYTES) {
                    context.vertx().cancelTimer(timer);
                    connection.close();
                }
            });
            request.endHandler(ended -> {
                context.vertx().cancelTimer(timer);
                connection.close();
            });
            request.resume();
        } catch (IllegalStateException alreadyRead) {
            context.vertx().cancelTimer(timer);
            connection.close();
        }
    }
}
