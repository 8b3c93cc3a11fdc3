package org.demarche.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.demarche.common.http.Representation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its key (or an admin) sees it; {@code secret} only in the answers that make one. */
@Schema(
        name = "Subscription",
        description = "A webhook subscription; secret is present only when it is created or rotated",
        requiredProperties = {
            "id",
            "version",
            "keyId",
            "url",
            "events",
            "filter",
            "previousSecretExpiresAt",
            "disabledAt",
            "disabledReason",
            "createdAt",
            "updatedAt"
        })
public record SubscriptionResponse(
        UUID id,
        long version,
        @Schema(description = "The API key that made it") UUID keyId,

        @Schema(examples = "https://newsroom.example/hooks/demarche")
        String url,

        List<String> events,
        @Schema(nullable = true) SubscriptionFilter filter,

        @Schema(description = "The signing secret; shown once, when created or rotated")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret,

        @Schema(description = "Until when the secret before the last rotation is still valid", nullable = true)
        Instant previousSecretExpiresAt,

        @Schema(nullable = true) Instant disabledAt,
        @Schema(nullable = true) String disabledReason,
        Instant createdAt,
        Instant updatedAt)
        implements Representation {}
