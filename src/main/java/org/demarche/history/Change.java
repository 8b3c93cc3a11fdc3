package org.demarche.history;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One record created, changed or deleted by a revision, as the change feed reports it. */
@Schema(name = "Change")
public record Change(
        @Schema(description = "The revision; the same number appears in the record's history", examples = "42")
        long revision,

        Instant changedAt,

        @Schema(description = "The key that made the change; null for the system", nullable = true)
        ChangedBy changedBy,

        @Schema(
                description = "The kind of record",
                enumeration = {"official", "topic", "source", "event", "statement", "position"},
                examples = "statement")
        String type,

        UUID id,
        Action action,

        @Schema(
                description = "The record as this revision left it, in the shape GET returns; null for a deletion"
                        + " (a tombstone)",
                nullable = true,
                type = SchemaType.OBJECT)
        Object record) {}
