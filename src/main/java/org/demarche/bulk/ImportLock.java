package org.demarche.bulk;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets one import transaction write at a time, so that two imports of the same lines never both find them
 * missing and both store them: the later batch waits for the earlier one to commit, then finds its records.
 * On PostgreSQL the lock is an advisory lock its transaction holds, which every instance sees; on H2, which
 * one process holds, a fair lock in memory around the transaction. A dry run holds it to its end.
 */
@ApplicationScoped
class ImportLock {

    /** The advisory lock's key: "import" in ASCII. */
    private static final long KEY = 0x696d706f7274L;

    static final int ROLLED_BACK_SECONDS = 600;

    private final boolean shared;
    private final ReentrantLock local = new ReentrantLock(true);

    ImportLock(@ConfigProperty(name = "quarkus.datasource.db-kind") String databaseKind) {
        this.shared = "postgresql".equals(databaseKind);
    }

    /** Runs the work in a new transaction that commits, holding the lock. */
    <T> T committed(Supplier<T> work) {
        return locally(() -> QuarkusTransaction.requiringNew().call(() -> {
            holdShared();
            return work.get();
        }));
    }

    /**
     * Runs the work in a new transaction that is rolled back, holding the lock; it may last up to
     * {@value #ROLLED_BACK_SECONDS} seconds (a dry run of many lines), where others last the default minute.
     */
    <T> T rolledBack(Supplier<T> work) {
        return locally(() -> {
            QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(ROLLED_BACK_SECONDS));
            try {
                holdShared();
                return work.get();
            } finally {
                QuarkusTransaction.rollback();
            }
        });
    }

    private <T> T locally(Supplier<T> work) {
        if (shared) {
            return work.get();
        }
        local.lock();
        try {
            return work.get();
        } finally {
            local.unlock();
        }
    }

    private void holdShared() {
        if (shared) {
            Panache.getEntityManager()
                    .createNativeQuery("select 1 from pg_advisory_xact_lock(:key)")
                    .setParameter("key", KEY)
                    .getSingleResult();
        }
    }
}
