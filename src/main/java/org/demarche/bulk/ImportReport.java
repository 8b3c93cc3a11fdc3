package org.demarche.bulk;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, or in a dry run would do. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(description = "True when nothing was written") boolean dryRun,
        @Schema(description = "Lines read, blank ones included", examples = "1200") long lines,
        @Schema(description = "Records created") long created,
        @Schema(description = "Records changed to match their line") long updated,
        @Schema(description = "Records that already matched their line, left as they were") long unchanged,
        @Schema(description = "Lines rejected; each one's problems are in errors") long rejected,
        @Schema(description = "The same counts per record type") Map<String, Counts> byType,
        @Schema(description = "Every line up to this one is committed or rejected (0 in a dry run); lines are"
                + " committed in batches of 500") long committedThroughLine,
        @Schema(description = "Every problem of every rejected line") List<LineError> errors) {

    /** Counts for one record type. */
    @Schema(name = "ImportCounts")
    public record Counts(long created, long updated, long unchanged, long rejected) {
    }
}
