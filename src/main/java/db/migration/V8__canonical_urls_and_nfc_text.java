package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.demarche.common.UnicodeText;
import org.demarche.source.CanonicalUrl;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Text written before Demarche kept it in Unicode NFC, and sources identified by their URL as given, are
 * brought to the rules of today (issue 17): every free-text column is put in NFC, and each source gets its
 * canonical URL ({@link CanonicalUrl}), unique from now on. Records that turn out to be one thing twice are
 * not merged, which would be a guess: they are listed in {@code duplicate_record}, which
 * {@code GET /api/v1/admin/duplicates} shows, for an editor to resolve. A source that duplicates an older
 * one (same canonical URL) keeps a null canonical URL, so the unique constraint holds; it can still be read
 * and deleted, and a write to it is a 409 naming the older one. Officials (same name and country, no
 * Wikidata id) and statements (same official, date and text) that are equal in NFC are reported the same way.
 * Plain JDBC, so that it runs on H2 and PostgreSQL alike and needs no entity as it is today.
 */
public class V8__canonical_urls_and_nfc_text extends BaseJavaMigration {

    private static final int BATCH = 500;
    /** Longest reason kept, the column's size. */
    private static final int REASON = 4000;

    /** A table's key columns and the free-text columns to put in NFC (slugs, codes and ids are ASCII by rule). */
    private record TextColumns(String table, List<String> keys, List<String> texts) {}

    private static final List<TextColumns> TEXTS = List.of(
            new TextColumns("official", List.of("id"), List.of("name", "title", "organization")),
            new TextColumns("official_alias", List.of("official_id", "ord"), List.of("alias_name")),
            new TextColumns("official_office", List.of("official_id", "ord"), List.of("title", "organization")),
            new TextColumns("topic", List.of("id"), List.of("name", "description")),
            new TextColumns("topic_code", List.of("topic_id", "scheme"), List.of("code")),
            new TextColumns("source", List.of("id"), List.of("url", "outlet", "title", "citing", "archive_url")),
            new TextColumns("source_author", List.of("source_id", "ord"), List.of("author")),
            new TextColumns("statement", List.of("id"), List.of("body", "venue", "notes")),
            new TextColumns("official_position", List.of("id"), List.of("label")),
            new TextColumns("position_condition", List.of("position_id", "ord"), List.of("condition_text")));

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("create table duplicate_record ("
                    + " resource varchar(20) not null,"
                    + " record_id uuid not null,"
                    + " duplicate_of uuid not null,"
                    + " reason varchar(" + REASON + ") not null,"
                    + " found_by varchar(20) not null,"
                    + " primary key (resource, record_id))");
            ddl.execute("alter table source add column canonical_url varchar(2000)");
        }
        for (TextColumns columns : TEXTS) {
            toNfc(db, columns);
        }
        canonicalUrls(db);
        try (Statement ddl = db.createStatement()) {
            ddl.execute("alter table source drop constraint source_url_key");
            ddl.execute("alter table source add constraint source_canonical_url_key unique (canonical_url)");
        }
        reportGroups(
                db,
                "official",
                "same name and country in NFC, and no Wikidata id",
                "select o.id, o.name || ', ' || o.country from official o where o.wikidata_id is null and exists"
                        + " (select 1 from official p where p.name = o.name and p.country = o.country"
                        + " and p.wikidata_id is null and p.id <> o.id) order by o.name, o.country, o.created_at, o.id");
        reportGroups(
                db,
                "statement",
                "same official, date and text in NFC",
                "select s.id, cast(s.official_id as varchar(36)) || ', ' || s.stated_on || ', text MD5 ' || s.body_hash"
                        + " from statement s where exists (select 1 from statement t where t.body_hash = s.body_hash"
                        + " and t.official_id = s.official_id and t.stated_on = s.stated_on and t.body = s.body"
                        + " and t.id <> s.id) order by s.official_id, s.stated_on, s.body_hash, s.created_at, s.id");
    }

    private static void toNfc(Connection db, TextColumns columns) throws SQLException {
        String select = "select " + String.join(", ", columns.keys()) + ", " + String.join(", ", columns.texts())
                + " from " + columns.table();
        String update = "update " + columns.table() + " set " + String.join(" = ?, ", columns.texts()) + " = ? where "
                + String.join(" = ? and ", columns.keys()) + " = ?";
        try (Statement read = db.createStatement();
                PreparedStatement write = db.prepareStatement(update)) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery(select)) {
                while (rows.next()) {
                    boolean changed = false;
                    int k = columns.keys().size();
                    for (int i = 0; i < columns.texts().size(); i++) {
                        String text = rows.getString(k + i + 1);
                        String nfc = UnicodeText.nfc(text);
                        changed |= !Objects.equals(text, nfc);
                        write.setString(i + 1, nfc);
                    }
                    if (changed) {
                        for (int i = 0; i < k; i++) {
                            write.setObject(columns.texts().size() + i + 1, rows.getObject(i + 1));
                        }
                        write.addBatch();
                        if (++pending == BATCH) {
                            write.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    /** The oldest source of each canonical URL gets it; younger ones are reported as its duplicates. */
    private static void canonicalUrls(Connection db) throws SQLException {
        Map<String, Object> first = new HashMap<>();
        try (Statement read = db.createStatement();
                PreparedStatement write = db.prepareStatement("update source set canonical_url = ? where id = ?");
                PreparedStatement report = reportStatement(db)) {
            read.setFetchSize(BATCH);
            try (ResultSet rows = read.executeQuery("select id, url from source order by created_at, id")) {
                while (rows.next()) {
                    Object id = rows.getObject(1);
                    String canonical = CanonicalUrl.of(rows.getString(2));
                    Object older = first.putIfAbsent(canonical, id);
                    if (older == null) {
                        write.setString(1, canonical);
                        write.setObject(2, id);
                        write.addBatch();
                    } else {
                        addReport(report, "source", id, older, "same canonical URL " + canonical);
                    }
                }
            }
            write.executeBatch();
            report.executeBatch();
        }
    }

    /**
     * Reports each group of rows the query returns (id, then the key they share, ordered by key and then
     * oldest first): every row after a group's first is its duplicate.
     */
    private static void reportGroups(Connection db, String resource, String why, String query) throws SQLException {
        try (Statement read = db.createStatement();
                PreparedStatement report = reportStatement(db)) {
            Object original = null;
            String key = null;
            try (ResultSet rows = read.executeQuery(query)) {
                while (rows.next()) {
                    if (!rows.getString(2).equals(key)) {
                        original = rows.getObject(1);
                        key = rows.getString(2);
                    } else {
                        addReport(report, resource, rows.getObject(1), original, why + ": " + key);
                    }
                }
            }
            report.executeBatch();
        }
    }

    private static PreparedStatement reportStatement(Connection db) throws SQLException {
        return db.prepareStatement("insert into duplicate_record (resource, record_id, duplicate_of, reason, found_by)"
                + " values (?, ?, ?, ?, 'V8')");
    }

    private static void addReport(
            PreparedStatement report, String resource, Object id, Object duplicateOf, String reason)
            throws SQLException {
        report.setString(1, resource);
        report.setObject(2, id);
        report.setObject(3, duplicateOf);
        report.setString(4, reason.length() > REASON ? reason.substring(0, REASON) : reason);
        report.addBatch();
    }
}
