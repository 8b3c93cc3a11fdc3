package org.demarche.common.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code demarche.in-flight.*}: how many requests one client, and everyone together, may have under way at once. */
@ConfigMapping(prefix = "demarche.in-flight")
public interface InFlightConfig {

    /** Requests under way at once per API key. */
    @WithDefault("32")
    int perKey();

    /** Requests under way at once per client address, whatever keys they send; above perKey, so one key cannot fill it. */
    @WithDefault("128")
    int perAddress();

    /** Streams (exports, imports, CSV and NDJSON lists) under way at once per API key and per client address. */
    @WithDefault("2")
    int streamsPerClient();

    /** Streams under way at once from all clients together. */
    @WithDefault("4")
    int streams();

    /** How long a request body (other than an import's) may take to arrive; later, the answer is 408. */
    @WithDefault("10s")
    Duration bodyTimeout();
}
