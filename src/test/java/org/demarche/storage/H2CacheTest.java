package org.demarche.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class H2CacheTest {

    private static final long MB = 1024 * 1024;

    @Test
    void takesAnEighthOfTheHeapByDefault() {
        assertEquals(512 * 1024, H2Cache.kilobytes(Optional.empty(), 4096 * MB));
        assertEquals(32 * 1024, H2Cache.kilobytes(Optional.empty(), 256 * MB));
    }

    @Test
    void takesTheConfiguredSize() {
        assertEquals(
                100 * 1024, H2Cache.kilobytes(Optional.of(new MemorySize(BigInteger.valueOf(100 * MB))), 4096 * MB));
    }

    @Test
    void neverGoesBelowOneMegabyteNorBeyondWhatH2Takes() {
        assertEquals(1024, H2Cache.kilobytes(Optional.of(new MemorySize(BigInteger.valueOf(1000))), 4096 * MB));
        assertEquals(
                Integer.MAX_VALUE,
                H2Cache.kilobytes(Optional.of(new MemorySize(BigInteger.valueOf(Long.MAX_VALUE))), 4096 * MB));
    }
}
