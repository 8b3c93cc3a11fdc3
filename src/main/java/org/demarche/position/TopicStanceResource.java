package org.demarche.position;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.demarche.common.Country;
import org.demarche.common.PartialDate;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.PageSize;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/topics/{topic}/stances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics")
public class TopicStanceResource {

    @Inject
    PositionService positions;

    /** Lists each official's stance on a topic on a given day. */
    @GET
    @Operation(
            operationId = "listTopicStances",
            summary = "Who stood where on a topic, on a day",
            description =
                    "For each official with a position on the topic on the asOf day: the stance, label, conditions,"
                            + " how many statements are cited as evidence, and since when it has held. Read from the recorded"
                            + " positions: a change of stance is a new position that closes the old one, so past days show the"
                            + " stances of the time (unless a position was later edited or deleted). Only positions on this very topic count,"
                            + " not those on topics nested under it. A page of officials at a time (limit, default 20, at most"
                            + " 200); nextCursor asks for the next page.")
    public TopicStances list(
            @Parameter(description = "Topic slug or id", example = "ceasefire") @PathParam("topic") String topic,
            @Parameter(
                            description =
                                    "The day (default today, UTC); a partial date means its last day, so asOf=2024-11"
                                            + " is 30 November 2024",
                            example = "2024-12-01",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("asOf")
                    PartialDate asOf,
            @Parameter(
                            description = "Only officials of this country (ISO 3166-1 alpha-2)",
                            example = "RU",
                            schema = @Schema(type = SchemaType.STRING))
                    @QueryParam("country")
                    Country country,
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
        return positions.stances(topic, asOf, country, limit, cursor);
    }
}
