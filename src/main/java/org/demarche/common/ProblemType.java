package org.demarche.common;

import jakarta.ws.rs.core.Response.Status;

/** The problem types Demarche answers with; each has a stable type URI and title. */
public enum ProblemType {
    BAD_REQUEST(Status.BAD_REQUEST, "bad-request", "Request is malformed"),
    UNAUTHORIZED(Status.UNAUTHORIZED, "unauthorized", "Credentials are missing or not valid"),
    FORBIDDEN(Status.FORBIDDEN, "forbidden", "Not allowed for these credentials"),
    NOT_FOUND(Status.NOT_FOUND, "not-found", "Resource not found"),
    METHOD_NOT_ALLOWED(Status.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    REQUEST_TIMEOUT(Status.REQUEST_TIMEOUT, "request-timeout", "The request body did not arrive in time"),
    NOT_ACCEPTABLE(Status.NOT_ACCEPTABLE, "not-acceptable", "Requested media type is not available"),
    CONFLICT(Status.CONFLICT, "conflict", "Request conflicts with the current state"),
    LENGTH_REQUIRED(Status.LENGTH_REQUIRED, "length-required", "Content-Length is required"),
    PRECONDITION_FAILED(Status.PRECONDITION_FAILED, "precondition-failed", "Resource has changed since it was read"),
    PAYLOAD_TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Content type is not supported"),
    VALIDATION(422, "validation", "Request body is not valid"),
    TOO_MANY_REQUESTS(Status.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    NOT_IMPLEMENTED(Status.NOT_IMPLEMENTED, "not-implemented", "Not available on this server"),
    BUSY(Status.SERVICE_UNAVAILABLE, "busy", "The server is busy"),
    SEARCH_UNAVAILABLE(Status.SERVICE_UNAVAILABLE, "search-unavailable", "Search is unavailable for a moment"),
    INTERNAL(Status.INTERNAL_SERVER_ERROR, "internal", "Internal server error");

    private static final String BASE = "https://demarche.org/problems/";

    public final int status;
    public final String uri;
    public final String title;

    ProblemType(Status status, String slug, String title) {
        this(status.getStatusCode(), slug, title);
    }

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.uri = BASE + slug;
        this.title = title;
    }

    /** The problem type a bare HTTP status stands for; unknown 4xx map to a plain bad request. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
