package org.demarche.idempotency;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The table idempotent_request, in the database every instance shares, so a retry that reaches another
 * instance finds the first request too. Each call is its own short transaction (auto-commit), so that a
 * request's claim is visible to other instances before its work starts.
 */
@ApplicationScoped
class IdempotentRequests {

    /** How long answers are kept, as Stripe does. */
    static final Duration KEPT = Duration.ofHours(24);

    /** The SQL state of a unique-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource database;

    IdempotentRequests(AgroalDataSource database) {
        this.database = database;
    }

    /**
     * Claims the key for a request now starting: empty if it was free (or its answer had expired), else
     * what is stored under it.
     */
    Optional<StoredAnswer> claim(String id, String fingerprint, Instant now) throws SQLException {
        try (Connection connection = database.getConnection()) {
            try (PreparedStatement expired =
                    connection.prepareStatement("delete from idempotent_request where id = ? and started_at < ?")) {
                expired.setString(1, id);
                expired.setObject(2, utc(now.minus(KEPT)));
                expired.executeUpdate();
            }
            // A claim deleted between a refused insert and the read (its request failed meanwhile) is free again.
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(connection, id, fingerprint, now)) {
                    return Optional.empty();
                }
                Optional<StoredAnswer> stored = read(connection, id);
                if (stored.isPresent()) {
                    return stored;
                }
            }
            throw new SQLException("The claim of an Idempotency-Key kept changing under three attempts");
        }
    }

    /** Inserts a claim: false if the key is claimed already. */
    private static boolean insert(Connection connection, String id, String fingerprint, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into idempotent_request (id, fingerprint, started_at) values (?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, fingerprint);
            insert.setObject(3, utc(now));
            insert.executeUpdate();
            return true;
        } catch (SQLException taken) {
            if (UNIQUE_VIOLATION.equals(taken.getSQLState())) {
                return false;
            }
            throw taken;
        }
    }

    /**
     * Takes over a claim whose request has been under way since {@code startedAt} (its instance stopped, or
     * it never finished): true if this call took it, false if another retry did first.
     */
    boolean takeOver(String id, Instant startedAt, Instant now) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("update idempotent_request set started_at = ?"
                        + " where id = ? and started_at = ? and status is null")) {
            update.setObject(1, utc(now));
            update.setString(2, id);
            update.setObject(3, utc(startedAt));
            return update.executeUpdate() == 1;
        }
    }

    /** Keeps the answer of the request that claimed the key. */
    void answer(String id, int status, String contentType, String location, String etag, String body)
            throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement("update idempotent_request set status = ?,"
                        + " content_type = ?, location = ?, etag = ?, body = ? where id = ?")) {
            update.setInt(1, status);
            update.setString(2, contentType);
            update.setString(3, location);
            update.setString(4, etag);
            if (body == null) {
                update.setNull(5, Types.VARCHAR);
            } else {
                update.setString(5, body);
            }
            update.setString(6, id);
            update.executeUpdate();
        }
    }

    /** Frees the key of a request whose answer is not kept, so that a retry runs again. */
    void release(String id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from idempotent_request where id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("delete from idempotent_request where started_at < ?")) {
            delete.setObject(1, utc(Instant.now().minus(KEPT)));
            delete.executeUpdate();
        }
    }

    private static Optional<StoredAnswer> read(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select fingerprint, started_at, status,"
                + " content_type, location, etag, body from idempotent_request where id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int status = row.getInt(3);
                Integer answered = row.wasNull() ? null : status;
                return Optional.of(new StoredAnswer(
                        row.getString(1),
                        row.getObject(2, OffsetDateTime.class).toInstant(),
                        answered,
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7)));
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
