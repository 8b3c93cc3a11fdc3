package org.demarche.common.stream;

import jakarta.ws.rs.core.MediaType;

/**
 * How a list is answered: a JSON page, or every matching record streamed as CSV or NDJSON, chosen by
 * the Accept header (JSON when the client accepts anything; see {@code common.http.Responses#list}).
 */
public enum ListFormat {
    JSON(MediaType.APPLICATION_JSON_TYPE),
    CSV(new MediaType("text", "csv")),
    NDJSON(new MediaType("application", "x-ndjson"));

    /** The CSV media type, for {@code @Produces}. */
    public static final String TEXT_CSV = "text/csv";
    /** The NDJSON media type, for {@code @Produces}. */
    public static final String APPLICATION_NDJSON = "application/x-ndjson";

    public final MediaType mediaType;

    ListFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }
}
