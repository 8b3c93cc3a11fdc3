package org.demarche.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.demarche.statement.QuoteType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A statement found in an article and not yet stored. */
@Schema(name = "StatementCandidate", description = "A statement found in an article, not yet stored")
public record Candidate(
        @Schema(
                description = "The words as the article gives them: a quote without its marks, the parts of a quote"
                        + " interrupted by its attribution joined by a space, or the reported clause of a paraphrase",
                examples = "A ceasefire will not suit us")
        @NotBlank
        @Size(max = 10000)
        String text,

        @Schema(examples = "direct_quote") @NotNull QuoteType quoteType,

        @Schema(description = "Where the words are in the article; two parts for a quote interrupted by \"he said\"")
        @NotEmpty
        @Size(max = 20)
        List<@NotNull Span> parts,

        @NotNull @Valid CandidateSpeaker speaker,

        @Schema(description = "How sure the rules are of the statement and its speaker, from 0 to 1", examples = "0.9")
        Double confidence) {}
