package org.demarche.position;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.demarche.official.OfficialSummary;
import org.demarche.topic.TopicSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A position as the API shows it, with compact forms of its official and topic. */
@Schema(name = "Position")
public record PositionResponse(
        UUID id,
        UUID officialId,
        OfficialSummary official,
        UUID topicId,
        TopicSummary topic,
        @Schema(examples = "opposes") Stance stance,

        @Schema(nullable = true, examples = "Ceasefire rejected")
        String label,

        List<String> conditions,
        @Schema(examples = "2024-11") String validFrom,
        @Schema(nullable = true) String validTo,
        @Schema(description = "True while validTo is null") boolean current,
        List<EvidenceLink> evidence,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Representation {

    static PositionResponse of(Position p) {
        return new PositionResponse(
                p.id,
                p.official.id,
                OfficialSummary.of(p.official),
                p.topic.id,
                TopicSummary.of(p.topic),
                p.stance,
                p.label,
                List.copyOf(p.conditions),
                p.validFrom,
                p.validTo,
                p.validTo == null,
                p.evidence.stream().map(EvidenceLink::of).toList(),
                p.createdAt,
                p.updatedAt,
                p.version);
    }
}
