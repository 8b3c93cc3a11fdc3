package org.demarche.ingest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What committing an article stored. */
@Schema(description = "What committing an article stored, all in one transaction")
public record IngestReport(
        @Schema(description = "The article's source record") UUID sourceId,

        @Schema(description = "Whether the source was created, or found by its url")
        boolean sourceCreated,

        List<StoredStatement> statements,

        @Schema(
                description = "Candidates left out because they cannot be stored as found: a speaker that is an"
                        + " institution or a new official without a country, or words too long for a statement (only when the"
                        + " client did not choose the candidates)")
        List<Skipped> skipped) {

    /** One stored candidate: its statement, and its official. */
    @Schema(name = "IngestedStatement")
    public record StoredStatement(
            @Schema(description = "Index of the candidate") int candidate,
            UUID statementId,

            @Schema(
                    description = "created; linked (a statement already stored gained this source); unchanged (already"
                            + " stored with this source); repeated (the article says it again: the statement of an earlier"
                            + " candidate)",
                    enumeration = {"created", "linked", "unchanged", "repeated"})
            String outcome,

            UUID officialId,

            @Schema(description = "Whether the official was created for this statement")
            boolean officialCreated) {}

    /** A candidate that was not stored, and why. */
    @Schema(name = "SkippedCandidate")
    public record Skipped(int candidate, String reason) {}
}
