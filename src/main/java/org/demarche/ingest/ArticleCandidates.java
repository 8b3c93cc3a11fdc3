package org.demarche.ingest;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an article holds, found without writing anything. */
@Schema(description = "The statements found in an article; nothing is written")
public record ArticleCandidates(
        @Schema(description = "The source already recorded for the article's url, if any", nullable = true)
        UUID sourceId,

        List<Candidate> candidates) {}
