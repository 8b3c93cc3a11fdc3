package org.demarche.ingest.transcript;

import java.util.List;
import org.demarche.ingest.CandidateSpeaker;
import org.demarche.ingest.Span;
import org.demarche.statement.QuoteType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A statement found in a transcript and not yet stored: an article candidate plus its place in the transcript. */
@Schema(description = "A statement found in a transcript, not yet stored")
public record TranscriptCandidate(
        @Schema(
                description = "The words as the transcript gives them; an answer over several paragraphs keeps its"
                        + " line breaks",
                examples = "We firmly oppose that.")
        String text,

        @Schema(examples = "direct_quote") QuoteType quoteType,

        @Schema(description = "Where the words are in the text; one part per paragraph")
        List<Span> parts,

        CandidateSpeaker speaker,

        @Schema(description = "How sure the rules are of the statement and its speaker, from 0 to 1", examples = "0.95")
        double confidence,

        @Schema(
                description = "The speaker as printed: the label of a turn, or the words naming the speaker",
                nullable = true,
                examples = "MR MILLER")
        String attribution,

        @Schema(
                description = "The role the speaker speaks in, when the transcript gives it",
                nullable = true,
                examples = "Foreign Ministry Spokesperson")
        String role,

        @Schema(description = "For an answer, the question it answers; else null", nullable = true)
        Question inReplyTo,

        @Schema(
                description = "Everyone a joint statement or a readout's \"the two sides\" speaks for; else empty;"
                        + " speaker is the first of them")
        List<CandidateSpeaker> signatories) {}
