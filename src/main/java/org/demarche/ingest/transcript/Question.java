package org.demarche.ingest.transcript;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The question a statement answers. */
@Schema(name = "AnsweredQuestion", description = "The question a statement answers, and who asked it")
public record Question(
        @Schema(description = "The question's words", examples = "What is your comment?")
        String text,

        @Schema(
                description = "The outlet or journalist who asked; null when the transcript does not say",
                nullable = true,
                examples = "Reuters")
        String asker) {}
