package org.demarche.ingest.transcript;

import java.util.List;
import java.util.UUID;
import org.demarche.ingest.IngestReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What committing a transcript stored. */
@Schema(description = "What committing a transcript stored, all in one transaction")
public record TranscriptReport(
        @Schema(description = "The event the statements were made at")
        UUID eventId,

        @Schema(description = "Whether the event was created, or found: an event of the same kind citing the source")
        boolean eventCreated,

        @Schema(description = "The transcript's source record")
        UUID sourceId,

        @Schema(description = "Whether the source was created, or found by its url")
        boolean sourceCreated,

        @Schema(
                description = "The candidates stored, each with its statement and official; eventOrder is the"
                        + " candidate's index plus one")
        List<IngestReport.StoredStatement> statements,

        @Schema(
                description = "Candidates left out because they cannot be stored as found: a speaker or a"
                        + " signatory who is not known or is an institution, a new official without a country, or words"
                        + " a statement cannot hold")
        List<IngestReport.Skipped> skipped) {}
