package org.demarche.history;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.PageSize;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

@Path("/api/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Changes", description = "Every change to every record, in commit order, for mirrors")
public class ChangeResource {

    @Inject
    ChangeFeed feed;

    @Context
    UriInfo uri;

    /** Lists the changes after a cursor. */
    @GET
    @Operation(
            operationId = "listChanges",
            summary = "List changes since a cursor",
            description =
                    "Creates, updates and deletes of officials, topics, sources, events, statements and positions in the"
                            + " order they were committed, each with the record as that change left it (deletions are"
                            + " tombstones: type and id, record null). Start without 'since', then pass each answer's"
                            + " nextCursor: no change is skipped or repeated, even when writes commit while you read."
                            + " Revision numbers match the records' history endpoints.")
    public RestResponse<ChangePage> list(
            @Parameter(
                            description = "nextCursor of the previous answer; absent to start from the first change",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("since")
                    Cursor since,
            @Parameter(
                            description = "Most changes to return, 1 to 200 (default 20)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "200",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    PageSize limit) {
        ChangePage page = feed.since(since, PageSize.of(limit));
        ResponseBuilder<ChangePage> response = ResponseBuilder.ok(page);
        if (page.more()) {
            response.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam("since", page.nextCursor())
                            .build(),
                    "next");
        }
        return response.build();
    }
}
