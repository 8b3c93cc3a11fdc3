package org.demarche.common.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.demarche.common.ProblemType;
import org.demarche.common.http.RateLimitBuckets.Budget;
import org.jboss.logging.Logger;

/**
 * Token buckets (Bucket4j) per API key and per client address, one for writes and one for searches and
 * other costly reads ({@link CostlyRequests});
 * a request must find a token in every bucket that applies, or gets a 429 problem with Retry-After.
 * Every answer to a limited request states the budget left in the tightest of its buckets, in the IETF
 * draft's {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} headers.
 * On PostgreSQL the buckets are shared by every instance (see {@link SharedRateLimitBuckets}); should
 * they be unreachable, requests are let through rather than refused.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final Set<HttpMethod> WRITES =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** The budget headers: the bucket's size, the tokens left in it, and the seconds until it is full again. */
    public static final String LIMIT = "RateLimit-Limit";

    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

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

    /** "write", "search" for a costly read (see {@link CostlyRequests}), or null for a request no bucket limits. */
    private static String kindOf(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (WRITES.contains(method)) {
            return "write";
        }
        String path = CostlyRequests.routedPath(context);
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD)
                && (CostlyRequests.costlyRead(path) || CostlyRequests.stream(path, CostlyRequests.accept(context)))) {
            return "search";
        }
        return null;
    }

    /** The buckets that apply: the client address's, and the API key's if one is sent (see {@link Client}). */
    private static List<String> bucketKeys(RoutingContext context, String kind) {
        Client client = Client.of(context);
        List<String> keys = new ArrayList<>();
        keys.add(kind + "|address|" + client.address());
        client.keyHash().ifPresent(key -> keys.add(kind + "|key|" + key));
        return keys;
    }

    /**
     * Takes a token from each bucket in turn, stopping at the first empty one; answers the budget of the
     * bucket with the fewest tokens left, the empty one if there is one.
     */
    private Budget take(List<String> keys, int perMinute) {
        Budget tightest = null;
        for (String key : keys) {
            Budget budget = buckets.take(key, perMinute);
            if (tightest == null || budget.remaining() < tightest.remaining()) {
                tightest = budget;
            }
            if (!budget.taken()) {
                return budget;
            }
        }
        return tightest;
    }

    private static void admit(
            RoutingContext context, String kind, int perMinute, Budget budget, RoutingProblems problems) {
        context.response()
                .putHeader(LIMIT, Integer.toString(perMinute))
                .putHeader(REMAINING, Long.toString(budget.remaining()))
                .putHeader(RESET, Long.toString(seconds(budget.nanosToFull())));
        if (budget.taken()) {
            context.next();
            return;
        }
        long seconds = Math.max(1, seconds(budget.nanosToNextToken()));
        context.response().putHeader("Retry-After", Long.toString(seconds));
        problems.end(
                context,
                ProblemType.TOO_MANY_REQUESTS,
                "At most " + perMinute
                        + (kind.equals("write") ? " writes" : " searches, exports and other costly reads")
                        + " a minute are allowed per key and per"
                        + " address; retry in " + seconds + " s");
    }

    /** Nanoseconds as whole seconds, rounded up. */
    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
