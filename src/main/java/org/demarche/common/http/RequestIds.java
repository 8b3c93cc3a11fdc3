package org.demarche.common.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import java.util.regex.Pattern;
import org.demarche.common.Problem;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is 1 to 128 characters of
 * letters, digits and {@code . _ : -}, else a new UUID (an unusable id is replaced, never refused). The id
 * is echoed in the {@code X-Request-Id} response header, put in every problem body as {@code requestId},
 * and in the logging context (MDC key {@code requestId}), so the log lines written for the request carry it.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The MDC key the log format prints. */
    public static final String MDC_KEY = "requestId";

    private static final String DATA_KEY = RequestIds.class.getName();
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** First of all handlers, so that every answer, refusals of the HTTP layer included, carries the id. */
    void install(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            MDC.put(MDC_KEY, of(context));
            context.next();
        });
    }

    /** The request's id, given to it (and its response header set) the first time it is asked for. */
    public static String of(RoutingContext context) {
        String id = context.get(DATA_KEY);
        if (id == null) {
            String sent = context.request().getHeader(HEADER);
            id = sent != null && USABLE.matcher(sent).matches()
                    ? sent
                    : UUID.randomUUID().toString();
            context.put(DATA_KEY, id);
            context.response().putHeader(HEADER, id);
        }
        return id;
    }

    /** Stamps the problems Quarkus REST answers with (from the exception mappers) with the request's id. */
    @ServerResponseFilter
    public void stampProblem(ContainerResponseContext response, RoutingContext context) {
        if (response.getEntity() instanceof Problem problem && problem.requestId() == null) {
            response.setEntity(problem.withRequestId(of(context)));
        }
    }
}
