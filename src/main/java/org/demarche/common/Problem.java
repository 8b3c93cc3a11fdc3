package org.demarche.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, the only shape an error response takes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json")
public record Problem(
        @Schema(description = "URI reference identifying the problem type", examples = "https://demarche.org/problems/validation") String type,
        @Schema(description = "Short summary of the problem type", examples = "Request body is not valid") String title,
        @Schema(description = "HTTP status code", examples = "422") int status,
        @Schema(description = "Explanation specific to this occurrence", examples = "2 fields are not valid") String detail,
        @Schema(description = "The request path this problem occurred on", examples = "/api/v1/officials") String instance,
        @Schema(description = "Validation problems, one per field, all at once (422 only)") List<FieldError> errors,
        @Schema(description = "409 only: records that still refer to the one being deleted, or the record that already"
                + " holds a unique value (a source's URL, a position's official, topic and start)") List<Reference> references) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A group of records of one type that refer to the record a client tried to delete, or hold a unique value. */
    @Schema(description = "Records of one type that still refer to the record, or that hold the unique value")
    public record Reference(
            @Schema(description = "Resource type of the referring records", examples = "statement") String type,
            @Schema(description = "How many records of this type refer to it", examples = "3") long count,
            @Schema(description = "Ids of the first referring records (at most 20)") List<String> ids) {
    }
}
