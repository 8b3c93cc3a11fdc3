package org.demarche.ingest.transcript;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.demarche.common.validation.PartialDateText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

/** A primary source to find statements in: a briefing, press conference, interview, record, readout or statement. */
@Schema(
        name = "TranscriptInput",
        description = "A primary source's text: a briefing, press conference, interview, meeting record, readout, joint"
                + " statement or speech")
public record TranscriptRequest(
        @Schema(
                description = "The transcript's text; a line break separates paragraphs, and a paragraph opening with a"
                        + " label (\"Mao Ning:\", \"MR MILLER:\", \"Q:\", \"Reuters:\") opens a speaker's turn",
                examples = "Reuters: Can you confirm the talks?\nMao Ning: I have no information to offer.")
        @NotBlank
        @Size(max = 200_000)
        String text,

        @Schema(
                description = "The transcript's title; it helps tell its kind and the official of \"A:\" or a role"
                        + " alone (\"FOREIGN MINISTER:\")",
                examples = "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on October 27, 2023")
        @Size(max = 500)
        String title,

        @Schema(description = "Where the transcript is published; http or https")
        @Size(max = 2000)
        @URL(regexp = "^(?i)https?:.*", message = "must be an http or https URL")
        String url,

        @Schema(examples = "Ministry of Foreign Affairs of the People's Republic of China") @Size(max = 200)
        String outlet,

        @Schema(description = "Partial date: 2023, 2023-10 or 2023-10-27", examples = "2023-10-27") @PartialDateText
        String publishedAt,

        @Schema(description = "The kind of transcript; detected from the title and text when left out", nullable = true)
        TranscriptKind kind) {}
