package org.demarche.common.stream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.demarche.common.http.Negotiation;

/**
 * How a list is answered: a JSON page, or every matching record streamed as CSV or NDJSON, chosen by
 * the Accept header (JSON when the client accepts anything).
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

    /** The format the request asks for (see {@link Negotiation#choose}). */
    public static ListFormat requested(HttpHeaders headers) {
        MediaType chosen = Negotiation.choose(headers, Arrays.stream(values()).map(format -> format.mediaType).toList());
        return Arrays.stream(values()).filter(format -> format.mediaType.equals(chosen)).findFirst().orElseThrow();
    }
}
