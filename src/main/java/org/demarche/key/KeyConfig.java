package org.demarche.key;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code demarche.keys.*}: how the first admin key comes to be. */
@ConfigMapping(prefix = "demarche.keys")
public interface KeyConfig {

    /**
     * The first admin key (DEMARCHE_ADMIN_KEY), stored when the database has no keys; when unset, one is
     * generated and logged once.
     */
    Optional<String> firstAdmin();
}
