package org.demarche.topic;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The compact form of a topic that other records embed. */
@Schema(description = "Compact form of a topic a record refers to")
public record TopicSummary(
        UUID id,
        @Schema(examples = "ceasefire") String slug,
        @Schema(examples = "Ceasefire") String name) {

    public static TopicSummary of(Topic topic) {
        return new TopicSummary(topic.id, topic.slug, topic.name);
    }
}
