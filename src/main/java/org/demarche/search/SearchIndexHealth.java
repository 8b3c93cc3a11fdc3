package org.demarche.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.demarche.statement.StatementSearch;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when statement search answers; the database has its own check. */
@Readiness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {

    @Inject
    StatementSearch search;

    @Override
    public HealthCheckResponse call() {
        try {
            return HealthCheckResponse.named("search index")
                    .withData("engine", search.engine())
                    .withData("statements", search.size())
                    .up()
                    .build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("search index")
                    .withData("engine", search.engine())
                    .down()
                    .build();
        }
    }
}
