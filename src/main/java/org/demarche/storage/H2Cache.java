package org.demarche.storage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sizes the page cache of the embedded H2 database at start. H2 keeps 16 MB of its file's pages in
 * memory unless told otherwise; at a million statements a page of results then reads most of its rows
 * from the file again. The cache takes an eighth of the heap unless {@code demarche.h2.cache-size} says
 * how much, so a small heap (an import run in 256 MB) keeps room for the work itself.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class H2Cache {

    private static final Logger LOG = Logger.getLogger(H2Cache.class);
    private static final int HEAP_SHARE = 8;

    private final AgroalDataSource dataSource;
    private final Optional<MemorySize> size;

    public H2Cache(
            AgroalDataSource dataSource, @ConfigProperty(name = "demarche.h2.cache-size") Optional<MemorySize> size) {
        this.dataSource = dataSource;
        this.size = size;
    }

    /** Before the search index catches up or rebuilds, which reads every statement it needs. */
    void onStart(@Observes @Priority(1000) StartupEvent event) throws SQLException {
        long kilobytes = kilobytes(size, Runtime.getRuntime().maxMemory());
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET CACHE_SIZE " + kilobytes);
        }
        LOG.infof("H2 page cache: %d MB", kilobytes / 1024);
    }

    /** The cache size H2 takes, in kilobytes: as configured, or an eighth of the heap; at least 1 MB. */
    static long kilobytes(Optional<MemorySize> configured, long maxHeapBytes) {
        long bytes = configured.map(MemorySize::asLongValue).orElse(maxHeapBytes / HEAP_SHARE);
        return Math.max(1024, Math.min(Integer.MAX_VALUE, bytes / 1024));
    }
}
