package org.demarche.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.demarche.common.stream.ListFormat;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what a list answers as CSV, NDJSON and JSON-LD. The scanner gives every media type of a list
 * the JSON page's schema; here text/csv becomes text, application/x-ndjson the schema of one record and
 * application/ld+json a schema.org ItemList.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ListFormats implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String JSON_LD = "application/ld+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getGET() == null || item.getGET().getResponses() == null) {
                return;
            }
            APIResponse ok = item.getGET().getResponses().getAPIResponse("200");
            Content content = ok == null ? null : ok.getContent();
            if (content == null || content.getMediaType(ListFormat.TEXT_CSV) == null) {
                return;
            }
            MediaType page = content.getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            content.addMediaType(
                    ListFormat.TEXT_CSV,
                    OASFactory.createMediaType()
                            .schema(
                                    OASFactory.createSchema()
                                            .type(List.of(Schema.SchemaType.STRING))
                                            .description(
                                                    "Every matching record, not one page: RFC 4180 CSV in UTF-8 with a header row."
                                                            + " Nested fields are dotted columns (official.name); arrays and deeper objects are"
                                                            + " JSON text; text starting with =, +, -, @ gets a leading apostrophe.")));
            content.addMediaType(
                    ListFormat.APPLICATION_NDJSON,
                    OASFactory.createMediaType()
                            .schema(OASFactory.createSchema()
                                    .description("Every matching record, not one page: one JSON record a"
                                            + " line, in this shape.")
                                    .addAllOf(record(openAPI, page))));
            if (content.getMediaType(JSON_LD) != null) {
                content.addMediaType(
                        JSON_LD,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema()
                                        .type(List.of(Schema.SchemaType.OBJECT))
                                        .description(
                                                "The page as a schema.org ItemList in JSON-LD; the next page is in the Link"
                                                        + " header.")));
            }
        });
    }

    /** The schema of one item of a page schema. */
    private static Schema record(OpenAPI openAPI, MediaType page) {
        Schema pageSchema = page.getSchema();
        if (pageSchema.getRef() != null && pageSchema.getRef().startsWith(SCHEMAS)) {
            pageSchema =
                    openAPI.getComponents().getSchemas().get(pageSchema.getRef().substring(SCHEMAS.length()));
        }
        return pageSchema.getProperties().get("items").getItems();
    }
}
