package org.demarche.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why one line of an import was rejected. */
@Schema(name = "ImportLineError")
public record LineError(
        @Schema(description = "Line number in the body, from 1", examples = "12") long line,
        @Schema(description = "Path of the offending field in the line's record; empty for the line as a whole",
                examples = "country") String field,
        @Schema(examples = "must be an ISO 3166-1 alpha-2 country code") String message) {
}
