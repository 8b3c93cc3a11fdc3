package org.demarche.position;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.demarche.common.validation.PartialDateText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client writes to create or replace a position. Read-only fields of a response are ignored. */
@JsonIgnoreProperties({"id", "version", "createdAt", "updatedAt", "official", "topic", "current"})
@Schema(name = "PositionInput", description = "A position as written by a client")
public record PositionRequest(
        @NotNull UUID officialId,
        @NotNull UUID topicId,
        @Schema(examples = "opposes") @NotNull Stance stance,

        @Schema(description = "Short label", examples = "Ceasefire rejected") @Size(max = 200)
        String label,

        @Schema(examples = "[\"reliable, legally binding agreements\"]") @Size(max = 20)
        List<@NotBlank @Size(max = 500) String> conditions,

        @Schema(description = "Partial date the position holds from", examples = "2024-11") @NotNull @PartialDateText
        String validFrom,

        @Schema(description = "Partial date it ended; null while current", nullable = true) @PartialDateText
        String validTo,

        @Size(max = 100) List<@NotNull @Valid EvidenceLink> evidence) {

    public PositionRequest {
        conditions = conditions == null ? List.of() : conditions;
        evidence = evidence == null ? List.of() : evidence;
    }
}
