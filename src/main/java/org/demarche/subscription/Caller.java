package org.demarche.subscription;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;
import org.demarche.key.Roles;
import org.demarche.record.Revision;

/** The key a request came with: its subscriptions are its own, and an admin key sees every one. */
public record Caller(UUID keyId, boolean admin) {

    static Caller of(SecurityIdentity identity) {
        return new Caller(UUID.fromString(identity.getAttribute(Revision.KEY_ID)), identity.hasRole(Roles.ADMIN));
    }

    boolean mayUse(Subscription subscription) {
        return admin || subscription.keyId.equals(keyId);
    }
}
