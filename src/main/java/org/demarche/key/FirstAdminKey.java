package org.demarche.key;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The admin key an operator controls. With DEMARCHE_ADMIN_KEY set, that key is stored at every start unless
 * it is already (or was revoked): it works the same way on every start, and an operator who lost it restarts
 * with a new one. Without it, a database with no keys gets a generated first admin key, printed once in the
 * log, since nobody could write anything otherwise.
 */
@ApplicationScoped
public class FirstAdminKey {

    private static final Logger LOG = Logger.getLogger(FirstAdminKey.class);

    void onStart(@Observes @Priority(1) StartupEvent event, KeyService keys, KeyConfig config) {
        if (config.firstAdmin().isPresent()) {
            switch (keys.storeConfiguredAdmin(
                    "admin (DEMARCHE_ADMIN_KEY)", configured(config.firstAdmin().get()))) {
                case STORED -> LOG.info("Stored the admin key from DEMARCHE_ADMIN_KEY");
                case REVOKED ->
                    LOG.warn("DEMARCHE_ADMIN_KEY names a revoked key, which stays revoked; start with"
                            + " another DEMARCHE_ADMIN_KEY to get a working admin key");
                case ALREADY_STORED -> {}
            }
            return;
        }
        String secret = KeySecrets.generate();
        if (keys.storeFirstAdmin("first admin (generated)", () -> secret)) {
            LOG.warn("\n\n  No API keys existed, so an admin key was generated. It is shown this once and stored"
                    + " only as a hash:\n\n      " + secret + "\n\n  Send it as 'Authorization: Bearer <key>'. Create"
                    + " other keys with POST /api/v1/keys, then keep this one safe or revoke it.\n");
        }
    }

    /** The configured key, refused at start when too short to be safe. */
    private static String configured(String value) {
        String secret = value.trim();
        if (secret.length() < KeySecrets.MIN_CONFIGURED_LENGTH) {
            throw new IllegalStateException(
                    "DEMARCHE_ADMIN_KEY must be at least " + KeySecrets.MIN_CONFIGURED_LENGTH + " characters long");
        }
        return secret;
    }
}
