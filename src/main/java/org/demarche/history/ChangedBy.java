package org.demarche.history;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API key a change was made with. */
@Schema(name = "ChangedBy")
public record ChangedBy(
        @Schema(description = "The key's id; the key may since have been revoked")
        UUID keyId,

        @Schema(description = "The key's name when the change was made", examples = "newsroom-editor")
        String name) {}
