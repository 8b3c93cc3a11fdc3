package org.demarche.statement;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many statements match per period of statedOn and per value of a key: the data of a chart over time. */
@Schema(name = "StatementCounts")
public record StatementCounts(
        @Schema(description = "The period of the buckets", examples = "month")
        CountInterval interval,

        @Schema(
                description = "What the counts are split by",
                enumeration = {"none", "official", "country", "topic", "quoteType", "stance"},
                examples = "official")
        String by,

        @Schema(description = "Statements matching the filters and q", examples = "8")
        long total,

        @Schema(
                description = "Counts per period and key, periods oldest first, then by key; periods without"
                        + " statements are left out. With by=topic or by=stance a statement counts once for each"
                        + " topic.")
        List<Bucket> buckets,

        @Schema(
                description = "Per key, the statements whose date is coarser than the interval (a statement dated"
                        + " only to 2024 in a monthly count): they match but lie in no one period, so no bucket"
                        + " counts them")
        List<KeyCount> undated) {

    @Schema(name = "StatementCountBucket")
    public record Bucket(
            @Schema(description = "First day of the period (a Monday for weeks)", examples = "2024-11-01")
            String period,

            @Schema(
                    description = "The official or topic id, country code, quote type or stance (unknown when the"
                            + " official held no position on the topic then); null when by=none",
                    nullable = true,
                    examples = "6f1c2b9e-8d4a-4c57-9a3e-2b7f0d1e5a44")
            String key,

            @Schema(
                    description = "The official's or topic's name, else the key; null when by=none",
                    nullable = true,
                    examples = "Sergei Lavrov")
            String label,

            @Schema(examples = "3") long count) {}

    @Schema(name = "StatementKeyCount")
    public record KeyCount(
            @Schema(nullable = true) String key,
            @Schema(nullable = true) String label,
            @Schema(examples = "2") long count) {}
}
