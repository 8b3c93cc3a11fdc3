package org.demarche.statement;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.demarche.common.feed.AtomFeed;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.ListFormat;
import org.demarche.official.OfficialService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/officials/{officialId}/statements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Officials")
public class OfficialStatementResource {

    @Inject
    StatementService statements;

    @Inject
    OfficialService officials;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists what one official said. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON, AtomFeed.MEDIA_TYPE})
    @Operation(
            operationId = "listOfficialStatements",
            summary = "List an official's statements",
            description = "The official's statements in date order,"
                    + " oldest first; partial dates sort as the first day of their period (2024-11 before 2024-11-20)."
                    + " Takes every filter of GET /api/v1/statements except officialId; sort overrides the order. With"
                    + " Accept: application/atom+xml, an Atom feed.")
    public RestResponse<Page<StatementResponse>> list(
            @PathParam("officialId") UUID officialId, @BeanParam PageParams page, @BeanParam StatementFilter filter) {
        if (StatementFeed.requested(headers)) {
            Page<StatementResponse> statementsOf = statements.listOf(officialId, filter, page);
            return Responses.feed(new StatementFeed(uri.getBaseUri())
                    .feed(statementsOf, uri, "Statements of " + officials.find(officialId).name));
        }
        return Responses.list(
                page, p -> statements.listOf(officialId, filter, p), StatementResponse.class, uri, headers);
    }
}
