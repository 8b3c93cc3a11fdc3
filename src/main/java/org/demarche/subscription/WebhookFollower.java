package org.demarche.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.demarche.record.FeedLease;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers webhooks from the change feed. One instance at a time does it, the holder of the
 * {@code webhooks} lease in {@code feed_consumer} (see {@link FeedLease}): it plans the changes committed
 * since its position into deliveries ({@link DeliveryPlanner}), sends those due ({@link Dispatcher}),
 * and once a minute drops delivered ones older than {@code demarche.webhooks.log-retention}. Everything
 * it needs is in the database, so after a crash or {@code kill -9} the next holder (the same instance
 * restarted, or another) plans from the stored position and sends what was pending, again if it was
 * under way: at least once, with the same delivery id.
 */
@ApplicationScoped
class WebhookFollower {

    private static final Logger LOG = Logger.getLogger(WebhookFollower.class);
    private static final String CONSUMER = "webhooks";
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(1);
    private static final long RENEW_NANOS = Duration.ofSeconds(1).toNanos();

    private final FeedLease lease;
    private final DeliveryPlanner planner;
    private final Dispatcher dispatcher;
    private final Duration poll;
    private final Duration retention;
    private final ReentrantLock following = new ReentrantLock();
    private volatile boolean stopped;
    private Instant pruned = Instant.EPOCH;

    WebhookFollower(
            DataSource database,
            DeliveryPlanner planner,
            Dispatcher dispatcher,
            @ConfigProperty(name = "demarche.webhooks.poll") Duration poll,
            @ConfigProperty(name = "demarche.webhooks.log-retention") Duration retention) {
        this.lease = new FeedLease(database, CONSUMER);
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.poll = poll;
        this.retention = retention;
    }

    /**
     * Every second: if this instance holds the lease or can take it, plans and sends for as long as it
     * keeps it; when there is nothing to do, it looks again as soon as a send finishes, or after
     * {@code demarche.webhooks.poll}.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void follow() throws InterruptedException {
        if (stopped || !following.tryLock()) {
            return;
        }
        try {
            long renewed = 0;
            while (!stopped) {
                // The lease lasts 5 s: renewing it once a second is enough, however fast the loop turns.
                if (System.nanoTime() - renewed > RENEW_NANOS) {
                    if (!lease.take()) {
                        break;
                    }
                    renewed = System.nanoTime();
                }
                boolean planned = planner.step(lease);
                int started = dispatcher.dispatch();
                prune();
                if (!planned && started == 0) {
                    dispatcher.awaitFinished(poll);
                }
            }
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.error("Webhook deliveries paused until the next second", e);
            }
        } finally {
            following.unlock();
        }
    }

    /** On shutdown: abandons the sends under way (they are sent again) and gives the lease up. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopped = true;
        dispatcher.stop();
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

    private void prune() {
        Instant now = Instant.now();
        if (pruned.plus(PRUNE_EVERY).isAfter(now)) {
            return;
        }
        pruned = now;
        long dropped = QuarkusTransaction.requiringNew()
                .call(() -> Delivery.delete(
                        "status = ?1 and updatedAt < ?2", DeliveryStatus.delivered, now.minus(retention)));
        if (dropped > 0) {
            LOG.debugf("Dropped %d delivered webhooks from the log", dropped);
        }
    }
}
