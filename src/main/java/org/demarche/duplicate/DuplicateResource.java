package org.demarche.duplicate;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Records stored before Demarche knew them to be one thing twice (text in two Unicode forms, one URL in
 * several spellings, two positions from one day), as migrations V8 and V9 found them. They are reported,
 * not merged: which one to keep, and where to move references, is an editor's call.
 */
@Path("/api/v1/admin/duplicates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration")
public class DuplicateResource {

    /** Most duplicates one answer lists. */
    static final int MOST = 1000;

    @GET
    @Transactional
    @Operation(
            operationId = "listDuplicates",
            summary = "List duplicate records",
            description = "Records that an"
                    + " upgrade found to duplicate older ones: sources with one canonical URL, officials (same name and country,"
                    + " no Wikidata id) and statements (same official, date and text) equal once their text is in Unicode NFC,"
                    + " positions of one official on one topic from one day. Nothing was merged; a duplicate source cannot be"
                    + " changed (409 naming the older one) until it is deleted. Admin key only.")
    public Duplicates list() {
        var db = Panache.getEntityManager();
        @SuppressWarnings("unchecked")
        // Ids as text: H2 returns a UUID column of a native query as bytes, PostgreSQL as a UUID.
        List<Object[]> rows = db.createNativeQuery("select resource, cast(record_id as varchar(36)),"
                        + " cast(duplicate_of as varchar(36)), reason, found_by"
                        + " from duplicate_record order by resource, duplicate_of, record_id")
                .setMaxResults(MOST)
                .getResultList();
        long total = ((Number) db.createNativeQuery("select count(*) from duplicate_record")
                        .getSingleResult())
                .longValue();
        return new Duplicates(
                rows.stream()
                        .map(row -> new Duplicate(
                                (String) row[0],
                                UUID.fromString((String) row[1]),
                                UUID.fromString((String) row[2]),
                                (String) row[3],
                                (String) row[4]))
                        .toList(),
                total);
    }
}
