package org.demarche.common.http;

import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Buckets in PostgreSQL (table rate_limit_bucket, through Bucket4j), so every instance behind a load
 * balancer draws from the same buckets: a client gets the configured rate in all, not that rate per
 * instance. Each take locks the bucket's row for one short transaction. A bucket expires once it would
 * be full again, and expired rows are deleted every minute.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class SharedRateLimitBuckets implements RateLimitBuckets {

    private static final int CLEANUP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    public SharedRateLimitBuckets(AgroalDataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                // A bucket row locked for longer than this means the database is in trouble: let the request through.
                .requestTimeout(Duration.ofMillis(500))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    @Override
    public Budget take(String key, int perMinute) {
        return Budget.of(buckets.builder()
                .build(
                        key,
                        () -> BucketConfiguration.builder()
                                .addLimit(RateLimitBuckets.limit(perMinute))
                                .build())
                .tryConsumeAndReturnRemaining(1));
    }

    @Override
    public boolean blocking() {
        return true;
    }

    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        int removed;
        do {
            removed = buckets.removeExpired(CLEANUP_BATCH);
        } while (removed == CLEANUP_BATCH);
    }
}
