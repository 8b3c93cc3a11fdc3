package org.demarche.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.demarche.record.TrackedEntity;
import org.hibernate.annotations.Generated;

/**
 * One change sent, or to send, to one subscription, and what became of it: the delivery log. Its id is
 * the {@code Demarche-Delivery} header, the same on every attempt, so receivers can drop repeats; its
 * {@link #payload} is the body, the same bytes on every attempt. A subscription's deliveries go out in
 * {@link #sequence} order, one at a time.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends TrackedEntity {

    /** Rises with the commit order of the changes, across all subscriptions. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long sequence;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(nullable = false)
    public String event;

    @Column(nullable = false)
    public long revision;

    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(name = "record_id", nullable = false)
    public UUID recordId;

    /** What every delivery of the change sends. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "body_id", nullable = false, updatable = false)
    public DeliveryBody body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    /**
     * When it is sent next. Only the head of its subscription's queue (its oldest pending delivery) has one;
     * the deliveries behind it and delivered ones have none.
     */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "response_code")
    public Integer responseCode;

    @Column(name = "response_millis")
    public Long responseMillis;

    /** Why the last attempt failed without an answer (or what the answer's status means). */
    @Column
    public String error;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The JSON body sent. */
    public String payload() {
        return DeliveryBody.compose(id, event, body.createdAt, subscriptionId, body.rest);
    }
}
