package org.demarche.duplicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.demarche.MigrationDatabase;
import org.junit.jupiter.api.Test;

/** Migration V14 fills the folded name words of the officials and topics stored before it. */
class NameKeyMigrationTest {

    private static final MigrationDatabase DB = MigrationDatabase.named("names");

    @Test
    void storedOfficialsAndTopicsGetTheWordsOfTheirNames() throws SQLException {
        DB.cleanAndMigrateTo("13");
        try (Connection db = DB.connect();
                Statement sql = db.createStatement()) {
            sql.execute("insert into official (id, version, created_at, updated_at, name, country) values"
                    + " ('00000000-0000-0000-0000-000000000001', 0, now(), now(), 'Sergei Şoigu', 'RU')");
            sql.execute("insert into official (id, version, created_at, updated_at, name, country) values"
                    + " ('00000000-0000-0000-0000-000000000002', 0, now(), now(), 'Jean-Noël Barrot', 'FR')");
            sql.execute("insert into official_alias (official_id, ord, alias_name) values"
                    + " ('00000000-0000-0000-0000-000000000001', 1, 'Shoigu'),"
                    + " ('00000000-0000-0000-0000-000000000001', 0, 'Сергей Шойгу')");
            sql.execute("insert into topic (id, version, created_at, updated_at, slug, name) values"
                    + " ('00000000-0000-0000-0000-000000000021', 0, now(), now(), 'grain-deal', 'Négociations')");
        }

        DB.migrateTo("latest");

        try (Connection db = DB.connect();
                Statement sql = db.createStatement()) {
            assertEquals(
                    List.of(" sergei soigu сергей шойгу shoigu", " jean noel barrot"),
                    column(sql, "select name_key from official order by id"));
            assertEquals(List.of(" negociations grain deal"), column(sql, "select name_key from topic"));
            assertEquals(
                    List.of("Sergei Şoigu"),
                    column(sql, "select name from official where name_key like '% soig%' and name_key like '% шой%'"));
        }
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
}
