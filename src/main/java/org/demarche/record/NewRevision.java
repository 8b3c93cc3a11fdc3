package org.demarche.record;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.envers.RevisionListener;

/**
 * Envers calls this as a transaction is about to commit. It stamps the revision with the API key of
 * the request, and makes revisions commit in the order of their numbers: the transaction takes the
 * {@link ChangeClock} for update before its revision number is drawn, and holds it until
 * it commits. Without that, a revision could become visible after a higher one, and a change feed
 * reader that had moved past it would never see it.
 */
public class NewRevision implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        takeClock();
        Revision revision = (Revision) revisionEntity;
        // Stamped again once the clock is ours, so times rise with revision numbers.
        revision.changedAt = System.currentTimeMillis();
        stampAuthor(revision);
    }

    private static void takeClock() {
        try (InstanceHandle<Session> session = Arc.container().instance(Session.class)) {
            ChangeClock.take(session.get());
        }
    }

    private static void stampAuthor(Revision revision) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        try (InstanceHandle<SecurityIdentity> handle = Arc.container().instance(SecurityIdentity.class)) {
            if (!handle.isAvailable() || handle.get().isAnonymous()) {
                return;
            }
            SecurityIdentity identity = handle.get();
            String keyId = identity.getAttribute(Revision.KEY_ID);
            revision.keyId = keyId == null ? null : UUID.fromString(keyId);
            revision.keyName = identity.getPrincipal().getName();
        }
    }
}
