package org.demarche.position;

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
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.ListFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/officials/{officialId}/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Officials")
public class OfficialPositionResource {

    @Inject
    PositionService positions;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists the stances one official has taken. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Operation(
            operationId = "listOfficialPositions",
            summary = "List an official's positions",
            description = "The official's positions in date order,"
                    + " oldest first, ended ones included: the history of each stance. Takes every filter of"
                    + " GET /api/v1/positions except officialId; sort overrides the order.")
    public RestResponse<Page<PositionResponse>> list(
            @PathParam("officialId") UUID officialId, @BeanParam PageParams page, @BeanParam PositionFilter filter) {
        return Responses.list(page, p -> positions.listOf(officialId, filter, p), PositionResponse.class, uri, headers);
    }
}
