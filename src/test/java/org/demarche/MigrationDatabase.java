package org.demarche;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A migration test's own database, migrated step by step with the app's migrations: an in-memory H2, unless
 * -Ddemarche.test.migration-db.url names an empty PostgreSQL database (user postgres), which each test
 * cleans first.
 */
public record MigrationDatabase(String url, String user) {

    public static MigrationDatabase named(String name) {
        String url = System.getProperty(
                "demarche.test.migration-db.url",
                "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new MigrationDatabase(url, url.startsWith("jdbc:h2:") ? "sa" : "postgres");
    }

    /** Empties the database, then migrates it up to {@code version}. */
    public void cleanAndMigrateTo(String version) {
        flyway(version).clean();
        flyway(version).migrate();
    }

    /** Migrates it on to {@code version} ({@code latest} for all). */
    public void migrateTo(String version) {
        flyway(version).migrate();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(url, user, "")
                .cleanDisabled(false)
                .locations(
                        "classpath:db/migration",
                        url.startsWith("jdbc:h2:") ? "classpath:db/h2" : "classpath:db/postgresql")
                .target(target)
                .load();
    }
}
