package org.demarche.position;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.demarche.common.http.MergePatch;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.ListFormat;
import org.demarche.history.History;
import org.demarche.history.HistoryEntry;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/positions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Positions", description = "Stances officials take on topics, over time")
public class PositionResource {

    @Inject
    PositionService positions;

    @Inject
    History history;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists positions. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Operation(
            operationId = "listPositions",
            summary = "List positions",
            description = "Positions matching every filter given, a page at a time,"
                    + " latest first. Sort by validFrom (partial dates sort as the first day of their period), createdAt or"
                    + " updatedAt; -validFrom is the default.")
    public RestResponse<Page<PositionResponse>> list(@BeanParam PageParams page, @BeanParam PositionFilter filter) {
        return Responses.list(page, p -> positions.list(filter, p), PositionResponse.class, uri, headers);
    }

    /** Reads one position. */
    @GET
    @Path("{id}")
    @Operation(
            operationId = "getPosition",
            summary = "Get a position",
            description = "The position with its official, topic and evidence. Send the ETag back in"
                    + " If-None-Match to get 304 when it has not changed.")
    @APIResponse(
            responseCode = "200",
            description = "The position",
            content =
                    @Content(
                            schema = @Schema(implementation = PositionResponse.class),
                            examples = @ExampleObject(name = "ceasefire", value = PositionExamples.RESPONSE)))
    public RestResponse<PositionResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(positions.get(id));
    }

    /** Records a new position. */
    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "createPosition",
            summary = "Create a position",
            description = "A new current position (validTo null) closes the"
                    + " official's current position on the same topic: its validTo becomes this validFrom. Evidence must be"
                    + " statements of the same official. Every invalid field is reported at once in a 422.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new position",
            content =
                    @Content(
                            schema = @Schema(implementation = PositionResponse.class),
                            examples = @ExampleObject(name = "ceasefire", value = PositionExamples.RESPONSE)))
    public RestResponse<PositionResponse> create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "ceasefire",
                                                            value = PositionExamples.REQUEST)))
                    PositionRequest body) {
        return Responses.created(positions.create(body), uri);
    }

    /** Replaces a position as a whole. */
    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "replacePosition",
            summary = "Replace a position",
            description = "Fields left out become empty. Only one position per"
                    + " official and topic can be current. With If-Match, a stale ETag is refused with 412.")
    public RestResponse<PositionResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "ceasefire",
                                                            value = PositionExamples.REQUEST)))
                    PositionRequest body) {
        return Responses.ok(positions.replace(id, body, ifMatch));
    }

    /** Changes some fields of a position. */
    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updatePosition",
            summary = "Update a position",
            description = "JSON Merge Patch (RFC 7396): fields given replace the"
                    + " stored ones, null removes a field, others stay.")
    public RestResponse<PositionResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples = @ExampleObject(name = "label", value = PositionExamples.PATCH)))
                    JsonNode patch) {
        return Responses.ok(positions.patch(id, patch, ifMatch));
    }

    /** Deletes a position nothing refers to. */
    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "deletePosition",
            summary = "Delete a position",
            description = "Removes a position; positions it closed keep their" + " end date.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        positions.delete(id, ifMatch);
    }

    /** Lists every revision of a position, also after it was deleted. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Path("{id}/history")
    @Operation(operationId = "getPositionHistory", summary = "History of a position", description = History.DESCRIPTION)
    public RestResponse<Page<HistoryEntry<PositionResponse>>> history(
            @PathParam("id") UUID id, @BeanParam PageParams page) {
        return Responses.list(
                page, p -> history.of(positions, id, p), HistoryEntry.type(PositionResponse.class), uri, headers);
    }
}
