package org.demarche.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.demarche.common.validation.LanguageTag;
import org.demarche.common.validation.PartialDateText;
import org.demarche.statement.Medium;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

/** A news article to find statements in, and what becomes its source record when they are committed. */
@Schema(name = "ArticleInput", description = "A news article; url, outlet and publishedAt are needed to commit")
public record ArticleRequest(
        @Schema(
                description =
                        "The article's text; a line break separates paragraphs, the first line may be the headline")
        @NotBlank
        @Size(max = 200_000)
        String text,

        @Schema(
                description = "Where the article is published; http or https",
                examples =
                        "https://caliber.az/en/post/fm-lavrov-emphasizes-russia-s-national-interests-in-potential-ukraine-negotiations")
        @Size(max = 2000)
        @URL(regexp = "^(?i)https?:.*", message = "must be an http or https URL")
        String url,

        @Schema(examples = "Caliber.Az") @Size(max = 200) String outlet,

        @Schema(description = "Defaults to the article's first line when that reads as a headline") @Size(max = 500)
        String title,

        @Schema(examples = "[\"Tamilla Hasanova\"]") @Size(max = 50)
        List<@NotBlank @Size(max = 200) String> authors,

        @Schema(
                description = "Partial date: 2024, 2024-11 or 2024-11-20; committed statements are dated by it",
                examples = "2024-11")
        @PartialDateText
        String publishedAt,

        @Schema(description = "BCP 47 language tag of the text; defaults to en", examples = "en")
        @Size(max = 35)
        @LanguageTag
        String language,

        @Schema(description = "How the statements were made; defaults to other", examples = "interview")
        Medium medium,

        @Schema(
                description =
                        "With commit=true, the candidates to store, as an earlier call returned them; their speaker"
                                + " may be changed (an officialId, or a proposed official with its country), their text and parts must"
                                + " stay the article's words. Left out, every candidate that can be stored is. At most 200: a"
                                + " commit stores at most 200 candidates, chosen or found")
        @Size(max = ArticleIngest.MAX_COMMITTED)
        List<@NotNull @Valid Candidate> candidates) {

    public ArticleRequest {
        authors = authors == null ? List.of() : authors;
    }
}
