package org.demarche.search.opensearch;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.demarche.common.Problem;
import org.demarche.common.ProblemType;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Lists and searches while OpenSearch is down: 503 with Retry-After; reads by id and writes never need it. */
public class SearchUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(SearchUnavailableMapper.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response unavailable(SearchUnavailableException e, UriInfo uri) {
        LOG.warnf("Search unavailable for %s: %s", uri.getPath(), e.getMessage());
        ProblemType type = ProblemType.SEARCH_UNAVAILABLE;
        Problem body = new Problem(
                type.uri,
                type.title,
                type.status,
                "The search engine does not answer at the moment;"
                        + " reads by id and writes still work. Retry in a few seconds.",
                uri.getPath(),
                null,
                null);
        return Response.status(type.status)
                .type(Problem.MEDIA_TYPE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(body)
                .build();
    }
}
