package org.demarche.statement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The question a statement answers, on the wire, in requests and responses alike. */
@Schema(description = "The question a statement answers, as printed, and who asked it")
public record InReplyTo(
        @Schema(
                description = "The question as the record prints it",
                examples = "Will Russia accept a ceasefire along the current line?")
        @NotBlank
        @Size(max = 2000)
        String question,

        @Schema(
                description = "Who asked: an outlet or a journalist, as printed; null when not given",
                nullable = true,
                examples = "RIA Novosti")
        @Size(max = 200)
        String asker) {

    static InReplyTo of(Question question) {
        return question == null || question.question == null ? null : new InReplyTo(question.question, question.asker);
    }

    Question toEntity() {
        Question entity = new Question();
        entity.question = question;
        entity.asker = asker;
        return entity;
    }
}
