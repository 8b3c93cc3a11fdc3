package org.demarche.timeline;

import java.util.List;
import org.demarche.official.OfficialSummary;
import org.demarche.topic.TopicSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An official's statements and positions, oldest first. */
@Schema(description = "An official's statements and positions in date order")
public record Timeline(
        OfficialSummary official,
        @Schema(description = "The topic the timeline is limited to, with its nested topics; null for all", nullable = true)
        TopicSummary topic,
        List<TimelineEntry> items) {
}
