package org.demarche.ops;

import io.quarkus.security.identity.IdentityProviderManager;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.demarche.common.ProblemType;
import org.demarche.common.http.RoutingProblems;
import org.demarche.key.BearerKeyMechanism;
import org.demarche.key.Roles;

/**
 * Only an admin key reads {@code /q/metrics}: the scrape names every endpoint and how busy it is,
 * which is no one else's business. The key is checked as for any call ({@code Authorization: Bearer}),
 * so a Prometheus scrape sends it as its bearer credentials. The route covers the paths below it too
 * ({@code /q/metrics/prometheus} and any other answer the same scrape). Health checks stay public, for
 * load balancers.
 */
@ApplicationScoped
public class MetricsAccess {

    void install(
            @Observes Router router,
            BearerKeyMechanism keys,
            IdentityProviderManager identities,
            RoutingProblems problems) {
        router.route("/q/metrics/*")
                .order(Integer.MIN_VALUE)
                .handler(context -> keys.authenticate(context, identities)
                        .subscribe()
                        .with(
                                identity -> {
                                    if (identity == null || identity.isAnonymous()) {
                                        challenge(
                                                context,
                                                problems,
                                                "Metrics need an admin key: send 'Authorization: Bearer <key>'");
                                    } else if (!identity.hasRole(Roles.ADMIN)) {
                                        problems.end(
                                                context, ProblemType.FORBIDDEN, "Only an admin key may read metrics");
                                    } else {
                                        context.next();
                                    }
                                },
                                failure -> challenge(context, problems, "The API key is unknown or revoked")));
    }

    private static void challenge(RoutingContext context, RoutingProblems problems, String detail) {
        context.response().putHeader("WWW-Authenticate", BearerKeyMechanism.CHALLENGE);
        problems.end(context, ProblemType.UNAUTHORIZED, detail);
    }
}
