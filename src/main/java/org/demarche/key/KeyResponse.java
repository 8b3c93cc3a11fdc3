package org.demarche.key;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key as admins see it; {@code secret} is present only in the answer that creates the key. */
@Schema(
        name = "Key",
        description = "An API key; fields without a value (secret after creation) are left out",
        requiredProperties = {"id", "name", "role", "secretPrefix", "createdAt"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyResponse(
        UUID id,
        @Schema(examples = "newsroom importer") String name,
        @Schema(examples = "editor") KeyRole role,

        @Schema(description = "The first characters of the secret", examples = "dmk_Xy3kQ9")
        String secretPrefix,

        @Schema(description = "The secret to send as 'Authorization: Bearer <secret>'; shown once, on creation")
        String secret,

        Instant createdAt,

        @Schema(description = "Last authenticated use, to the minute")
        Instant lastUsedAt,

        @Schema(description = "When it was revoked; a revoked key is refused")
        Instant revokedAt) {

    static KeyResponse of(ApiKey key, String secret) {
        return new KeyResponse(
                key.id, key.name, key.role, key.secretPrefix, secret, key.createdAt, key.lastUsedAt, key.revokedAt);
    }
}
