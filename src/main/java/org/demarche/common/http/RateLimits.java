package org.demarche.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import org.demarche.common.ProblemType;

/**
 * Token buckets (Bucket4j) per API key and per client address, one for writes and one for searches;
 * a request must find a token in every bucket that applies, or gets a 429 problem with Retry-After.
 * Buckets live in this instance's memory, so each instance of a cluster counts on its own.
 */
@ApplicationScoped
public class RateLimits {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

    void install(@Observes Router router, RateLimitConfig config, RoutingProblems problems) {
        if (!config.enabled()) {
            return;
        }
        router.route("/api/*").order(BodySizeLimit.ORDER + 2).handler(context -> {
            String kind = kindOf(context);
            int perMinute = "write".equals(kind) ? config.writesPerMinute() : config.searchesPerMinute();
            if (kind == null || admit(context, kind, perMinute, problems)) {
                context.next();
            }
        });
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

    private boolean admit(RoutingContext context, String kind, int perMinute, RoutingProblems problems) {
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().hostAddress();
        String authorization = context.request().getHeader("Authorization");
        long waitNanos = take(kind + "|address|" + address, perMinute);
        if (waitNanos == 0 && authorization != null) {
            // Keyed by a hash, so no secret is held in memory longer than the request.
            waitNanos = take(kind + "|key|" + sha256(authorization), perMinute);
        }
        if (waitNanos == 0) {
            return true;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        context.response().putHeader("Retry-After", Long.toString(seconds));
        problems.end(context, ProblemType.TOO_MANY_REQUESTS, "At most " + perMinute + " " + kind
                + (kind.equals("write") ? "s" : "es") + " a minute are allowed per key and per address; retry in "
                + seconds + " s");
        return false;
    }

    /** Takes a token; answers 0, or how long until one is free. */
    private long take(String bucketKey, int perMinute) {
        Bucket bucket = buckets.get(bucketKey, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
