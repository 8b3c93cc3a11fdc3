package org.demarche.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.demarche.common.ProblemException;
import org.demarche.common.ProblemType;
import org.demarche.common.Sha256;
import org.demarche.common.http.ContentTags;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Safe retries of POST, as Stripe has them: a POST sent with an {@code Idempotency-Key} header is answered
 * once, and a retry with the same key and the same request (method, URL, Content-Type and body) gets that
 * first answer again, marked {@code Idempotent-Replayed: true}, without writing anything. The same key with
 * another request is a 422 problem; while the first request is under way a retry is a 409 problem. Keys
 * belong to the API key that sent them and are kept 24 hours ({@link IdempotentRequests}), in the database,
 * so a retry may reach any instance. Answers that say nothing about the request itself (401, 403, 408, 429,
 * 5xx) are not kept: a retry runs again. PUT, PATCH and DELETE are idempotent already and ignore the header;
 * an import (idempotent by its natural keys) and a new API key (whose secret is never stored) refuse it.
 */
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final String CLAIM = IdempotencyKeys.class.getName() + ".claim";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");
    /** The paths that refuse the header, and why. */
    static final Map<String, String> REFUSING = Map.of(
            "/api/v1/import",
            "an import is idempotent by the natural keys of its lines: send the same file again",
            "/api/v1/keys",
            "a key's secret is never stored, so its creation cannot be answered twice");

    private static final Set<Integer> NOT_KEPT = Set.of(401, 403, 408, 429);
    /** A claim under way for longer than this is taken to have been abandoned (its instance stopped). */
    private static final Duration ABANDONED = Duration.ofMinutes(5);
    /** The longest answer kept; longer ones are not, and a retry runs again. */
    private static final int MAX_KEPT_CHARS = 1_000_000;

    private final IdempotentRequests requests;
    private final ObjectMapper json;

    IdempotencyKeys(IdempotentRequests requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @ServerRequestFilter
    public Optional<Response> claim(ContainerRequestContext request, RoutingContext routing) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !request.getMethod().equals(HttpMethod.POST)) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (REFUSING.containsKey(path)) {
            throw ProblemException.badRequest(HEADER + " is not taken by " + path + ": " + REFUSING.get(path));
        }
        if (!VALID.matcher(key).matches()) {
            throw ProblemException.badRequest(
                    HEADER + " must be 1 to 255 visible ASCII characters (a UUID is a good choice)");
        }
        String id = id(request.getHeaderString(HttpHeaders.AUTHORIZATION), key);
        String fingerprint = fingerprint(request, routing);
        try {
            Instant now = Instant.now();
            Optional<StoredAnswer> stored = requests.claim(id, fingerprint, now);
            if (stored.isEmpty()) {
                request.setProperty(CLAIM, id);
                return Optional.empty();
            }
            StoredAnswer first = stored.get();
            if (!first.fingerprint().equals(fingerprint)) {
                throw new ProblemException(
                        ProblemType.VALIDATION,
                        "This " + HEADER + " was first sent with another request (method, URL, Content-Type or"
                                + " body differ); a new request needs a new key");
            }
            if (first.underWay()) {
                if (first.startedAt().isBefore(now.minus(ABANDONED)) && requests.takeOver(id, first.startedAt(), now)) {
                    request.setProperty(CLAIM, id);
                    return Optional.empty();
                }
                throw ProblemException.conflict("The first request with this " + HEADER
                        + " is still under way; retry in a moment to get its answer");
            }
            return Optional.of(replay(first));
        } catch (SQLException e) {
            LOG.warnf("The Idempotency-Key store could not be read: %s", e.getMessage());
            throw new ProblemException(ProblemType.BUSY, "Idempotency keys cannot be checked now; retry shortly");
        }
    }

    /** Keeps the answer of a request that claimed its key, or frees the key if the answer is not kept. */
    @ServerResponseFilter(priority = ContentTags.PRIORITY - 100)
    public void keep(ContainerRequestContext request, ContainerResponseContext response)
            throws JsonProcessingException {
        if (!(request.getProperty(CLAIM) instanceof String id)) {
            return;
        }
        int status = response.getStatus();
        Object entity = response.getEntity();
        // A tagged answer is already its bytes: ContentTags runs first, having the higher priority.
        String body = entity == null
                ? null
                : entity instanceof byte[] bytes
                        ? new String(bytes, StandardCharsets.UTF_8)
                        : json.writeValueAsString(entity);
        try {
            if (status >= 500 || NOT_KEPT.contains(status) || body != null && body.length() > MAX_KEPT_CHARS) {
                requests.release(id);
                return;
            }
            requests.answer(
                    id,
                    status,
                    response.getMediaType() == null
                            ? null
                            : response.getMediaType().toString(),
                    response.getHeaderString(HttpHeaders.LOCATION),
                    response.getHeaderString(HttpHeaders.ETAG),
                    body);
        } catch (SQLException e) {
            // The answer goes out; a retry will find the key under way and, after a while, run again.
            LOG.warnf("The answer to an Idempotency-Key could not be kept: %s", e.getMessage());
        }
    }

    private static Response replay(StoredAnswer first) {
        Response.ResponseBuilder answer = Response.status(first.status()).header(REPLAYED, "true");
        if (first.body() != null) {
            answer.entity(first.body().getBytes(StandardCharsets.UTF_8)).type(first.contentType());
        }
        if (first.location() != null) {
            answer.header(HttpHeaders.LOCATION, first.location());
        }
        if (first.etag() != null) {
            answer.header(HttpHeaders.ETAG, first.etag());
        }
        return answer.build();
    }

    /** A digest of what makes two requests the same request: method, URL, Content-Type and body. */
    private static String fingerprint(ContainerRequestContext request, RoutingContext routing) {
        MessageDigest digest = Sha256.digest();
        digest.update((request.getMethod() + " " + request.getUriInfo().getRequestUri() + "\n"
                        + request.getHeaderString(HttpHeaders.CONTENT_TYPE) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        if (routing.body().buffer() != null) {
            digest.update(routing.body().buffer().getBytes());
        }
        return Sha256.hex(digest, new byte[0]);
    }

    /**
     * Where a key is stored: keys belong to the API key that sent them (by a hash of its Authorization
     * header); a request without one is refused by the resource, and its key is not kept.
     */
    static String id(String authorization, String key) {
        String scope = authorization == null ? "anonymous" : "key:" + Sha256.hex(authorization);
        return Sha256.hex(scope + "\n" + key);
    }
}
