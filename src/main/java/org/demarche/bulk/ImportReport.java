package org.demarche.bulk;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, or in a dry run would do. */
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(
                description = "merge: lines set the fields they have and keep the others as stored; replace: a"
                        + " line is the whole record, the fields it leaves out emptied")
        ImportMode mode,

        @Schema(description = "True when nothing was written")
        boolean dryRun,

        @Schema(description = "Lines read, blank ones included", examples = "1200")
        long lines,

        @Schema(description = "Records created") long created,

        @Schema(description = "Records changed to match their line")
        long updated,

        @Schema(description = "Records that already matched their line, left as they were")
        long unchanged,

        @Schema(description = "Lines rejected; errors lists their problems")
        long rejected,

        @Schema(description = "The same counts per record type")
        Map<String, Counts> byType,

        @Schema(
                description = "Every line up to this one is committed or rejected (0 in a dry run); lines are"
                        + " committed in batches of 500")
        long committedThroughLine,

        @Schema(description = "Problems found in all, a rejected line having one or more", examples = "7")
        long errorCount,

        @Schema(
                description = "The first 1 000 problems, in line order; errorCount says how many there are in all."
                        + " Empty in the NDJSON report, whose earlier lines are every problem")
        List<LineError> errors,

        @Schema(
                description = "The first 100 records updated, in line order, each with the fields that change (as"
                        + " stored, as imported); updated counts them all. In a dry run, what would change")
        List<RecordUpdate> updates) {

    /** Counts for one record type. */
    @Schema(name = "ImportCounts")
    public record Counts(long created, long updated, long unchanged, long rejected) {}
}
