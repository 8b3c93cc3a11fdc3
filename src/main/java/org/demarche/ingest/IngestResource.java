package org.demarche.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.demarche.common.QueryParams;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/ingest/articles")
@Tag(name = "Ingest", description = "Statements found in news articles")
public class IngestResource {

    private final ArticleIngest ingest;

    @Context
    UriInfo uri;

    public IngestResource(ArticleIngest ingest) {
        this.ingest = ingest;
    }

    /** Finds the statements in a news article, and with commit=true stores them. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "ingestArticle",
            summary = "Find (and store) the statements in a news article",
            description = "Finds every quotation (straight, curly, low-high or guillemet marks; over several sentences"
                    + " or paragraphs; interrupted by its attribution, as in \"…,\" he said, \"…\", which gives one"
                    + " candidate in two parts) and reported speech (\"Lavrov pointed out that …\", \"…, according to"
                    + " the minister\"), and who said each: by name, surname, title (\"the Russian foreign minister\") or"
                    + " pronoun, resolved from the sentences around it. A speaker is a stored official when the name, an"
                    + " alias or (unambiguously) the surname matches, else a proposed official with the title and country"
                    + " the article gives. Quotes of three words or fewer that nobody is said to say are taken for scare"
                    + " quotes and left out. Offsets count UTF-16 code units, as JavaScript strings do. Without commit,"
                    + " nothing is written (200). With commit=true (201), one transaction stores the source (found by url,"
                    + " else created from url, outlet, title, authors, publishedAt), the officials to create, and the"
                    + " statements, dated publishedAt and linked to the source; a statement already stored (same official,"
                    + " words and date) gains the source instead of being stored twice; the answer is 201 with the report"
                    + " even when every record already existed. To store only some candidates, send back the ones you"
                    + " chose: their speaker may be changed (an officialId, or a proposed official with its country), their"
                    + " text and parts must stay the article's words. Any problem with them is a 422 naming each, and"
                    + " nothing is written. Without candidates, every candidate that can be stored is, and the others are"
                    + " listed as skipped with the reason. A commit stores at most 200 candidates: an article with more"
                    + " is a 422 problem, and its candidates are committed by choosing them, 200 at a time.")
    @APIResponse(
            responseCode = "200",
            description = "Without commit: the candidates, nothing written",
            content =
                    @Content(
                            schema = @Schema(implementation = ArticleCandidates.class),
                            examples = @ExampleObject(name = "caliber", value = IngestExamples.CANDIDATES)))
    @APIResponse(
            responseCode = "201",
            description = "With commit=true: what was stored; Location names the source",
            content =
                    @Content(
                            schema = @Schema(implementation = IngestReport.class),
                            examples = @ExampleObject(name = "caliber", value = IngestExamples.REPORT)))
    public RestResponse<?> ingest(
            @Parameter(
                            description = "true: store the candidates (all, or those sent in candidates)",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("commit")
                    String commit,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(name = "caliber", value = IngestExamples.REQUEST)))
                    ArticleRequest article) {
        if (!Boolean.TRUE.equals(QueryParams.bool("commit", commit))) {
            return RestResponse.ok(ingest.find(article));
        }
        IngestReport report = ingest.commit(article);
        return RestResponse.ResponseBuilder.created(uri.getBaseUriBuilder()
                        .path("api/v1/sources")
                        .path(report.sourceId().toString())
                        .build())
                .entity(report)
                .build();
    }
}
