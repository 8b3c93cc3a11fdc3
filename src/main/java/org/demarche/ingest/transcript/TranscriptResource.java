package org.demarche.ingest.transcript;

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

@Path("/api/v1/ingest/transcripts")
@Tag(name = "Ingest")
public class TranscriptResource {

    private final TranscriptIngest ingest;

    @Context
    UriInfo uri;

    public TranscriptResource(TranscriptIngest ingest) {
        this.ingest = ingest;
    }

    /** Finds the turns and statements in a primary source's transcript, and with commit=true stores them. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "ingestTranscript",
            summary = "Find (and store) the speaker turns and statements of a primary source",
            description = "Reads a briefing, press conference, interview, meeting record, readout, joint statement or"
                    + " speech. Labelled turns (\"Mao Ning:\", \"MR MILLER:\", \"Q:\"/\"A:\", \"Reuters:\", \"Matthew"
                    + " Miller (00:00):\") are told apart as questions (outlets, \"QUESTION\", journalists) and answers"
                    + " (the officials; \"A:\" and a role alone such as \"FOREIGN MINISTER:\" are the official the title"
                    + " names). Each answer that states something is a direct quote in reply to the question before it;"
                    + " lines that only run the event (\"Go ahead.\", \"Next question.\") and refusals to answer (\"I'd"
                    + " refer you to the competent authorities.\") are turns but not statements, and a question is"
                    + " never a statement. A record in the third person (\"The representative of France said …\")"
                    + " gives a paraphrase per paragraph that names its speaker; a readout is read as an article is,"
                    + " and \"The two sides …\" speaks for both; a joint statement is one statement of the signatories"
                    + " its title or closing lines name; a speech is one statement of the official its title names."
                    + " Without kind, the kind is detected from the title and text, and kindDetected says so. Offsets"
                    + " count UTF-16 code units, as JavaScript strings do. Without commit, nothing is written (200)."
                    + " With commit=true (201; url, outlet and publishedAt needed), one transaction stores the source"
                    + " (found by url, else created), the event (one of the same kind citing the source, else created,"
                    + " titled by the title or first line, held on publishedAt, its speakers as participants), the"
                    + " officials to create, and the statements, dated publishedAt, each at its place in the event"
                    + " (the candidate's index plus one) with its attribution, role and the question it answers; a"
                    + " statement already stored (same official, words and date) gains the source instead. Candidates"
                    + " that cannot be stored as found are listed as skipped with the reason. Sending a transcript"
                    + " again changes nothing. A commit stores at most 200 candidates.")
    @APIResponse(
            responseCode = "201",
            description = "With commit=true: what was stored; Location names the event",
            content = @Content(schema = @Schema(implementation = TranscriptReport.class)))
    @APIResponse(
            responseCode = "200",
            description = "Without commit: the turns and candidates, nothing written",
            content =
                    @Content(
                            schema = @Schema(implementation = TranscriptCandidates.class),
                            examples = @ExampleObject(name = "briefing", value = TranscriptExamples.CANDIDATES)))
    public RestResponse<?> ingest(
            @Parameter(
                            description = "true: store the event, the source, the speakers and the statements",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("commit")
                    String commit,
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "briefing",
                                                            value = TranscriptExamples.REQUEST)))
                    TranscriptRequest transcript) {
        if (!Boolean.TRUE.equals(QueryParams.bool("commit", commit))) {
            return RestResponse.ok(ingest.find(transcript));
        }
        TranscriptReport report = ingest.commit(transcript);
        return RestResponse.ResponseBuilder.created(uri.getBaseUriBuilder()
                        .path("api/v1/events")
                        .path(report.eventId().toString())
                        .build())
                .entity(report)
                .build();
    }
}
