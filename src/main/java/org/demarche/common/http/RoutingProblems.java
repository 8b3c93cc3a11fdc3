package org.demarche.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.demarche.common.Problem;
import org.demarche.common.ProblemType;

/**
 * Answers with a problem from the HTTP layer, for refusals made before a request reaches a resource.
 * When the request's body has not all arrived, the connection is closed after the answer: otherwise it
 * would stay open while a slow client trickles the rest of a body nobody reads.
 */
@ApplicationScoped
public class RoutingProblems {

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
                            context.request().connection().close();
                        }
                    });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written", e);
        }
    }
}
