package org.demarche.source;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The compact form of a source that statements embed. */
@Schema(description = "Compact form of a source a statement was reported in")
public record SourceSummary(
        UUID id,
        @Schema(examples = "Caliber.Az") String outlet,
        String url,
        @Schema(nullable = true, examples = "2024-11") String publishedAt) {

    public static SourceSummary of(Source source) {
        return new SourceSummary(source.id, source.outlet, source.url, source.publishedAt);
    }
}
