package org.demarche.subscription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.demarche.record.TrackedEntity;

/**
 * A webhook subscription: where to send which changes, signed with its secret. It belongs to the API key
 * that made it. Not a record of the data: it has no history and is not in the change feed.
 */
@Entity
@Table(name = "subscription")
public class Subscription extends TrackedEntity {

    /** The API key that made it; only that key (and admins) may see or change it. */
    @Column(name = "key_id", nullable = false)
    public UUID keyId;

    @Column(nullable = false)
    public String url;

    /** Event types, comma-separated ({@link EventTypes}). */
    @Column(nullable = false)
    public String events;

    /** The filter as JSON, or null for every record. */
    @Column
    public String filter;

    /** Signs deliveries; kept as it is, since signing needs it. */
    @Column(nullable = false)
    public String secret;

    /** The secret before the last rotation, valid until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    /** It gets the changes of the revisions after this one, the newest when it was made. */
    @Column(name = "after_revision", nullable = false)
    public long afterRevision;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    /** Whether the previous secret still signs, in its grace period after a rotation. */
    boolean previousSecretValid(Instant now) {
        return signingSecrets(now).size() == 2;
    }

    /** The secrets that sign now: the current one, and the previous one in its grace period. */
    List<String> signingSecrets(Instant now) {
        return signingSecrets(secret, previousSecret, previousSecretUntil, now);
    }

    static List<String> signingSecrets(String secret, String previous, Instant previousUntil, Instant now) {
        return previousUntil != null && previousUntil.isAfter(now) ? List.of(secret, previous) : List.of(secret);
    }
}
