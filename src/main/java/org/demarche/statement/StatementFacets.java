package org.demarche.statement;

import java.util.List;
import org.demarche.official.OfficialSummary;
import org.demarche.topic.TopicSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the statements matching a search spread over officials, countries, topics, quote types, media and years. */
@Schema(name = "StatementFacets")
public record StatementFacets(
        @Schema(description = "Statements matching the filters and q", examples = "8")
        long total,

        @Schema(description = "The officials with the most matching statements, most first (at most 50)")
        List<OfficialCount> officials,

        @Schema(description = "Countries of the officials, most first")
        List<ValueCount> countries,

        @Schema(
                description = "The topics with the most matching statements, most first (at most 50); a statement"
                        + " counts once for each topic it is about")
        List<TopicCount> topics,

        @Schema(description = "Quote types, most first") List<ValueCount> quoteTypes,

        @Schema(description = "Media, most first; statements without a medium are not counted")
        List<ValueCount> media,

        @Schema(description = "Years of statedOn (the start of a partial date), oldest first")
        List<ValueCount> years) {

    @Schema(name = "OfficialCount")
    public record OfficialCount(
            OfficialSummary official,
            @Schema(examples = "6") long count) {}

    @Schema(name = "TopicCount")
    public record TopicCount(
            TopicSummary topic, @Schema(examples = "4") long count) {}

    @Schema(name = "ValueCount")
    public record ValueCount(
            @Schema(examples = "RU") String value,
            @Schema(examples = "6") long count) {}
}
