package org.demarche.backup;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A backup file of the embedded database. */
@Schema(name = "Backup")
public record Backup(
        @Schema(
                description = "File name; download it at /api/v1/admin/backups/{name}",
                examples = "demarche-20261125T190400123Z.zip")
        String name,

        @Schema(description = "Size of the file in bytes", examples = "1048576")
        long bytes,

        @Schema(description = "When the backup was taken") Instant createdAt) {}
