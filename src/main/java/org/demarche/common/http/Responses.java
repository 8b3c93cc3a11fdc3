package org.demarche.common.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Type;
import java.util.function.Function;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.ListFormat;
import org.demarche.common.stream.RecordStream;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/** How a resource answers: one record with its ETag, a created record, or a page with its Link. */
public final class Responses {

    private Responses() {
    }

    /** 200 with the record and its ETag, or 304 when the client's {@code If-None-Match} still matches. */
    public static <T extends Representation> RestResponse<T> ok(T body, Request request) {
        EntityTag tag = ETags.of(body.version());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED).tag(tag).build();
        }
        return ResponseBuilder.ok(body).tag(tag).build();
    }

    /** 200 with the changed record and its new ETag. */
    public static <T extends Representation> RestResponse<T> changed(T body) {
        return ResponseBuilder.ok(body).tag(ETags.of(body.version())).build();
    }

    /** 201 with the created record, its ETag, and its URL in {@code Location}. */
    public static <T extends Representation> RestResponse<T> created(T body, UriInfo uri) {
        return ResponseBuilder.<T>created(uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body).tag(ETags.of(body.version())).build();
    }

    /**
     * A list in the format the request asks for: a JSON page (see {@link #page}), or every matching record
     * streamed as CSV or NDJSON (see {@link RecordStream}).
     *
     * @param itemType the type of a record, for the CSV columns
     * @param fetch    reads the page the parameters name
     */
    public static <T> RestResponse<Page<T>> list(PageParams params, Function<PageParams, Page<T>> fetch, Type itemType,
            UriInfo uri, HttpHeaders headers) {
        ListFormat format = ListFormat.requested(headers);
        if (format == ListFormat.JSON) {
            return page(fetch.apply(params), uri);
        }
        RecordStream<T> stream = RecordStream.start(itemType, params, fetch);
        // The entity is the stream; the declared type stays the page, which is what JSON clients get.
        @SuppressWarnings("unchecked")
        RestResponse<Page<T>> streamed = (RestResponse<Page<T>>) (RestResponse<?>) ResponseBuilder.ok(stream,
                format.mediaType.withCharset("UTF-8")).build();
        return streamed;
    }

    /** 200 with the page, and an RFC 8288 {@code Link: <...>; rel="next"} header unless it is the last. */
    public static <T> RestResponse<Page<T>> page(Page<T> page, UriInfo uri) {
        ResponseBuilder<Page<T>> builder = ResponseBuilder.ok(page);
        if (page.nextCursor() != null) {
            builder.link(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build(), "next");
        }
        return builder.build();
    }
}
