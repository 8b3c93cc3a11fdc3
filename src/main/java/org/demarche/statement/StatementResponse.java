package org.demarche.statement;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.demarche.event.EventSummary;
import org.demarche.official.OfficialSummary;
import org.demarche.source.Source;
import org.demarche.source.SourceSummary;
import org.demarche.topic.Topic;
import org.demarche.topic.TopicSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A statement as the API shows it, with compact forms of the records it refers to. */
@Schema(
        name = "Statement",
        description = "A statement; highlight is present only in search results",
        requiredProperties = {
            "id",
            "officialId",
            "official",
            "signatoryIds",
            "signatories",
            "text",
            "quoteType",
            "language",
            "statedOn",
            "venue",
            "medium",
            "topicIds",
            "topics",
            "sourceIds",
            "sources",
            "mentions",
            "verification",
            "notes",
            "eventId",
            "event",
            "eventOrder",
            "attribution",
            "role",
            "inReplyTo",
            "createdAt",
            "updatedAt",
            "version"
        })
public record StatementResponse(
        UUID id,
        UUID officialId,
        OfficialSummary official,

        @Schema(description = "The other officials it also speaks for, in order; officialId is the first signatory")
        List<UUID> signatoryIds,

        List<OfficialSummary> signatories,
        @Schema(examples = "A ceasefire will not suit us.") String text,
        @Schema(examples = "direct_quote") QuoteType quoteType,
        @Schema(nullable = true, examples = "en") String language,
        @Schema(examples = "2024-11") String statedOn,

        @Schema(nullable = true, examples = "Interview on Russian TV")
        String venue,

        @Schema(nullable = true, examples = "interview") Medium medium,
        List<UUID> topicIds,
        List<TopicSummary> topics,
        List<UUID> sourceIds,
        List<SourceSummary> sources,
        List<String> mentions,
        @Schema(examples = "unverified") Verification verification,
        @Schema(nullable = true) String notes,

        @Schema(description = "The event it was said at", nullable = true)
        UUID eventId,

        @Schema(nullable = true) EventSummary event,

        @Schema(description = "Its place in the event, 1 for the first", nullable = true, examples = "3")
        Integer eventOrder,

        @Schema(description = "The speaker as the record prints it", nullable = true, examples = "MR MILLER")
        String attribution,

        @Schema(
                description = "The role the speaker spoke in",
                nullable = true,
                examples = "Foreign Ministry Spokesperson")
        String role,

        @Schema(nullable = true) InReplyTo inReplyTo,
        Instant createdAt,
        Instant updatedAt,
        long version,

        @Schema(
                description = "Only in results of a search with q: the text (for a long text, about 300 characters"
                        + " around the first match), HTML-escaped, with the matched words in <mark>...</mark>",
                examples = "A <mark>ceasefire</mark> will not suit us.")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String highlight)
        implements Representation {

    static StatementResponse of(Statement s) {
        List<Topic> topics = s.topics.stream()
                .sorted(Comparator.comparing((Topic t) -> t.slug))
                .toList();
        List<Source> sources = s.sources.stream()
                .sorted(Comparator.comparing((Source x) -> x.url))
                .toList();
        return new StatementResponse(
                s.id,
                s.official.id,
                OfficialSummary.of(s.official),
                s.signatories.stream().map(o -> o.id).toList(),
                s.signatories.stream().map(OfficialSummary::of).toList(),
                s.text,
                s.quoteType,
                s.language,
                s.statedOn,
                s.venue,
                s.medium,
                topics.stream().map(t -> t.id).toList(),
                topics.stream().map(TopicSummary::of).toList(),
                sources.stream().map(x -> x.id).toList(),
                sources.stream().map(SourceSummary::of).toList(),
                List.copyOf(s.mentions),
                s.verification,
                s.notes,
                s.event == null ? null : s.event.id,
                s.event == null ? null : EventSummary.of(s.event),
                s.eventOrder,
                s.attribution,
                s.role,
                InReplyTo.of(s.inReplyTo),
                s.createdAt,
                s.updatedAt,
                s.version,
                null);
    }

    StatementResponse withHighlight(String highlight) {
        return new StatementResponse(
                id,
                officialId,
                official,
                signatoryIds,
                signatories,
                text,
                quoteType,
                language,
                statedOn,
                venue,
                medium,
                topicIds,
                topics,
                sourceIds,
                sources,
                mentions,
                verification,
                notes,
                eventId,
                event,
                eventOrder,
                attribution,
                role,
                inReplyTo,
                createdAt,
                updatedAt,
                version,
                highlight);
    }
}
