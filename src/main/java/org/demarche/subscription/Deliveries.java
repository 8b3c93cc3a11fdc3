package org.demarche.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.demarche.common.ProblemException;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;
import org.demarche.record.ListQuery;

/**
 * A subscription's delivery log, and what its owner can do about it: redeliver one delivery, enable the
 * subscription again after it was disabled. Each is the caller's own subscription (or any, for an
 * admin), as in {@link SubscriptionService}.
 */
@ApplicationScoped
public class Deliveries {

    static final Sorting<Delivery> SORTING =
            new Sorting<>("-sequence", SortField.number("sequence", "sequence", d -> d.sequence));

    /**
     * A subscription's pending deliveries in queue order, for conditions that fix the status and the
     * subscription: spelt as the queue index's columns ({@code delivery_pending}), since H2 reads rows in an
     * index's order only when the ORDER BY starts with that index's columns; {@code order by sequence} alone
     * made it sort every pending delivery of the subscription for the first few (28 000 of a subscription
     * whose receiver had been away ten minutes: 916 ms, against 2 ms this way).
     */
    private static final String QUEUE_ORDER = "status, subscriptionId, sequence";

    private final SubscriptionService subscriptions;

    Deliveries(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Transactional
    public Page<DeliveryResponse> list(Caller caller, UUID subscriptionId, DeliveryStatus status, PageParams page) {
        SubscriptionService.find(caller, subscriptionId);
        return ListQuery.of(Delivery.class, "d")
                .where("d.subscriptionId = :subscription", "subscription", subscriptionId)
                .where("d.status = :status", "status", status)
                .page(page, SORTING)
                .map(d -> DeliveryResponse.of(d, false));
    }

    @Transactional
    public DeliveryResponse get(Caller caller, UUID subscriptionId, UUID id) {
        return DeliveryResponse.of(find(caller, subscriptionId, id), true);
    }

    /**
     * Sends a delivery again, now, with the same id and body, delivered or not, its attempts counted afresh.
     * It becomes the head of its subscription's queue (the pending deliveries wait behind it) when it is
     * older than the head, as a delivered one is; otherwise it is already queued and is sent in its turn.
     * It does not put off disabling a failing subscription: the head keeps the time of its first failed
     * attempt, and a head pushed back by an older delivery keeps its own, from which the failures are
     * counted still ({@link Dispatcher}).
     */
    @Transactional
    public DeliveryResponse redeliver(Caller caller, UUID subscriptionId, UUID id) {
        Subscription subscription = lockedSubscription(caller, subscriptionId);
        if (subscription.disabledAt != null) {
            throw ProblemException.conflict("The subscription is disabled; enable it first (POST /api/v1/subscriptions/"
                    + subscriptionId + "/enable)");
        }
        Delivery delivery = find(subscriptionId, id);
        Delivery head = head(subscriptionId);
        Instant now = Instant.now();
        if (head == null || head.sequence > delivery.sequence) {
            if (head != null) {
                head.nextAttemptAt = null;
            }
            // Delivered, so not failing: its own attempts start again.
            delivery.firstAttemptAt = null;
        } else if (head != delivery) {
            return DeliveryResponse.of(delivery, false);
        }
        delivery.nextAttemptAt = now;
        delivery.status = DeliveryStatus.pending;
        delivery.attempts = 0;
        delivery.deliveredAt = null;
        delivery.persistAndFlush();
        return DeliveryResponse.of(delivery, false);
    }

    /**
     * Enables a disabled subscription: the head of its queue, held since, is sent at once with a new day of
     * retries, and the rest after it in order; changes committed while it was disabled were not planned for it.
     * Takes the webhook follower's row first, as a planning step does, so that the subscription either is
     * seen by the step under way or starts after it.
     */
    @Transactional
    public SubscriptionResponse enable(Caller caller, UUID subscriptionId) {
        SubscriptionService.holdPlanning();
        Subscription subscription = lockedSubscription(caller, subscriptionId);
        if (subscription.disabledAt != null) {
            subscription.disabledAt = null;
            subscription.disabledReason = null;
            subscription.afterRevision = SubscriptionService.latestRevision();
            // A new day of retries for the whole queue: failures before it no longer count.
            Delivery.update(
                    "firstAttemptAt = null where subscriptionId = ?1 and status = ?2",
                    subscriptionId,
                    DeliveryStatus.pending);
            Delivery head = head(subscriptionId);
            if (head != null) {
                head.nextAttemptAt = Instant.now();
                head.attempts = 0;
            }
            subscription.persistAndFlush();
        }
        return subscriptions.represent(subscription, null);
    }

    /**
     * Since when a subscription has been failing: the earliest first attempt of its pending deliveries (a
     * pending delivery that was attempted has failed), or null.
     */
    static Instant failingSince(UUID subscriptionId) {
        return Delivery.getEntityManager()
                .createQuery(
                        "select min(d.firstAttemptAt) from Delivery d where d.subscriptionId = :s and d.status = :pending",
                        Instant.class)
                .setParameter("s", subscriptionId)
                .setParameter("pending", DeliveryStatus.pending)
                .getSingleResult();
    }

    /**
     * Moves a subscription's queue on after its head was delivered: its oldest pending delivery becomes the
     * head, due now. Every pending delivery comes after the head ({@link #redeliver} makes an older one the
     * head), so the queue is read from the delivered head's sequence on, not through the whole log. Up to
     * {@code limit} pending deliveries in order, the new head first.
     */
    static List<Delivery> promoteHead(UUID subscriptionId, long delivered, Instant now, int limit) {
        List<Delivery> queue = Delivery.<Delivery>find(
                        "status = ?3 and subscriptionId = ?1 and sequence > ?2 order by " + QUEUE_ORDER,
                        subscriptionId,
                        delivered,
                        DeliveryStatus.pending)
                .range(0, limit - 1)
                .list();
        if (!queue.isEmpty() && queue.get(0).nextAttemptAt == null) {
            queue.get(0).nextAttemptAt = now;
        }
        return queue;
    }

    /** A subscription's oldest pending delivery, or null. */
    private static Delivery head(UUID subscriptionId) {
        return Delivery.<Delivery>find(
                        "status = ?2 and subscriptionId = ?1 order by " + QUEUE_ORDER,
                        subscriptionId,
                        DeliveryStatus.pending)
                .firstResult();
    }

    private static Subscription lockedSubscription(Caller caller, UUID subscriptionId) {
        SubscriptionService.find(caller, subscriptionId);
        return Subscription.findById(subscriptionId, LockModeType.PESSIMISTIC_WRITE);
    }

    private Delivery find(Caller caller, UUID subscriptionId, UUID id) {
        SubscriptionService.find(caller, subscriptionId);
        return find(subscriptionId, id);
    }

    private static Delivery find(UUID subscriptionId, UUID id) {
        // With its body, in one read: a subscription deleted meanwhile is a 404, never a body missing.
        Delivery delivery = Delivery.<Delivery>find("from Delivery d join fetch d.body where d.id = ?1", id)
                .firstResult();
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            throw ProblemException.notFound("delivery", id);
        }
        return delivery;
    }
}
