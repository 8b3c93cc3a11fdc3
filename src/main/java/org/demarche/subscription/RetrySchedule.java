package org.demarche.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * When a failed delivery is tried again, and when its subscription is given up on: the wait doubles
 * from {@code demarche.webhooks.retry-first} up to {@code demarche.webhooks.retry-max}, each wait drawn
 * between half and all of that ("equal jitter", so receivers coming back are not hit by every sender at
 * once); a subscription whose pending deliveries have failed for {@code demarche.webhooks.disable-after}
 * (from the first failed attempt of any of them) is disabled.
 */
@ApplicationScoped
class RetrySchedule {

    private final Duration first;
    private final Duration max;
    private final Duration disableAfter;

    RetrySchedule(
            @ConfigProperty(name = "demarche.webhooks.retry-first") Duration first,
            @ConfigProperty(name = "demarche.webhooks.retry-max") Duration max,
            @ConfigProperty(name = "demarche.webhooks.disable-after") Duration disableAfter) {
        this.first = first;
        this.max = max;
        this.disableAfter = disableAfter;
    }

    /** When to try again after the {@code attempts}-th attempt failed. */
    Instant next(Instant now, int attempts) {
        long ceiling = first.toMillis() << Math.min(attempts - 1, 30);
        long wait = Math.min(Math.max(ceiling, 1), max.toMillis());
        return now.plusMillis(wait / 2 + ThreadLocalRandom.current().nextLong(wait / 2 + 1));
    }

    /** Whether a delivery failing since {@code firstAttempt} has failed for too long. */
    boolean givesUp(Instant firstAttempt, Instant now) {
        return !firstAttempt.plus(disableAfter).isAfter(now);
    }

    Duration disableAfter() {
        return disableAfter;
    }
}
