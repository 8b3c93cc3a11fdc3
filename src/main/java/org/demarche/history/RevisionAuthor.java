package org.demarche.history;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.UUID;
import org.demarche.key.KeyIdentityProvider;
import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the API key of the request that made it. */
public class RevisionAuthor implements RevisionListener {

    @Override
    public void newRevision(Object revisionEntity) {
        Revision revision = (Revision) revisionEntity;
        try (InstanceHandle<SecurityIdentity> handle = Arc.container().instance(SecurityIdentity.class)) {
            if (!handle.isAvailable() || !Arc.container().requestContext().isActive()) {
                return;
            }
            SecurityIdentity identity = handle.get();
            if (identity.isAnonymous()) {
                return;
            }
            String keyId = identity.getAttribute(KeyIdentityProvider.KEY_ID);
            revision.keyId = keyId == null ? null : UUID.fromString(keyId);
            revision.keyName = identity.getPrincipal().getName();
        }
    }
}
