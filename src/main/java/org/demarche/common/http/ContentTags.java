package org.demarche.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import org.demarche.common.feed.AtomFeed;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Tags every JSON or Atom answer that has a body (a record, a page, counts, a feed) with an ETag made from the body
 * itself ({@link ETags}), so that a tag is never reused for a different representation. A GET or HEAD whose
 * {@code If-None-Match} lists the tag is answered 304 without the body, and GET answers say
 * {@code Cache-Control: no-cache}: a cache may keep them but asks each time whether they are still current.
 * A tagged answer's entity becomes the bytes hashed (a String entity is an answer already written, such as Atom XML).
 * Streams (CSV, NDJSON) are not tagged: they are written as they are read, and an answer that has its tag
 * already (a POST's first answer replayed for its Idempotency-Key) keeps it.
 */
public class ContentTags {

    private static final MediaType LINKED_DATA = new MediaType("application", "ld+json");

    private final ObjectMapper json;

    public ContentTags(ObjectMapper json) {
        this.json = json;
    }

    /** Runs before the filters that read the answer's bytes (IdempotencyKeys keeps them); response filters run highest first. */
    public static final int PRIORITY = Priorities.USER;

    @ServerResponseFilter(priority = PRIORITY)
    public void tag(ContainerRequestContext request, ContainerResponseContext response, HttpServerResponse sent)
            throws JsonProcessingException {
        int status = response.getStatus();
        Object entity = response.getEntity();
        if (status != Status.OK.getStatusCode() && status != Status.CREATED.getStatusCode()
                || entity == null
                || !isTagged(response.getMediaType())
                || response.getHeaders().containsKey(HttpHeaders.ETAG)) {
            return;
        }
        byte[] body = entity instanceof String document
                ? document.getBytes(StandardCharsets.UTF_8)
                : json.writeValueAsBytes(entity);
        // The bytes the tag is made from are the bytes sent: serialized once, and never a tag for other bytes. They
        // are UTF-8, whatever parameters the request's Accept had.
        MediaType type = response.getMediaType();
        response.setEntity(
                body, response.getEntityAnnotations(), new MediaType(type.getType(), type.getSubtype(), "UTF-8"));
        EntityTag tag = entity instanceof Representation record ? ETags.of(record.version(), body) : ETags.of(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String method = request.getMethod();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD)) {
            return;
        }
        if (!sent.headers().contains(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-cache");
        }
        if (ETags.noneMatchLists(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    private static boolean isTagged(MediaType type) {
        return type != null
                && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || type.isCompatible(LINKED_DATA)
                        || type.isCompatible(AtomFeed.TYPE));
    }
}
