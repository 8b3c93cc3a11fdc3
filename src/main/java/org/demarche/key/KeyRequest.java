package org.demarche.key;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin sends to create a key. */
@Schema(name = "KeyInput")
public record KeyRequest(
        @Schema(description = "Who or what uses the key", examples = "newsroom importer") @NotBlank @Size(max = 200)
        String name,

        @Schema(examples = "editor") @NotNull KeyRole role) {}
