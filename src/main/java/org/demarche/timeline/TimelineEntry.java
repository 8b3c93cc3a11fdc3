package org.demarche.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.demarche.position.PositionResponse;
import org.demarche.statement.StatementResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event on an official's timeline: a statement made, or a position taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "A statement or a position on the timeline; exactly one of statement and position is present",
        requiredProperties = {"kind", "date"})
public record TimelineEntry(
        @Schema(
                description = "statement or position",
                enumeration = {"statement", "position"},
                examples = "statement")
        String kind,

        @Schema(description = "statedOn of a statement, validFrom of a position", examples = "2024-11")
        String date,

        StatementResponse statement,
        PositionResponse position) {

    static TimelineEntry of(StatementResponse statement) {
        return new TimelineEntry("statement", statement.statedOn(), statement, null);
    }

    static TimelineEntry of(PositionResponse position) {
        return new TimelineEntry("position", position.validFrom(), null, position);
    }
}
