package org.demarche.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.demarche.common.http.MergePatch;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Documents what the writes of every record share, so that a resource declares only what is its own
 * (operation id, summary, description, examples): the {@code If-Match} header of a replace, patch or
 * delete, and the merge-patch body of a patch, which takes any fields of the body its path's PUT takes.
 * The security requirement of a write comes from its {@code @RolesAllowed}
 * ({@code quarkus.smallrye-openapi.security-scheme-name}); its problem answers (412 and the others) from
 * {@link ProblemResponses}; {@code Location} on a 201 from {@link CommonResponseHeaders}.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = RecordWrites.PRIORITY)
public class RecordWrites implements OASFilter {

    /** Before {@link ProblemResponses}, so it finds the operations as resources declare them, completed. */
    static final int PRIORITY = ProblemResponses.PRIORITY + 1;

    private static final String IF_MATCH = "If-Match";
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            operations.forEach(RecordWrites::describeIfMatch);
            Operation patch = operations.get(PathItem.HttpMethod.PATCH);
            Operation put = operations.get(PathItem.HttpMethod.PUT);
            if (patch != null && put != null) {
                describeMergePatch(patch, put);
            }
        });
    }

    private static void describeIfMatch(PathItem.HttpMethod method, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() == Parameter.In.HEADER
                    && IF_MATCH.equals(parameter.getName())
                    && parameter.getDescription() == null) {
                parameter.setDescription("ETag from a previous read; the "
                        + (method == PathItem.HttpMethod.DELETE ? "delete" : "write")
                        + " is refused with 412 if it is stale");
            }
        }
    }

    /**
     * The patch body, a JSON object (the resource says so: a {@code JsonNode} would be described field by
     * field), takes any fields of the schema the PUT on the same path takes.
     */
    private static void describeMergePatch(Operation patch, Operation put) {
        Content patchBody =
                patch.getRequestBody() == null ? null : patch.getRequestBody().getContent();
        Content putBody =
                put.getRequestBody() == null ? null : put.getRequestBody().getContent();
        if (patchBody == null
                || patchBody.getMediaType(MergePatch.MEDIA_TYPE) == null
                || putBody == null
                || putBody.getMediaType(MediaType.APPLICATION_JSON) == null) {
            return;
        }
        Schema replaced = putBody.getMediaType(MediaType.APPLICATION_JSON).getSchema();
        if (replaced == null || replaced.getRef() == null || !replaced.getRef().startsWith(SCHEMAS)) {
            return;
        }
        Schema patched = patchBody.getMediaType(MergePatch.MEDIA_TYPE).getSchema();
        if (patched != null && patched.getDescription() == null) {
            String input = replaced.getRef().substring(SCHEMAS.length());
            patched.setDescription("Any fields of " + input + "; null removes a field");
        }
    }
}
