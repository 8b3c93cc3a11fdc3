package org.demarche.official;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.demarche.common.validation.CountryCode;
import org.demarche.common.validation.PartialDateText;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An office on the wire, in requests and responses alike. */
@Schema(description = "A post the official held or holds; a null endDate means still in office")
public record OfficeTerm(
        @Schema(examples = "Minister of Foreign Affairs") @NotBlank @Size(max = 200)
        String title,

        @Schema(nullable = true, examples = "Ministry of Foreign Affairs of the Russian Federation") @Size(max = 200)
        String organization,

        @Schema(description = "ISO 3166-1 alpha-2", nullable = true, examples = "RU") @CountryCode
        String country,

        @Schema(description = "Partial date: 2004, 2004-03 or 2004-03-09", nullable = true, examples = "2004-03-09")
        @PartialDateText
        String startDate,

        @Schema(description = "Partial date; null while in office", nullable = true) @PartialDateText
        String endDate) {

    static OfficeTerm of(Office office) {
        return new OfficeTerm(office.title, office.organization, office.country, office.startDate, office.endDate);
    }

    Office toEntity() {
        Office office = new Office();
        office.title = title;
        office.organization = organization;
        office.country = country;
        office.startDate = startDate;
        office.endDate = endDate;
        return office;
    }
}
