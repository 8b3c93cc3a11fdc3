package org.demarche.statement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.demarche.common.validation.LanguageTag;
import org.demarche.common.validation.PartialDateText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client writes to create or replace a statement. Read-only fields of a response are ignored. */
@JsonIgnoreProperties({
    "id",
    "version",
    "createdAt",
    "updatedAt",
    "official",
    "signatories",
    "topics",
    "sources",
    "event"
})
@Schema(name = "StatementInput", description = "A statement as written by a client")
public record StatementRequest(
        @Schema(description = "The official who said it") @NotNull
        UUID officialId,

        @Schema(
                description = "The other officials (persons or organisations) it also speaks for, in order: a joint"
                        + " statement. officialId is the first signatory and is not repeated here; each must"
                        + " exist, none twice")
        @Size(max = 50)
        List<@NotNull UUID> signatoryIds,

        @Schema(
                description = "The words as reported; stored exactly as sent",
                examples = "A ceasefire will not suit us.")
        @NotBlank
        @Size(max = 10000)
        String text,

        @Schema(description = "Whether the text is the official's own words", examples = "direct_quote") @NotNull
        QuoteType quoteType,

        @Schema(description = "BCP 47 language tag of the text", examples = "en") @Size(max = 35) @LanguageTag
        String language,

        @Schema(description = "Partial date: 2024, 2024-11 or 2024-11-20", examples = "2024-11")
        @NotNull
        @PartialDateText
        String statedOn,

        @Schema(description = "Where it was said, free text", examples = "Interview on Russian TV") @Size(max = 500)
        String venue,

        @Schema(examples = "interview") Medium medium,

        @Schema(description = "Topics it is about") @Size(max = 50)
        List<@NotNull UUID> topicIds,

        @Schema(description = "Sources that reported it") @Size(max = 50)
        List<@NotNull UUID> sourceIds,

        @Schema(
                description = "ISO 3166-1 alpha-2 codes or official ids of those addressed or talked about",
                examples = "[\"UA\", \"US\"]")
        @Size(max = 100)
        List<@NotBlank @Size(max = 36) String> mentions,

        @Schema(description = "Defaults to unverified", examples = "unverified")
        Verification verification,

        @Schema(description = "Editorial notes") @Size(max = 5000)
        String notes,

        @Schema(description = "The event it was said at (a briefing, an interview, a meeting); must exist")
        UUID eventId,

        @Schema(
                description = "Its place in the event, 1 for the first; needs eventId; two statements of one event"
                        + " may not share it (409); null when unordered",
                examples = "3")
        @Min(1)
        Integer eventOrder,

        @Schema(description = "The speaker as the record prints it", examples = "MR MILLER") @Size(max = 200)
        String attribution,

        @Schema(description = "The role the speaker spoke in", examples = "Foreign Ministry Spokesperson")
        @Size(max = 200)
        String role,

        @Schema(description = "The question it answers; null when it answers none") @Valid
        InReplyTo inReplyTo) {

    public StatementRequest {
        signatoryIds = signatoryIds == null ? List.of() : signatoryIds;
        topicIds = topicIds == null ? List.of() : topicIds;
        sourceIds = sourceIds == null ? List.of() : sourceIds;
        mentions = mentions == null ? List.of() : mentions;
        verification = verification == null ? Verification.unverified : verification;
    }

    /** The same statement with these sources. */
    public StatementRequest withSourceIds(List<UUID> sources) {
        return new StatementRequest(
                officialId,
                signatoryIds,
                text,
                quoteType,
                language,
                statedOn,
                venue,
                medium,
                topicIds,
                sources,
                mentions,
                verification,
                notes,
                eventId,
                eventOrder,
                attribution,
                role,
                inReplyTo);
    }
}
