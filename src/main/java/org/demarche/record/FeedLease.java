package org.demarche.record;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A follower's row in {@code feed_consumer}: who holds its lease, until when, and the revision whose
 * changes it has handled; and the newest revision. A follower keeps something in step with the change
 * feed (the search index, webhook deliveries); one instance at a time follows, renewing the lease at
 * each step, and another takes it over once it has not been renewed for {@value #LEASE_SECONDS} seconds
 * (the holder died). Plain JDBC on short connections, as these run several times a second on the
 * instance that follows, outside any request's unit of work; inside a transaction, the connection is
 * the transaction's, so a position can move in the same commit as what the step wrote.
 */
public final class FeedLease {

    public static final int LEASE_SECONDS = 5;

    private final DataSource database;
    private final String consumer;
    /** This instance in the lease table. */
    private final String owner = UUID.randomUUID().toString();

    public FeedLease(DataSource database, String consumer) {
        this.database = database;
        this.consumer = consumer;
    }

    /** Takes or renews the lease; false while another live instance holds it. */
    public boolean take() {
        return update(
                        "update feed_consumer set owner = ?, lease_until = current_timestamp + interval '"
                                + LEASE_SECONDS + "' second"
                                + " where name = ? and (owner = ? or owner is null or lease_until < current_timestamp)",
                        owner,
                        consumer,
                        owner)
                == 1;
    }

    /** Gives the lease up, so that another instance takes over at once rather than when it expires. */
    public void release() {
        update(
                "update feed_consumer set owner = null, lease_until = null where name = ? and owner = ?",
                consumer,
                owner);
    }

    /** The revision whose changes the follower has handled. */
    public long position() {
        return number("select position from feed_consumer where name = ?", consumer);
    }

    /** This database's key: something written from another database (an index) has another one. */
    public String databaseKey() {
        return text("select cast(database_key as varchar) from feed_consumer where name = ?", consumer);
    }

    /** The newest revision (0 when there is none). */
    public long latest() {
        return number("select coalesce(max(id), 0) from revision");
    }

    /** The newest of the next {@code n} revisions after the position; the position itself when there are none. */
    public long next(long position, int n) {
        return number(
                "select coalesce(max(id), ?) from (select id from revision where id > ? order by id limit ?) r",
                position,
                position,
                n);
    }

    /**
     * Moves the position on, if this instance still holds the lease and nobody moved it meanwhile; false
     * when it did not.
     */
    public boolean advance(long from, long to) {
        return update(
                        "update feed_consumer set position = ? where name = ? and owner = ? and position = ?",
                        to,
                        consumer,
                        owner,
                        from)
                == 1;
    }

    /** Moves the position back to {@code revision} if it is further: those changes are followed again. */
    public void rewind(long revision) {
        update("update feed_consumer set position = least(position, ?) where name = ?", revision, consumer);
    }

    private long number(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the position of " + consumer, e);
        }
    }

    private String text(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database key of " + consumer, e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = prepare(connection, sql, parameters)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update the lease of " + consumer, e);
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
