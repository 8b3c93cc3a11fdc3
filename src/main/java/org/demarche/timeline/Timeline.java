package org.demarche.timeline;

import java.util.List;
import org.demarche.official.OfficialSummary;
import org.demarche.topic.TopicSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An official's statements and positions, oldest first, a page at a time. */
@Schema(description = "An official's statements and positions in date order, one page of them")
public record Timeline(
        OfficialSummary official,

        @Schema(
                description = "The topic the timeline is limited to, with its nested topics; null for all",
                nullable = true)
        TopicSummary topic,

        List<TimelineEntry> items,

        @Schema(description = "Opaque cursor for the next page; null on the last page", nullable = true)
        String nextCursor) {}
