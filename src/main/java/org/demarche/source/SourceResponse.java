package org.demarche.source;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as the API shows it. */
@Schema(name = "Source")
public record SourceResponse(
        UUID id,
        String url,
        @Schema(examples = "Caliber.Az") String outlet,
        @Schema(nullable = true) String title,
        List<String> authors,
        @Schema(nullable = true, examples = "2024-11") String publishedAt,
        @Schema(nullable = true, examples = "en") String language,
        @Schema(nullable = true, examples = "Russian media") String citing,
        @Schema(nullable = true) String archiveUrl,
        @Schema(nullable = true) Instant retrievedAt,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Representation {

    static SourceResponse of(Source s) {
        return new SourceResponse(
                s.id,
                s.url,
                s.outlet,
                s.title,
                List.copyOf(s.authors),
                s.publishedAt,
                s.language,
                s.citing,
                s.archiveUrl,
                s.retrievedAt,
                s.createdAt,
                s.updatedAt,
                s.version);
    }
}
