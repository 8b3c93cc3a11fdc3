package org.demarche.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sustained mixed workload against a running Demarche loaded with a {@link Corpus}: 80% reads, 15%
 * searches and 5% writes with an editor key, from closed-loop workers. It prints a Markdown table with
 * one row per minute (requests, throughput, p50/p95/p99, failures, 5xx) and a total row, and writes
 * every acknowledged write (a statement, the version the API answered and the word only that version's
 * text holds) to a ledger file. Alongside, a {@link FreshnessProbe} measures how long a new statement
 * takes to become searchable.
 *
 * <p>{@code LoadBench run <base-url> <statements-in-corpus> <seconds> <concurrency> <admin-key> <ledger> [label]}
 * exits 1 if any request failed; {@code LoadBench verify <base-url> <ledger>} reads every acknowledged
 * write back, by id and by a search for its word, and exits 1 if one is missing, older than
 * acknowledged, or not found by search (searches are retried for two minutes, while the index catches up).
 */
public final class LoadBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final long statements;
    private final String editorKey;
    /** Acknowledged writes: statement id to the highest version an answer carried, and that version's word. */
    private final Map<String, Written> acknowledged = new ConcurrentHashMap<>();
    /** Words that only one write's text holds: letters only (the analysis keeps them whole), unique per run. */
    private final UniqueWords words = new UniqueWords();

    /** An acknowledged version of a statement and the word only its text holds. */
    record Written(long version, String word) {
        static Written later(Written a, Written b) {
            return a.version >= b.version ? a : b;
        }
    }

    private LoadBench(String base, long statements, String editorKey) {
        this.base = base;
        this.statements = statements;
        this.editorKey = editorKey;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("verify")) {
            System.exit(verify(args[1], Path.of(args[2])));
        }
        String base = args[1];
        long statements = Long.parseLong(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int concurrency = Integer.parseInt(args[4]);
        Path ledger = Path.of(args[6]);
        String label = args.length > 7 ? args[7] : "";
        LoadBench bench = new LoadBench(base, statements, createEditorKey(base, args[5]));
        FreshnessProbe probe = new FreshnessProbe(bench);
        Thread probing = new Thread(() -> probe.run(seconds), "freshness-probe");
        probing.setDaemon(true);
        probing.start();
        List<Minute> minutes = bench.run(seconds, concurrency);
        probing.join();
        Files.write(
                ledger,
                bench.acknowledged.entrySet().stream()
                        .map(e -> e.getKey() + "\t" + e.getValue().version() + "\t"
                                + e.getValue().word())
                        .toList());
        System.out.println("| run | minute | requests | req/s | p50 ms | p95 ms | p99 ms | failed | 5xx |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        Minute total = new Minute();
        for (int m = 0; m < minutes.size(); m++) {
            Minute minute = minutes.get(m);
            long span = Math.min(60, seconds - 60L * m);
            System.out.println(minute.row(label, Integer.toString(m + 1), span));
            total.add(minute);
        }
        System.out.println(total.row(label, "all", seconds));
        System.out.println("acknowledged writes: " + bench.acknowledged.size() + " statements, in " + ledger);
        System.out.println(probe.summary());
        System.exit(total.failed == 0 ? 0 : 1);
    }

    /** What one minute of the run saw. */
    private static final class Minute {
        final List<Long> latencies = new ArrayList<>();
        long failed;
        long serverErrors;

        synchronized void record(long nanos, int status) {
            latencies.add(nanos);
            if (status < 200 || status >= 300) {
                failed++;
            }
            if (status >= 500) {
                serverErrors++;
            }
        }

        synchronized void add(Minute other) {
            latencies.addAll(other.latencies);
            failed += other.failed;
            serverErrors += other.serverErrors;
        }

        synchronized String row(String label, String minute, long seconds) {
            long[] sorted =
                    latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(
                    "| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %d | %d |",
                    label,
                    minute,
                    sorted.length,
                    sorted.length / (double) Math.max(1, seconds),
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    percentile(sorted, 99),
                    failed,
                    serverErrors);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1_000_000.0;
        }
    }

    private List<Minute> run(int seconds, int concurrency) throws Exception {
        List<Minute> minutes = new ArrayList<>();
        for (int m = 0; m * 60 < seconds; m++) {
            minutes.add(new Minute());
        }
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Random random = new Random(w);
            running.add(workers.submit(() -> {
                List<String> mine = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    int status = next(random, mine);
                    long now = System.nanoTime();
                    minutes.get((int) Math.min(minutes.size() - 1, (sent - start) / 60_000_000_000L))
                            .record(now - sent, status);
                }
                return null;
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        workers.shutdown();
        return minutes;
    }

    /** Sends one request of the mix and answers its status (0 when no answer came). */
    private int next(Random random, List<String> mine) {
        int draw = random.nextInt(100);
        if (draw < 80) {
            return get(read(random, draw));
        }
        if (draw < 95) {
            return get(search(random, draw));
        }
        return draw < 98 || mine.isEmpty() ? create(random, mine) : patch(random, mine);
    }

    private String read(Random random, int draw) {
        if (draw < 30) {
            return "/api/v1/statements/" + Corpus.id("statement", (long) (random.nextDouble() * statements));
        }
        if (draw < 45) {
            return "/api/v1/officials/" + Corpus.id("official", random.nextInt(Corpus.OFFICIALS));
        }
        if (draw < 60) {
            return "/api/v1/officials?limit=20&sort=name&country=" + pick(random, Corpus.COUNTRIES);
        }
        if (draw < 70) {
            return "/api/v1/statements?limit=20&country=" + pick(random, Corpus.COUNTRIES);
        }
        return "/api/v1/topics?limit=50";
    }

    private String search(Random random, int draw) {
        String word = encode(Corpus.WORDS.get(Corpus.zipf(random, 60)));
        if (draw < 90) {
            return "/api/v1/statements?q=" + word;
        }
        if (draw < 93) {
            return "/api/v1/statements?q=" + word + "&country=" + pick(random, Corpus.COUNTRIES);
        }
        return "/api/v1/statements/facets?q=" + word + "&country=" + pick(random, Corpus.COUNTRIES);
    }

    private int create(Random random, List<String> mine) {
        return create(random, "Load test remark", mine).statusCode();
    }

    /** Creates a statement whose text holds a word no other write uses, and answers what came back. */
    Answer create(Random random, String text, List<String> mine) {
        String word = words.next();
        String body = "{\"officialId\":\"" + Corpus.id("official", random.nextInt(Corpus.OFFICIALS)) + "\","
                + "\"text\":\"" + text + " " + word + " on " + pick(random, Corpus.WORDS) + " and "
                + pick(random, Corpus.WORDS) + "\",\"quoteType\":\"paraphrase\",\"statedOn\":\"2026-11-25\","
                + "\"sourceIds\":[\"" + Corpus.id("source", random.nextInt(Corpus.SOURCES)) + "\"]}";
        return send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/statements"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                word,
                mine);
    }

    /** Rewrites a statement's text with a new word of its own, so that search can tell this version from older ones. */
    private int patch(Random random, List<String> mine) {
        String id = mine.get(random.nextInt(mine.size()));
        String word = words.next();
        String body = "{\"text\":\"Load test remark " + word + " revised on " + pick(random, Corpus.WORDS) + "\"}";
        return send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/statements/" + id))
                                .header("Content-Type", "application/merge-patch+json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)),
                        word,
                        null)
                .statusCode();
    }

    /** A request's status (0 when no answer came) and, for an acknowledged write, the statement's id and word. */
    record Answer(int statusCode, String id, String word) {}

    private int get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null, null)
                .statusCode();
    }

    /** How many statements a search finds and whether {@code id} is among the first 20 (GET, no key). */
    boolean finds(String word, String id) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/statements?limit=20&q=" + encode(word)))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"" + id + "\"");
    }

    /**
     * Sends a request; a write's 2xx answer is recorded as acknowledged with the word its text holds, and a
     * created id kept in {@code created}.
     */
    private Answer send(HttpRequest.Builder request, String word, List<String> created) {
        boolean write = editorKey != null && !request.build().method().equals("GET");
        if (write) {
            request.header("Authorization", "Bearer " + editorKey);
        }
        try {
            HttpResponse<String> response =
                    client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (write && response.statusCode() / 100 == 2) {
                Matcher id = ID.matcher(response.body());
                Matcher version = VERSION.matcher(response.body());
                if (id.find() && version.find()) {
                    acknowledged.merge(
                            id.group(1), new Written(Long.parseLong(version.group(1)), word), Written::later);
                    if (created != null) {
                        created.add(id.group(1));
                    }
                    return new Answer(response.statusCode(), id.group(1), word);
                }
            }
            return new Answer(response.statusCode(), null, null);
        } catch (IOException e) {
            return new Answer(0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null);
        }
    }

    static String createEditorKey(String base, String adminKey) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/keys"))
                                .header("Authorization", "Bearer " + adminKey)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"name\":\"load test\",\"role\":\"editor\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !secret.find()) {
            throw new IllegalStateException(
                    "Cannot create the editor key: " + response.statusCode() + " " + response.body());
        }
        return secret.group(1);
    }

    /**
     * Reads every acknowledged write back by id (at least the acknowledged version) and by a search for the
     * word only the version it holds has: the acknowledged one's, or that of a later write whose answer
     * never came but which committed; answers the exit status: 0 when every write is found both ways.
     */
    private static int verify(String base, Path ledger) throws Exception {
        LoadBench reader = new LoadBench(base, 0, null);
        long lost = 0;
        long unsearchable = 0;
        long unanswered = 0;
        long searchDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        List<String> lines = Files.readAllLines(ledger);
        for (String line : lines) {
            String[] entry = line.split("\t");
            HttpResponse<String> response = reader.client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/statements/" + entry[0]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher version = VERSION.matcher(response.body());
            long acknowledgedVersion = Long.parseLong(entry[1]);
            if (response.statusCode() != 200
                    || !version.find()
                    || Long.parseLong(version.group(1)) < acknowledgedVersion) {
                System.out.println("lost: " + line + " -> " + response.statusCode() + " " + response.body());
                lost++;
            }
            String word = entry[2];
            Matcher held = UniqueWords.IN_TEXT.matcher(response.body());
            if (response.statusCode() == 200 && !response.body().contains(word) && held.find()) {
                // A later write committed but its answer never came (its instance was killed, or it timed
                // out): search must find the version the statement holds, by that version's own word.
                System.out.println("newer than acknowledged: " + line + " -> holds " + held.group());
                word = held.group();
                unanswered++;
            }
            boolean found = reader.finds(word, entry[0]);
            while (!found && System.nanoTime() < searchDeadline) {
                Thread.sleep(200);
                found = reader.finds(word, entry[0]);
            }
            if (!found) {
                System.out.println("not found by search: " + line + " (searched for " + word + ")");
                unsearchable++;
            }
        }
        System.out.println("acknowledged writes read back: " + (lines.size() - lost) + " of " + lines.size()
                + ", found by search: " + (lines.size() - unsearchable) + " of " + lines.size()
                + ", superseded by an unanswered write: " + unanswered + ", lost: " + (lost + unsearchable));
        return lost + unsearchable == 0 ? 0 : 1;
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
