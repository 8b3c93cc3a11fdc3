package org.demarche.subscription;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, each subscription's oldest pending one only, so a subscription gets its changes
 * in commit order, one at a time. Up to {@code demarche.webhooks.senders} are under way at once, each on
 * a thread of its own, so a slow or silent receiver holds one sender for at most the read timeout and
 * never delays the others. The subscriptions of one API key hold at most
 * {@code demarche.webhooks.senders-per-key} of them (half by default) while other keys' deliveries are
 * due, so one key's slow receivers leave the rest to the other keys. Senders that nothing else is due for
 * go to the keys over their share, but for an eighth of them (at least one), kept free for the deliveries
 * of other keys that come due meanwhile: one busy key alone may use seven eighths, and a key that comes
 * later finds senders free at once, and each one the busy key frees. Each outcome is stored as it comes: delivered, or the next try scheduled, or
 * the subscription disabled when its deliveries have failed for too long.
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** How long a sender may go on with one subscription's queue before it leaves it to the follower. */
    private static final long TURN_MILLIS = 200;

    private final DataSource database;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final int senders;
    private final int perKey;
    /** Senders a key over its share leaves free for the others. */
    private final int reserve;

    private final ExecutorService pool;
    /** Released as each send finishes, to wake the follower at once rather than at its next poll. */
    private final Semaphore finished = new Semaphore(0);
    /** Subscriptions with a delivery under way. */
    private final Set<UUID> sending = ConcurrentHashMap.newKeySet();
    /** Deliveries under way by the API key that owns their subscription. */
    private final Map<UUID, Integer> sendingPerKey = new ConcurrentHashMap<>();

    Dispatcher(
            DataSource database,
            WebhookSender sender,
            RetrySchedule retries,
            @ConfigProperty(name = "demarche.webhooks.senders") int senders,
            @ConfigProperty(name = "demarche.webhooks.senders-per-key") Optional<Integer> perKey) {
        this.database = database;
        this.sender = sender;
        this.retries = retries;
        this.senders = senders;
        this.perKey = Math.max(1, Math.min(senders, perKey.orElse(senders / 2)));
        this.reserve = Math.max(1, senders / 8);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(senders, task -> {
            Thread thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A delivery due now, with what sending it needs. */
    private record Due(
            UUID id, UUID subscriptionId, UUID keyId, String event, String payload, String url, List<String> secrets) {}

    /** Starts sending the deliveries due now; how many it started. */
    int dispatch() {
        int free = senders - sending.size();
        if (free <= 0) {
            return 0;
        }
        // What was read of a subscription with a send under way may be older than that send's outcome.
        Set<UUID> busy = Set.copyOf(sending);
        // Rows that cannot start (a busy subscription, a key at its share) are read too: enough more that
        // those of the keys at their share (each at most perKey rows first) cannot crowd the others out.
        List<Due> due = due(free + busy.size() + senders);
        List<Due> overShare = new ArrayList<>();
        int started = 0;
        for (Due delivery : due) {
            if (started == free) {
                return started;
            }
            if (busy.contains(delivery.subscriptionId())) {
                continue;
            }
            if (sendingPerKey.getOrDefault(delivery.keyId(), 0) >= perKey) {
                overShare.add(delivery);
            } else if (start(delivery)) {
                started++;
            }
        }
        // Every delivery within its key's share has started: the senders left would stay idle otherwise.
        for (Due delivery : overShare) {
            if (started == free || sending.size() >= senders - reserve) {
                break;
            }
            if (start(delivery)) {
                started++;
            }
        }
        return started;
    }

    /**
     * Starts sending the delivery on a sender of its own, unless its subscription has one under way. Once it
     * is delivered the sender goes on with the subscription's next delivery, for a turn of at most
     * {@value #TURN_MILLIS} ms: a busy subscription's queue moves at the pace of its receiver, not of the
     * follower's rounds, and the other subscriptions wait for a sender at most that long (and the send then
     * under way).
     */
    private boolean start(Due delivery) {
        if (!sending.add(delivery.subscriptionId())) {
            return false;
        }
        sendingPerKey.merge(delivery.keyId(), 1, Integer::sum);
        pool.execute(() -> {
            try {
                long turnEnds = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TURN_MILLIS);
                Due next = attempt(delivery);
                while (next != null && System.nanoTime() < turnEnds) {
                    next = attempt(next);
                }
            } finally {
                sendingPerKey.computeIfPresent(delivery.keyId(), (key, count) -> count == 1 ? null : count - 1);
                sending.remove(delivery.subscriptionId());
                finished.release();
            }
        });
        return true;
    }

    /**
     * Waits until a send under way finishes (its subscription's next delivery may be due) or the time is
     * up, whichever comes first.
     */
    void awaitFinished(Duration timeout) throws InterruptedException {
        if (finished.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            finished.drainPermits();
        }
    }

    /** Stops sending; attempts under way are abandoned unrecorded, so the next follower sends them again. */
    void stop() {
        pool.shutdownNow();
    }

    /**
     * The head of each enabled subscription's queue, if its time has come: first at most {@code perKey} of
     * each key's subscriptions, those waiting longest first, then the others of the keys that have more, as
     * senders left over may take them. Only heads have a next attempt
     * time ({@link DeliveryPlanner}), so this reads one row per subscription at most, however long the queues
     * behind them. Plain JDBC, as it runs at every turn of the follower, on
     * the instance that delivers, outside any request's unit of work.
     */
    private List<Due> due(int limit) {
        Instant now = Instant.now();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select id, subscription_id, key_id, event, payload, url, secret, previous_secret,"
                                + " previous_secret_until from (select d.id, d.subscription_id, s.key_id, d.event,"
                                + " d.payload, s.url, s.secret, s.previous_secret, s.previous_secret_until,"
                                + " d.next_attempt_at, row_number() over (partition by s.key_id order by"
                                + " d.next_attempt_at) as nth from delivery d join subscription s"
                                + " on s.id = d.subscription_id where s.disabled_at is null and d.status = 'pending'"
                                + " and d.next_attempt_at between ? and ?) due where nth <= ? order by case when nth <= ? then 0 else 1 end,"
                                + " next_attempt_at limit ?")) {
            // A lower bound, so that the index range starts past the deliveries queued behind their heads (no
            // time, which H2 sorts first): without it each call read every pending delivery, 71 000 behind 73 heads.
            query.setObject(1, Instant.EPOCH.atOffset(ZoneOffset.UTC));
            query.setObject(2, now.atOffset(ZoneOffset.UTC));
            query.setInt(3, senders);
            query.setInt(4, perKey);
            query.setInt(5, limit);
            List<Due> due = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime previousUntil = rows.getObject(9, OffsetDateTime.class);
                    due.add(new Due(
                            rows.getObject(1, UUID.class),
                            rows.getObject(2, UUID.class),
                            rows.getObject(3, UUID.class),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            Subscription.signingSecrets(
                                    rows.getString(7),
                                    rows.getString(8),
                                    previousUntil == null ? null : previousUntil.toInstant(),
                                    now)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the deliveries due", e);
        }
    }

    /** Sends the delivery and stores the outcome; the subscription's next delivery if this one was delivered. */
    private Due attempt(Due delivery) {
        WebhookSender.Outcome outcome = sender.send(
                delivery.url(),
                delivery.id(),
                delivery.event(),
                delivery.payload().getBytes(StandardCharsets.UTF_8),
                delivery.secrets());
        if (Thread.currentThread().isInterrupted()) {
            return null;
        }
        LOG.debugf(
                "Delivery %s of %s to %s: %s in %d ms",
                delivery.id(),
                delivery.event(),
                delivery.url(),
                outcome.delivered() ? "delivered" : failure(outcome),
                outcome.took().toMillis());
        try {
            return QuarkusTransaction.requiringNew().call(() -> record(delivery, outcome));
        } catch (RuntimeException e) {
            // Its subscription was deleted, or changed, meanwhile: the delivery is sent again if it still exists.
            LOG.debugf("Outcome of delivery %s not recorded: %s", delivery.id(), e.getMessage());
            return null;
        }
    }

    /**
     * Stores an attempt's outcome, holding the subscription as the planner and redelivery do to move its queue;
     * the subscription's next delivery if this one was delivered and the next is due now, else null.
     */
    private Due record(Due sent, WebhookSender.Outcome outcome) {
        Subscription subscription = Subscription.findById(sent.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null) {
            return null; // deleted meanwhile, with its deliveries
        }
        Delivery delivery = Delivery.findById(sent.id());
        if (delivery == null || delivery.status != DeliveryStatus.pending || delivery.nextAttemptAt == null) {
            return null; // no longer the head it was: redelivered, or sent by another instance meanwhile
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
            Delivery next = Deliveries.promoteHead(delivery.subscriptionId, now);
            if (next == null || subscription.disabledAt != null || next.nextAttemptAt.isAfter(now)) {
                return null;
            }
            return new Due(
                    next.id,
                    subscription.id,
                    subscription.keyId,
                    next.event,
                    next.payload,
                    subscription.url,
                    subscription.signingSecrets(now));
        }
        delivery.error = failure(outcome);
        // Counted from the first failure of any pending delivery, so that a redelivery pushing a failing head
        // back does not start the count again.
        Instant since = Deliveries.failingSince(delivery.subscriptionId);
        if (since == null || since.isAfter(delivery.firstAttemptAt)) {
            since = delivery.firstAttemptAt;
        }
        if (retries.givesUp(since, now)) {
            subscription.disabledAt = now;
            subscription.disabledReason = "Deliveries failed for " + retries.disableAfter() + " (since " + since
                    + "); the last attempt: " + delivery.error;
            delivery.nextAttemptAt = now;
        } else {
            delivery.nextAttemptAt = retries.next(now, delivery.attempts);
        }
        return null;
    }

    private static String failure(WebhookSender.Outcome outcome) {
        Integer code = outcome.responseCode();
        if (code == null) {
            return outcome.error();
        }
        return "answered " + code + (code >= 300 && code < 400 ? " (redirects are not followed)" : "");
    }
}
