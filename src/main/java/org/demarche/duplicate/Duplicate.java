package org.demarche.duplicate;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored record found to be another one twice, as a migration found it. */
@Schema(description = "A record that duplicates an older one; neither was changed or merged")
public record Duplicate(
        @Schema(description = "Resource type", examples = "source")
        String resource,

        @Schema(description = "The duplicate") UUID id,

        @Schema(description = "The older record it duplicates")
        UUID duplicateOf,

        @Schema(description = "What they share", examples = "same canonical URL https://caliber.az/en/post/1")
        String reason,

        @Schema(description = "The migration that found it", examples = "V8")
        String foundBy) {}
