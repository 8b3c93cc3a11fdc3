package org.demarche.ingest.transcript;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a transcript holds, found without writing anything. */
@Schema(description = "The turns and statements found in a transcript; nothing is written")
public record TranscriptCandidates(
        @Schema(description = "The kind of transcript, as sent or detected", examples = "briefing")
        TranscriptKind kind,

        @Schema(description = "True when kind was detected from the text and title, not sent")
        boolean kindDetected,

        @Schema(description = "Every speaker turn, in order")
        List<Turn> turns,

        @Schema(description = "The statements to record, in order")
        List<TranscriptCandidate> candidates) {}
