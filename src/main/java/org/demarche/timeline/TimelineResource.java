package org.demarche.timeline;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/officials/{officialId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Officials")
public class TimelineResource {

    @Inject
    TimelineService timelines;

    /** An official's statements and positions as one history. */
    @GET
    @Operation(
            operationId = "getOfficialTimeline",
            summary = "Get an official's timeline",
            description = "Statements (by statedOn) and positions (by"
                    + " validFrom) of the official in one list, oldest first. Partial dates sort as the first day of their"
                    + " period; on the same date a statement comes before a position. A page at a time (limit, default 20,"
                    + " at most 200); nextCursor asks for the next page.")
    public Timeline get(
            @PathParam("officialId") UUID officialId,
            @Parameter(description = "Only this topic (slug or id) and topics nested under it", example = "ceasefire")
                    @QueryParam("topic")
                    String topic,
            @Parameter(
                            description = "Page size, 1 to 200 (default 20)",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "200",
                                            defaultValue = "20"))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "Opaque cursor from the previous page's nextCursor") @QueryParam("cursor")
                    String cursor) {
        return timelines.of(officialId, topic, limit, cursor);
    }
}
