package org.demarche.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.demarche.common.http.Negotiation;
import org.demarche.common.stream.ListFormat;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/import")
@Tag(name = "Bulk data", description = "The whole database in one call")
public class ImportResource {

    private final Import imports;

    public ImportResource(Import imports) {
        this.imports = imports;
    }

    /** Imports NDJSON records of every type, or statements as CSV. */
    @POST
    @Consumes({ListFormat.APPLICATION_NDJSON, ListFormat.TEXT_CSV})
    @Produces({MediaType.APPLICATION_JSON, ListFormat.APPLICATION_NDJSON})
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "importRecords",
            summary = "Import records",
            description = "Reads NDJSON, one record a"
                    + " line in the shape GET /api/v1/export writes ({\"type\": \"official\", ...}; also topic, source,"
                    + " statement, position), and creates or updates records to match. A line names its record by id, or by"
                    + " natural key: an official's wikidataId (or name and country), a topic's slug, a source's url, a"
                    + " statement's official, text and statedOn, a position's official, topic and validFrom. References may"
                    + " be ids or natural keys: official ({\"wikidataId\": ...} or {\"name\": ..., \"country\": ...}),"
                    + " topics (slugs), sources (urls), topic and parent (slugs). With Content-Type text/csv, reads statements"
                    + " instead, one a row under a header row, in the columns GET /api/v1/statements writes as CSV (dotted"
                    + " columns such as official.name, arrays as JSON text, the apostrophe before formula-like text taken"
                    + " off; read-only columns are ignored, unknown ones refused with 400), plus official.wikidataId, and"
                    + " topics and sources as JSON arrays of slugs and urls; a CSV record's line is the line its row starts"
                    + " on, the header being line 1. mode=merge (the default) updates a stored record with the fields"
                    + " its line has, keeping the others as stored (in CSV, an empty cell keeps the stored value); a"
                    + " field set to null in NDJSON is emptied. mode=replace makes a line the whole record: the fields"
                    + " it leaves out (empty cells) are emptied, as in a PUT; use it to restore an export exactly. A"
                    + " new record is made of the fields its line has in either mode. A line that matches its stored record changes nothing, so importing the"
                    + " same file twice writes nothing the second time. Lines are committed in batches of 500, each whole or"
                    + " not at all, also when the app is stopped or killed mid-import (send the file again to finish it);"
                    + " invalid lines are rejected with every problem and the rest go on. The report says what"
                    + " was created, updated, left unchanged and rejected, and up to which line everything is committed; it"
                    + " counts every problem and lists the first 1 000, and lists the fields that change for the first"
                    + " 100 records updated (with dryRun, that would change). With Accept: application/x-ndjson, the report is"
                    + " streamed as the import goes: one problem a line (ImportLineError), every one, then the report"
                    + " itself as the last line (its errors empty); a stream without that last line was cut short. Read the"
                    + " answer while sending the body. Imports, dry runs included, write one batch at a time: two imports"
                    + " of one file at once store each record once, and the later one finds the earlier one's records"
                    + " unchanged.")
    @RequestBody(
            content = {
                @Content(
                        mediaType = ListFormat.APPLICATION_NDJSON,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        example =
                                                "{\"type\":\"official\",\"name\":\"Sergei Lavrov\",\"country\":\"RU\",\"wikidataId\":\"Q182003\"}")),
                @Content(
                        mediaType = ListFormat.TEXT_CSV,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        example =
                                                "official.wikidataId,text,quoteType,statedOn,topics\r\n"
                                                        + "Q182003,A ceasefire will not suit us.,direct_quote,2024-11,\"[\"\"ceasefire\"\"]\"\r\n"))
            })
    @APIResponse(
            responseCode = "200",
            description = "What was done, or with dryRun what would be done",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)),
                @Content(
                        mediaType = ListFormat.APPLICATION_NDJSON,
                        schema =
                                @Schema(
                                        type = SchemaType.STRING,
                                        example =
                                                "{\"line\":12,\"field\":\"country\",\"message\":\"must be an ISO 3166-1 alpha-2 country"
                                                        + " code\"}\n{\"dryRun\":false,\"lines\":1200,…,\"errorCount\":1,\"errors\":[]}"))
            })
    public RestResponse<ImportReport> importRecords(
            @Parameter(
                            description =
                                    "Check the first 20 000 lines and count the rest, writing nothing; a problem at"
                                            + " line 20 001 says where checking stopped")
                    @QueryParam("dryRun")
                    boolean dryRun,
            @Parameter(
                            description = "merge (the default): a line sets the fields it has and keeps the others as"
                                    + " stored; replace: a line is the whole record, the fields it leaves out emptied"
                                    + " (what restoring an export needs)",
                            schema =
                                    @Schema(
                                            enumeration = {"merge", "replace"},
                                            defaultValue = "merge"))
                    @QueryParam("mode")
                    ImportMode given,
            @Context HttpHeaders headers,
            InputStream body) {
        ImportMode mode = given == null ? ImportMode.merge : given;
        ListFormat format =
                ListFormat.CSV.mediaType.isCompatible(headers.getMediaType()) ? ListFormat.CSV : ListFormat.NDJSON;
        MediaType answer =
                Negotiation.choose(headers, List.of(MediaType.APPLICATION_JSON_TYPE, ListFormat.NDJSON.mediaType));
        Object report = answer.equals(MediaType.APPLICATION_JSON_TYPE)
                ? imports.run(body, format, mode, dryRun, Import.REPORTED_ERRORS, problem -> {})
                : new ImportStream(problems -> imports.run(body, format, mode, dryRun, 0, problems));
        // Declared as the JSON report, which the OpenAPI document describes; the writer is picked by the entity.
        @SuppressWarnings("unchecked")
        RestResponse<ImportReport> response = (RestResponse<ImportReport>) (RestResponse<?>)
                RestResponse.ResponseBuilder.ok(report, answer).build();
        return response;
    }
}
