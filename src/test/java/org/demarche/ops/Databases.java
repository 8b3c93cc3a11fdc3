package org.demarche.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The empty database a packaged-app test starts its instances on, of the kind the app was built for
 * (system property {@code demarche.it.db}): an H2 data directory under {@code target/it}, or a database
 * of its own on the local PostgreSQL server (system property {@code demarche.it.postgres}).
 */
final class Databases {

    static final String POSTGRES_SERVER =
            System.getProperty("demarche.it.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String POSTGRES_USER = "postgres";

    private Databases() {}

    /** Empties (or creates) the test's database, and answers the environment that points an instance at it. */
    static Map<String, String> empty(String name) throws IOException, SQLException {
        if ("postgresql".equals(System.getProperty("demarche.it.db"))) {
            return emptyPostgres("demarche_" + name.replace('-', '_'));
        }
        Path directory = Path.of("target/it", name).toAbsolutePath();
        Directories.deleteTree(directory);
        return Map.of("DEMARCHE_DATA_DIR", directory.toString());
    }

    /** Drops and creates the PostgreSQL database, and answers the environment that points an instance at it. */
    static Map<String, String> emptyPostgres(String database) throws SQLException {
        try (Connection server = DriverManager.getConnection(POSTGRES_SERVER + "postgres", POSTGRES_USER, "");
                Statement sql = server.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
        return Map.of("DEMARCHE_DB_URL", POSTGRES_SERVER + database, "DEMARCHE_DB_USER", POSTGRES_USER);
    }
}
