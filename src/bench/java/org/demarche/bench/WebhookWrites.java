package org.demarche.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writes of {@link WebhookBench}, open loop: a write is due every 1/rate seconds whatever the earlier
 * ones are doing, and sent by one of 32 threads (the app lets a key have 32 requests under way); one still
 * waiting for a thread 10 s after it was due is skipped and counted, so that a run lasts as long as asked. On the first {@link #ACTIVE} officials of the
 * {@link Corpus}: 70% new statements (one to three topics), 10% statement PATCHes, 12% new current
 * positions (which close the one the official held on that topic: position.opened and position.closed in
 * one revision) and 8% positions closed by a PATCH of validTo. Positions of one official on one topic are
 * written one at a time, each later than the one before, so the API's succession rules never refuse them.
 */
final class WebhookWrites {

    /** The officials written about, and watched. */
    static final int ACTIVE = 200;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final long SKIP_AFTER_NANOS = 10_000_000_000L;
    private static final List<String> STANCES = List.of("supports", "opposes", "conditional", "neutral", "ambiguous");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String key;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    /** Per official and topic: the days positions were taken, and the current one's id. */
    private final ConcurrentHashMap<String, Stances> stances = new ConcurrentHashMap<>();

    final AtomicLong sent = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    /** Writes sent over 100 ms after they were due, every thread busy with earlier ones. */
    final AtomicLong late = new AtomicLong();
    /** Writes not sent: still waiting for a thread 10 s after they were due (the app fell behind). */
    final AtomicLong skipped = new AtomicLong();

    /** Writes due in the runs so far: the next run's first random choices. */
    private long written;

    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    /** Failed writes by request and answer: "POST /api/v1/statements 409". */
    private final ConcurrentHashMap<String, AtomicLong> failedBy = new ConcurrentHashMap<>();

    /** One official's positions on one topic. */
    private static final class Stances {
        int days;
        String current;
    }

    WebhookWrites(String base, String key) {
        this.base = base;
        this.key = key;
    }

    /**
     * Writes at {@code rate} a second for {@code seconds}, then waits for the writes under way. A second run
     * goes on from where the first ended, with the next random choices.
     */
    void run(double rate, int seconds) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        long count = (long) (rate * seconds);
        long first = written;
        written += count;
        for (long i = first; i < first + count; i++) {
            long due = start + (long) ((i - first) * 1_000_000_000L / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Random random = new Random(i * 0x9E3779B97F4A7C15L);
            pool.execute(() -> {
                long lateBy = System.nanoTime() - due;
                if (lateBy > SKIP_AFTER_NANOS) {
                    skipped.incrementAndGet();
                    return;
                }
                if (lateBy > 100_000_000L) {
                    late.incrementAndGet();
                }
                write(random);
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
    }

    /** Starts the counts and latencies again, for the next run. */
    void reset() {
        sent.set(0);
        failed.set(0);
        late.set(0);
        skipped.set(0);
        latencies.clear();
        failures.clear();
        failedBy.clear();
    }

    /** p50/p95 of the write requests, in ms. */
    String latency() {
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return String.format(
                "p50 %.0f ms, p95 %.0f ms",
                WebhookBench.percentile(sorted, 50) / 1e6, WebhookBench.percentile(sorted, 95) / 1e6);
    }

    /** Failed writes counted by request and answer. */
    String failedBy() {
        return failedBy.entrySet().stream()
                .map(e -> e.getValue().get() + " " + e.getKey())
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures.subList(0, Math.min(5, failures.size())));
        }
    }

    private void write(Random random) {
        int draw = random.nextInt(100);
        String official = Corpus.id("official", random.nextInt(ACTIVE)).toString();
        if (draw < 70 || draw < 80 && statements.isEmpty()) {
            createStatement(random, official);
        } else if (draw < 80) {
            patchStatement(random);
        } else {
            writePosition(random, official, draw < 92);
        }
    }

    private void createStatement(Random random, String official) {
        StringBuilder topics = new StringBuilder();
        int first = random.nextInt(Corpus.TOPICS);
        for (int t = 0, n = 1 + random.nextInt(3); t < n; t++) {
            topics.append(t == 0 ? "" : ",")
                    .append('"')
                    .append(Corpus.id("topic", (first + t * 7) % Corpus.TOPICS))
                    .append('"');
        }
        String body = "{\"officialId\":\"" + official + "\",\"text\":\"Webhook bench: "
                + Corpus.text(random).replace("\"", "") + "\",\"quoteType\":\""
                + Corpus.QUOTE_TYPES.get(random.nextInt(Corpus.QUOTE_TYPES.size()))
                + "\",\"statedOn\":\"2026-12-05\",\"topicIds\":[" + topics + "],\"sourceIds\":[\""
                + Corpus.id("source", random.nextInt(Corpus.SOURCES)) + "\"]}";
        String id = send("POST", "/api/v1/statements", "application/json", body);
        if (id != null) {
            statements.add(id);
        }
    }

    private void patchStatement(Random random) {
        String id = statements.get(random.nextInt(statements.size()));
        send(
                "PATCH",
                "/api/v1/statements/" + id,
                "application/merge-patch+json",
                "{\"verification\":\"verified\",\"notes\":\"revised " + random.nextInt(1_000_000) + "\"}");
    }

    /** Opens a new current position (closing the held one), or closes the held one; one at a time per pair. */
    private void writePosition(Random random, String official, boolean open) {
        String topic = Corpus.id("topic", random.nextInt(Corpus.TOPICS)).toString();
        Stances pair = stances.computeIfAbsent(official + topic, k -> new Stances());
        synchronized (pair) {
            if (!open && pair.current != null) {
                String day = day(pair.days);
                if (send(
                                "PATCH",
                                "/api/v1/positions/" + pair.current,
                                "application/merge-patch+json",
                                "{\"validTo\":\"" + day + "\"}")
                        != null) {
                    pair.current = null;
                }
                return;
            }
            pair.days++;
            String body = "{\"officialId\":\"" + official + "\",\"topicId\":\"" + topic + "\",\"stance\":\""
                    + STANCES.get(random.nextInt(STANCES.size())) + "\",\"validFrom\":\"" + day(pair.days) + "\"}";
            String id = send("POST", "/api/v1/positions", "application/json", body);
            if (id != null) {
                pair.current = id;
            }
        }
    }

    private static String day(int days) {
        return LocalDate.of(2000, 1, 1).plusDays(days).toString();
    }

    /** Sends one write; the id the 2xx answer names, or null when it failed. */
    private String send(String method, String path, String type, String body) {
        sent.incrementAndGet();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", type)
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - started);
            Matcher id = ID.matcher(response.body());
            if (response.statusCode() / 100 == 2 && id.find()) {
                return id.group(1);
            }
            fail(method, path, Integer.toString(response.statusCode()), response.body());
        } catch (IOException e) {
            fail(method, path, e.getClass().getSimpleName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(method, path, "interrupted", "");
        }
        return null;
    }

    private void fail(String method, String path, String answer, String detail) {
        failed.incrementAndGet();
        String request = method + " " + path.replaceAll("/[0-9a-f-]{36}$", "/{id}");
        failedBy.computeIfAbsent(request + " " + answer, k -> new AtomicLong()).incrementAndGet();
        String what = request + " -> " + answer + " " + detail;
        failures.add(what.length() > 300 ? what.substring(0, 300) : what);
    }
}
