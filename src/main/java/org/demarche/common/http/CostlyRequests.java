package org.demarche.common.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Requests that cost more than a few milliseconds: searches, facets and counts over time, feeds, an official's
 * statements and timeline, a topic's stance table, the export, and any list streamed as CSV or NDJSON. They count
 * against the search rate limit; streams (exports, imports, CSV and NDJSON lists) are also capped in
 * number at once. Paths may be OpenAPI templates, so the document lists the same operations.
 */
public final class CostlyRequests {

    private static final Pattern COSTLY_READS = Pattern.compile(
            "/api/v1/(statements(/facets|/counts|/feed)?|officials/[^/]+/(statements|timeline(/feed)?)|topics/[^/]+/stances"
                    + "|export)/?");
    private static final Pattern STREAMED_BODIES = Pattern.compile("/api/v1/(export|import)/?");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");

    private CostlyRequests() {}

    /**
     * The path of a request as the endpoints read it, to be classified: Vert.x's normalized path
     * (percent-encoded letters decoded, dot segments resolved) with runs of slashes as one and matrix
     * parameters dropped, so that {@code /api/v1/%65xport}, {@code /api/v1//export} or
     * {@code /api/v1/export;x}, which Quarkus REST answers as the export, count as the export.
     */
    static String routedPath(RoutingContext context) {
        return MATRIX_PARAMETERS
                .matcher(SLASHES.matcher(context.normalizedPath()).replaceAll("/"))
                .replaceAll("");
    }

    /** Every media type the request accepts, however many Accept lines it sends them in. */
    static String accept(RoutingContext context) {
        return String.join(", ", context.request().headers().getAll("Accept"));
    }

    /** Whether a GET of this path costs more than a few milliseconds whatever the format asked for. */
    public static boolean costlyRead(String path) {
        return COSTLY_READS.matcher(path).matches();
    }

    /** Whether a request streams: an export or import, or a list asked for as CSV or NDJSON (media types are case-insensitive). */
    static boolean stream(String path, String accept) {
        return STREAMED_BODIES.matcher(path).matches()
                || accept != null
                        && (accept.toLowerCase(Locale.ROOT).contains("text/csv")
                                || accept.toLowerCase(Locale.ROOT).contains("application/x-ndjson"));
    }
}
