package org.demarche.search.opensearch;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The search indexer's row in {@code feed_consumer}: who holds the lease, until when, and the revision
 * the index holds every change of; and the newest revision. Plain JDBC on short connections, as these
 * run several times a second on the instance that follows, outside any request's unit of work.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class FeedLease {

    static final String CONSUMER = "statement-search";
    static final int LEASE_SECONDS = 5;

    private final DataSource database;
    /** This instance in the lease table. */
    private final String owner = UUID.randomUUID().toString();

    public FeedLease(DataSource database) {
        this.database = database;
    }

    /** Takes or renews the lease; false while another live instance holds it. */
    boolean take() {
        return update(
                        "update feed_consumer set owner = ?, lease_until = current_timestamp + make_interval(secs => ?)"
                                + " where name = ? and (owner = ? or owner is null or lease_until < current_timestamp)",
                        owner,
                        LEASE_SECONDS,
                        CONSUMER,
                        owner)
                == 1;
    }

    /** Gives the lease up, so that another instance takes over at once rather than when it expires. */
    void release() {
        update(
                "update feed_consumer set owner = null, lease_until = null where name = ? and owner = ?",
                CONSUMER,
                owner);
    }

    /** The revision the index holds every change of. */
    long position() {
        return number("select position from feed_consumer where name = ?", CONSUMER);
    }

    /** This database's key, which the index records: an index with another one was written from another database. */
    String databaseKey() {
        return text("select cast(database_key as varchar) from feed_consumer where name = ?", CONSUMER);
    }

    /** The newest revision (0 when there is none). */
    long latest() {
        return number("select coalesce(max(id), 0) from revision");
    }

    /** The newest of the next {@code n} revisions after the position; the position itself when there are none. */
    long next(long position, int n) {
        return number(
                "select coalesce(max(id), ?) from (select id from revision where id > ? order by id limit ?) r",
                position,
                position,
                n);
    }

    /** Moves the position on, if this instance still holds the lease and nobody moved it meanwhile. */
    void advance(long from, long to) {
        update(
                "update feed_consumer set position = ? where name = ? and owner = ? and position = ?",
                to,
                CONSUMER,
                owner,
                from);
    }

    /** Moves the position back to {@code revision} if it is further: those changes are followed again. */
    void rewind(long revision) {
        update("update feed_consumer set position = least(position, ?) where name = ?", revision, CONSUMER);
    }

    private long number(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the search indexer's position", e);
        }
    }

    private String text(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the search indexer's database key", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = prepare(connection, sql, parameters)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the search indexer's lease", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
