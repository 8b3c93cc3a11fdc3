package org.demarche.official;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.demarche.common.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client writes to create or replace an official. Read-only fields of a response are ignored. */
@JsonIgnoreProperties({"id", "version", "createdAt", "updatedAt"})
@Schema(name = "OfficialInput", description = "An official as written by a client")
public record OfficialRequest(
        @Schema(examples = "Sergei Lavrov") @NotBlank @Size(max = 200)
        String name,

        @Schema(
                description = "person (default) or organisation: a ministry, a government or an international body"
                        + " speaking as one",
                examples = "person")
        OfficialKind kind,

        @Schema(
                description = "Other names and spellings, used to recognise the official",
                examples = "[\"Sergey Lavrov\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 200) String> aliases,

        @Schema(description = "ISO 3166-1 alpha-2", examples = "RU") @NotNull @CountryCode
        String country,

        @Schema(description = "Current title", examples = "Minister of Foreign Affairs") @Size(max = 200)
        String title,

        @Schema(examples = "Ministry of Foreign Affairs of the Russian Federation") @Size(max = 200)
        String organization,

        @Schema(description = "Wikidata item id", examples = "Q182003", pattern = "^Q[1-9][0-9]*$")
        @Pattern(regexp = "Q[1-9][0-9]{0,15}", message = "must be a Wikidata item id such as Q182003")
        String wikidataId,

        @Size(max = 50) List<@NotNull @Valid OfficeTerm> offices) {

    public OfficialRequest {
        kind = kind == null ? OfficialKind.person : kind;
        aliases = aliases == null ? List.of() : aliases;
        offices = offices == null ? List.of() : offices;
    }
}
