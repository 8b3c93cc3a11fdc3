package org.demarche.topic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client writes to create or replace a topic. Read-only fields of a response are ignored. */
@JsonIgnoreProperties({"id", "version", "createdAt", "updatedAt", "parent"})
@Schema(name = "TopicInput", description = "A topic as written by a client")
public record TopicRequest(
        @Schema(description = "Unique, lower-case kebab-case", examples = "ceasefire")
        @NotBlank
        @Size(max = 100)
        @Pattern(
                regexp = "[a-z0-9]+(-[a-z0-9]+)*",
                message = "must be lower-case kebab-case such as ukraine-negotiations")
        String slug,

        @Schema(examples = "Ceasefire") @NotBlank @Size(max = 200)
        String name,

        @Schema(examples = "A halt to fighting in the Russia-Ukraine war, temporary or lasting") @Size(max = 2000)
        String description,

        @Schema(description = "Id of the broader topic this one belongs to", nullable = true)
        UUID parentId,

        @Schema(description = "External codes by scheme", examples = "{\"cameo\": \"125\"}") @Size(max = 20)
        Map<
                        @NotBlank @Size(max = 50)
                        @Pattern(regexp = "[a-z0-9_-]+", message = "must be a lower-case scheme name such as cameo")
                        String,
                        @NotBlank @Size(max = 100) String>
                codes) {

    public TopicRequest {
        codes = codes == null ? Map.of() : codes;
    }
}
