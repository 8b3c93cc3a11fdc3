package org.demarche.search;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.demarche.key.Roles;
import org.demarche.statement.StatementSearch;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
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
            @Schema(description = "lucene (embedded H2) or postgresql", examples = "lucene") String engine,
            @Schema(description = "Statements in the index afterwards", examples = "8") long statements) {
    }

    /** Rebuilds the statement search index from the database. */
    @POST
    @Path("rebuild")
    @RolesAllowed(Roles.ADMIN)
    @SecurityRequirement(name = "apiKey")
    @Operation(operationId = "rebuildSearchIndex", summary = "Rebuild the search index",
            description = "Re-reads every statement into the Lucene index (embedded H2). The index is kept up to date"
                    + " after every commit and rebuilt at start when stale, so this is for repairs. On PostgreSQL the"
                    + " text index is part of the database and nothing needs rebuilding. Searches keep working during"
                    + " a rebuild; writes wait for it to finish before they show in search.")
    public Rebuilt rebuild() {
        return new Rebuilt(search.engine(), search.rebuild());
    }
}
