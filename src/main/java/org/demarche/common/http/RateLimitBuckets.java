package org.demarche.common.http;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Where the token buckets of {@link RateLimits} live: this instance's memory, or the database every instance shares. */
public interface RateLimitBuckets {

    /** Takes a token from the bucket under this key, if it has one; answers what the bucket holds then. */
    Budget take(String key, int perMinute);

    /** Whether {@link #take} waits on the database, so it must not run on the event loop. */
    boolean blocking();

    /** The limit of every bucket: perMinute tokens, refilled evenly over a minute. */
    static Bandwidth limit(int perMinute) {
        return Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build();
    }

    /**
     * A bucket after a take: whether the request got its token, the tokens left, the nanoseconds until the
     * next token (0 when the request got one) and until the bucket is full again.
     */
    record Budget(boolean taken, long remaining, long nanosToNextToken, long nanosToFull) {

        static Budget of(ConsumptionProbe probe) {
            return new Budget(
                    probe.isConsumed(),
                    probe.getRemainingTokens(),
                    probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill(),
                    probe.getNanosToWaitForReset());
        }
    }
}
