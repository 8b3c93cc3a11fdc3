package org.demarche.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field's value before and after a revision, as the record's JSON shows it (JSON trees in Java). */
@Schema(name = "FieldChange")
public record FieldChange(
        @Schema(examples = "title") String field,

        @Schema(
                description = "The value before, any JSON value; null when the field was empty or the record new",
                nullable = true)
        Object before,

        @Schema(description = "The value after, any JSON value; null when the field was emptied", nullable = true)
        Object after) {}
