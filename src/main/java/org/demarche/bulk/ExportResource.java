package org.demarche.bulk;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.StreamingOutput;
import org.demarche.common.stream.ListFormat;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/export")
@Tag(name = "Bulk data", description = "The whole database in one call")
public class ExportResource {

    private final Export export;

    public ExportResource(Export export) {
        this.export = export;
    }

    /** Streams the whole database. */
    @GET
    @Produces(ListFormat.APPLICATION_NDJSON)
    @Operation(
            operationId = "exportAll",
            summary = "Export everything",
            description = "Every official, topic,"
                    + " source, statement and position as NDJSON, one record a line: type, id, and the fields a client"
                    + " writes (what PUT takes). References come before the records that use them. Streamed, so its"
                    + " size is not limited by memory; not a snapshot: records written meanwhile may or may not show.")
    @APIResponse(
            responseCode = "200",
            description = "The dump",
            content =
                    @Content(
                            mediaType = ListFormat.APPLICATION_NDJSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            example =
                                                    "{\"type\":\"official\",\"id\":\"3f0c…\",\"name\":\"Sergei Lavrov\",\"country\":\"RU\",…}")))
    public RestResponse<StreamingOutput> export() {
        return RestResponse.ResponseBuilder.<StreamingOutput>ok(export::write)
                .header("Content-Disposition", "attachment; filename=\"demarche.ndjson\"")
                .build();
    }
}
