package org.demarche.topic;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A topic as the API shows it. */
@Schema(name = "Topic")
public record TopicResponse(
        UUID id,
        @Schema(examples = "ceasefire") String slug,
        @Schema(examples = "Ceasefire") String name,
        @Schema(nullable = true) String description,
        @Schema(nullable = true) UUID parentId,

        @Schema(description = "The broader topic, if any", nullable = true)
        TopicSummary parent,

        Map<String, String> codes,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Representation {

    static TopicResponse of(Topic t) {
        return new TopicResponse(
                t.id,
                t.slug,
                t.name,
                t.description,
                t.parent == null ? null : t.parent.id,
                t.parent == null ? null : TopicSummary.of(t.parent),
                new TreeMap<>(t.codes),
                t.createdAt,
                t.updatedAt,
                t.version);
    }
}
