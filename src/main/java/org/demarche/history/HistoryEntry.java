package org.demarche.history;

import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One revision of a record: when, by which key, what it did and what it changed, and the whole
 * record as it stood afterwards (for a deletion, as it stood when it was deleted).
 */
public record HistoryEntry<R>(
        @Schema(
                description = "Revision number; increases with every committed change across all records",
                examples = "42")
        long revision,

        Instant changedAt,

        @Schema(
                description = "The key that made the change; null for changes made by the system (sample data)",
                nullable = true)
        ChangedBy changedBy,

        Action action,

        @Schema(
                description = "Fields whose value differs from the previous revision (bookkeeping fields left"
                        + " out); every field set on creation, none on deletion")
        List<FieldChange> changes,

        @Schema(description = "The record after this revision; for a deletion, the record as it was deleted")
        R state) {

    /** The type of a history entry of one kind of record, for the columns of a history streamed as CSV. */
    public static Type type(Class<?> recordType) {
        return TypeFactory.defaultInstance().constructParametricType(HistoryEntry.class, recordType);
    }
}
