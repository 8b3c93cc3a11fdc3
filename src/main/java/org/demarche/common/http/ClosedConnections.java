package org.demarche.common.http;

import io.vertx.core.http.HttpClosedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * A connection closed before its request is answered (the client left mid-body or while an import
 * streamed in, or sent nothing for {@code quarkus.http.idle-timeout}) is logged as one DEBUG line
 * without a stack trace: nothing can be answered, nothing is wrong with the server, and a client must
 * not be able to fill the log with errors.
 */
@ApplicationScoped
public class ClosedConnections {

    private static final Logger LOG = Logger.getLogger(ClosedConnections.class);

    void install(@Observes Router router) {
        router.route().order(BodySizeLimit.ORDER).failureHandler(context -> {
            if (!logIfClosed(context.failure(), context.request().path())) {
                context.next();
            }
        });
    }

    /** Whether the failure is the client's connection closing; if so it is logged, naming the request. */
    public static boolean logIfClosed(Throwable failure, String request) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                LOG.debugf(
                        "The connection closed before %s was answered (the client left, or sent nothing for"
                                + " the idle timeout)",
                        request);
                return true;
            }
        }
        return false;
    }
}
