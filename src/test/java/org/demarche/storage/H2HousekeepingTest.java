package org.demarche.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The housekeeping's rounds on H2 files written as the app writes them: a commit at a time, each in the file. */
class H2HousekeepingTest {

    @Test
    void rewritesChunksThatCommitsLeftMostlyDead(@TempDir Path dir) throws SQLException {
        try (Connection connection =
                DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0", "sa", "")) {
            try (Statement sql = connection.createStatement()) {
                // Chunks are rewritten only once they are older than this: H2's 45 s by default.
                sql.execute("SET RETENTION_TIME 0");
                sql.execute("create table row_kept (id int primary key, text varchar(2000))");
                sql.execute("insert into row_kept select x, repeat('a', 1000) from system_range(1, 2000)");
            }
            // Each update a commit, each commit a chunk: the rows' earlier pages are left in sparse chunks.
            Random random = new Random(42);
            try (PreparedStatement update = connection.prepareStatement("update row_kept set text = ? where id = ?")) {
                for (int i = 0; i < 3_000; i++) {
                    update.setString(1, Integer.toString(i).repeat(100));
                    update.setInt(2, 1 + random.nextInt(2_000));
                    update.executeUpdate();
                }
            }
            int before = chunksFillRate(connection);

            int rounds = 0;
            while (H2Housekeeping.compact(connection) && rounds < 100) {
                rounds++;
                try (Statement sql = connection.createStatement()) {
                    sql.execute("CHECKPOINT"); // as the next commit would: the rewritten pages go into a new chunk
                }
            }

            int after = chunksFillRate(connection);
            assertTrue(before < 50, "the updates should have left the chunks mostly dead, not " + before + "% live");
            assertTrue(rounds > 0, "no chunk was rewritten");
            assertTrue(after >= 50, "chunks " + before + "% live before, " + after + "% after " + rounds + " rounds");
        }
    }

    @Test
    void leavesAnInMemoryDatabaseAlone() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:housekeeping", "sa", "")) {
            assertFalse(H2Housekeeping.compact(connection));
        }
    }

    private static int chunksFillRate(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select setting_value from information_schema.settings"
                        + " where setting_name = 'info.CHUNKS_FILL_RATE'")) {
            row.next();
            return Integer.parseInt(row.getString(1));
        }
    }
}
