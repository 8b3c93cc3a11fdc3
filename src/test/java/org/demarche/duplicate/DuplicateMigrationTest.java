package org.demarche.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.demarche.MigrationDatabase;
import org.junit.jupiter.api.Test;

/**
 * Migrations V8 and V9 on data written before them, on a database of the test's own: text is put in NFC,
 * sources get their canonical URL, and records that turn out to be one thing twice are reported in
 * duplicate_record, not merged, while the new unique keys are in place. An in-memory H2 unless
 * -Ddemarche.test.migration-db.url names an empty PostgreSQL database (user postgres), which it cleans first.
 */
class DuplicateMigrationTest {

    private static final MigrationDatabase DB = MigrationDatabase.named("migration");

    @Test
    void storedDuplicatesAreReportedNotMerged() throws SQLException {
        DB.cleanAndMigrateTo("7");
        String cafe = "Café Lavrov";
        String decomposed = Normalizer.normalize(cafe, Normalizer.Form.NFD);
        try (Connection db = DB.connect();
                Statement sql = db.createStatement()) {
            sql.execute(official("00000000-0000-0000-0000-000000000001", "2024-01-01", cafe));
            sql.execute(official("00000000-0000-0000-0000-000000000002", "2024-01-02", decomposed));
            sql.execute(source("00000000-0000-0000-0000-000000000011", "2024-01-01", "https://caliber.az/post/1"));
            sql.execute(source(
                    "00000000-0000-0000-0000-000000000012", "2024-01-02", "HTTPS://Caliber.AZ:443/post/%31#top"));
            sql.execute(source("00000000-0000-0000-0000-000000000013", "2024-01-03", "https://caliber.az/post/2"));
            sql.execute("insert into topic (id, version, created_at, updated_at, slug, name) values"
                    + " ('00000000-0000-0000-0000-000000000021', 0, now(), now(), 'ceasefire', 'Ceasefire')");
            for (String[] statement : List.of(new String[] {"41", cafe}, new String[] {"42", decomposed})) {
                sql.execute("insert into statement (id, version, created_at, updated_at, official_id, body, quote_type,"
                        + " stated_on, stated_on_start, stated_on_end, verification) values ('00000000-0000-0000-0000-0000000000"
                        + statement[0] + "', 0, timestamp '2024-01-01 00:00:" + statement[0] + "', now(),"
                        + " '00000000-0000-0000-0000-000000000001', 'Said at the " + statement[1]
                        + ".', 'direct_quote', '2024-11',"
                        + " date '2024-11-01', date '2024-11-30', 'unverified')");
            }
            for (String id : List.of("31", "32")) {
                sql.execute("insert into official_position (id, version, created_at, updated_at, official_id, topic_id,"
                        + " stance, valid_from, valid_from_start) values ('00000000-0000-0000-0000-0000000000" + id
                        + "', 0, timestamp '2024-01-01 00:00:" + id
                        + "', now(), '00000000-0000-0000-0000-000000000001',"
                        + " '00000000-0000-0000-0000-000000000021', 'opposes', '2024-11', date '2024-11-01')");
            }
        }

        DB.migrateTo("latest");

        try (Connection db = DB.connect();
                Statement sql = db.createStatement()) {
            assertEquals(List.of(cafe, cafe), column(sql, "select name from official order by id"));
            assertEquals(
                    List.of("https://caliber.az/post/1", "https://caliber.az/post/2"),
                    column(sql, "select canonical_url from source where canonical_url is not null order by id"));
            assertEquals(
                    List.of("HTTPS://Caliber.AZ:443/post/%31#top"),
                    column(sql, "select url from source where canonical_url is null"),
                    "the URL as given is kept");
            assertEquals(
                    List.of(
                            "official 00000000-0000-0000-0000-000000000002 of 00000000-0000-0000-0000-000000000001",
                            "position 00000000-0000-0000-0000-000000000032 of 00000000-0000-0000-0000-000000000031",
                            "source 00000000-0000-0000-0000-000000000012 of 00000000-0000-0000-0000-000000000011",
                            "statement 00000000-0000-0000-0000-000000000042 of 00000000-0000-0000-0000-000000000041"),
                    column(
                            sql,
                            "select resource || ' ' || record_id || ' of ' || duplicate_of from duplicate_record"
                                    + " order by resource"));
            // The new keys hold: a third position from that day, or a source with a taken canonical URL, is refused.
            assertRefused(
                    sql,
                    "insert into official_position (id, version, created_at, updated_at, official_id, topic_id,"
                            + " stance, valid_from, valid_from_start) values ('00000000-0000-0000-0000-000000000033', 0, now(), now(),"
                            + " '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000021', 'supports', '2024-11-01',"
                            + " date '2024-11-01')");
            assertRefused(
                    sql,
                    "update source set canonical_url = 'https://caliber.az/post/1'"
                            + " where id = '00000000-0000-0000-0000-000000000013'");
        }
    }

    private static String official(String id, String day, String name) {
        return "insert into official (id, version, created_at, updated_at, name, country) values ('" + id + "', 0,"
                + " timestamp '" + day + " 00:00:00', now(), '" + name + "', 'RU')";
    }

    private static String source(String id, String day, String url) {
        return "insert into source (id, version, created_at, updated_at, url, outlet) values ('" + id + "', 0,"
                + " timestamp '" + day + " 00:00:00', now(), '" + url + "', 'Caliber.Az')";
    }

    private static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static void assertRefused(Statement sql, String write) {
        try {
            sql.execute(write);
        } catch (SQLException e) {
            return;
        }
        throw new AssertionError("accepted: " + write);
    }
}
