package org.demarche.official;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An official as the API shows it. */
@Schema(name = "Official")
public record OfficialResponse(
        UUID id,
        @Schema(examples = "Sergei Lavrov") String name,

        @Schema(description = "person or organisation", examples = "person")
        OfficialKind kind,

        List<String> aliases,
        @Schema(examples = "RU") String country,

        @Schema(nullable = true, examples = "Minister of Foreign Affairs")
        String title,

        @Schema(nullable = true) String organization,
        @Schema(nullable = true, examples = "Q182003") String wikidataId,
        List<OfficeTerm> offices,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Incremented on every change; the ETag carries it")
        long version)
        implements Representation {

    static OfficialResponse of(Official o) {
        return new OfficialResponse(
                o.id,
                o.name,
                o.kind,
                List.copyOf(o.aliases),
                o.country,
                o.title,
                o.organization,
                o.wikidataId,
                o.offices.stream().map(OfficeTerm::of).toList(),
                o.createdAt,
                o.updatedAt,
                o.version);
    }
}
