package org.demarche.sample;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code demarche.sample-data.*}: whether an empty database is seeded with the sample article's records. */
@ConfigMapping(prefix = "demarche.sample-data")
public interface SampleDataConfig {

    /** Load the sample records at start when the database has no officials, topics or sources. */
    @WithDefault("true")
    boolean enabled();
}
