package org.demarche.duplicate;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The first duplicates found, and how many there are in all. */
@Schema(name = "Duplicates")
public record Duplicates(
        @Schema(description = "The first " + DuplicateResource.MOST + ", by resource and the record duplicated")
        List<Duplicate> items,

        @Schema(description = "How many duplicates there are in all")
        long total) {}
