package org.demarche.topic;

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

@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Topics", description = "Subjects positions are taken on; topics nest")
public class TopicResource {

    @Inject
    TopicService topics;

    @Inject
    History history;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists topics. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Operation(
            operationId = "listTopics",
            summary = "List topics",
            description = "Topics matching every filter given, a page at a time."
                    + " Sort by slug (default), name, createdAt or updatedAt.")
    public RestResponse<Page<TopicResponse>> list(
            @BeanParam PageParams page,
            @BeanParam IdFilter ids,
            @Parameter(
                            description = "Only topics directly under this one (slug or id)",
                            example = "ukraine-negotiations")
                    @QueryParam("parent")
                    String parent,
            @Parameter(description = "Part of the name, any case", example = "cease") @QueryParam("name") String name,
            @Parameter(
                            description = "For lookups as a user types: every word given starts a word of the name or"
                                    + " of the slug, in any order, any case, accents ignored; at most 10 words",
                            example = "ukr neg")
                    @QueryParam("prefix")
                    String prefix) {
        return Responses.list(
                page, p -> topics.list(parent, name, prefix, ids.ids(), p), TopicResponse.class, uri, headers);
    }

    /** Reads one topic. */
    @GET
    @Path("{id}")
    @Operation(
            operationId = "getTopic",
            summary = "Get a topic",
            description = "The topic with its parent. Send the ETag back in"
                    + " If-None-Match to get 304 when it has not changed.")
    @APIResponse(
            responseCode = "200",
            description = "The topic",
            content =
                    @Content(
                            schema = @Schema(implementation = TopicResponse.class),
                            examples = @ExampleObject(name = "ceasefire", value = TopicExamples.RESPONSE)))
    public RestResponse<TopicResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(topics.get(id));
    }

    /** Records a new topic. */
    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "createTopic",
            summary = "Create a topic",
            description = "Every invalid field is reported at once in a 422." + " A slug already taken is a 409.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new topic",
            content =
                    @Content(
                            schema = @Schema(implementation = TopicResponse.class),
                            examples = @ExampleObject(name = "ceasefire", value = TopicExamples.RESPONSE)))
    public RestResponse<TopicResponse> create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "ceasefire", value = TopicExamples.REQUEST)))
                    TopicRequest body) {
        return Responses.created(topics.create(body), uri);
    }

    /** Replaces a topic as a whole. */
    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "replaceTopic",
            summary = "Replace a topic",
            description = "Fields left out become empty. A topic cannot be moved"
                    + " under itself or under a topic nested in it. With If-Match, a stale ETag is refused with 412.")
    public RestResponse<TopicResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "ceasefire", value = TopicExamples.REQUEST)))
                    TopicRequest body) {
        return Responses.ok(topics.replace(id, body, ifMatch));
    }

    /** Changes some fields of a topic. */
    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateTopic",
            summary = "Update a topic",
            description = "JSON Merge Patch (RFC 7396): fields given replace the"
                    + " stored ones, null removes a field, others stay.")
    public RestResponse<TopicResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples =
                                                    @ExampleObject(name = "description", value = TopicExamples.PATCH)))
                    JsonNode patch) {
        return Responses.ok(topics.patch(id, patch, ifMatch));
    }

    /** Deletes a topic nothing refers to. */
    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "deleteTopic",
            summary = "Delete a topic",
            description = "Refused with 409, naming them, while nested topics,"
                    + " statements or positions refer to the topic.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        topics.delete(id, ifMatch);
    }

    /** Lists every revision of a topic, also after it was deleted. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Path("{id}/history")
    @Operation(operationId = "getTopicHistory", summary = "History of a topic", description = History.DESCRIPTION)
    public RestResponse<Page<HistoryEntry<TopicResponse>>> history(
            @PathParam("id") UUID id, @BeanParam PageParams page) {
        return Responses.list(
                page, p -> history.of(topics, id, p), HistoryEntry.type(TopicResponse.class), uri, headers);
    }
}
