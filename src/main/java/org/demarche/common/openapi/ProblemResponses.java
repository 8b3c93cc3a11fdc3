package org.demarche.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.demarche.common.Problem;
import org.demarche.common.http.CostlyRequests;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers every operation shares, in one place rather than on every method: each
 * operation gets the problem responses its HTTP method can produce, with the Problem schema.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = ProblemResponses.PRIORITY)
public class ProblemResponses implements OASFilter {

    /** Before {@link CommonResponseHeaders}, which documents headers on the responses added here. */
    static final int PRIORITY = 2;

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            boolean single = path.endsWith("}");
            boolean costly = CostlyRequests.costlyRead(path);
            boolean importing = path.equals("/api/v1/import");
            // Statement lists, searches, facets and counts: on PostgreSQL, OpenSearch answers them.
            boolean searched = SEARCHED.matcher(path).matches();
            item.getOperations()
                    .forEach((method, operation) -> document(
                            method,
                            single,
                            costly,
                            importing,
                            searched && method == PathItem.HttpMethod.GET,
                            operation));
        });
    }

    private static final String UNKNOWN_PARAMETER = "A query parameter is not one this operation takes: the problem"
            + " names it in unknownParameters and lists those it takes in acceptedParameters";

    private static final Pattern SEARCHED =
            Pattern.compile("/api/v1/(statements(/facets|/counts)?|officials/[^/]+/statements)/?");

    private static void document(
            PathItem.HttpMethod method,
            boolean single,
            boolean costly,
            boolean importing,
            boolean searched,
            Operation operation) {
        Map<String, String> errors = new LinkedHashMap<>();
        // Any operation refuses a query parameter it does not take; the cases below say what else a 400 means.
        errors.put("400", UNKNOWN_PARAMETER);
        switch (method) {
            case GET -> {
                errors.put("304", "Not modified: the If-None-Match ETag is still current (answers in JSON only)");
                if (!single) {
                    errors.put(
                            "400",
                            "A query parameter is not valid (unknown enum value, bad date, limit, sort or cursor),"
                                    + " or is not one this operation takes (named in unknownParameters)");
                }
                if (single || hasPathParameter(operation)) {
                    errors.put("404", "No record has this id");
                }
                errors.put("406", "The Accept header asks for a media type this resource cannot produce");
            }
            case POST -> {
                if (takesNdjson(operation)) {
                    errors.put("413", "The body is larger than DEMARCHE_MAX_IMPORT_SIZE");
                    errors.put("415", "The Content-Type is not application/x-ndjson");
                } else {
                    errors.put(
                            "400",
                            "The body is not well-formed JSON, or gives a key twice in one object; or a"
                                    + " query parameter is not one this operation takes (named in unknownParameters)");
                    errors.put("409", "A unique value is already taken by another record (named in detail)");
                    errors.put("411", "The body was sent in chunks, without Content-Length");
                    errors.put("413", "The body is larger than DEMARCHE_MAX_BODY_SIZE (1 MiB by default)");
                    errors.put("415", "The Content-Type is not application/json");
                    errors.put("422", "The body fails validation; every problem is listed in errors");
                }
            }
            case PUT, PATCH -> {
                errors.put(
                        "400",
                        "The body is not well-formed JSON, gives a key twice in one object, or (for PATCH)"
                                + " is not a JSON object; or a query parameter is not one this operation takes (named in"
                                + " unknownParameters)");
                errors.put("404", "No record has this id");
                errors.put("409", "A unique value is taken by another record (named in detail)");
                errors.put("411", "The body was sent in chunks, without Content-Length");
                errors.put(
                        "412",
                        "If-Match names no ETag of the record's current version (compared strongly: a weak W/"
                                + " tag never matches); of writes racing with one If-Match, all but one get this");
                errors.put("413", "The body is larger than DEMARCHE_MAX_BODY_SIZE (1 MiB by default)");
                errors.put(
                        "415",
                        method == PathItem.HttpMethod.PATCH
                                ? "The Content-Type is not application/merge-patch+json"
                                : "The Content-Type is not application/json");
                errors.put("422", "The result fails validation; every problem is listed in errors");
            }
            case DELETE -> {
                errors.put("404", "No record has this id");
                errors.put("409", "Other records still refer to this one; they are named in references");
                errors.put(
                        "412",
                        "If-Match names no ETag of the record's current version (compared strongly: a weak W/"
                                + " tag never matches)");
            }
            default -> {}
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            errors.put("401", "No API key, or an unknown or revoked one (with a WWW-Authenticate challenge)");
            errors.put("403", "The API key's role may not make this call");
        }
        if (operation.getRequestBody() != null && !importing) {
            errors.put(
                    "408",
                    "The body did not fully arrive within 10 s (DEMARCHE_IN_FLIGHT_BODY_TIMEOUT); the connection is closed");
        }
        boolean stream = importing || produces(operation, "text/csv") || produces(operation, "application/x-ndjson");
        errors.put(
                "429",
                method != PathItem.HttpMethod.GET || costly || stream
                        ? "Over the rate limit, or too many requests under way at once, for this key or address; Retry-After says when to retry"
                        : "Too many requests under way at once for this key or address; Retry-After says when to retry");
        if (stream || searched) {
            errors.put(
                    "503",
                    (searched
                                    ? "Search is unavailable for a moment (PostgreSQL set-up: OpenSearch does not answer)"
                                            + (stream ? ", or the server" : "")
                                    : "The server")
                            + (stream
                                    ? " is answering as many exports, imports and CSV/NDJSON lists as it takes at once"
                                    : "")
                            + "; Retry-After says when to retry");
        }
        errors.put("500", "The server failed to answer; nothing internal is disclosed");
        APIResponses responses = operation.getResponses();
        // Responses the scanner added on its own (a bare 400 for validated bodies) are replaced too.
        errors.forEach((code, description) -> {
            APIResponse present = responses.getAPIResponse(code);
            if (present == null || present.getContent() == null && !code.equals("304")) {
                responses.addAPIResponse(code, code.equals("304") ? notModified(description) : problem(description));
            }
        });
    }

    private static boolean produces(Operation operation, String mediaType) {
        APIResponse ok = operation.getResponses() == null
                ? null
                : operation.getResponses().getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().getMediaType(mediaType) != null;
    }

    private static boolean takesNdjson(Operation operation) {
        return operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().getMediaType("application/x-ndjson") != null;
    }

    private static boolean hasPathParameter(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    private static APIResponse notModified(String description) {
        return OASFactory.createAPIResponse().description(description);
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                Problem.MEDIA_TYPE,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
    }
}
