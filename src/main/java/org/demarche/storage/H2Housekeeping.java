package org.demarche.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Keeps the embedded H2 file from growing with every commit. The app opens H2 with {@code WRITE_DELAY=0}, so
 * that a commit is in the file before it is acknowledged: H2 then writes a chunk of changed pages at each
 * commit, but runs none of its housekeeping, which only its background writer does, and that writer runs only
 * with a write delay. A chunk is freed for reuse only once none of its pages is live, and most keep a few, so
 * the file grew with every write: 22.6 GB after 14 minutes at 50 writes a second, 2% of the chunks' space live.
 *
 * <p>Once a second, while less than half of the chunks' space is live, this rewrites the live pages of the
 * emptiest chunks, {@value #REWRITE_BYTES} bytes at most ({@link MVStore#compact}, the rewriting H2's own
 * housekeeping does): the next commit writes them into its chunk, the old chunks are freed, and their space
 * is written again once H2's retention time has passed. At 50 writes a second the file then grew about
 * 0.1 GB a minute instead of 1.5, its chunks over half live: new chunks that fit in no gap between live ones
 * still go at its end, as H2's other housekeeping, moving chunks, is not done here.
 *
 * <p>A round that fails is logged with its cause, then at most once a minute while rounds go on failing. A
 * failure inside H2's rewriting closes the database, as it would in H2's own housekeeping.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class H2Housekeeping {

    private static final Logger LOG = Logger.getLogger(H2Housekeeping.class);
    /** The share of the chunks' space, in percent, that is to be live. */
    private static final int FILL_RATE = 50;
    /** Live bytes rewritten a second at most. */
    private static final int REWRITE_BYTES = 4 * 1024 * 1024;

    private static final Duration QUIET = Duration.ofMinutes(1);

    private final AgroalDataSource dataSource;
    /** When a failed round was last logged; null while rounds succeed. */
    private Instant failureLogged;

    public H2Housekeeping(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Scheduled(every = "1s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void compact() {
        try (Connection connection = dataSource.getConnection()) {
            compact(connection);
            if (failureLogged != null) {
                LOG.info("H2 housekeeping works again");
                failureLogged = null;
            }
        } catch (SQLException | RuntimeException e) {
            Instant now = Instant.now();
            if (failureLogged == null) {
                LOG.error("H2 housekeeping failed; the database file may grow faster until it works again", e);
                failureLogged = now;
            } else if (failureLogged.plus(QUIET).isBefore(now)) {
                LOG.errorf("H2 housekeeping still fails: %s", e.toString());
                failureLogged = now;
            }
        }
    }

    /** One round on the database of this connection; whether it rewrote any chunk. */
    static boolean compact(Connection connection) throws SQLException {
        MVStore store = fileStore(connection);
        return store != null && !store.isClosed() && store.compact(FILL_RATE, REWRITE_BYTES);
    }

    /** The store behind an embedded H2 connection to a file; null for an in-memory database. */
    private static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || !session.getDatabase().isPersistent()) {
            return null;
        }
        return session.getDatabase().getStore().getMvStore();
    }
}
