package org.demarche.subscription;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.demarche.common.validation.CountryCode;
import org.demarche.statement.QuoteType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which records a subscription wants; every field given must hold, and an absent one does not narrow. Only
 * what can be matched on the changed record itself: a statement by its officials, country, topic (with
 * the topics nested under it) and quote type; a position (a stance watch) by its official and topic.
 */
@Schema(name = "SubscriptionFilter")
public record SubscriptionFilter(
        @Schema(description = "Statements of any of these officials; positions of one of them", nullable = true)
        @Size(max = 100)
        List<UUID> officialId,

        @Schema(
                description = "Statements of officials of this country (ISO 3166-1 alpha-2)",
                examples = "RU",
                nullable = true)
        @CountryCode
        String country,

        @Schema(
                description = "Statements on this topic or one nested under it, positions on it; a slug or an id"
                        + " when sent, the topic's id when read back",
                examples = "ukraine-negotiations",
                nullable = true)
        String topic,

        @Schema(description = "Statements of this quote type", examples = "direct_quote", nullable = true)
        QuoteType quoteType,

        @Schema(description = "A saved search: not supported yet, refused with 422", nullable = true)
        String q) {}
