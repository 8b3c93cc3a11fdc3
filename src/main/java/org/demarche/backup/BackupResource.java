package org.demarche.backup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.demarche.common.Problem;
import org.demarche.common.paging.Page;
import org.demarche.key.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/admin/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Administration", description = "Operations for admin keys")
public class BackupResource {

    private static final String ZIP = "application/zip";
    private static final String ON_POSTGRESQL = "The server runs on PostgreSQL: back it up with pg_dump";

    private final Backups backups;

    @Context
    UriInfo uri;

    public BackupResource(Backups backups) {
        this.backups = backups;
    }

    /** Takes an online backup of the embedded database. */
    @POST
    @Operation(
            operationId = "createBackup",
            summary = "Back up the database",
            description = "Takes a consistent backup of the embedded H2 database while the API keeps serving, as a zip"
                    + " file in DEMARCHE_BACKUP_DIR. To restore it, unzip it into an empty DEMARCHE_DATA_DIR and start"
                    + " the app there; the search index is rebuilt at start. Then only the newest backups are kept,"
                    + " DEMARCHE_BACKUP_KEEP of them (10 unless set; 0 keeps all). On PostgreSQL this answers 501: use"
                    + " pg_dump.")
    @APIResponse(
            responseCode = "201",
            description = "Backup taken; Location is where to download it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Backup.class)))
    @APIResponse(responseCode = "501", description = ON_POSTGRESQL, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestResponse<Backup> create() {
        Backup backup = backups.create();
        return RestResponse.ResponseBuilder.<Backup>created(
                        uri.getAbsolutePathBuilder().path(backup.name()).build())
                .entity(backup)
                .build();
    }

    /** Lists the backups. */
    @GET
    @Operation(
            operationId = "listBackups",
            summary = "List backups",
            description = "The backups in" + " DEMARCHE_BACKUP_DIR, newest first, all on one page.")
    @APIResponse(responseCode = "501", description = ON_POSTGRESQL, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Page<Backup> list() {
        List<Backup> all = backups.list();
        return new Page<>(all, all.size(), null);
    }

    /** Downloads a backup. */
    @GET
    @Path("{name}")
    @Produces(ZIP)
    @Operation(
            operationId = "downloadBackup",
            summary = "Download a backup",
            description = "The zip file, holding" + " the H2 database file demarche.mv.db.")
    @APIResponse(
            responseCode = "200",
            description = "The backup",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "501", description = ON_POSTGRESQL, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestResponse<java.nio.file.Path> download(@PathParam("name") String name) {
        return RestResponse.ResponseBuilder.ok(backups.file(name))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    /** Deletes a backup. */
    @DELETE
    @Path("{name}")
    @Operation(
            operationId = "deleteBackup",
            summary = "Delete a backup",
            description = "Deletes the backup file from"
                    + " DEMARCHE_BACKUP_DIR. Only a backup's name (as the list gives it) is taken: any other name is a 400"
                    + " problem, so no other file can be named.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "400",
            description = "Not a backup's name",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(
            responseCode = "404",
            description = "No backup has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "501", description = ON_POSTGRESQL, content = @Content(mediaType = Problem.MEDIA_TYPE))
    public void delete(@PathParam("name") String name) {
        backups.delete(name);
    }
}
