package org.demarche.common.http;

import java.util.regex.Pattern;

/**
 * Requests that cost more than a few milliseconds: searches and facets, an official's statements and
 * timeline, a topic's stance table, the export, and any list streamed as CSV or NDJSON. They count
 * against the search rate limit; streams (exports, imports, CSV and NDJSON lists) are also capped in
 * number at once. Paths may be OpenAPI templates, so the document lists the same operations.
 */
public final class CostlyRequests {

    private static final Pattern COSTLY_READS = Pattern.compile(
            "/api/v1/(statements(/facets)?|officials/[^/]+/(statements|timeline)|topics/[^/]+/stances|export)/?");
    private static final Pattern STREAMED_BODIES = Pattern.compile("/api/v1/(export|import)/?");

    private CostlyRequests() {
    }

    /** Whether a GET of this path costs more than a few milliseconds whatever the format asked for. */
    public static boolean costlyRead(String path) {
        return COSTLY_READS.matcher(path).matches();
    }

    /** Whether a request streams: an export or import, or a list asked for as CSV or NDJSON. */
    static boolean stream(String path, String accept) {
        return STREAMED_BODIES.matcher(path).matches()
                || accept != null && (accept.contains("text/csv") || accept.contains("application/x-ndjson"));
    }
}
