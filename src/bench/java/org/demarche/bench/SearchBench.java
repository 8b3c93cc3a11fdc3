package org.demarche.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Drives a running Demarche with a fixed mix of searches at a fixed concurrency and prints one
 * Markdown table row per scenario: requests, throughput, p50/p95/p99 latency and errors. Requests
 * are closed-loop (each of the workers sends the next as soon as the last is answered). Exits with 1
 * when any request failed or answered other than 2xx.
 *
 * <p>Usage: {@code SearchBench <base-url> <statements-in-corpus> <seconds-per-scenario> [concurrency] [label]
 * [scenarios] [warm-up-seconds]}, where {@code scenarios} keeps only the scenarios whose names contain one
 * of its comma-separated parts ({@code phrase,facets}; empty for all), and every scenario is first sent
 * for {@code warm-up-seconds} (10 unless given or empty, at most {@code seconds-per-scenario}) without being
 * measured.
 */
public final class SearchBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long statements = Long.parseLong(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String label = args.length > 4 ? args[4] : "";
        List<String> only = args.length > 5 ? Arrays.asList(args[5].split(",")) : List.of("");
        int warmUp = Math.min(seconds, args.length > 6 && !args[6].isEmpty() ? Integer.parseInt(args[6]) : 10);
        Map<String, Function<Random, String>> scenarios = new LinkedHashMap<>();
        scenarios.put("search: one word", r -> "/api/v1/statements?q=" + word(r));
        scenarios.put("search: phrase", r -> "/api/v1/statements?q=" + encode("\"" + pick(r, Corpus.PHRASES) + "\""));
        scenarios.put("search: prefix", r -> "/api/v1/statements?q=" + encode(Corpus.prefix(r)));
        scenarios.put(
                "search: q + filters",
                r -> "/api/v1/statements?q=" + word(r) + "&country=" + pick(r, Corpus.COUNTRIES) + "&from="
                        + (2000 + r.nextInt(20)));
        scenarios.put(
                "filters only",
                r -> "/api/v1/statements?country=" + pick(r, Corpus.COUNTRIES) + "&quoteType="
                        + pick(r, Corpus.QUOTE_TYPES) + "&from=" + (2000 + r.nextInt(20)) + "&to=2025");
        scenarios.put("facets (q)", r -> "/api/v1/statements/facets?q=" + word(r));
        scenarios.put(
                "GET statement by id",
                r -> "/api/v1/statements/" + Corpus.id("statement", (long) (r.nextDouble() * statements)));
        scenarios.put("trivial: /q/health/live", r -> "/q/health/live");
        scenarios.keySet().removeIf(name -> only.stream().noneMatch(name::contains));

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        // Warm the JIT and the database's page cache on every scenario first: what is measured is a server
        // that has been answering for a while, not one that has just started.
        for (Function<Random, String> scenario : scenarios.values()) {
            run(client, base, scenario, warmUp, concurrency, 0);
        }
        long errors = 0;
        System.out.println("| corpus | scenario | requests | req/s | p50 ms | p95 ms | p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Map.Entry<String, Function<Random, String>> scenario : scenarios.entrySet()) {
            Result result = run(client, base, scenario.getValue(), seconds, concurrency, 2);
            System.out.printf(
                    "| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %d |%n",
                    label,
                    scenario.getKey(),
                    result.latencies.length,
                    result.latencies.length / (double) seconds,
                    result.percentile(50),
                    result.percentile(95),
                    result.percentile(99),
                    result.errors);
            errors += result.errors;
        }
        // A benchmark of a failing app measures nothing: the smoke run in CI fails on any error.
        System.exit(errors == 0 ? 0 : 1);
    }

    private record Result(long[] latencies, long errors) {
        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * latencies.length) - 1;
            return latencies[Math.max(0, index)] / 1_000_000.0;
        }
    }

    private static Result run(
            HttpClient client, String base, Function<Random, String> path, int seconds, int concurrency, long seed)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> results = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Random random = new Random(seed * 1000 + w);
            results.add(workers.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                long errors = 0;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path.apply(random)))
                            .timeout(Duration.ofSeconds(30))
                            .GET()
                            .build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 300) {
                            errors++;
                        }
                    } catch (IOException e) {
                        errors++;
                    }
                    latencies.add(System.nanoTime() - start);
                }
                long[] out = new long[latencies.size() + 1];
                for (int i = 0; i < latencies.size(); i++) {
                    out[i] = latencies.get(i);
                }
                out[latencies.size()] = errors;
                return out;
            }));
        }
        List<Long> all = new ArrayList<>();
        long errors = 0;
        for (Future<long[]> result : results) {
            long[] values = result.get();
            for (int i = 0; i < values.length - 1; i++) {
                all.add(values[i]);
            }
            errors += values[values.length - 1];
        }
        workers.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted, errors);
    }

    private static String word(Random random) {
        return encode(Corpus.commonWord(random));
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
