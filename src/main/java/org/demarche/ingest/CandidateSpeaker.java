package org.demarche.ingest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.demarche.official.OfficialRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who said a candidate statement: a known official, or one to create. */
@Schema(description = "Who said it: a known official (officialId), or a proposed new one")
public record CandidateSpeaker(
        @Schema(
                description = "How the article refers to the speaker at the statement",
                nullable = true,
                examples = "he")
        @Size(max = 500)
        String mention,

        @Schema(
                description = "The speaker's name as the article gives it in full",
                nullable = true,
                examples = "Sergei Lavrov")
        @Size(max = 500)
        String name,

        @Schema(description = "A stored official this speaker is; null when none matches", nullable = true)
        UUID officialId,

        @Schema(
                description = "How the official was matched: name, alias or surname; null when none matches",
                nullable = true,
                examples = "name",
                enumeration = {"name", "alias", "surname"})
        @Size(max = 20)
        String matchedBy,

        @Schema(
                description =
                        "True when the speaker is an institution (\"the ministry said\"), which is not an official")
        boolean organization,

        @Schema(
                description = "When no official matches: the official to create on commit, with the title and country"
                        + " the article gives (country may need filling in); null when one matches",
                nullable = true)
        @Valid
        OfficialRequest proposed) {

    public CandidateSpeaker mentionedAs(String words) {
        return new CandidateSpeaker(words, name, officialId, matchedBy, organization, proposed);
    }
}
