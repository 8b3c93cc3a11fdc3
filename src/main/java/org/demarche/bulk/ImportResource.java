package org.demarche.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.demarche.common.stream.ListFormat;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/import")
@Tag(name = "Bulk data", description = "The whole database in one call")
public class ImportResource {

    private final Import imports;

    public ImportResource(Import imports) {
        this.imports = imports;
    }

    /** Imports NDJSON records. */
    @POST
    @Consumes(ListFormat.APPLICATION_NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "importRecords", summary = "Import records", description = "Reads NDJSON, one record a"
            + " line in the shape GET /api/v1/export writes ({\"type\": \"official\", ...}; also topic, source,"
            + " statement, position), and creates or updates records to match. A line names its record by id, or by"
            + " natural key: an official's wikidataId (or name and country), a topic's slug, a source's url, a"
            + " statement's official, text and statedOn, a position's official, topic and validFrom. References may"
            + " be ids or natural keys: official ({\"wikidataId\": ...} or {\"name\": ..., \"country\": ...}),"
            + " topics (slugs), sources (urls), topic and parent (slugs). A line that matches its stored record changes"
            + " nothing, so importing the same file twice writes nothing the second time. Lines are committed in"
            + " batches of 500, each whole or not at all; invalid lines are rejected with every problem and the rest"
            + " go on. The report says what was created, updated, left unchanged and rejected, and up to which line"
            + " everything is committed.")
    @RequestBody(content = @Content(mediaType = ListFormat.APPLICATION_NDJSON, schema = @Schema(type = SchemaType.STRING,
            example = "{\"type\":\"official\",\"name\":\"Sergei Lavrov\",\"country\":\"RU\",\"wikidataId\":\"Q182003\"}")))
    @APIResponse(responseCode = "200", description = "What was done, or with dryRun what would be done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    public ImportReport importRecords(
            @Parameter(description = "Check and count everything, writing nothing") @QueryParam("dryRun") boolean dryRun,
            InputStream body) {
        return imports.run(body, dryRun);
    }
}
