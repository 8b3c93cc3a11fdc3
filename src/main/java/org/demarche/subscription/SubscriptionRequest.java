package org.demarche.subscription;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an editor sends to subscribe. */
@Schema(name = "SubscriptionInput")
public record SubscriptionRequest(
        @Schema(
                description = "Where changes are POSTed: an http or https URL of a public address",
                examples = "https://newsroom.example/hooks/demarche")
        @NotBlank
        String url,

        @Schema(
                description = "Event types wanted, such as statement.created or position.opened; * for all",
                examples = "[\"statement.created\", \"statement.updated\"]")
        @NotEmpty
        @Size(max = 20)
        List<@NotNull String> events,

        @Schema(description = "Which records; absent for all") @Valid
        SubscriptionFilter filter) {}
