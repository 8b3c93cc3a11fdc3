package org.demarche.common.http;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Content negotiation, in one place: which of the media types a resource offers the client prefers.
 * As several API answers come in more than one format, and the CORS headers depend on the request's
 * Origin ({@link CorsPolicy}), every API answer carries {@code Vary: Accept, Origin} for caches, whether or
 * not the request had those headers: a cache must not hand a CSV or an Origin-less answer to another client.
 */
@ApplicationScoped
public class Negotiation {

    /**
     * The first offered type compatible with the client's most preferred acceptable type (JAX-RS has
     * already refused with 406 an Accept that none satisfies); the first offered one for a request that
     * accepts anything.
     */
    public static MediaType choose(HttpHeaders headers, List<MediaType> offered) {
        for (MediaType wanted : headers.getAcceptableMediaTypes()) {
            if (refused(wanted)) {
                continue;
            }
            for (MediaType type : offered) {
                if (wanted.isCompatible(type)) {
                    return type;
                }
            }
        }
        return offered.get(0);
    }

    /** {@code q=0} says a type is not acceptable (RFC 9110, 12.4.2). */
    private static boolean refused(MediaType wanted) {
        String q = wanted.getParameters().get("q");
        try {
            return q != null && Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(BodySizeLimit.ORDER + 3).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response().headers().set("Vary", "Accept, Origin"));
            context.next();
        });
    }
}
