package org.demarche.common.stream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * How a list is answered: a JSON page, or every matching record streamed as CSV or NDJSON, chosen by
 * the Accept header (the client's most preferred of the three; JSON when it accepts anything).
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

    /** The format the request asks for; JAX-RS has already refused (406) an Accept none of them satisfies. */
    public static ListFormat requested(HttpHeaders headers) {
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        for (MediaType wanted : acceptable) {
            for (ListFormat format : values()) {
                if (wanted.isCompatible(format.mediaType)) {
                    return format;
                }
            }
        }
        return JSON;
    }
}
