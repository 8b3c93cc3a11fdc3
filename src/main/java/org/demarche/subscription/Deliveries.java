package org.demarche.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    private final SubscriptionService subscriptions;

    Deliveries(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Transactional
    public Page<DeliveryResponse> list(Caller caller, UUID subscriptionId, DeliveryStatus status, PageParams page) {
        subscriptions.find(caller, subscriptionId);
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
     * Sends a delivery again, now, with the same id and body: a delivered one once more, a pending one
     * without waiting for its next try. A subscription's oldest pending delivery goes first, so a
     * redelivered one may overtake the pending ones after it.
     */
    @Transactional
    public DeliveryResponse redeliver(Caller caller, UUID subscriptionId, UUID id) {
        Subscription subscription = subscriptions.find(caller, subscriptionId);
        if (subscription.disabledAt != null) {
            throw ProblemException.conflict("The subscription is disabled; enable it first (POST /api/v1/subscriptions/"
                    + subscriptionId + "/enable)");
        }
        Delivery delivery = find(caller, subscriptionId, id);
        delivery.status = DeliveryStatus.pending;
        delivery.attempts = 0;
        delivery.firstAttemptAt = null;
        delivery.nextAttemptAt = Instant.now();
        delivery.deliveredAt = null;
        delivery.persistAndFlush();
        return DeliveryResponse.of(delivery, false);
    }

    /**
     * Enables a disabled subscription: its pending deliveries, held since, are sent at once and in order,
     * with a new day of retries; changes committed while it was disabled were not planned for it.
     */
    @Transactional
    public SubscriptionResponse enable(Caller caller, UUID subscriptionId) {
        Subscription subscription = subscriptions.find(caller, subscriptionId);
        if (subscription.disabledAt != null) {
            subscription.disabledAt = null;
            subscription.disabledReason = null;
            Delivery.update(
                    "firstAttemptAt = null, nextAttemptAt = ?1 where subscriptionId = ?2 and status = ?3",
                    Instant.now(),
                    subscriptionId,
                    DeliveryStatus.pending);
            subscription.persistAndFlush();
        }
        return subscriptions.represent(subscription, null);
    }

    private Delivery find(Caller caller, UUID subscriptionId, UUID id) {
        subscriptions.find(caller, subscriptionId);
        Delivery delivery = Delivery.findById(id);
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            throw ProblemException.notFound("delivery", id);
        }
        return delivery;
    }
}
