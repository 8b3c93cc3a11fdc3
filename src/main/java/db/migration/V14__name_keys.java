package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.common.NameWords;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Officials and topics keep the words of their names, folded for lookup ({@link NameWords}): an official's
 * name and aliases, a topic's name and slug. Filled here for the records there are; the services keep it
 * from then on. Plain JDBC, so that it runs on H2 and PostgreSQL alike.
 */
public class V14__name_keys extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("alter table official add column name_key varchar(50000)");
            ddl.execute("alter table topic add column name_key varchar(50000)");
        }
        Map<Object, List<String>> officials = names(db, "select id, name from official");
        names(db, "select official_id, alias_name from official_alias order by official_id, ord", officials);
        write(db, "official", officials);
        write(db, "topic", names(db, "select id, name, slug from topic"));
    }

    private static Map<Object, List<String>> names(Connection db, String select) throws SQLException {
        Map<Object, List<String>> names = new LinkedHashMap<>();
        names(db, select, names);
        return names;
    }

    /** Adds the names each row gives (every column after the id) to its record's. */
    private static void names(Connection db, String select, Map<Object, List<String>> names) throws SQLException {
        try (Statement read = db.createStatement();
                ResultSet rows = read.executeQuery(select)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> of = names.computeIfAbsent(rows.getObject(1), id -> new ArrayList<>());
                for (int i = 2; i <= columns; i++) {
                    of.add(rows.getString(i));
                }
            }
        }
    }

    private static void write(Connection db, String table, Map<Object, List<String>> names) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("update " + table + " set name_key = ? where id = ?")) {
            int pending = 0;
            for (Map.Entry<Object, List<String>> record : names.entrySet()) {
                update.setString(1, NameWords.key(record.getValue()));
                update.setObject(2, record.getKey());
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
