package org.demarche.key;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code demarche.keys.*}: the admin key an operator controls. */
@ConfigMapping(prefix = "demarche.keys")
public interface KeyConfig {

    /**
     * An admin key (DEMARCHE_ADMIN_KEY), stored at every start unless it is stored already; when unset, the
     * first start on a database with no keys generates one and logs it once ({@link FirstAdminKey}).
     */
    Optional<String> firstAdmin();
}
