package org.demarche.position;

import java.util.List;
import java.util.UUID;
import org.demarche.official.OfficialSummary;
import org.demarche.topic.TopicSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where every official stood on one topic on one day, from the position history. */
@Schema(name = "TopicStances")
public record TopicStances(
        TopicSummary topic,

        @Schema(description = "The day the stances hold on", examples = "2024-12-01")
        String asOf,

        @Schema(
                description =
                        "One entry per official with a position on the topic that day, by official name; one page")
        List<OfficialStance> items,

        @Schema(description = "Opaque cursor for the next page; null on the last page", nullable = true)
        String nextCursor) {

    @Schema(name = "OfficialStance")
    public record OfficialStance(
            OfficialSummary official,

            @Schema(description = "The position that held that day")
            UUID positionId,

            @Schema(examples = "conditional") Stance stance,

            @Schema(nullable = true, examples = "Negotiations only on Russia's terms")
            String label,

            List<String> conditions,

            @Schema(description = "Statements cited as evidence", examples = "2")
            int evidenceCount,

            @Schema(description = "Since when the official has held it (partial date)", examples = "2024-11")
            String since,

            @Schema(description = "When it ended, if it has since ended (partial date)", nullable = true)
            String until) {

        static OfficialStance of(Position p) {
            return new OfficialStance(
                    OfficialSummary.of(p.official),
                    p.id,
                    p.stance,
                    p.label,
                    List.copyOf(p.conditions),
                    p.evidence.size(),
                    p.validFrom,
                    p.validTo);
        }
    }
}
