package org.demarche.ingest.transcript;

import java.util.List;
import org.demarche.ingest.CandidateSpeaker;
import org.demarche.ingest.Span;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One speaker's turn in a transcript, as found. */
@Schema(name = "TranscriptTurn", description = "One speaker's turn in a transcript, in the order spoken")
public record Turn(
        @Schema(
                description = "Who speaks, in the article candidate's shape; null when the transcript does not say"
                        + " (an unnamed journalist's question)",
                nullable = true)
        CandidateSpeaker speaker,

        @Schema(
                description = "The speaker as the transcript prints them, without the colon",
                nullable = true,
                examples = "MR MILLER")
        String attribution,

        @Schema(
                description = "The role the speaker speaks in, when the transcript gives it",
                nullable = true,
                examples = "Official Spokesperson")
        String role,

        @Schema(description = "True for a journalist's or presenter's question or remark")
        boolean isQuestion,

        @Schema(
                description = "Who asks: the outlet or journalist the transcript names; null for answers",
                nullable = true,
                examples = "AFP")
        String asker,

        @Schema(description = "The turn's words, one part per paragraph, without the speaker's label")
        List<Span> parts) {}
