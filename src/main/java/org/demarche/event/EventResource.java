package org.demarche.event;

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
import java.util.List;
import java.util.UUID;
import org.demarche.common.PartialDate;
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

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Events", description = "Occasions statements were made at: briefings, interviews, meetings, calls")
public class EventResource {

    @Inject
    EventService events;

    @Inject
    History history;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** Lists events. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Operation(
            operationId = "listEvents",
            summary = "List events",
            description = "Events matching every filter given, a page at a time."
                    + " Sort by -heldOn (default), heldOn, title, createdAt or updatedAt; partial dates sort as the"
                    + " first day of their period.")
    public RestResponse<Page<EventResponse>> list(
            @BeanParam PageParams page,
            @BeanParam IdFilter ids,
            @Parameter(
                            description = "Only events of this kind, any case",
                            schema = @Schema(implementation = EventKind.class))
                    @QueryParam("kind")
                    EventKind kind,
            @Parameter(
                            description = "Only events these officials hosted or took part in; repeat the parameter or"
                                    + " separate ids by commas")
                    @QueryParam("officialId")
                    List<String> officialId,
            @Parameter(
                            description = "Only events held on or after this partial date; an event dated 2024-11"
                                    + " counts for any day of November 2024",
                            example = "2024-06",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("from")
                    PartialDate from,
            @Parameter(
                            description = "Only events held on or before this partial date; to=2024-11 includes"
                                    + " 2024-11-30",
                            example = "2024-12",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("to")
                    PartialDate to,
            @Parameter(description = "Part of the title, any case", example = "briefing") @QueryParam("title")
                    String title) {
        EventService.Filter filter = new EventService.Filter(kind, officialId, from, to, title, ids.ids());
        return Responses.list(page, p -> events.list(filter, p), EventResponse.class, uri, headers);
    }

    /** Reads one event. */
    @GET
    @Path("{id}")
    @Operation(
            operationId = "getEvent",
            summary = "Get an event",
            description = "The event with its host, participants and sources. Send the ETag back in"
                    + " If-None-Match to get 304 when it has not changed.")
    @APIResponse(
            responseCode = "200",
            description = "The event",
            content =
                    @Content(
                            schema = @Schema(implementation = EventResponse.class),
                            examples = @ExampleObject(name = "briefing", value = EventExamples.RESPONSE)))
    public RestResponse<EventResponse> get(@PathParam("id") UUID id) {
        return Responses.ok(events.get(id));
    }

    /** Records a new event. */
    @POST
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "createEvent",
            summary = "Create an event",
            description = "Every invalid field is reported at once in a 422, among them a hostId, participantIds or"
                    + " sourceIds naming no stored record.")
    @APIResponse(
            responseCode = "201",
            description = "Created; Location names the new event",
            content =
                    @Content(
                            schema = @Schema(implementation = EventResponse.class),
                            examples = @ExampleObject(name = "briefing", value = EventExamples.RESPONSE)))
    public RestResponse<EventResponse> create(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "briefing", value = EventExamples.REQUEST)))
                    EventRequest body) {
        return Responses.created(events.create(body), uri);
    }

    /** Replaces an event as a whole. */
    @PUT
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "replaceEvent",
            summary = "Replace an event",
            description = "Fields left out become empty. With If-Match, a stale" + " ETag is refused with 412.")
    public RestResponse<EventResponse> replace(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "briefing", value = EventExamples.REQUEST)))
                    EventRequest body) {
        return Responses.ok(events.replace(id, body, ifMatch));
    }

    /** Changes some fields of an event. */
    @PATCH
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(
            operationId = "updateEvent",
            summary = "Update an event",
            description = "JSON Merge Patch (RFC 7396): fields given replace the"
                    + " stored ones, null removes a field, others stay.")
    public RestResponse<EventResponse> patch(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MergePatch.MEDIA_TYPE,
                                            schema = @Schema(type = SchemaType.OBJECT),
                                            examples = @ExampleObject(name = "venue", value = EventExamples.PATCH)))
                    JsonNode patch) {
        return Responses.ok(events.patch(id, patch, ifMatch));
    }

    /** Deletes an event no statement belongs to. */
    @DELETE
    @RolesAllowed(Roles.EDITOR)
    @Path("{id}")
    @Operation(
            operationId = "deleteEvent",
            summary = "Delete an event",
            description = "Refused with 409, naming them, while statements" + " belong to the event.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        events.delete(id, ifMatch);
    }

    /** Lists every revision of an event, also after it was deleted. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, ListFormat.TEXT_CSV, ListFormat.APPLICATION_NDJSON})
    @Path("{id}/history")
    @Operation(operationId = "getEventHistory", summary = "History of an event", description = History.DESCRIPTION)
    public RestResponse<Page<HistoryEntry<EventResponse>>> history(
            @PathParam("id") UUID id, @BeanParam PageParams page) {
        return Responses.list(
                page, p -> history.of(events, id, p), HistoryEntry.type(EventResponse.class), uri, headers);
    }
}
