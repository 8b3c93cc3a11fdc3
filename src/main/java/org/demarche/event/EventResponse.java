package org.demarche.event;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.demarche.official.OfficialSummary;
import org.demarche.source.Source;
import org.demarche.source.SourceSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as the API shows it, with compact forms of the records it refers to. */
@Schema(name = "Event")
public record EventResponse(
        UUID id,
        @Schema(examples = "briefing") EventKind kind,

        @Schema(examples = "Briefing by Foreign Ministry Spokeswoman Maria Zakharova")
        String title,

        @Schema(examples = "2024-11-20") String heldOn,
        @Schema(nullable = true, examples = "Moscow") String venue,
        @Schema(nullable = true) UUID hostId,
        @Schema(nullable = true) OfficialSummary host,
        List<UUID> participantIds,
        List<OfficialSummary> participants,
        List<UUID> sourceIds,
        List<SourceSummary> sources,
        Instant createdAt,
        Instant updatedAt,

        @Schema(description = "Incremented on every change; the ETag carries it")
        long version)
        implements Representation {

    static EventResponse of(Event e) {
        List<Source> sources = e.sources.stream()
                .sorted(Comparator.comparing((Source x) -> x.url))
                .toList();
        return new EventResponse(
                e.id,
                e.kind,
                e.title,
                e.heldOn,
                e.venue,
                e.host == null ? null : e.host.id,
                e.host == null ? null : OfficialSummary.of(e.host),
                e.participants.stream().map(o -> o.id).toList(),
                e.participants.stream().map(OfficialSummary::of).toList(),
                sources.stream().map(x -> x.id).toList(),
                sources.stream().map(SourceSummary::of).toList(),
                e.createdAt,
                e.updatedAt,
                e.version);
    }
}
