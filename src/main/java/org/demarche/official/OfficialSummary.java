package org.demarche.official;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The compact form of an official that other records embed. */
@Schema(description = "Compact form of the official a record refers to")
public record OfficialSummary(
        UUID id,
        @Schema(examples = "Sergei Lavrov") String name,
        @Schema(examples = "RU") String country) {

    public static OfficialSummary of(Official official) {
        return new OfficialSummary(official.id, official.name, official.country);
    }
}
