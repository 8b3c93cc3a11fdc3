package org.demarche.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, the only shape an error response takes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details, sent as application/problem+json; fields that do not apply are left"
                + " out",
        requiredProperties = {"type", "title", "status"})
public record Problem(
        @Schema(
                description = "URI reference identifying the problem type",
                examples = "https://demarche.org/problems/validation")
        String type,

        @Schema(description = "Short summary of the problem type", examples = "Request body is not valid")
        String title,

        @Schema(description = "HTTP status code", examples = "422")
        int status,

        @Schema(description = "Explanation specific to this occurrence", examples = "2 fields are not valid")
        String detail,

        @Schema(description = "The request path this problem occurred on", examples = "/api/v1/officials")
        String instance,

        @Schema(description = "Validation problems, one per field, all at once (422 only)")
        List<FieldError> errors,

        @Schema(
                description = "409 only: records that still refer to the one being deleted, or the record that already"
                        + " holds a unique value (a source's URL, a position's official, topic and start)")
        List<Reference> references,

        @Schema(
                description = "400 for unknown query parameters only: the parameters sent that this endpoint does not"
                        + " take, sorted")
        List<String> unknownParameters,

        @Schema(
                description =
                        "400 for unknown query parameters only: every query parameter this endpoint takes," + " sorted")
        List<String> acceptedParameters,

        @Schema(
                description = "The request's id, as in its X-Request-Id response header: the client's own if it sent a"
                        + " usable one, else made by the server. The server's log lines for the request carry it.",
                examples = "3f1c9a6e-5b2d-4c8e-9a41-0d7e2b6f8c15")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem without parameter lists, its request id to be added where the request is known. */
    public Problem(
            String type,
            String title,
            int status,
            String detail,
            String instance,
            List<FieldError> errors,
            List<Reference> references) {
        this(type, title, status, detail, instance, errors, references, null, null, null);
    }

    /** The same problem, stamped with the id of the request it answers. */
    public Problem withRequestId(String id) {
        return new Problem(
                type, title, status, detail, instance, errors, references, unknownParameters, acceptedParameters, id);
    }

    /** A group of records of one type that refer to the record a client tried to delete, or hold a unique value. */
    @Schema(description = "Records of one type that still refer to the record, or that hold the unique value")
    public record Reference(
            @Schema(description = "Resource type of the referring records", examples = "statement")
            String type,

            @Schema(description = "How many records of this type refer to it", examples = "3")
            long count,

            @Schema(description = "Ids of the first referring records (at most 20)")
            List<String> ids) {}
}
