package org.demarche.common.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Function;
import org.demarche.common.feed.AtomFeed;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.stream.ListFormat;
import org.demarche.common.stream.RecordStream;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * How a resource answers: one record, a created record, or a list as a page with its Link or as a stream;
 * and the same in another representation (JSON-LD). {@link ContentTags} adds the ETags.
 */
public final class Responses {

    /**
     * The type of JSON answers, said explicitly: left to the framework, a request accepting {@code application/*}
     * would get {@code application/octet-stream}, and one sending parameters would see them echoed.
     */
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private Responses() {}

    /** 200 with the record (its ETag is added by {@link ContentTags}). */
    public static <T extends Representation> RestResponse<T> ok(T body) {
        return ResponseBuilder.ok(body, JSON).build();
    }

    /** 202 with the record: the request is taken, and what it starts is still to come. */
    public static <T extends Representation> RestResponse<T> accepted(T body) {
        return ResponseBuilder.accepted(body).type(JSON).build();
    }

    /**
     * Like {@link #ok}, in another representation of the record, which has its own ETag: a client's cached
     * JSON never stands in for it (or the other way round).
     */
    public static <T extends Representation> RestResponse<T> okAs(
            T body, MediaType type, Function<? super T, ?> represent) {
        return declared(ResponseBuilder.ok(represent.apply(body), type));
    }

    /** 201 with the created record and its URL in {@code Location}. */
    public static <T extends Representation> RestResponse<T> created(T body, UriInfo uri) {
        return ResponseBuilder.<T>created(
                        uri.getAbsolutePathBuilder().path(body.id().toString()).build())
                .entity(body)
                .type(JSON)
                .build();
    }

    /**
     * A list in the format the request asks for: a JSON page (see {@link #page}), or every matching record
     * streamed as CSV or NDJSON (see {@link RecordStream}).
     *
     * @param itemType the type of a record, for the CSV columns
     * @param fetch    reads the page the parameters name
     */
    public static <T> RestResponse<Page<T>> list(
            PageParams params, Function<PageParams, Page<T>> fetch, Type itemType, UriInfo uri, HttpHeaders headers) {
        ListFormat format = requested(headers);
        if (format == ListFormat.JSON) {
            return page(fetch.apply(params), uri);
        }
        return declared(
                ResponseBuilder.ok(RecordStream.start(itemType, params, fetch), format.mediaType.withCharset("UTF-8")));
    }

    /** The list format the request asks for (see {@link Negotiation#choose}). */
    private static ListFormat requested(HttpHeaders headers) {
        MediaType chosen = Negotiation.choose(
                headers,
                Arrays.stream(ListFormat.values())
                        .map(format -> format.mediaType)
                        .toList());
        return Arrays.stream(ListFormat.values())
                .filter(format -> format.mediaType.equals(chosen))
                .findFirst()
                .orElseThrow();
    }

    /** 200 with the page, and an RFC 8288 {@code Link: <...>; rel="next"} header unless it is the last. */
    public static <T> RestResponse<Page<T>> page(Page<T> page, UriInfo uri) {
        return declared(next(ResponseBuilder.ok(page, JSON), page, uri));
    }

    /** Like {@link #page}, in another representation of the page. */
    public static <T> RestResponse<Page<T>> pageAs(
            Page<T> page, UriInfo uri, MediaType type, Function<? super Page<T>, ?> represent) {
        return declared(next(ResponseBuilder.ok(represent.apply(page), type), page, uri));
    }

    /** 200 with the feed as Atom XML, and the next page's {@code Link} as for a JSON page. */
    public static <T> RestResponse<T> feed(AtomFeed feed) {
        ResponseBuilder<String> builder = ResponseBuilder.ok(feed.xml(), AtomFeed.TYPE.withCharset("UTF-8"));
        if (feed.next() != null) {
            builder.link(feed.next(), "next");
        }
        return declared(builder);
    }

    /**
     * 200 with a body that pages its own way (a timeline), and a {@code Link: <...>; rel="next"} header when
     * {@code nextCursor} is not null.
     */
    public static <T> RestResponse<T> paged(T body, String nextCursor, UriInfo uri) {
        return declared(next(ResponseBuilder.ok(body, JSON), nextCursor, uri));
    }

    private static <B> ResponseBuilder<B> next(ResponseBuilder<B> builder, Page<?> page, UriInfo uri) {
        return next(builder, page.nextCursor(), uri);
    }

    private static <B> ResponseBuilder<B> next(ResponseBuilder<B> builder, String nextCursor, UriInfo uri) {
        if (nextCursor != null) {
            builder.link(
                    uri.getRequestUriBuilder()
                            .replaceQueryParam("cursor", nextCursor)
                            .build(),
                    "next");
        }
        return builder;
    }

    /**
     * The response typed as the method declares it, whatever its entity: a method declares its JSON answer,
     * which the OpenAPI document describes, and Quarkus REST picks writers by the entity at run time.
     */
    @SuppressWarnings("unchecked")
    private static <T> RestResponse<T> declared(ResponseBuilder<?> builder) {
        return (RestResponse<T>) builder.build();
    }
}
