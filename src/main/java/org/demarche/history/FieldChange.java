package org.demarche.history;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field's value before and after a revision, as the record's JSON shows it. */
@Schema(name = "FieldChange")
public record FieldChange(
        @Schema(examples = "title") String field,
        @Schema(description = "The value before; null when the field was empty or the record new", nullable = true)
        JsonNode before,
        @Schema(description = "The value after; null when the field was emptied", nullable = true)
        JsonNode after) {
}
