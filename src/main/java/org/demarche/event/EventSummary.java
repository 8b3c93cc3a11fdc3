package org.demarche.event;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The compact form of an event that statements embed. */
@Schema(description = "Compact form of the event a statement was made at")
public record EventSummary(
        UUID id,
        @Schema(examples = "briefing") EventKind kind,

        @Schema(examples = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova")
        String title,

        @Schema(examples = "2024-11-20") String heldOn) {

    public static EventSummary of(Event event) {
        return new EventSummary(event.id, event.kind, event.title, event.heldOn);
    }
}
