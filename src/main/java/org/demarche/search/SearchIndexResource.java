package org.demarche.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.demarche.key.Roles;
import org.demarche.statement.StatementSearch;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/search-index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operations for admin keys")
public class SearchIndexResource {

    @Inject
    StatementSearch search;

    /** What a rebuild did. */
    @Schema(name = "SearchIndexRebuild")
    public record Rebuilt(
            @Schema(description = "lucene (embedded H2) or opensearch (PostgreSQL)", examples = "lucene")
            String engine,

            @Schema(description = "Statements in the index afterwards", examples = "8")
            long statements) {}

    /** How far the index has followed the database. */
    @Schema(name = "SearchIndexState")
    public record State(
            @Schema(description = "lucene (embedded H2) or opensearch (PostgreSQL)", examples = "opensearch")
            String engine,

            @Schema(description = "The index holds every change up to this one (a history revision)", examples = "42")
            long indexedThrough,

            @Schema(description = "The newest change in the database", examples = "42")
            long latestChange,

            @Schema(description = "Whether every change is searchable", examples = "true")
            boolean caughtUp,

            @Schema(examples = "caught up to change 42") String state) {}

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "getSearchIndexState",
            summary = "How far the search index has followed the database",
            description = "On PostgreSQL, OpenSearch follows the history revisions a moment after they commit; this"
                    + " says up to which change it holds everything. The embedded index is always caught up.")
    public State state() {
        StatementSearch.IndexState state = search.state();
        return new State(
                state.engine(),
                state.indexedThrough(),
                state.latestChange(),
                state.caughtUp(),
                state.caughtUp()
                        ? "caught up to change " + state.latestChange()
                        : behind(state.latestChange() - state.indexedThrough()) + ", at change "
                                + state.indexedThrough());
    }

    private static String behind(long changes) {
        return changes + (changes == 1 ? " change behind" : " changes behind");
    }

    /** Rebuilds the statement search index from the database. */
    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "rebuildSearchIndex",
            summary = "Rebuild the search index",
            description = "Re-reads every statement into a new index (Lucene on embedded H2, OpenSearch on PostgreSQL)."
                    + " The index is kept up to date after every commit and rebuilt at start when stale or laid out"
                    + " differently, so this is for repairs. Searches keep answering during a rebuild; on OpenSearch"
                    + " a new index replaces the old one when full (409 while another rebuild runs).")
    public Rebuilt rebuild() {
        return new Rebuilt(search.engine(), search.rebuild());
    }
}
