package org.demarche.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Webhook deliveries under load (issue 21): a {@link WebhookReceiver} on 127.0.0.1, subscriptions of a mix
 * of kinds ({@link Kind}) pointing at it, {@link WebhookWrites} at a steady rate, open loop. One subscription
 * in ten answers 503 for {@code down-seconds} from the middle of the first {@code seconds}, while the writes
 * go on, then comes back; writes last {@code seconds + down-seconds} in all. Then it waits until no
 * delivery is pending and checks: every signature valid, every delivery in each subscription's log
 * delivered and received, nothing received that is not in a log, each subscription's first arrivals in the
 * log's order (commit order). Prints Markdown: the commit-to-arrival latency (the body's createdAt, the
 * revision's commit time, to the moment the receiver read the body) of the subscriptions never down, by
 * kind too, and how long after coming back the others had their backlog.
 *
 * <p>With {@code warm-up-seconds} over 0, the same writes first go on at the same rate for that long, and the
 * bench waits until nothing is pending before the measured writes start: a server that has just started
 * spends much of its first minutes compiling its code (the JIT), and what it falls behind then takes minutes
 * more to catch up. The warm-up's deliveries are checked as the others are, but left out of the latencies.
 *
 * <p>{@code WebhookBench <base-url> <admin-key> <subscriptions> <writes-per-second> <seconds>
 * <down-seconds> <receiver-port> [<warm-up-seconds>, 0 by default]}; exits 1 if a check fails. The latency target is
 * reported, not checked.
 */
public final class WebhookBench {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long TARGET_P95_MILLIS = 1_000;

    /** Kinds of subscription, and their share of every 200. */
    enum Kind {
        STANCE("stance watch: one official's positions opened or closed and new statements, maybe on one topic", 120),
        OFFICIAL("official watch: new and updated statements of one to three officials", 40),
        COUNTRY_TOPIC(
                "country or topic watch: new statements of a country, on a topic, or direct quotes of a country", 30),
        TOPIC_STANCE("topic stance watch: positions opened or closed on a topic", 9),
        ALL("everything (*)", 1);

        final String description;
        final int share;

        Kind(String description, int share) {
            this.description = description;
            this.share = share;
        }

        static Kind of(int subscription) {
            int slot = subscription % 200;
            for (Kind kind : values()) {
                if (slot < kind.share) {
                    return kind;
                }
                slot -= kind.share;
            }
            throw new IllegalStateException();
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String key;
    /** Reads the app's metrics. */
    private final String adminKey;

    private final int port;
    private final WebhookReceiver receiver;
    private final String[] ids;
    private final List<String> problems = new ArrayList<>();

    private WebhookBench(String base, String key, String adminKey, int port, int subscriptions) throws IOException {
        this.base = base;
        this.key = key;
        this.adminKey = adminKey;
        this.port = port;
        this.receiver = new WebhookReceiver(port, subscriptions);
        this.ids = new String[subscriptions];
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int subscriptions = Integer.parseInt(args[2]);
        double rate = Double.parseDouble(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int downSeconds = Integer.parseInt(args[5]);
        int port = Integer.parseInt(args[6]);
        int warmUpSeconds = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        WebhookBench bench =
                new WebhookBench(base, LoadBench.createEditorKey(base, args[1]), args[1], port, subscriptions);
        boolean passed;
        try {
            passed = bench.run(rate, seconds, downSeconds, warmUpSeconds);
        } finally {
            bench.receiver.stop();
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(double rate, int seconds, int downSeconds, int warmUpSeconds) throws Exception {
        subscribe(downSeconds > 0);
        WebhookWrites writes = new WebhookWrites(base, key);
        String warmUp = warmUpSeconds > 0 ? warmUp(writes, rate, warmUpSeconds) : null;
        Instant[] downWindow = new Instant[2];
        Thread downer = new Thread(() -> {
            try {
                Thread.sleep(seconds * 500L);
                receiver.down(true);
                downWindow[0] = Instant.now();
                Thread.sleep(downSeconds * 1000L);
                receiver.down(false);
                downWindow[1] = Instant.now();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        if (downSeconds > 0) {
            downer.start();
        }
        Instant started = Instant.now();
        writes.run(rate, seconds + downSeconds);
        Instant ended = Instant.now();
        downer.join();
        Duration drained = drain(Duration.ofSeconds(600L + downSeconds));
        Map<String, Long> log = checkLogs();
        report(rate, seconds + downSeconds, started, ended, drained, writes, log, downWindow, warmUp);
        return problems.isEmpty();
    }

    /** Writes for {@code seconds} at {@code rate} and waits until nothing is pending; the report's line on it. */
    private String warmUp(WebhookWrites writes, double rate, int seconds) throws Exception {
        long started = System.nanoTime();
        writes.run(rate, seconds);
        double took = (System.nanoTime() - started) / 1e9;
        Duration drained = drain(Duration.ofSeconds(600));
        String line = String.format(
                "%d writes in %.0f s (%.1f/s asked; %d skipped, 10 s late), %d failed; %s; nothing pending %.1f s after"
                        + " the last; its deliveries are checked below but left out of the latencies",
                writes.sent.get(),
                took,
                rate,
                writes.skipped.get(),
                writes.failed.get(),
                writes.latency(),
                drained.toMillis() / 1000.0);
        if (writes.failed.get() > 0) {
            problems.add(writes.failed.get() + " warm-up writes failed: " + writes.failedBy());
        }
        writes.reset();
        return line;
    }

    /** Creates the subscriptions, kind by kind as {@link Kind#of} deals them, one in ten to be taken down. */
    private void subscribe(boolean someDown) throws Exception {
        for (int i = 0; i < ids.length; i++) {
            Random random = new Random(1_000_003L * i + 7);
            String body = "{\"url\":\"" + receiver.url(port, i) + "\"," + subscription(Kind.of(i), random) + "}";
            HttpResponse<String> response = client.send(
                    request("/api/v1/subscriptions")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response.body());
            Matcher secret = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 201 || !id.find() || !secret.find()) {
                throw new IllegalStateException(
                        "Cannot subscribe " + body + ": " + response.statusCode() + " " + response.body());
            }
            ids[i] = id.group(1);
            receiver.secret(i, secret.group(1));
            if (someDown && i % 10 == 9) {
                receiver.downable(i);
            }
        }
    }

    /** The events and filter of a subscription of this kind. */
    private static String subscription(Kind kind, Random random) {
        String official = "\"" + Corpus.id("official", random.nextInt(WebhookWrites.ACTIVE)) + "\"";
        String topLevelTopic = "\"" + Corpus.topicSlug(random.nextInt(10)) + "\"";
        return switch (kind) {
            case STANCE ->
                "\"events\":[\"position.opened\",\"position.closed\",\"statement.created\"],"
                        + "\"filter\":{\"officialId\":[" + official + "]"
                        + (random.nextBoolean() ? ",\"topic\":" + topLevelTopic : "") + "}";
            case OFFICIAL -> {
                Set<String> officials = new HashSet<>();
                for (int n = 1 + random.nextInt(3); officials.size() < n; ) {
                    officials.add("\"" + Corpus.id("official", random.nextInt(WebhookWrites.ACTIVE)) + "\"");
                }
                yield "\"events\":[\"statement.created\",\"statement.updated\"],\"filter\":{\"officialId\":["
                        + String.join(",", officials) + "]}";
            }
            case COUNTRY_TOPIC -> {
                String country = "\"" + Corpus.country(random) + "\"";
                String filter = switch (random.nextInt(3)) {
                    case 0 -> "\"country\":" + country;
                    case 1 -> "\"topic\":\"" + Corpus.topicSlug(random.nextInt(Corpus.TOPICS)) + "\"";
                    default -> "\"country\":" + country + ",\"quoteType\":\"direct_quote\"";
                };
                yield "\"events\":[\"statement.created\"],\"filter\":{" + filter + "}";
            }
            case TOPIC_STANCE ->
                "\"events\":[\"position.opened\",\"position.closed\"],\"filter\":{\"topic\":" + topLevelTopic + "}";
            case ALL -> "\"events\":[\"*\"]";
        };
    }

    /**
     * Waits until every revision is planned into deliveries (the app's {@code demarche_webhooks_unplanned_revisions}
     * is 0) and then no subscription has a pending delivery; how long that took.
     */
    private Duration drain(Duration limit) throws Exception {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (unplanned() != 0) {
            if (System.nanoTime() > deadline) {
                problems.add("revisions still unplanned " + limit.toSeconds() + " s after the writes");
                return Duration.ofNanos(System.nanoTime() - started);
            }
            Thread.sleep(500);
        }
        Set<Integer> waiting = new HashSet<>();
        for (int i = 0; i < ids.length; i++) {
            waiting.add(i);
        }
        while (!waiting.isEmpty()) {
            waiting.removeIf(i -> pending(i) == 0);
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                problems.add(waiting.size() + " subscriptions still had pending deliveries " + limit.toSeconds()
                        + " s after the writes");
                break;
            }
            Thread.sleep(1_000);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The revisions the app has not yet planned into deliveries, from its metrics; -1 when unknown. */
    private long unplanned() {
        try {
            HttpResponse<String> response = client.send(
                    request("/q/metrics")
                            .setHeader("Authorization", "Bearer " + adminKey)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher gauge = Pattern.compile("(?m)^demarche_webhooks_unplanned_revisions(?:\\{[^}]*\\})? ([0-9.Ee+-]+)$")
                    .matcher(response.body());
            if (response.statusCode() == 200 && gauge.find()) {
                return (long) Double.parseDouble(gauge.group(1));
            }
            System.err.println("/q/metrics answered " + response.statusCode() + " without the unplanned revisions");
            return -1;
        } catch (IOException | NumberFormatException e) {
            System.err.println("/q/metrics could not be read: " + e);
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long pending(int subscription) {
        try {
            HttpResponse<String> response = client.send(
                    request("/api/v1/subscriptions/" + ids[subscription] + "/deliveries?status=pending&limit=1")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
            return response.statusCode() == 200 && total.find() ? Long.parseLong(total.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** One entry of a delivery log. */
    private record Logged(String id, long sequence, String status) {}

    /**
     * Reads every subscription's delivery log and checks it against what arrived: each entry delivered and
     * received, each arrival in the log, first arrivals in log (commit) order. Answers delivery id to sequence.
     */
    private Map<String, Long> checkLogs() throws Exception {
        Map<String, Long> sequences = new HashMap<>();
        long notDelivered = 0;
        long lost = 0;
        long unsent = 0;
        long unknown = 0;
        long outOfOrder = 0;
        for (int i = 0; i < ids.length; i++) {
            List<Logged> log = log(ids[i]);
            Map<String, Long> mine = new HashMap<>();
            for (Logged entry : log) {
                mine.put(entry.id(), entry.sequence());
                if (!entry.status().equals("delivered")) {
                    notDelivered++;
                }
            }
            sequences.putAll(mine);
            Set<String> seen = new HashSet<>();
            long lastSequence = -1;
            long lastRevision = -1;
            boolean ordered = true;
            for (WebhookReceiver.Arrival arrival : receiver.arrivals(i)) {
                if (!seen.add(arrival.deliveryId())) {
                    continue;
                }
                Long sequence = mine.get(arrival.deliveryId());
                if (sequence == null) {
                    unknown++;
                    continue;
                }
                ordered &= sequence > lastSequence && arrival.revision() >= lastRevision;
                lastSequence = sequence;
                lastRevision = arrival.revision();
            }
            outOfOrder += ordered ? 0 : 1;
            for (Logged entry : log) {
                if (!seen.contains(entry.id())) {
                    if (entry.status().equals("delivered")) {
                        lost++;
                    } else {
                        unsent++;
                    }
                }
            }
        }
        check(notDelivered, "log entries not delivered at the end (" + unsent + " of them never received)");
        check(lost, "log entries delivered but never received (lost)");
        check(unknown, "received deliveries that no log holds");
        check(outOfOrder, "subscriptions that received deliveries out of commit order");
        check(receiver.badSignatures.get(), "deliveries with a bad signature");
        check(receiver.malformed.get(), "malformed deliveries");
        return sequences;
    }

    private void check(long count, String what) {
        if (count > 0) {
            problems.add(count + " " + what);
        }
    }

    private List<Logged> log(String subscription) throws Exception {
        List<Logged> entries = new ArrayList<>();
        String cursor = null;
        do {
            String path = "/api/v1/subscriptions/" + subscription + "/deliveries?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<byte[]> response = client.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            cursor = page(response.body(), entries);
        } while (cursor != null);
        return entries;
    }

    /** Adds a page's entries; answers its nextCursor. */
    private static String page(byte[] body, List<Logged> entries) throws IOException {
        String next = null;
        try (JsonParser parser = JSON.createParser(body)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("items")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        entries.add(entry(parser));
                    }
                } else if (field.equals("nextCursor")) {
                    next = value == JsonToken.VALUE_NULL ? null : parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
        }
        return next;
    }

    private static Logged entry(JsonParser parser) throws IOException {
        String id = null;
        long sequence = 0;
        String status = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "id" -> id = parser.getText();
                case "sequence" -> sequence = parser.getLongValue();
                case "status" -> status = parser.getText();
                default -> parser.skipChildren();
            }
        }
        return new Logged(id, sequence, status);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
    }

    private void report(
            double rate,
            int seconds,
            Instant started,
            Instant ended,
            Duration drained,
            WebhookWrites writes,
            Map<String, Long> log,
            Instant[] down,
            String warmUp) {
        List<Long> up = new ArrayList<>();
        Map<Kind, List<Long>> byKind = new EnumMap<>(Kind.class);
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        long received = 0;
        long warmUpReceived = 0;
        long duplicates = 0;
        long downCount = 0;
        long backlog = 0;
        Instant backlogDone = null;
        Instant firstBack = null;
        for (int i = 0; i < ids.length; i++) {
            Kind kind = Kind.of(i);
            counts.merge(kind, 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (WebhookReceiver.Arrival arrival : receiver.arrivals(i)) {
                received++;
                boolean ofWarmUp = arrival.committed().isBefore(started); // checked, not measured
                if (ofWarmUp) {
                    warmUpReceived++;
                }
                if (!seen.add(arrival.deliveryId())) {
                    duplicates++;
                    continue;
                }
                if (ofWarmUp) {
                    continue;
                }
                if (!receiver.isDownable(i)) {
                    up.add(arrival.latencyMillis());
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(arrival.latencyMillis());
                } else if (down[1] != null && arrival.arrived().isAfter(down[1])) {
                    firstBack =
                            firstBack == null || arrival.arrived().isBefore(firstBack) ? arrival.arrived() : firstBack;
                    if (arrival.committed().isBefore(down[1])) {
                        backlog++;
                        backlogDone = backlogDone == null || arrival.arrived().isAfter(backlogDone)
                                ? arrival.arrived()
                                : backlogDone;
                    }
                }
            }
            downCount += receiver.isDownable(i) ? 1 : 0;
        }
        long[] sorted = up.stream().mapToLong(Long::longValue).sorted().toArray();
        double p95 = percentile(sorted, 95);
        double took = Duration.between(started, ended).toMillis() / 1000.0;
        System.out.println("| measure | figure |");
        System.out.println("|---|---|");
        System.out.printf(
                "| subscriptions | %d: %s |%n",
                ids.length,
                counts.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().description)
                        .collect(Collectors.joining("; ")));
        if (warmUp != null) {
            System.out.printf("| warm-up | %s |%n", warmUp);
        }
        System.out.printf(
                "| writes | %d in %.0f s (%.1f/s asked, %.1f/s sent; %d sent over 100 ms late, all 32 threads busy; %d"
                        + " skipped, 10 s late), %d failed; %s |%n",
                writes.sent.get(),
                took,
                rate,
                writes.sent.get() / took,
                writes.late.get(),
                writes.skipped.get(),
                writes.failed.get(),
                writes.latency());
        System.out.printf(
                "| deliveries received | %d (%.0f/s over the writes)%s, %d distinct, %d duplicates; %d in the logs |%n",
                received - warmUpReceived,
                (received - warmUpReceived) / took,
                warmUp == null ? "" : " and " + warmUpReceived + " of the warm-up",
                received - duplicates,
                duplicates,
                log.size());
        System.out.printf(
                "| commit → delivery, %d subscriptions never down | p50 %s, **p95 %s**, p99 %s, max %s (%d deliveries); target p95 ≤ 1 s: **%s** |%n",
                ids.length - downCount,
                millis(percentile(sorted, 50)),
                millis(p95),
                millis(percentile(sorted, 99)),
                millis(sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]),
                sorted.length,
                p95 <= TARGET_P95_MILLIS ? "met" : "missed");
        for (Map.Entry<Kind, List<Long>> kind : byKind.entrySet()) {
            long[] k =
                    kind.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    "| … %s | p50 %s, p95 %s, max %s (%d deliveries) |%n",
                    kind.getKey().name().toLowerCase().replace('_', '/'),
                    millis(percentile(k, 50)),
                    millis(percentile(k, 95)),
                    millis(k[k.length - 1]),
                    k.length);
        }
        if (down[0] != null && down[1] != null) {
            System.out.printf(
                    "| receiver down | %d subscriptions answered 503 (%d times) for %d s while writes went on; after it came"
                            + " back: first delivery %s later, the %d deliveries committed before it came back all"
                            + " received %s later |%n",
                    downCount,
                    receiver.refused.get(),
                    Duration.between(down[0], down[1]).toSeconds(),
                    since(down[1], firstBack),
                    backlog,
                    since(down[1], backlogDone));
        }
        System.out.printf("| queue drained | %.1f s after the last write |%n", drained.toMillis() / 1000.0);
        System.out.printf(
                "| checks | %s |%n",
                problems.isEmpty()
                        ? "every signature valid; every log entry delivered and received, none lost; nothing"
                                + " received outside the logs; every subscription's first arrivals in commit order"
                        : "**failed**: " + String.join("; ", problems));
        if (writes.failed.get() > 0) {
            System.out.println();
            System.out.println("Failed writes: " + writes.failedBy() + ". The first:");
        }
        for (String failure : writes.failures()) {
            System.out.println("- " + failure);
        }
    }

    private static String since(Instant from, Instant to) {
        return to == null
                ? "never"
                : String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }

    private static String millis(double ms) {
        return Double.isNaN(ms)
                ? "–"
                : ms >= 10_000 ? String.format("%.1f s", ms / 1000) : String.format("%.0f ms", ms);
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }
}
