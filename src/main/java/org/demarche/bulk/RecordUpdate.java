package org.demarche.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.demarche.history.FieldChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored record an import line changes, and how: each field that changes, as stored and as imported. */
@Schema(name = "ImportUpdate")
public record RecordUpdate(
        @Schema(description = "The line that changes it", examples = "12")
        long line,

        @Schema(examples = "statement") String type,
        UUID id,

        @Schema(
                description = "The fields that change, named as in a PUT body (references by id): before is"
                        + " the stored value, after the imported one; null when empty")
        List<FieldChange> changes) {

    /** The fields in which the two records, as their requests, differ; an absent field is a null one. */
    static RecordUpdate between(long line, String type, UUID id, ObjectNode stored, ObjectNode imported) {
        Set<String> fields = new LinkedHashSet<>();
        stored.fieldNames().forEachRemaining(fields::add);
        imported.fieldNames().forEachRemaining(fields::add);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode before = stored.path(field);
            JsonNode after = imported.path(field);
            if (!orNull(before).equals(orNull(after))) {
                changes.add(new FieldChange(field, value(before), value(after)));
            }
        }
        return new RecordUpdate(line, type, id, changes);
    }

    private static JsonNode orNull(JsonNode value) {
        return value.isMissingNode() ? NullNode.getInstance() : value;
    }

    private static JsonNode value(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value;
    }
}
