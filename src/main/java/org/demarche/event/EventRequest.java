package org.demarche.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.demarche.common.validation.PartialDateText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client writes to create or replace an event. Read-only fields of a response are ignored. */
@JsonIgnoreProperties({"id", "version", "createdAt", "updatedAt", "host", "participants", "sources"})
@Schema(name = "EventInput", description = "An event as written by a client")
public record EventRequest(
        @Schema(description = "What kind of occasion it was", examples = "briefing") @NotNull
        EventKind kind,

        @Schema(
                description = "What the event is called, as its record names it",
                examples = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova")
        @NotBlank
        @Size(max = 500)
        String title,

        @Schema(description = "When it was held; partial date: 2024, 2024-11 or 2024-11-20", examples = "2024-11-20")
        @NotNull
        @PartialDateText
        String heldOn,

        @Schema(description = "Where it was held, free text", examples = "Moscow") @Size(max = 500)
        String venue,

        @Schema(
                description = "The official who held it, typically of kind organisation (a ministry, a government,"
                        + " an international body); must exist")
        UUID hostId,

        @Schema(description = "Officials who took part, in the order given; each must exist, none twice")
        @Size(max = 100)
        List<@NotNull UUID> participantIds,

        @Schema(description = "Sources that report the event (a transcript, a readout); each must exist, none twice")
        @Size(max = 50)
        List<@NotNull UUID> sourceIds) {

    public EventRequest {
        participantIds = participantIds == null ? List.of() : participantIds;
        sourceIds = sourceIds == null ? List.of() : sourceIds;
    }
}
