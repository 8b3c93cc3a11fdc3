package org.demarche.search;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.demarche.official.Official;
import org.demarche.record.RecordChanged;
import org.demarche.source.Source;
import org.demarche.statement.Statement;

/**
 * Follows commits into the embedded Lucene index: the statements a transaction changed (or whose official
 * country or source outlet it changed) are indexed right after it commits, in one update however many
 * records it wrote; a bulk write's commits in larger steps.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class LuceneCommitFollower {

    /** Transaction resource: the changes a transaction made that the index must follow once it commits. */
    private static final Object PENDING = new Object();
    /**
     * In a bulk write, committed changes are indexed together once they name this many records, or at the
     * first commit this long after the oldest of them: fewer, larger index segments, which Lucene merges
     * far less often than one per transaction, while search never lags far behind.
     */
    private static final int BULK_STEP = 10_000;

    private static final long BULK_STEP_NANOS = 5_000_000_000L;

    private final LuceneIndex index;
    private final TransactionSynchronizationRegistry transactions;
    /** The changes committed on a thread in a bulk write ({@link #inBulk}) and not indexed yet. */
    private final ThreadLocal<BulkStep> bulkCommitted = new ThreadLocal<>();
    /** Every bulk write's step, so that a step waiting on a paused client is indexed on time all the same. */
    private final Set<BulkStep> bulkSteps = ConcurrentHashMap.newKeySet();

    /** Changes a bulk write committed and has not indexed; guarded by its own monitor. */
    private static final class BulkStep {
        final Set<RecordChanged> changes = new LinkedHashSet<>();
        long since;
    }

    public LuceneCommitFollower(LuceneIndex index, TransactionSynchronizationRegistry transactions) {
        this.index = index;
        this.transactions = transactions;
    }

    /**
     * Notes a change to a statement, or to the official or source statements are filtered by, for the
     * end of its transaction. A transaction's changes are indexed together right after it commits, in one
     * update, however many records it wrote (an import writes hundreds at a time).
     */
    void onChange(@Observes RecordChanged change) {
        if (change.type() != Statement.class && change.type() != Official.class && change.type() != Source.class) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<RecordChanged> pending = (Set<RecordChanged>) transactions.getResource(PENDING);
        if (pending == null) {
            Set<RecordChanged> changes = new LinkedHashSet<>();
            transactions.putResource(PENDING, changes);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        followCommit(changes);
                    }
                }
            });
            pending = changes;
        }
        pending.add(change);
    }

    private void followCommit(Set<RecordChanged> changes) {
        BulkStep step = bulkCommitted.get();
        if (step == null) {
            indexCommitted(changes);
            return;
        }
        synchronized (step) {
            if (step.changes.isEmpty()) {
                step.since = System.nanoTime();
            }
            step.changes.addAll(changes);
            if (step.changes.size() >= BULK_STEP) {
                indexStep(step);
            }
        }
    }

    /** Indexes every bulk step whose oldest commit is five seconds old, even while its import waits for its client. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void indexWaitingSteps() {
        for (BulkStep step : bulkSteps) {
            synchronized (step) {
                if (!step.changes.isEmpty() && System.nanoTime() - step.since >= BULK_STEP_NANOS) {
                    indexStep(step);
                }
            }
        }
    }

    private void indexStep(BulkStep step) {
        indexCommitted(step.changes);
        step.changes.clear();
    }

    /**
     * Indexes the commits of a bulk write in steps of {@value #BULK_STEP} records or five seconds, and the
     * rest when it ends. Should the process stop in between, the start-up catch-up indexes what was
     * committed (see {@link LuceneIndex#onStart}).
     */
    <T> T inBulk(Supplier<T> work) {
        BulkStep step = new BulkStep();
        bulkCommitted.set(step);
        bulkSteps.add(step);
        try {
            return work.get();
        } finally {
            bulkCommitted.remove();
            bulkSteps.remove(step);
            synchronized (step) {
                if (!step.changes.isEmpty()) {
                    indexStep(step);
                }
            }
        }
    }

    private void indexCommitted(Set<RecordChanged> changes) {
        index.update(() -> {
            Set<UUID> affected = new LinkedHashSet<>();
            changes.forEach(change -> affected.addAll(affected(change)));
            return affected;
        });
    }

    private Collection<UUID> affected(RecordChanged change) {
        if (change.type() == Statement.class) {
            return List.of(change.id());
        }
        String jpql = change.type() == Official.class
                ? "select s.id from Statement s where s.official.id = ?1"
                : "select s.id from Statement s join s.sources x where x.id = ?1";
        return Panache.getEntityManager()
                .createQuery(jpql, UUID.class)
                .setParameter(1, change.id())
                .getResultList();
    }
}
