package org.demarche.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.demarche.common.http.CostlyRequests;
import org.demarche.common.http.RateLimits;
import org.demarche.common.http.RequestIds;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents the headers every answer of the API carries, once for all operations: {@code X-Request-Id} on
 * every response, and the rate-limit budget ({@code RateLimit-Limit}, {@code -Remaining}, {@code -Reset})
 * on every response of an operation a rate limit applies to; {@code ETag} on every answer with a JSON body
 * and on 304s, and {@code Cache-Control} on those of reads; {@code Location} on 201s, {@code Link} on the
 * pages of lists and {@code Retry-After} on 429s and 503s. The headers are components that each response
 * refers to. Runs after {@link ProblemResponses}, so the problem answers it adds have them too.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = ProblemResponses.PRIORITY - 1)
public class CommonResponseHeaders implements OASFilter {

    private static final String HEADERS = "#/components/headers/";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private static final String ETAG = "ETag";
    private static final String CACHE_CONTROL = "Cache-Control";
    private static final Set<String> TAGGED = Set.of("200", "201", "304");
    private static final String LOCATION = "Location";
    private static final String LINK = "Link";
    private static final String RETRY_AFTER = "Retry-After";
    private static final Set<String> RETRIED = Set.of("429", "503");

    private static final Map<String, Header> DEFINED = Map.of(
            LOCATION,
            header("The URL of the record just created.", Schema.SchemaType.STRING),
            LINK,
            header(
                    "RFC 8288 link to the next page, <…>; rel=\"next\": this request with the page's cursor;"
                            + " absent on the last page.",
                    Schema.SchemaType.STRING),
            RETRY_AFTER,
            header("Seconds to wait before trying again.", Schema.SchemaType.INTEGER),
            ETAG,
            header(
                    "A digest of this answer's body, which changes whenever the body does (the summaries of"
                            + " other records a record embeds included): send it back in If-None-Match to get a 304"
                            + " while it is current. A record's tag starts with its version, \"3-…\"; send it in"
                            + " If-Match to change the record only if no one else has since.",
                    Schema.SchemaType.STRING),
            CACHE_CONTROL,
            header(
                    "no-cache: a cache may keep the answer but must revalidate it (If-None-Match) before"
                            + " each use; no-store on API keys.",
                    Schema.SchemaType.STRING),
            RequestIds.HEADER,
            header(
                    "The request's id: the X-Request-Id the client sent, if it is 1 to 128"
                            + " letters, digits and . _ : -, else one the server made (a UUID). Problem bodies carry it as"
                            + " requestId and the server's log lines for the request carry it too.",
                    Schema.SchemaType.STRING),
            RateLimits.LIMIT,
            header(
                    "Requests this operation may make per minute, per API key and per client"
                            + " address (IETF draft RateLimit header fields). Present when a rate limit applies: always for"
                            + " writes and costly reads, for other lists when asked for as CSV or NDJSON.",
                    Schema.SchemaType.INTEGER),
            RateLimits.REMAINING,
            header(
                    "Requests left now in the tightest budget this request drew from (the key's"
                            + " or the address's); tokens come back evenly over the minute.",
                    Schema.SchemaType.INTEGER),
            RateLimits.RESET,
            header(
                    "Seconds until that budget is full again. On a 429, Retry-After says when one"
                            + " more request may be made.",
                    Schema.SchemaType.INTEGER));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        DEFINED.forEach(openAPI.getComponents()::addHeader);
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                boolean limited = WRITES.contains(method) || CostlyRequests.costlyRead(path) || streams(operation);
                List<String> names = limited
                        ? List.of(RequestIds.HEADER, RateLimits.LIMIT, RateLimits.REMAINING, RateLimits.RESET)
                        : List.of(RequestIds.HEADER);
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    names.forEach(name -> response.addHeader(name, reference(name)));
                    if (status.equals("201")) {
                        response.addHeader(LOCATION, reference(LOCATION));
                    }
                    if (status.equals("200") && method == PathItem.HttpMethod.GET && paged(openAPI, response)) {
                        response.addHeader(LINK, reference(LINK));
                    }
                    if (RETRIED.contains(status)) {
                        response.addHeader(RETRY_AFTER, reference(RETRY_AFTER));
                    }
                    if (TAGGED.contains(status) && (status.equals("304") || json(response))) {
                        response.addHeader(ETAG, reference(ETAG));
                        if (method == PathItem.HttpMethod.GET) {
                            response.addHeader(CACHE_CONTROL, reference(CACHE_CONTROL));
                        }
                    }
                });
            });
        });
    }

    private static Header reference(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
    }

    /** Whether a response has a JSON body, which {@code ContentTags} tags. */
    private static boolean json(APIResponse response) {
        return response.getContent() != null
                && response.getContent().getMediaTypes().keySet().stream()
                        .anyMatch(type -> type.equals("application/json") || type.equals("application/ld+json"));
    }

    /**
     * Whether a response is a page that links to the next one: a {@code Page} of a list
     * ({@code Responses.page}) or of the change feed ({@code ChangePage}). The timeline and the stance
     * matrix have a nextCursor but no Link.
     */
    private static boolean paged(OpenAPI openAPI, APIResponse response) {
        if (response.getContent() == null
                || response.getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON) == null) {
            return false;
        }
        Schema schema = response.getContent()
                .getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                .getSchema();
        String ref = schema == null ? null : schema.getRef();
        if (ref == null || !ref.startsWith(SCHEMAS)) {
            return false;
        }
        String name = ref.substring(SCHEMAS.length());
        Schema page = openAPI.getComponents().getSchemas().get(name);
        return page != null
                && page.getProperties() != null
                && page.getProperties().containsKey("nextCursor")
                && (name.startsWith("Page") || name.equals("ChangePage"));
    }

    /** Whether an operation can answer as CSV or NDJSON, which counts against the rate limit of costly reads. */
    private static boolean streams(Operation operation) {
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        return ok != null
                && ok.getContent() != null
                && (ok.getContent().getMediaType("text/csv") != null
                        || ok.getContent().getMediaType("application/x-ndjson") != null);
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().type(List.of(type)));
    }
}
