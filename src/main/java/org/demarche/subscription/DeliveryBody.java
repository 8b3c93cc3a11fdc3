package org.demarche.subscription;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * What every delivery of one change sends, stored once however many subscriptions get the change. A
 * delivery's body is this with its own id, event and subscription first ({@link #compose}): the same bytes
 * on every attempt. Dropped with the last delivery that has it, by pruning or by deleting its subscription,
 * each of which holds the webhook follower's row while it does, as planning does.
 */
@Entity
@Table(name = "delivery_body")
@Immutable
public class DeliveryBody extends PanacheEntityBase {

    @Id
    public UUID id;

    /** When the change was committed, as the body's {@code createdAt} says it. */
    @Column(name = "created_at", nullable = false)
    public String createdAt;

    /** The body's fields after {@code subscriptionId}, from {@code "revision"} to the closing brace. */
    @Column(nullable = false)
    public String rest;

    /** Drops those of these bodies no delivery has any more; how many. */
    static int dropUnused(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return getEntityManager()
                .createQuery("delete from DeliveryBody b where b.id in :ids"
                        + " and not exists (select 1 from Delivery d where d.body.id = b.id)")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Drops the bodies only this subscription's deliveries have, before the deliveries go with it. */
    static int dropOnlyUsedBy(UUID subscription) {
        return getEntityManager()
                .createQuery("delete from DeliveryBody b where b.id in (select d.body.id from Delivery d where"
                        + " d.subscriptionId = :s) and not exists (select 1 from Delivery d where d.body.id = b.id"
                        + " and d.subscriptionId <> :s)")
                .setParameter("s", subscription)
                .executeUpdate();
    }

    /**
     * A delivery's JSON body: {@code id}, {@code type}, {@code createdAt}, {@code subscriptionId}, then the
     * change's fields. The four first are a UUID, an event name, an ISO instant and a UUID, none of which
     * JSON escapes, so they are written as they are.
     */
    static String compose(UUID delivery, String event, String createdAt, UUID subscription, String rest) {
        return "{\"id\":\"" + delivery + "\",\"type\":\"" + event + "\",\"createdAt\":\"" + createdAt
                + "\",\"subscriptionId\":\"" + subscription + "\"," + rest;
    }
}
