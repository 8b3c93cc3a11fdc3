package org.demarche.subscription;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.demarche.common.validation.CountryCode;
import org.demarche.statement.Medium;
import org.demarche.statement.QuoteType;
import org.demarche.statement.Verification;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which records a subscription wants; every field given must hold, and an absent one does not narrow.
 * For statements, the filters of statement lists, {@code q} included (a saved search), with the same
 * meaning; a position (a stance watch) by its official, country and topic; an official by its id and
 * country; a topic by the topic filter. A field that cannot apply to a record (a quote type to a topic)
 * excludes it.
 */
@Schema(name = "SubscriptionFilter")
public record SubscriptionFilter(
        @Schema(description = "Records of any of these officials (for officials, these officials)", nullable = true)
        @Size(max = 100)
        List<UUID> officialId,

        @Schema(
                description = "Records of officials of this country (ISO 3166-1 alpha-2)",
                examples = "RU",
                nullable = true)
        @CountryCode
        String country,

        @Schema(
                description = "Statements and positions on this topic or one nested under it; a slug or an id"
                        + " when sent, the topic's id when read back",
                examples = "ukraine-negotiations",
                nullable = true)
        String topic,

        @Schema(description = "Statements of this quote type", nullable = true)
        QuoteType quoteType,

        @Schema(description = "Statements made through this medium", nullable = true)
        Medium medium,

        @Schema(description = "Statements in this language (BCP 47 tag)", examples = "en", nullable = true)
        @Size(max = 35)
        String language,

        @Schema(description = "Statements in this state of verification", nullable = true)
        Verification verification,

        @Schema(description = "Statements reported in this source", nullable = true)
        UUID sourceId,

        @Schema(description = "Statements made at this event", nullable = true)
        UUID eventId,

        @Schema(description = "Statements reported by a source of this outlet, any case", nullable = true)
        @Size(max = 200)
        String outlet,

        @Schema(description = "Statements that mention this country code or official id", nullable = true)
        @Size(max = 100)
        String mentions,

        @Schema(description = "Statements made on or after this partial date", examples = "2024-06", nullable = true)
        String from,

        @Schema(description = "Statements made on or before this partial date", examples = "2024-12", nullable = true)
        String to,

        @Schema(
                description = "A saved search: statements whose text matches this query, in the query language of"
                        + " the statement list's q (words ANDed, \"phrases\", -exclusions, prefix*, OR)",
                examples = "ceasefire -truce",
                nullable = true)
        String q) {

    /** Whether a filter narrows what statements alone have (and other records cannot match). */
    boolean statementsOnly() {
        return quoteType != null
                || medium != null
                || language != null
                || verification != null
                || sourceId != null
                || eventId != null
                || outlet != null
                || mentions != null
                || from != null
                || to != null
                || q != null;
    }
}
