package org.demarche.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Buckets in this instance's memory: the embedded H2 database serves one instance, so nothing is shared. */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class LocalRateLimitBuckets implements RateLimitBuckets {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    @Override
    public Budget take(String key, int perMinute) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(RateLimitBuckets.limit(perMinute))
                        .build());
        return Budget.of(bucket.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public boolean blocking() {
        return false;
    }
}
