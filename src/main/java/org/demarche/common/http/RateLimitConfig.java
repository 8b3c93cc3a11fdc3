package org.demarche.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code demarche.rate-limit.*}: requests per minute allowed to each API key and each client address. */
@ConfigMapping(prefix = "demarche.rate-limit")
public interface RateLimitConfig {

    /** Whether limits apply at all. */
    @WithDefault("true")
    boolean enabled();

    /** Writes (POST, PUT, PATCH, DELETE) per minute. */
    @WithDefault("120")
    int writesPerMinute();

    /** Searches (statement lists) per minute. */
    @WithDefault("600")
    int searchesPerMinute();
}
