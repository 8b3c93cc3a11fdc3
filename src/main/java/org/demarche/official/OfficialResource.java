package org.demarche.official;

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
import org.demarche.common.Country;
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

@Path("/api/v1/officials")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Officials", description = "People who speak for a state or body")
public class OfficialResource {

    @Inject
    OfficialService officials;

    @Inject
    History history;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists officials, filtered by field values. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Operation(
            operationId = "listOfficials",
            summary = "List officials",
            description = "Officials matching every filter given, a page at a time. Sort by name (default), country,"
                    + " createdAt or updatedAt.")
    public RestResponse<Page<OfficialResponse>> list(
            @BeanParam PageParams page,
            @BeanParam IdFilter ids,
            @Parameter(
                            description = "ISO 3166-1 alpha-2 country code",
                            example = "RU",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("country")
                    Country country,
            @Parameter(
                            description = "Only persons or only organisations, any case",
                            schema = @Schema(implementation = OfficialKind.class))
                    @QueryParam("kind")
                    OfficialKind kind,
            @Parameter(description = "Part of the name or an alias, any case", example = "lavrov") @QueryParam("name")
                    String name,
            @Parameter(
                            description = "For lookups as a user types: every word given starts a word of the name or"
                                    + " of an alias, in any order, any case, accents ignored (lav, Sergei Lav, serg and"
                                    + " lavrov serg all find Sergei Lavrov; soig finds Şoigu); at most 10 words",
                            example = "serg lav")
                    @QueryParam("prefix")
                    String prefix,
            @Parameter(description = "Part of the organization, any case") @QueryParam("organization")
                    String organization,
            @Parameter(description = "Wikidata item id", example = "Q182003") @QueryParam("wikidataId")
                    String wikidataId) {
        OfficialService.Filter filter =
                new OfficialService.Filter(country, kind, name, prefix, organization, wikidataId, ids.ids());
        return Responses.list(page, p -> officials.list(filter, p), OfficialResponse.class, uri, headers);
    }

    /** Reads one official. */
    @GET
    @Path("{id}")
    @Operation(
            operationId = "getOfficial",
            summary = "Get an official",
            description = "The official with its offices. Send the ETag back in"
                    + " If-None-Match to get 304 when it has not changed.")
    @APIResponse(
            responseCode = "200",
            description = "The official",
            content =
                    @Content(
                            schema = @Schema(implementation = OfficialResponse.class),
                            examples = @ExampleObject(name = "lavrov", value = OfficialExamples.RESPONSE)))
    public RestResponse<OfficialResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(officials.get(id));
    }

    /** Records a new official. */
    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "createOfficial",
            summary = "Create an official",
            description = "Every invalid field is reported at once in a 422."
                    + " A wikidataId already used by another official is a 409.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new official",
            content =
                    @Content(
                            schema = @Schema(implementation = OfficialResponse.class),
                            examples = @ExampleObject(name = "lavrov", value = OfficialExamples.RESPONSE)))
    public RestResponse<OfficialResponse> create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "lavrov", value = OfficialExamples.REQUEST)))
                    OfficialRequest body) {
        return Responses.created(officials.create(body), uri);
    }

    /** Replaces an official as a whole. */
    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "replaceOfficial",
            summary = "Replace an official",
            description = "Fields left out become empty. With If-Match, a" + " stale ETag is refused with 412.")
    public RestResponse<OfficialResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "lavrov", value = OfficialExamples.REQUEST)))
                    OfficialRequest body) {
        return Responses.ok(officials.replace(id, body, ifMatch));
    }

    /** Changes some fields of an official. */
    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateOfficial",
            summary = "Update an official",
            description = "JSON Merge Patch (RFC 7396): fields given replace"
                    + " the stored ones, null removes a field, others stay.")
    public RestResponse<OfficialResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples = @ExampleObject(name = "title", value = OfficialExamples.PATCH)))
                    JsonNode patch) {
        return Responses.ok(officials.patch(id, patch, ifMatch));
    }

    /** Deletes an official nothing refers to. */
    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "deleteOfficial",
            summary = "Delete an official",
            description = "Refused with 409, naming them, while statements or" + " positions refer to the official.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        officials.delete(id, ifMatch);
    }

    /** Lists every revision of an official, also after it was deleted. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Path("{id}/history")
    @Operation(
            operationId = "getOfficialHistory",
            summary = "History of an official",
            description = History.DESCRIPTION)
    public RestResponse<Page<HistoryEntry<OfficialResponse>>> history(
            @PathParam("id") UUID id, @BeanParam PageParams page) {
        return Responses.list(
                page, p -> history.of(officials, id, p), HistoryEntry.type(OfficialResponse.class), uri, headers);
    }
}
