package org.demarche.search.opensearch;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.demarche.common.ProblemException;
import org.demarche.record.FeedLease;
import org.demarche.statement.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps the OpenSearch index following the database, with the history revisions as the outbox: every
 * committed create, update, delete and import is a revision, and revisions become visible in number
 * order (see {@link org.demarche.record.ChangeClock}). One instance at a time follows them: it holds a
 * lease in {@code feed_consumer}, renewed at every step and taken over by another instance once it has
 * not been renewed for {@value FeedLease#LEASE_SECONDS} seconds (the holder died). After each indexed batch the
 * holder stores the revision it reached, so a new holder goes on from there; a batch cut off by a crash
 * is indexed again, which the external versions make harmless. While OpenSearch is down, nothing moves
 * and the position stays; indexing catches up when it is back.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class IndexFollower {

    private static final Logger LOG = Logger.getLogger(IndexFollower.class);
    /** This follower's row in {@code feed_consumer}. */
    private static final String CONSUMER = "statement-search";
    /** Revisions read per step, and statements loaded and written per bulk request. */
    private static final int REVISIONS = 1_000;

    private static final int BATCH = 500;
    /** Advisory lock key of a rebuild: "rebuild" in ASCII, so two rebuilds never run at once. */
    private static final long REBUILD_KEY = 0x72656275696c64L;

    private final StatementIndex index;
    private final DataSource database;
    private final FeedLease lease;
    private final ReentrantLock following = new ReentrantLock();
    /** Whether this instance holds the lease and has checked the index's layout since taking it. */
    private volatile boolean checked;
    /** Set at shutdown: nothing more is followed. */
    private volatile boolean stopped;

    private final Duration poll;

    public IndexFollower(
            StatementIndex index, DataSource database, @ConfigProperty(name = "demarche.search.poll") Duration poll) {
        this.index = index;
        this.lease = new FeedLease(database, CONSUMER);
        this.database = database;
        this.poll = poll;
    }

    /**
     * Every second: if this instance holds the lease or can take it, follows the revisions for as long as
     * it keeps the lease, looking for new ones every {@code demarche.search.poll} when it has caught up
     * (the lease is renewed at each look). It does not stop at the next tick: a run that ended after a
     * second would miss that tick (runs never overlap) and leave a second's writes unsearched.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() throws InterruptedException {
        if (stopped || !following.tryLock()) {
            return;
        }
        try {
            while (!stopped && lease.take()) {
                if (!checked) {
                    if (!index.current(lease.databaseKey())) {
                        LOG.info("Search index missing, in an older layout or from another database: rebuilding");
                        rebuild();
                    }
                    checked = true;
                    LOG.info("This instance follows the change feed into the search index");
                }
                if (!step()) {
                    Thread.sleep(poll.toMillis());
                }
            }
            checked = false;
        } catch (SearchUnavailableException e) {
            // OpenSearch may come back without the index (a node replaced, a cluster restored): check it again.
            checked = false;
            LOG.debugf("Search index not followed: %s", e.getMessage());
        } catch (ProblemException e) {
            LOG.debugf("Search index not followed: %s", e.getMessage());
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.error("Search index not followed", e);
            }
        } finally {
            following.unlock();
        }
    }

    /**
     * On shutdown: waits a moment for the step under way, then gives the lease up to the other instances;
     * otherwise (a long rebuild) the lease expires by itself.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopped = true;
        if (!following.tryLock(5, TimeUnit.SECONDS)) {
            return;
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.debugf("Search indexer lease not released (it expires by itself): %s", e.getMessage());
        } finally {
            following.unlock();
        }
    }

    /** Where the index stands in the change feed. */
    FeedLease lease() {
        return lease;
    }

    /** Indexes the statements the next revisions touched; false when there were none. */
    private boolean step() {
        long position = lease.position();
        long upTo = lease.next(position, REVISIONS);
        if (upTo == position) {
            return false;
        }
        List<UUID> touched = QuarkusTransaction.requiringNew().call(() -> touched(position, upTo));
        for (int start = 0; start < touched.size(); start += BATCH) {
            List<UUID> batch = touched.subList(start, Math.min(touched.size(), start + BATCH));
            QuarkusTransaction.requiringNew().run(() -> write(index.alias(), batch));
        }
        // Compare and set: a rebuild that moved the position back meanwhile wins.
        lease.advance(position, upTo);
        return true;
    }

    /** Statements whose documents revisions after {@code from} up to {@code to} may have changed. */
    private static List<UUID> touched(long from, long to) {
        String in = " where a.rev > :from and a.rev <= :to";
        @SuppressWarnings("unchecked")
        List<UUID> ids = em().createNativeQuery(
                        "select a.id from statement_aud a" + in
                                + " union select s.id from statement s where s.official_id in (select a.id from official_aud a"
                                + in + ")"
                                + " union select x.statement_id from statement_source x where x.source_id in"
                                + " (select a.id from source_aud a" + in + ")",
                        UUID.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return ids;
    }

    /** Writes the statements that exist and deletes the others, at the version they last had. */
    private void write(String target, List<UUID> ids) {
        List<Statement> found = Statement.list("id in ?1", ids);
        Set<UUID> present = found.stream().map(s -> s.id).collect(Collectors.toSet());
        List<UUID> gone = ids.stream().filter(id -> !present.contains(id)).toList();
        Map<UUID, Long> deleted = new HashMap<>();
        if (!gone.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em().createNativeQuery(
                            "select a.id, max(a.version) from statement_aud a where a.id in (:ids) group by a.id")
                    .setParameter("ids", gone)
                    .getResultList();
            rows.forEach(row -> deleted.put((UUID) row[0], ((Number) row[1]).longValue()));
        }
        index.write(target, found, deleted);
    }

    /**
     * Fills a new index from the database and moves the alias to it; searches answer from the old index
     * meanwhile. Changes committed during the rebuild are followed again afterwards, into the new index.
     * One rebuild at a time on all instances (a PostgreSQL advisory lock); 409 while another runs.
     */
    public long rebuild() {
        try (Connection connection = database.getConnection()) {
            if (!advisory(connection, "pg_try_advisory_lock")) {
                throw ProblemException.conflict(
                        "A rebuild of the search index is under way; try again when it is done");
            }
            try {
                return rebuildHoldingLock();
            } finally {
                advisory(connection, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the rebuild lock", e);
        }
    }

    private static boolean advisory(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select " + function + "(?)")) {
            lock.setLong(1, REBUILD_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private long rebuildHoldingLock() {
        long from = lease.latest();
        String target = index.create(lease.databaseKey());
        long count = 0;
        UUID after = null;
        while (true) {
            UUID last = after;
            // Keyset by id in the database's own UUID order.
            List<UUID> batch = QuarkusTransaction.requiringNew()
                    .call(() -> em().createQuery(
                                    "select s.id from Statement s where s.id > :after order by s.id", UUID.class)
                            .setParameter("after", last == null ? new UUID(0, 0) : last)
                            .setMaxResults(BATCH)
                            .getResultList());
            if (batch.isEmpty()) {
                break;
            }
            QuarkusTransaction.requiringNew().run(() -> write(target, batch));
            count += batch.size();
            after = batch.get(batch.size() - 1);
        }
        index.swapTo(target);
        lease.rewind(from);
        LOG.infof("Search index rebuilt: %d statements in %s", count, target);
        return count;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
