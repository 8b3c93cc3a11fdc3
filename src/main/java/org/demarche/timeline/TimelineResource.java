package org.demarche.timeline;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.demarche.common.feed.AtomFeed;
import org.demarche.common.http.Negotiation;
import org.demarche.common.http.Responses;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.PageSize;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/officials/{officialId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Officials")
public class TimelineResource {

    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_JSON_TYPE, AtomFeed.TYPE);

    @Inject
    TimelineService timelines;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** An official's statements and positions as one history. */
    @GET
    @Produces({MediaType.APPLICATION_JSON, AtomFeed.MEDIA_TYPE})
    @Operation(
            operationId = "getOfficialTimeline",
            summary = "Get an official's timeline",
            description = "Statements (by statedOn) and positions (by"
                    + " validFrom) of the official in one list, oldest first. Partial dates sort as the first day of their"
                    + " period; on the same date a statement comes before a position. A page at a time (limit, default 20,"
                    + " at most 200); nextCursor, also in a Link rel=\"next\" header, asks for the next page. from and to"
                    + " keep the events whose date (a partial date standing for its whole period) overlaps them, as"
                    + " the statement list's from and to do. With Accept: application/atom+xml, the page as an Atom"
                    + " feed (GET .../timeline/feed follows what was recorded last).")
    public RestResponse<Timeline> get(
            @PathParam("officialId") UUID officialId,
            @Parameter(description = "Only this topic (slug or id) and topics nested under it", example = "ceasefire")
                    @QueryParam("topic")
                    String topic,
            @Parameter(
                            description = "Only events on or after this partial date; an event dated 2024-11 counts for"
                                    + " any day of November 2024",
                            example = "2024-06",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("from")
                    PartialDate from,
            @Parameter(
                            description = "Only events on or before this partial date; to=2024-11 includes 2024-11-30",
                            example = "2024-12",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("to")
                    PartialDate to,
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
        Timeline timeline = timelines.of(officialId, topic, from, to, limit, cursor);
        if (Negotiation.choose(headers, TYPES).equals(AtomFeed.TYPE)) {
            return Responses.feed(new TimelineFeed(uri.getBaseUri()).feed(timeline, uri));
        }
        return Responses.paged(timeline, timeline.nextCursor(), uri);
    }

    /** The official's latest statements and positions as an Atom feed, for feed readers. */
    @GET
    @Path("feed")
    @Produces({AtomFeed.MEDIA_TYPE, MediaType.WILDCARD})
    @Operation(
            operationId = "getOfficialTimelineFeed",
            summary = "Follow an official in a feed reader",
            description = "An Atom feed (RFC 4287) of the official's statements and positions recorded or changed"
                    + " last, newest first, whatever the Accept header and whatever dates the events carry, so"
                    + " that a feed reader sees what is new: limit of them (default 20, at most 200), of one topic"
                    + " and those nested under it when topic is given. Statements are entries as in"
                    + " GET /api/v1/statements/feed; a position is an entry titled by the stance taken.")
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<String> feed(
            @PathParam("officialId") UUID officialId,
            @Parameter(description = "Only this topic (slug or id) and topics nested under it", example = "ceasefire")
                    @QueryParam("topic")
                    String topic,
            @Parameter(
                            description = "How many events, 1 to 200 (default 20)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "200",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    PageSize limit) {
        return Responses.feed(new TimelineFeed(uri.getBaseUri()).feed(timelines.latest(officialId, topic, limit), uri));
    }
}
