package org.demarche.backup;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.demarche.common.ProblemException;
import org.demarche.common.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Online backups of the embedded H2 database, taken with H2's BACKUP TO while the app keeps serving: a
 * consistent copy of the database file, zipped, in the backup directory. The search index is not part
 * of it; an instance started on a restored database rebuilds its index. PostgreSQL is backed up with
 * its own tools (pg_dump), outside the app.
 */
@ApplicationScoped
public class Backups {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("demarche-\\d{8}T\\d{9}Z\\.zip");
    private static final String PARTIAL = ".part";

    private final AgroalDataSource dataSource;
    private final String databaseKind;
    private final Path directory;
    private final int keep;

    public Backups(
            AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind,
            @ConfigProperty(name = "demarche.backup.dir") Path directory,
            @ConfigProperty(name = "demarche.backup.keep") int keep) {
        this.dataSource = dataSource;
        this.databaseKind = databaseKind;
        this.directory = directory;
        this.keep = keep;
    }

    /**
     * Takes a backup. It is written under a temporary name and renamed when complete, so a listed backup
     * is always whole. One at a time: a second caller waits for the first. Then only the newest backups
     * are kept, as many as {@code demarche.backup.keep} says (0 keeps them all).
     */
    public synchronized Backup create() {
        requireEmbedded();
        String name = "demarche-" + STAMP.format(Instant.now()) + ".zip";
        Path partial = directory.resolve(name + PARTIAL).toAbsolutePath();
        try {
            Files.createDirectories(directory);
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            Backup taken = describe(Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE));
            if (keep > 0) {
                for (Backup old : list().stream().skip(keep).toList()) {
                    Files.deleteIfExists(directory.resolve(old.name()));
                }
            }
            return taken;
        } catch (SQLException e) {
            throw new IllegalStateException("The database backup failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup to " + directory, e);
        } finally {
            deleteIfLeft(partial);
        }
    }

    /** The backups in the backup directory, newest first. */
    public List<Backup> list() {
        requireEmbedded();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(
                            file -> NAME.matcher(file.getFileName().toString()).matches())
                    .map(Backups::describe)
                    .sorted(Comparator.comparing(Backup::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the backups in " + directory, e);
        }
    }

    /** The file of a backup; names outside the backup naming scheme are not found, so no other file is served. */
    public Path file(String name) {
        requireEmbedded();
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(directory.resolve(name))) {
            throw notFound(name);
        }
        return directory.resolve(name);
    }

    /**
     * Deletes a backup. A name outside the backup naming scheme is a bad request, so no other file, in the
     * backup directory or outside it, can be named.
     */
    public synchronized void delete(String name) {
        requireEmbedded();
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("'" + name + "' is not a backup's name; backups are named like"
                    + " demarche-20261125T190400123Z.zip");
        }
        try {
            if (!Files.deleteIfExists(directory.resolve(name))) {
                throw notFound(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the backup " + name, e);
        }
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "No backup is named " + name);
    }

    private static void deleteIfLeft(Path partial) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the unfinished backup " + partial, e);
        }
    }

    private void requireEmbedded() {
        if (!"h2".equals(databaseKind)) {
            throw new ProblemException(
                    ProblemType.NOT_IMPLEMENTED,
                    "This server keeps its data in PostgreSQL:" + " back it up with pg_dump, as the README shows");
        }
    }

    private static Backup describe(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Backup(
                    file.getFileName().toString(),
                    attributes.size(),
                    attributes.lastModifiedTime().toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
