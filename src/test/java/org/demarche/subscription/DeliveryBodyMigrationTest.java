package org.demarche.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.MigrationDatabase;
import org.junit.jupiter.api.Test;

/**
 * Migration V22 cuts every stored delivery's payload into a body of its own: each delivery's body, composed
 * as it is sent now, is byte for byte the payload it had. On a database of its own ({@link MigrationDatabase}:
 * H2, or PostgreSQL when asked for).
 */
class DeliveryBodyMigrationTest {

    private static final MigrationDatabase DB = MigrationDatabase.named("bodies");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A payload as the planner wrote it before V22: one ordered map, written by Jackson. */
    private static String payload(UUID id, String event, UUID subscription, Object changedBy, Object changes)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id.toString());
        body.put("type", event);
        body.put("createdAt", "2026-12-05T20:50:44.123456Z");
        body.put("subscriptionId", subscription.toString());
        body.put("revision", 42);
        body.put("changedBy", changedBy);
        body.put("recordType", "statement");
        body.put("recordId", "00000000-0000-0000-0000-0000000000aa");
        body.put(
                "record",
                Map.of("text", "«Ceasefire» \"now\", said Лавров \u2014 \\o/ \n\t", "revision", "\"revision\":1"));
        if (changes != null) {
            body.put("changes", changes);
        }
        return JSON.writeValueAsString(body);
    }

    @Test
    void everyStoredPayloadBecomesABodyThatComposesToTheSameBytes() throws Exception {
        DB.cleanAndMigrateTo("21");
        UUID key = UUID.randomUUID();
        UUID subscription = UUID.randomUUID();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<String> events = List.of("statement.created", "statement.updated", "position.closed");
        List<String> payloads = List.of(
                payload(ids.get(0), events.get(0), subscription, null, null),
                payload(
                        ids.get(1),
                        events.get(1),
                        subscription,
                        Map.of("keyId", key.toString(), "name", "ed\"itor"),
                        List.of(Map.of("field", "venue", "after", "Quai d'Orsay"))),
                payload(ids.get(2), events.get(2), subscription, null, null));
        try (Connection db = DB.connect();
                Statement sql = db.createStatement()) {
            sql.execute("insert into api_key (id, version, created_at, updated_at, name, role, secret_hash,"
                    + " secret_prefix) values ('" + key + "', 0, now(), now(), 'editor', 'editor', 'h', 'p')");
            sql.execute("insert into subscription (id, version, created_at, updated_at, key_id, url, events, secret)"
                    + " values ('" + subscription + "', 0, now(), now(), '" + key + "', 'https://example.org/hook',"
                    + " '*', 's')");
            try (PreparedStatement insert = db.prepareStatement("insert into delivery (id, version, created_at,"
                    + " updated_at, subscription_id, event, revision, record_type, record_id, payload, status,"
                    + " attempts) values (?, 0, now(), now(), ?, ?, 42, 'statement',"
                    + " '00000000-0000-0000-0000-0000000000aa', ?, ?, 0)")) {
                for (int i = 0; i < ids.size(); i++) {
                    insert.setObject(1, ids.get(i));
                    insert.setObject(2, subscription);
                    insert.setString(3, events.get(i));
                    insert.setString(4, payloads.get(i));
                    insert.setString(5, i == 0 ? "delivered" : "pending");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        DB.migrateTo("latest");

        List<String> composed = new ArrayList<>();
        try (Connection db = DB.connect();
                Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("select d.id, d.event, b.created_at, d.subscription_id, b.rest"
                        + " from delivery d join delivery_body b on b.id = d.body_id order by d.revision, d.event")) {
            while (rows.next()) {
                composed.add(DeliveryBody.compose(
                        rows.getObject(1, UUID.class),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getObject(4, UUID.class),
                        rows.getString(5)));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        // Ordered by event: position.closed, statement.created, statement.updated.
        assertEquals(List.of(payloads.get(2), payloads.get(0), payloads.get(1)), composed);
    }
}
