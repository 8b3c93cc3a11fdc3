package org.demarche.subscription;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.demarche.record.FeedLease;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks from the change feed. One instance at a time does it, the holder of the
 * {@code webhooks} lease in {@code feed_consumer} (see {@link FeedLease}): on a thread of its own it plans
 * the changes committed since its position into deliveries ({@link DeliveryPlanner}), while this one sends
 * those due ({@link Dispatcher}) as soon as they are planned or a send finishes, so that neither waits for
 * the other, and once a minute drops delivered ones older than {@code demarche.webhooks.log-retention}, a batch at a
 * time between its other work, so a large backlog is many short transactions rather than one long one. Everything
 * it needs is in the database, so after a crash or {@code kill -9} the next holder (the same instance
 * restarted, or another) plans from the stored position and sends what was pending, again if it was
 * under way: at least once, with the same delivery id.
 *
 * <p>How far planning is behind the writes shows at /q/metrics as {@code demarche_webhooks_unplanned_revisions}:
 * the revisions committed whose changes are not yet deliveries.
 */
@ApplicationScoped
class WebhookFollower {

    private static final Logger LOG = Logger.getLogger(WebhookFollower.class);
    private static final String CONSUMER = "webhooks";
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    /** Delivered entries dropped per transaction. */
    static final int PRUNE_BATCH = 1_000;

    private static final long RENEW_NANOS = Duration.ofSeconds(1).toNanos();

    private final FeedLease lease;
    private final DeliveryPlanner planner;
    private final Dispatcher dispatcher;
    private final Duration poll;
    private final Duration retention;
    private final ReentrantLock following = new ReentrantLock();
    private final ExecutorService planning = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "webhook-planner");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopped;
    /** Whether this instance holds the lease: the planner plans while it does. */
    private volatile boolean holding;
    /** When the last pruning round began; a round goes on, a batch per turn, while batches come back full. */
    private Instant pruned = Instant.EPOCH;

    private boolean pruning;

    WebhookFollower(
            DataSource database,
            DeliveryPlanner planner,
            Dispatcher dispatcher,
            @ConfigProperty(name = "demarche.webhooks.poll") Duration poll,
            @ConfigProperty(name = "demarche.webhooks.log-retention") Duration retention,
            MeterRegistry metrics) {
        this.lease = new FeedLease(database, CONSUMER);
        Gauge.builder("demarche.webhooks.unplanned.revisions", this::unplanned)
                .description("Revisions committed whose changes are not yet planned into webhook deliveries")
                .register(metrics);
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.poll = poll;
        this.retention = retention;
    }

    /**
     * Every second: if this instance holds the lease or can take it, plans (on the planner's thread) and
     * sends for as long as it keeps it; when there is nothing to send, it looks again as soon as a send
     * finishes or a step planned, or after {@code demarche.webhooks.poll}.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() throws InterruptedException {
        if (stopped || !following.tryLock()) {
            return;
        }
        Future<?> planned = null;
        try {
            if (!lease.take()) {
                return;
            }
            holding = true;
            planned = planning.submit(this::plan);
            while (holding && !stopped) {
                int started = dispatcher.dispatch();
                boolean morePruning = prune();
                if (started == 0 && !morePruning) {
                    dispatcher.awaitFinished(poll);
                }
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.error("Webhook deliveries paused until the next second", e);
            }
        } finally {
            holding = false;
            awaitPlanning(planned);
            following.unlock();
        }
    }

    /**
     * Plans while this instance holds the lease, waking the sending loop after each step that planned, and
     * renews the lease once a second between steps (a step holds the lease's row until it commits, so
     * renewing it from another thread would wait for the step); a failed step (a database blip) is tried
     * again a second later. Ends, and so ends sending, when the lease is lost.
     */
    private void plan() {
        long renewed = System.nanoTime();
        try {
            while (holding && !stopped) {
                // The lease lasts 5 s: renewing it once a second is enough, however fast steps go.
                if (System.nanoTime() - renewed > RENEW_NANOS) {
                    if (!lease.take()) {
                        return;
                    }
                    renewed = System.nanoTime();
                }
                try {
                    if (planner.step(lease)) {
                        dispatcher.wake();
                    } else {
                        Thread.sleep(poll.toMillis());
                    }
                } catch (RuntimeException e) {
                    if (!holding || stopped) {
                        return;
                    }
                    LOG.error("Webhook planning paused for a second", e);
                    Thread.sleep(1_000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.error("Webhook deliveries paused until the next second: the lease could not be renewed", e);
            }
        } catch (Error e) {
            LOG.error("Webhook deliveries paused until the next second", e);
            throw e;
        } finally {
            holding = false;
            dispatcher.wake();
        }
    }

    /** Waits for the planner's step under way, so that one instance never plans twice at once. */
    private static void awaitPlanning(Future<?> planned) {
        if (planned == null) {
            return;
        }
        try {
            planned.get();
        } catch (ExecutionException e) {
            LOG.error("Webhook planning stopped", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Revisions committed past the follower's position; NaN when the database does not answer. */
    private double unplanned() {
        try {
            long position = lease.position(); // first: a step committing meanwhile cannot make it negative
            return lease.latest() - position;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** On shutdown: abandons the sends under way (they are sent again) and gives the lease up. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopped = true;
        dispatcher.stop();
        planning.shutdown(); // not interrupted: an interrupt during H2's file I/O closes its file
        if (!following.tryLock(5, TimeUnit.SECONDS)) {
            return;
        }
        try {
            lease.release();
        } catch (RuntimeException e) {
            LOG.debugf("Webhook lease not released (it expires by itself): %s", e.getMessage());
        } finally {
            following.unlock();
        }
    }

    /**
     * Drops one batch of delivered entries older than the retention, once a minute, or at once again while the
     * round's batches come back full; whether more may be left.
     */
    private boolean prune() {
        Instant now = Instant.now();
        if (!pruning) {
            if (pruned.plus(PRUNE_EVERY).isAfter(now)) {
                return false;
            }
            pruned = now;
        }
        int dropped = pruneBatch(now.minus(retention), PRUNE_BATCH);
        pruning = dropped == PRUNE_BATCH;
        if (dropped > 0) {
            LOG.debugf("Dropped %d delivered webhooks from the log", dropped);
        }
        return pruning;
    }

    /**
     * Drops, in a transaction of its own, up to {@code limit} delivered entries last changed before
     * {@code before}, oldest first, and the bodies no entry has any more; how many entries. One redelivered
     * meanwhile (pending again) stays. Takes the follower's row first, as planning and deleting a subscription
     * do: a body another transaction is giving or taking meanwhile would otherwise be kept by both.
     */
    int pruneBatch(Instant before, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            SubscriptionService.holdPlanning();
            List<Object[]> old = Delivery.getEntityManager()
                    .createQuery(
                            "select d.id, d.body.id from Delivery d where d.status = :delivered and d.updatedAt < :before"
                                    + " order by d.updatedAt",
                            Object[].class)
                    .setParameter("delivered", DeliveryStatus.delivered)
                    .setParameter("before", before)
                    .setMaxResults(limit)
                    .getResultList();
            if (old.isEmpty()) {
                return 0;
            }
            int dropped = (int) Delivery.delete(
                    "id in ?1 and status = ?2 and updatedAt < ?3",
                    old.stream().map(row -> row[0]).toList(),
                    DeliveryStatus.delivered,
                    before);
            DeliveryBody.dropUnused(old.stream().map(row -> (UUID) row[1]).collect(Collectors.toSet()));
            return dropped;
        });
    }
}
