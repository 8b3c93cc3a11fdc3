package org.demarche.history;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stretch of the change feed, and where to resume it. */
@Schema(name = "ChangePage")
public record ChangePage(
        @Schema(description = "Changes in commit order") List<Change> items,

        @Schema(
                description = "Pass as 'since' to continue after the last item; never null, so a mirror can poll with"
                        + " it even when there was nothing new")
        String nextCursor,

        @Schema(description = "True when more changes are waiting right now")
        boolean more) {}
