package org.demarche.common.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.demarche.common.FieldError;
import org.demarche.common.JsonSettings;
import org.demarche.common.Problem;
import org.demarche.common.ProblemException;
import org.demarche.common.ProblemType;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one family of exception mappers: every failure leaves as application/problem+json, and nothing
 * internal (stack traces, SQL, class names) reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(
                e.type.uri,
                e.type.title,
                e.type.status,
                e.getMessage(),
                uri.getPath(),
                e.errors,
                e.references,
                e.unknownParameters,
                e.acceptedParameters,
                null));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // Quarkus REST wraps a query parameter's failed conversion (QueryParameterTypes) in a 404.
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri);
        }
        // The JSON reader wraps Jackson's failures; answer them as if they had reached us directly.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException binding) {
            return unbindableJson(binding, uri);
        }
        int status = e.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        Response.ResponseBuilder builder =
                Response.fromResponse(respond(type, detailFor(type, e, uri), uri, null, null));
        if (e instanceof NotAllowedException
                && !e.getResponse().getAllowedMethods().isEmpty()) {
            builder.header(HttpHeaders.ALLOW, String.join(", ", e.getResponse().getAllowedMethods()));
        }
        return builder.status(status).build();
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return challenge("This call needs an API key: send 'Authorization: Bearer <key>'", uri);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri) {
        return challenge("The API key is unknown or revoked", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "This API key's role may not make this call", uri, null, null);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        Optional<String> duplicateKey = JsonSettings.duplicateKey(e);
        if (duplicateKey.isPresent()) {
            return respond(ProblemType.BAD_REQUEST, "Request body " + duplicateKey.get(), uri, null, null);
        }
        return respond(
                ProblemType.BAD_REQUEST,
                "Request body is not well-formed JSON: "
                        + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr(),
                uri,
                null,
                null);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unbindableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unbindableJson(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            // Jackson wraps a parse failure met inside a nested value with the path to it.
            return malformedJson(parse, uri);
        }
        FieldError error = fieldError(e);
        if (error.field().isEmpty()) {
            return respond(ProblemType.BAD_REQUEST, "Request body must be a JSON object", uri, null, null);
        }
        return problem(ProblemException.invalid(List.of(error)), uri);
    }

    /** The field a JSON value could not be bound to, and why, as a client should read it. */
    public static FieldError fieldError(JsonMappingException e) {
        return new FieldError(JsonPaths.of(e.getPath()), bindingMessage(e));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (ClosedConnections.logIfClosed(e, uri.getPath())) {
            // Nobody is there to read this.
            return respond(
                    ProblemType.BAD_REQUEST, "The connection was closed before the request ended", uri, null, null);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uri);
            }
            if (cause instanceof JsonMappingException binding) {
                return unbindableJson(binding, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return respond(
                        ProblemType.CONFLICT,
                        "The record was changed by another request at the same time; read it again and retry",
                        uri,
                        null,
                        null);
            }
            if (cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException
                    || cause instanceof LockAcquisitionException) {
                return Response.fromResponse(respond(
                                ProblemType.BUSY,
                                "Other writes held the data this request needed for"
                                        + " too long; nothing was changed. Retry in a moment",
                                uri,
                                null,
                                null))
                        .header(HttpHeaders.RETRY_AFTER, "1")
                        .build();
            }
            if (cause instanceof ConstraintViolationException) {
                return respond(
                        ProblemType.CONFLICT,
                        "The request conflicts with stored data (a unique value is taken or a referenced record changed)",
                        uri,
                        null,
                        null);
            }
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(
                ProblemType.INTERNAL, "The server failed to answer this request; it has been logged", uri, null, null);
    }

    private static Response challenge(String detail, UriInfo uri) {
        return Response.fromResponse(respond(ProblemType.UNAUTHORIZED, detail, uri, null, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"demarche\"")
                .build();
    }

    static Response respond(
            ProblemType type, String detail, UriInfo uri, List<FieldError> errors, List<Problem.Reference> references) {
        return respond(new Problem(type.uri, type.title, type.status, detail, uri.getPath(), errors, references));
    }

    private static Response respond(Problem body) {
        return Response.status(body.status())
                .type(Problem.MEDIA_TYPE)
                .entity(body)
                .build();
    }

    private static String detailFor(ProblemType type, WebApplicationException e, UriInfo uri) {
        return switch (type) {
            case NOT_FOUND -> "Nothing is found at " + uri.getPath();
            case METHOD_NOT_ALLOWED -> "This resource does not allow this method";
            case NOT_ACCEPTABLE -> "This resource can answer only with application/json";
            case UNSUPPORTED_MEDIA_TYPE ->
                "This resource does not accept that content type; send application/json"
                        + " (or application/merge-patch+json for PATCH)";
            case PAYLOAD_TOO_LARGE -> "Request body is larger than allowed";
            default -> type.title;
        };
    }

    private static String bindingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            return "must be one of: "
                    + Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && (invalid.getTargetType() == String.class || invalid.getTargetType() == Instant.class)) {
            return invalid.getOriginalMessage();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + JsonPaths.describe(mismatched.getTargetType());
        }
        return "has a value that cannot be read";
    }
}
