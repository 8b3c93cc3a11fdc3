package org.demarche.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents {@link IdempotencyKeys} on every POST that takes it: the {@code Idempotency-Key} parameter,
 * the {@code Idempotent-Replayed} header of a replayed answer, and the 409 and 422 a key can cause. Runs
 * after {@code ProblemResponses} and {@code CommonResponseHeaders}, which document those problems.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 0)
public class IdempotencyKeysDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getPOST() != null && path.startsWith("/api/") && !IdempotencyKeys.REFUSING.containsKey(path)) {
                document(item.getPOST());
            }
        });
    }

    private static void document(Operation post) {
        post.addParameter(OASFactory.createParameter()
                .name(IdempotencyKeys.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("Makes a retry safe: a retry with the same key and the same request gets the first"
                        + " answer again (marked Idempotent-Replayed) and writes nothing. 1 to 255 visible ASCII"
                        + " characters, kept 24 hours per API key.")
                .schema(OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.STRING))
                        .minLength(1)
                        .maxLength(255)));
        post.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeader(
                        IdempotencyKeys.REPLAYED,
                        OASFactory.createHeader()
                                .description("true on an answer given again to a retry with the same Idempotency-Key")
                                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN))));
            }
        });
        addOrExtend(post, "409", "The first request with this Idempotency-Key is still under way; retry in a moment");
        addOrExtend(post, "422", "This Idempotency-Key was first sent with another request");
    }

    /** Adds a sentence to a documented response, or documents it if it is not yet. */
    private static void addOrExtend(Operation post, String status, String sentence) {
        var response = post.getResponses().getAPIResponse(status);
        if (response == null) {
            post.getResponses()
                    .addAPIResponse(status, OASFactory.createAPIResponse().description(sentence));
        } else {
            response.setDescription(response.getDescription() + "; or: " + sentence);
        }
    }
}
