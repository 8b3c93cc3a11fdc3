package org.demarche.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, each subscription's oldest pending one only, so a subscription gets its changes
 * in commit order, one at a time. Up to {@code demarche.webhooks.senders} are under way at once, each on
 * a thread of its own, so a slow or silent receiver holds one sender for at most the read timeout and
 * never delays the others. Each outcome is stored as it comes: delivered, or the next try scheduled, or
 * the subscription disabled when its deliveries have failed for too long.
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final int senders;
    private final ExecutorService pool;
    /** Subscriptions with a delivery under way. */
    private final Set<UUID> sending = ConcurrentHashMap.newKeySet();

    Dispatcher(
            WebhookSender sender,
            RetrySchedule retries,
            @ConfigProperty(name = "demarche.webhooks.senders") int senders) {
        this.sender = sender;
        this.retries = retries;
        this.senders = senders;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(senders, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A delivery due now, with what sending it needs. */
    private record Due(UUID id, UUID subscriptionId, String event, String payload, String url, List<String> secrets) {}

    /** Starts sending the deliveries due now; how many it started. */
    int dispatch() {
        int free = senders - sending.size();
        if (free <= 0) {
            return 0;
        }
        // What was read of a subscription with a send under way may be older than that send's outcome.
        Set<UUID> busy = Set.copyOf(sending);
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> due(free + busy.size()));
        int started = 0;
        for (Due delivery : due) {
            if (started == free) {
                break;
            }
            if (busy.contains(delivery.subscriptionId()) || !sending.add(delivery.subscriptionId())) {
                continue;
            }
            started++;
            pool.execute(() -> {
                try {
                    attempt(delivery);
                } finally {
                    sending.remove(delivery.subscriptionId());
                }
            });
        }
        return started;
    }

    /** Stops sending; attempts under way are abandoned unrecorded, so the next follower sends them again. */
    void stop() {
        pool.shutdownNow();
    }

    /**
     * The head of each enabled subscription's queue, if its time has come; those waiting longest first. Only
     * heads have a next attempt time ({@link DeliveryPlanner}), so this reads one row per subscription at
     * most, however long the queues behind them.
     */
    private static List<Due> due(int limit) {
        Instant now = Instant.now();
        List<Object[]> rows = Delivery.getEntityManager()
                .createQuery(
                        "select d, s from Delivery d, Subscription s where s.id = d.subscriptionId"
                                + " and s.disabledAt is null and d.status = :pending and d.nextAttemptAt <= :now"
                                + " order by d.nextAttemptAt",
                        Object[].class)
                .setParameter("pending", DeliveryStatus.pending)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(row -> {
                    Delivery d = (Delivery) row[0];
                    Subscription s = (Subscription) row[1];
                    return new Due(d.id, s.id, d.event, d.payload, s.url, s.signingSecrets(now));
                })
                .toList();
    }

    private void attempt(Due delivery) {
        WebhookSender.Outcome outcome = sender.send(
                delivery.url(),
                delivery.id(),
                delivery.event(),
                delivery.payload().getBytes(StandardCharsets.UTF_8),
                delivery.secrets());
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        LOG.debugf(
                "Delivery %s of %s to %s: %s in %d ms",
                delivery.id(),
                delivery.event(),
                delivery.url(),
                outcome.delivered() ? "delivered" : failure(outcome),
                outcome.took().toMillis());
        try {
            QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
        } catch (RuntimeException e) {
            // Its subscription was deleted, or changed, meanwhile: the delivery is sent again if it still exists.
            LOG.debugf("Outcome of delivery %s not recorded: %s", delivery.id(), e.getMessage());
        }
    }

    /** Stores an attempt's outcome, holding the subscription as the planner and redelivery do to move its queue. */
    private void record(Due sent, WebhookSender.Outcome outcome) {
        if (Subscription.findById(sent.subscriptionId(), LockModeType.PESSIMISTIC_WRITE) == null) {
            return; // deleted meanwhile, with its deliveries
        }
        Delivery delivery = Delivery.findById(sent.id());
        if (delivery == null || delivery.status != DeliveryStatus.pending || delivery.nextAttemptAt == null) {
            return; // no longer the head it was: redelivered, or sent by another instance meanwhile
        }
        Instant now = Instant.now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        if (delivery.firstAttemptAt == null) {
            delivery.firstAttemptAt = now;
        }
        delivery.responseCode = outcome.responseCode();
        delivery.responseMillis = outcome.took().toMillis();
        if (outcome.delivered()) {
            delivery.status = DeliveryStatus.delivered;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.error = null;
            Deliveries.promoteHead(delivery.subscriptionId, now);
            return;
        }
        delivery.error = failure(outcome);
        if (retries.givesUp(delivery.firstAttemptAt, now)) {
            Subscription subscription = Subscription.findById(delivery.subscriptionId);
            subscription.disabledAt = now;
            subscription.disabledReason = "Deliveries failed for " + retries.disableAfter() + " (since "
                    + delivery.firstAttemptAt + "); the last attempt: " + delivery.error;
            delivery.nextAttemptAt = now;
        } else {
            delivery.nextAttemptAt = retries.next(now, delivery.attempts);
        }
    }

    private static String failure(WebhookSender.Outcome outcome) {
        Integer code = outcome.responseCode();
        if (code == null) {
            return outcome.error();
        }
        return "answered " + code + (code >= 300 && code < 400 ? " (redirects are not followed)" : "");
    }
}
