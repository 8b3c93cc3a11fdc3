package org.demarche.statement;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageSize;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/events/{eventId}/statements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventStatementResource {

    @Inject
    StatementService statements;

    @Context
    UriInfo uri;

    /** Lists what was said at one event, in order. */
    @GET
    @Operation(
            operationId = "listEventStatements",
            summary = "List an event's statements",
            description = "The statements made at the event in their order there (eventOrder), those without an"
                    + " order last, in the order they were recorded. A page at a time (limit, default 20, at most"
                    + " 200); nextCursor, also in a Link rel=\"next\" header, asks for the next page. To filter or"
                    + " sort them otherwise, use GET /api/v1/statements?eventId=.")
    public RestResponse<Page<StatementResponse>> list(
            @PathParam("eventId") UUID eventId,
            @Parameter(
                            description = "Page size, 1 to 200 (default 20)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "200",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    PageSize limit,
            @Parameter(
                            description = "Opaque cursor from the previous page's nextCursor",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("cursor")
                    Cursor cursor) {
        return Responses.page(statements.listAt(eventId, limit, cursor), uri);
    }
}
