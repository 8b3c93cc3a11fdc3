package org.demarche.statement;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.demarche.common.Country;
import org.demarche.common.PartialDate;
import org.demarche.common.paging.IdFilter;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of statement lists, as query parameters; each is optional and all combine. */
public class StatementFilter {

    @QueryParam("id")
    @Parameter(description = IdFilter.DESCRIPTION)
    public List<String> id;

    @QueryParam("q")
    @Parameter(
            description = "Full-text search in the statement text (at most 500 characters). Words are ANDed;"
                    + " \"legally binding\" is a phrase; -truce excludes; cease* is a prefix of any word as written (the* too); OR between words or phrases"
                    + " accepts either. English stemming (ceasefires finds ceasefire), any case, accents ignored. With q,"
                    + " results are ranked by relevance unless sort is given, each carries a highlight, and paging reaches"
                    + " the first 10 000 matches.",
            example = "ceasefire -truce")
    public String q;

    @QueryParam("officialId")
    @Parameter(description = "Only statements of these officials; repeat the parameter or separate ids by commas")
    public List<String> officialId;

    @QueryParam("country")
    @Parameter(
            description = "Only statements of officials of this country (ISO 3166-1 alpha-2)",
            example = "RU",
            schema = @Schema(type = SchemaType.STRING))
    public Country country;

    @QueryParam("topic")
    @Parameter(
            description = "Only statements about this topic (slug or id) or a topic nested under it",
            example = "ceasefire")
    public String topic;

    @QueryParam("quoteType")
    @Parameter(
            description = "Only statements of this quote type, any case",
            schema = @Schema(implementation = QuoteType.class))
    public QuoteType quoteType;

    @QueryParam("medium")
    @Parameter(
            description = "Only statements made through this medium, any case",
            schema = @Schema(implementation = Medium.class))
    public Medium medium;

    @QueryParam("language")
    @Parameter(description = "BCP 47 language tag of the text, any case", example = "en")
    public String language;

    @QueryParam("verification")
    @Parameter(
            description = "Only statements in this state of verification, any case",
            schema = @Schema(implementation = Verification.class))
    public Verification verification;

    @QueryParam("sourceId")
    @Parameter(
            description = "Only statements reported in this source",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String sourceId;

    @QueryParam("eventId")
    @Parameter(
            description = "Only statements made at this event",
            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    public String eventId;

    @QueryParam("outlet")
    @Parameter(description = "Only statements reported by a source of this outlet, any case", example = "Caliber.Az")
    public String outlet;

    @QueryParam("mentions")
    @Parameter(description = "Only statements that mention this country code or official id", example = "US")
    public String mentions;

    @QueryParam("from")
    @Parameter(
            description = "Only statements made on or after this partial date; a statement dated 2024-11 counts"
                    + " for any day of November 2024",
            example = "2024-06",
            schema = @Schema(type = SchemaType.STRING))
    public PartialDate from;

    @QueryParam("to")
    @Parameter(
            description = "Only statements made on or before this partial date; to=2024-11 includes 2024-11-30",
            example = "2024-12",
            schema = @Schema(type = SchemaType.STRING))
    public PartialDate to;
}
