package org.demarche.common.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Set;
import org.demarche.common.ProblemType;
import org.jboss.logging.Logger;

/**
 * Token buckets (Bucket4j) per API key and per client address, one for writes and one for searches;
 * a request must find a token in every bucket that applies, or gets a 429 problem with Retry-After.
 * On PostgreSQL the buckets are shared by every instance (see {@link SharedRateLimitBuckets}); should
 * they be unreachable, requests are let through rather than refused.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final RateLimitBuckets buckets;
    private final AtomicLong unchecked = new AtomicLong();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

    public RateLimits(RateLimitBuckets buckets) {
        this.buckets = buckets;
    }

    void install(@Observes Router router, RateLimitConfig config, RoutingProblems problems) {
        if (!config.enabled()) {
            return;
        }
        router.route("/api/*").order(BodySizeLimit.ORDER + 2).handler(context -> {
            String kind = kindOf(context);
            if (kind == null) {
                context.next();
                return;
            }
            int perMinute = "write".equals(kind) ? config.writesPerMinute() : config.searchesPerMinute();
            List<String> keys = bucketKeys(context, kind);
            if (!buckets.blocking()) {
                admit(context, kind, perMinute, take(keys, perMinute), problems);
                return;
            }
            // The body must wait in the paused request while the database answers.
            context.request().pause();
            context.vertx().executeBlocking(() -> take(keys, perMinute), false).onComplete(taken -> {
                if (taken.failed()) {
                    warnUnchecked(taken.cause());
                    context.next();
                } else {
                    admit(context, kind, perMinute, taken.result(), problems);
                }
            });
        });
    }

    /** Logs that limits could not be checked, at most once a minute, with how many requests went unchecked. */
    private void warnUnchecked(Throwable cause) {
        long count = unchecked.incrementAndGet();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            unchecked.addAndGet(-count);
            LOG.warnf(cause, "Rate limits could not be checked for %d requests; they were let through", count);
        }
    }

    private static String kindOf(RoutingContext context) {
        if (WRITES.contains(context.request().method())) {
            return "write";
        }
        if (context.request().method() == HttpMethod.GET && context.request().path().startsWith("/api/v1/statements")) {
            return "search";
        }
        return null;
    }

    /** The buckets that apply: the client address's, and the API key's if one is sent (keyed by a hash, never the secret). */
    private static List<String> bucketKeys(RoutingContext context, String kind) {
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        String authorization = context.request().getHeader("Authorization");
        return authorization == null
                ? List.of(kind + "|address|" + address)
                : List.of(kind + "|address|" + address, kind + "|key|" + sha256(authorization));
    }

    /** Takes a token from each bucket in turn; answers 0, or how long until the first empty one has a token. */
    private long take(List<String> keys, int perMinute) {
        for (String key : keys) {
            long waitNanos = buckets.take(key, perMinute);
            if (waitNanos > 0) {
                return waitNanos;
            }
        }
        return 0;
    }

    private static void admit(RoutingContext context, String kind, int perMinute, long waitNanos, RoutingProblems problems) {
        if (waitNanos == 0) {
            context.next();
            return;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        context.response().putHeader("Retry-After", Long.toString(seconds));
        problems.end(context, ProblemType.TOO_MANY_REQUESTS, "At most " + perMinute + " " + kind
                + (kind.equals("write") ? "s" : "es") + " a minute are allowed per key and per address; retry in "
                + seconds + " s");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
