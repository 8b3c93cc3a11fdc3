package org.demarche.position;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Evidence on the wire, in requests and responses alike. */
@Schema(description = "A statement of the same official cited for the position")
public record EvidenceLink(
        @Schema(description = "A statement of the position's official") @NotNull
        UUID statementId,

        @Schema(description = "supports or contradicts", examples = "supports") @NotNull
        EvidenceRelation relation) {

    static EvidenceLink of(Evidence evidence) {
        return new EvidenceLink(evidence.statementId, evidence.relation);
    }

    Evidence toEntity() {
        Evidence evidence = new Evidence();
        evidence.statementId = statementId;
        evidence.relation = relation;
        return evidence;
    }
}
