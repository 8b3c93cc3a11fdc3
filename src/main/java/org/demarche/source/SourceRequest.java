package org.demarche.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.demarche.common.validation.LanguageTag;
import org.demarche.common.validation.PartialDateText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

/** What a client writes to create or replace a source. Read-only fields of a response are ignored. */
@JsonIgnoreProperties({"id", "version", "createdAt", "updatedAt"})
@Schema(name = "SourceInput", description = "A source as written by a client")
public record SourceRequest(
        @Schema(
                description =
                        "Unique once in canonical form (RFC 3986 normalization: case of scheme and host, default port,"
                                + " fragment, empty query and percent-encoded letters do not count); kept as given; http or https",
                examples =
                        "https://caliber.az/en/post/fm-lavrov-emphasizes-russia-s-national-interests-in-potential-ukraine-negotiations")
        @NotNull
        @Size(max = 2000)
        @URL(regexp = "^(?i)https?:.*", message = "must be an http or https URL")
        String url,

        @Schema(examples = "Caliber.Az") @NotBlank @Size(max = 200)
        String outlet,

        @Schema(examples = "FM Lavrov emphasizes Russia's national interests in potential Ukraine negotiations")
        @Size(max = 500)
        String title,

        @Schema(examples = "[\"Tamilla Hasanova\"]") @Size(max = 50)
        List<@NotBlank @Size(max = 200) String> authors,

        @Schema(description = "Partial date: 2024, 2024-11 or 2024-11-20", examples = "2024-11") @PartialDateText
        String publishedAt,

        @Schema(description = "BCP 47 language tag", examples = "en") @Size(max = 35) @LanguageTag
        String language,

        @Schema(description = "What the outlet relied on", examples = "Russian media") @Size(max = 500)
        String citing,

        @Schema(description = "An archived copy; http or https", nullable = true)
        @Size(max = 2000)
        @URL(regexp = "^(?i)https?:.*", message = "must be an http or https URL")
        String archiveUrl,

        @Schema(description = "When the source was read, UTC", examples = "2024-11-25T10:00:00Z")
        Instant retrievedAt) {

    public SourceRequest {
        authors = authors == null ? List.of() : authors;
    }
}
