package org.demarche.ingest.transcript;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/ingest/transcripts")
@Tag(name = "Ingest")
public class TranscriptResource {

    private final TranscriptIngest ingest;

    public TranscriptResource(TranscriptIngest ingest) {
        this.ingest = ingest;
    }

    /** Finds the turns and statements in a primary source's transcript; nothing is written. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.EDITOR)
    @Operation(
            operationId = "ingestTranscript",
            summary = "Find the speaker turns and statements in a primary source",
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
                    + " count UTF-16 code units, as JavaScript strings do. Nothing is written: storing a transcript"
                    + " as an event with its statements is not available yet; store chosen candidates with POST"
                    + " /api/v1/statements.")
    @APIResponse(
            responseCode = "200",
            description = "The turns and candidates, nothing written",
            content =
                    @Content(
                            schema = @Schema(implementation = TranscriptCandidates.class),
                            examples = @ExampleObject(name = "briefing", value = TranscriptExamples.CANDIDATES)))
    public TranscriptCandidates ingest(
            @RequestBody(
                            content =
                                    @Content(
                                            examples =
                                                    @ExampleObject(
                                                            name = "briefing",
                                                            value = TranscriptExamples.REQUEST)))
                    TranscriptRequest transcript) {
        return ingest.find(transcript);
    }
}
