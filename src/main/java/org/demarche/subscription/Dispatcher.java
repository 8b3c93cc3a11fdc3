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
import java.util.HashMap;
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
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.demarche.common.concurrent.GroupCommit;
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
 * later finds senders free at once, and each one the busy key frees.
 *
 * <p>A sender that delivered a subscription's head goes on with the deliveries queued behind it, for a turn
 * of at most {@value #TURN_MILLIS} ms, and stores the outcomes of what it sent together, {@value #BATCH}
 * deliveries at most at a time: delivered, or, for the first that failed (which ends the turn), the next
 * try scheduled, or the subscription disabled when its deliveries have failed for too long. Senders that
 * finish while outcomes are being stored store theirs together after, in one transaction. A crash between
 * a send and its record sends it again, with the same delivery id.
 */
@ApplicationScoped
class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** How long a sender may go on with one subscription's queue before it leaves it to the follower. */
    private static final long TURN_MILLIS = 200;
    /** Deliveries of one subscription sent one after the other before their outcomes are stored. */
    static final int BATCH = 50;

    private final DataSource database;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final int senders;
    private final int perKey;
    /** Senders a key over its share leaves free for the others. */
    private final int reserve;

    private final ExecutorService pool;
    /** Released as each send finishes and each planning step ends, to wake the follower at once rather than at its next poll. */
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

    /** Where a subscription's deliveries go, and how they are signed. */
    private record Target(UUID subscriptionId, UUID keyId, String url, List<String> secrets) {}

    /** A delivery to send, with its body. */
    private record Due(UUID id, String event, String payload) {}

    /** The deliveries a sender sends next for one subscription, in order: its head, then those queued behind. */
    private record Turn(Target target, List<Due> deliveries) {

        UUID subscriptionId() {
            return target.subscriptionId();
        }

        UUID keyId() {
            return target.keyId();
        }
    }

    /** A delivery sent, and what became of it. */
    private record Sent(Due delivery, WebhookSender.Outcome outcome) {}

    /** What a sender sent in a turn, to store; {@code goOn} whether its turn may go on. */
    private record Outcomes(Target target, List<Sent> sent, boolean goOn) {}

    /**
     * Outcomes stored together: senders that finish while others' outcomes are being stored store theirs in one
     * transaction after (on H2 each commit writes to the file, and every delivery's outcome is a commit).
     */
    private final GroupCommit<Outcomes, Turn> outcomes = new GroupCommit<>(new ReentrantLock(), this::recordAll);

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
        List<Turn> due = due(free + busy.size() + senders);
        List<Turn> overShare = new ArrayList<>();
        int started = 0;
        for (Turn delivery : due) {
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
        for (Turn delivery : overShare) {
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
     * Starts sending a subscription's head on a sender of its own, unless the subscription has one under way.
     * Once it is delivered the sender goes on with the deliveries queued behind it, for a turn of at most
     * {@value #TURN_MILLIS} ms: a busy subscription's queue moves at the pace of its receiver, not of the
     * follower's rounds, and the other subscriptions wait for a sender at most that long (and the send then
     * under way).
     */
    private boolean start(Turn head) {
        if (!sending.add(head.subscriptionId())) {
            return false;
        }
        sendingPerKey.merge(head.keyId(), 1, Integer::sum);
        pool.execute(() -> {
            try {
                long turnEnds = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TURN_MILLIS);
                Turn next = head;
                while (next != null) {
                    next = attempt(next, turnEnds);
                }
            } finally {
                sendingPerKey.computeIfPresent(head.keyId(), (key, count) -> count == 1 ? null : count - 1);
                sending.remove(head.subscriptionId());
                finished.release();
            }
        });
        return true;
    }

    /** Wakes the follower waiting in {@link #awaitFinished}: new deliveries were planned. */
    void wake() {
        finished.release();
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
    private List<Turn> due(int limit) {
        Instant now = Instant.now();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select due.id, subscription_id, key_id, event, b.created_at, b.rest, url, secret,"
                                + " previous_secret, previous_secret_until from (select d.id, d.subscription_id,"
                                + " s.key_id, d.event, d.body_id, s.url, s.secret, s.previous_secret,"
                                + " s.previous_secret_until, d.next_attempt_at, row_number() over (partition by"
                                + " s.key_id order by d.next_attempt_at) as nth from delivery d join subscription s"
                                + " on s.id = d.subscription_id where s.disabled_at is null and d.status = 'pending'"
                                + " and d.next_attempt_at between ? and ?) due join delivery_body b on b.id = due.body_id"
                                + " where nth <= ? order by case when nth <= ? then 0 else 1 end, next_attempt_at"
                                + " limit ?")) {
            // A lower bound, so that the index range starts past the deliveries queued behind their heads (no
            // time, which H2 sorts first): without it each call read every pending delivery, 71 000 behind 73 heads.
            query.setObject(1, Instant.EPOCH.atOffset(ZoneOffset.UTC));
            query.setObject(2, now.atOffset(ZoneOffset.UTC));
            query.setInt(3, senders);
            query.setInt(4, perKey);
            query.setInt(5, limit);
            List<Turn> due = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    OffsetDateTime previousUntil = rows.getObject(10, OffsetDateTime.class);
                    UUID id = rows.getObject(1, UUID.class);
                    UUID subscription = rows.getObject(2, UUID.class);
                    String event = rows.getString(4);
                    Target target = new Target(
                            subscription,
                            rows.getObject(3, UUID.class),
                            rows.getString(7),
                            Subscription.signingSecrets(
                                    rows.getString(8),
                                    rows.getString(9),
                                    previousUntil == null ? null : previousUntil.toInstant(),
                                    now));
                    String payload =
                            DeliveryBody.compose(id, event, rows.getString(5), subscription, rows.getString(6));
                    Due head = new Due(id, event, payload);
                    due.add(new Turn(target, List.of(head)));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the deliveries due", e);
        }
    }

    /**
     * Sends the turn's deliveries in order until one fails or the turn's time is up (the first is sent
     * anyway), and stores the outcomes; the subscription's next deliveries if the turn goes on, else null.
     */
    private Turn attempt(Turn turn, long turnEnds) {
        Target target = turn.target();
        List<Sent> sent = new ArrayList<>(turn.deliveries().size());
        for (Due delivery : turn.deliveries()) {
            if (!sent.isEmpty() && System.nanoTime() >= turnEnds) {
                break;
            }
            WebhookSender.Outcome outcome = sender.send(
                    target.url(),
                    delivery.id(),
                    delivery.event(),
                    delivery.payload().getBytes(StandardCharsets.UTF_8),
                    target.secrets());
            if (Thread.currentThread().isInterrupted()) {
                return null;
            }
            LOG.debugf(
                    "Delivery %s of %s to %s: %s in %d ms",
                    delivery.id(),
                    delivery.event(),
                    target.url(),
                    outcome.delivered() ? "delivered" : failure(outcome),
                    outcome.took().toMillis());
            sent.add(new Sent(delivery, outcome));
            if (!outcome.delivered()) {
                break;
            }
        }
        boolean goOn = System.nanoTime() < turnEnds;
        try {
            return outcomes.submit(new Outcomes(target, sent, goOn));
        } catch (RuntimeException e) {
            // Its subscription was deleted, or changed, meanwhile: the deliveries are sent again if they still exist.
            LOG.debugf(
                    "Outcomes of %d deliveries from %s not recorded: %s",
                    sent.size(), sent.get(0).delivery().id(), e.getMessage());
            return null;
        }
    }

    /**
     * Stores the outcomes of several senders' turns in one transaction, their subscriptions locked first in id
     * order, as the planner locks them; each one's next turn, or null.
     */
    private List<Turn> recordAll(List<Outcomes> group) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (group.size() > 1) {
                Subscription.getEntityManager()
                        .createQuery(
                                "select s from Subscription s where s.id in :ids order by s.id", Subscription.class)
                        .setParameter(
                                "ids",
                                group.stream()
                                        .map(o -> o.target().subscriptionId())
                                        .toList())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                        .getResultList();
            }
            List<Turn> next = new ArrayList<>(group.size());
            for (Outcomes turn : group) {
                next.add(record(turn.target(), turn.sent(), turn.goOn()));
            }
            return next;
        });
    }

    /**
     * Stores a turn's outcomes, holding the subscription as the planner and redelivery do to move its queue.
     * Nothing is stored if the first is no longer its subscription's head or one of them is no longer pending
     * (redelivered, or sent by another instance, meanwhile). When all were delivered and {@code goOn}, the subscription's next
     * deliveries (its new head first) if the head is due now, else null.
     */
    private Turn record(Target target, List<Sent> sent, boolean goOn) {
        Subscription subscription = Subscription.findById(target.subscriptionId(), LockModeType.PESSIMISTIC_WRITE);
        if (subscription == null) {
            return null; // deleted meanwhile, with its deliveries
        }
        Map<UUID, Delivery> stored = new HashMap<>();
        Delivery.<Delivery>list(
                        "id in ?1", sent.stream().map(s -> s.delivery().id()).toList())
                .forEach(d -> stored.put(d.id, d));
        Delivery head = stored.get(sent.get(0).delivery().id());
        if (head == null || head.status != DeliveryStatus.pending || head.nextAttemptAt == null) {
            return null; // no longer the head it was
        }
        for (Sent one : sent) {
            Delivery delivery = stored.get(one.delivery().id());
            if (delivery == null || delivery.status != DeliveryStatus.pending) {
                return null; // sent by another instance meanwhile: its outcomes stand
            }
        }
        Instant now = Instant.now();
        Delivery last = null;
        for (Sent one : sent) {
            Delivery delivery = stored.get(one.delivery().id());
            store(subscription, delivery, one.outcome(), now);
            if (!one.outcome().delivered()) {
                return null;
            }
            last = delivery;
        }
        List<Delivery> next = Deliveries.promoteHead(target.subscriptionId(), last.sequence, now, goOn ? BATCH : 1);
        if (!goOn
                || next.isEmpty()
                || subscription.disabledAt != null
                || next.get(0).nextAttemptAt.isAfter(now)) {
            return null;
        }
        Target current =
                new Target(subscription.id, subscription.keyId, subscription.url, subscription.signingSecrets(now));
        return new Turn(
                current,
                next.stream().map(d -> new Due(d.id, d.event, d.payload())).toList());
    }

    /**
     * Stores one attempt's outcome: delivered, or the next try scheduled (the delivery is now the head), or the
     * subscription disabled when its deliveries have failed for too long.
     */
    private void store(Subscription subscription, Delivery delivery, WebhookSender.Outcome outcome, Instant now) {
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
            return;
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
    }

    private static String failure(WebhookSender.Outcome outcome) {
        Integer code = outcome.responseCode();
        if (code == null) {
            return outcome.error();
        }
        return "answered " + code + (code >= 300 && code < 400 ? " (redirects are not followed)" : "");
    }
}
