package org.demarche.common.http;

import io.github.bucket4j.Bandwidth;
import java.time.Duration;

/** Where the token buckets of {@link RateLimits} live: this instance's memory, or the database every instance shares. */
public interface RateLimitBuckets {

    /** Takes a token from the bucket under this key; answers 0, or the nanoseconds until a token is free. */
    long take(String key, int perMinute);

    /** Whether {@link #take} waits on the database, so it must not run on the event loop. */
    boolean blocking();

    /** The limit of every bucket: perMinute tokens, refilled evenly over a minute. */
    static Bandwidth limit(int perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }
}
