package org.demarche.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Once a second during a {@link LoadBench} run, creates a statement whose text holds a word of its own and
 * searches for that word every 25 ms until the statement is found: the time from the write's answer (sent
 * after its commit) to the first search that finds it is how fresh search is under that load. Reported,
 * not asserted: a probe not found within a minute is counted apart.
 */
final class FreshnessProbe {

    private static final Duration GIVE_UP = Duration.ofMinutes(1);

    private final LoadBench bench;
    private final List<Long> millis = new ArrayList<>();
    private int refused;
    private int neverFound;

    FreshnessProbe(LoadBench bench) {
        this.bench = bench;
    }

    void run(int seconds) {
        Random random = new Random(-1);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            long next = System.nanoTime() + 1_000_000_000L;
            try {
                probe(random);
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                neverFound++;
            }
        }
    }

    private void probe(Random random) throws InterruptedException, IOException {
        LoadBench.Answer written = bench.create(random, "Freshness probe", null);
        if (written.id() == null) {
            refused++;
            return;
        }
        long answered = System.nanoTime();
        while (!bench.finds(written.word(), written.id())) {
            if (System.nanoTime() - answered > GIVE_UP.toNanos()) {
                neverFound++;
                return;
            }
            Thread.sleep(25);
        }
        millis.add((System.nanoTime() - answered) / 1_000_000);
    }

    String summary() {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "freshness: no probe found (" + refused + " probe writes refused, " + neverFound
                    + " not searchable within a minute)";
        }
        return String.format(
                "freshness (write answered to searchable, %d probes): p50 %d ms, p99 %d ms, max %d ms;"
                        + " not searchable within a minute: %d; probe writes refused: %d",
                sorted.length, at(sorted, 50), at(sorted, 99), sorted[sorted.length - 1], neverFound, refused);
    }

    private static long at(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
