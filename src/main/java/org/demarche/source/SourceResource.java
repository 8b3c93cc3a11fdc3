package org.demarche.source;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.demarche.common.http.MergePatch;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.IdFilter;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "Where statements were reported")
public class SourceResource {

    @Inject
    SourceService sources;

    @Inject
    History history;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists sources. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Operation(
            operationId = "listSources",
            summary = "List sources",
            description = "Sources matching every filter given, a page at a time."
                    + " Sort by -createdAt (default), outlet, url, createdAt or updatedAt.")
    public RestResponse<Page<SourceResponse>> list(
            @BeanParam PageParams page,
            @BeanParam IdFilter ids,
            @Parameter(description = "Part of the outlet name, any case", example = "caliber") @QueryParam("outlet")
                    String outlet,
            @Parameter(description = "BCP 47 language tag, any case", example = "en") @QueryParam("language")
                    String language,
            @Parameter(description = "The URL, in any equivalent spelling (host case, default port, fragment...)")
                    @QueryParam("url")
                    String url) {
        SourceService.Filter filter = new SourceService.Filter(outlet, language, url, ids.ids());
        return Responses.list(page, p -> sources.list(filter, p), SourceResponse.class, uri, headers);
    }

    /** Reads one source. */
    @GET
    @Path("{id}")
    @Operation(
            operationId = "getSource",
            summary = "Get a source",
            description = "The source. Send the ETag back in" + " If-None-Match to get 304 when it has not changed.")
    @APIResponse(
            responseCode = "200",
            description = "The source",
            content =
                    @Content(
                            schema = @Schema(implementation = SourceResponse.class),
                            examples = @ExampleObject(name = "caliber", value = SourceExamples.RESPONSE)))
    public RestResponse<SourceResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(sources.get(id));
    }

    /** Records a new source. */
    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "createSource",
            summary = "Create a source",
            description = "Every invalid field is reported at once in a 422."
                    + " A url already recorded, in any equivalent spelling (case of scheme and host, default port, fragment,"
                    + " empty query, percent-encoded letters), is a 409 naming the source.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new source",
            content =
                    @Content(
                            schema = @Schema(implementation = SourceResponse.class),
                            examples = @ExampleObject(name = "caliber", value = SourceExamples.RESPONSE)))
    public RestResponse<SourceResponse> create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "caliber", value = SourceExamples.REQUEST)))
                    SourceRequest body) {
        return Responses.created(sources.create(body), uri);
    }

    /** Replaces a source as a whole. */
    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "replaceSource",
            summary = "Replace a source",
            description = "Fields left out become empty. With If-Match, a stale" + " ETag is refused with 412.")
    public RestResponse<SourceResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "caliber", value = SourceExamples.REQUEST)))
                    SourceRequest body) {
        return Responses.ok(sources.replace(id, body, ifMatch));
    }

    /** Changes some fields of a source. */
    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateSource",
            summary = "Update a source",
            description = "JSON Merge Patch (RFC 7396): fields given replace the"
                    + " stored ones, null removes a field, others stay.")
    public RestResponse<SourceResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples = @ExampleObject(name = "archive", value = SourceExamples.PATCH)))
                    JsonNode patch) {
        return Responses.ok(sources.patch(id, patch, ifMatch));
    }

    /** Deletes a source nothing refers to. */
    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "deleteSource",
            summary = "Delete a source",
            description = "Refused with 409, naming them, while statements" + " refer to the source.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        sources.delete(id, ifMatch);
    }

    /** Lists every revision of a source, also after it was deleted. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Path("{id}/history")
    @Operation(operationId = "getSourceHistory", summary = "History of a source", description = History.DESCRIPTION)
    public RestResponse<Page<HistoryEntry<SourceResponse>>> history(
            @PathParam("id") UUID id, @BeanParam PageParams page) {
        return Responses.list(
                page, p -> history.of(sources, id, p), HistoryEntry.type(SourceResponse.class), uri, headers);
    }
}
