package org.demarche.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook receiver of {@link WebhookBench}: subscription {@code n} is POSTed to {@code /hook/n}. Each
 * delivery's {@code Demarche-Signature} is checked against that subscription's secret and its arrival
 * recorded (delivery id, revision, commit time, arrival time) in arrival order; a subscription marked down
 * answers 503 and records nothing, as a receiver that is away would.
 */
final class WebhookReceiver {

    private static final JsonFactory JSON = new JsonFactory();

    /** One delivery as it arrived. */
    record Arrival(long order, String deliveryId, long revision, Instant committed, Instant arrived) {
        long latencyMillis() {
            return arrived.toEpochMilli() - committed.toEpochMilli();
        }
    }

    private final String[] secrets;
    private final List<List<Arrival>> arrivals = new ArrayList<>();
    private final boolean[] downable;
    private volatile boolean down;
    private final AtomicLong order = new AtomicLong();
    final AtomicLong badSignatures = new AtomicLong();
    final AtomicLong malformed = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    WebhookReceiver(int port, int subscriptions) throws IOException {
        secrets = new String[subscriptions];
        downable = new boolean[subscriptions];
        for (int i = 0; i < subscriptions; i++) {
            arrivals.add(new ArrayList<>());
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/hook/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    String url(int port, int subscription) {
        return "http://127.0.0.1:" + port + "/hook/" + subscription;
    }

    void secret(int subscription, String secret) {
        secrets[subscription] = secret;
    }

    /** Subscription {@code n} is among those that answer 503 while the receiver is down. */
    void downable(int subscription) {
        downable[subscription] = true;
    }

    boolean isDownable(int subscription) {
        return downable[subscription];
    }

    void down(boolean down) {
        this.down = down;
    }

    /** Subscription {@code n}'s arrivals, in arrival order. */
    List<Arrival> arrivals(int subscription) {
        List<Arrival> list = arrivals.get(subscription);
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Instant arrived = Instant.now();
            int n;
            try {
                n = Integer.parseInt(exchange.getRequestURI().getPath().substring("/hook/".length()));
            } catch (NumberFormatException e) {
                malformed.incrementAndGet();
                answer(exchange, 404);
                return;
            }
            if (n < 0 || n >= secrets.length || secrets[n] == null) {
                malformed.incrementAndGet();
                answer(exchange, 404);
                return;
            }
            if (down && downable[n]) {
                refused.incrementAndGet();
                answer(exchange, 503);
                return;
            }
            if (!signed(exchange.getRequestHeaders().getFirst("Demarche-Signature"), body, secrets[n])) {
                badSignatures.incrementAndGet();
                answer(exchange, 400);
                return;
            }
            Arrival arrival = parse(body, arrived);
            if (arrival == null
                    || !arrival.deliveryId().equals(exchange.getRequestHeaders().getFirst("Demarche-Delivery"))) {
                malformed.incrementAndGet();
                answer(exchange, 400);
                return;
            }
            List<Arrival> list = arrivals.get(n);
            synchronized (list) {
                list.add(new Arrival(
                        order.incrementAndGet(),
                        arrival.deliveryId(),
                        arrival.revision(),
                        arrival.committed(),
                        arrival.arrived()));
            }
            answer(exchange, 204);
        }
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    /** Whether one of the header's v1 signatures is the HMAC-SHA256 of "t.body" with the secret. */
    static boolean signed(String header, byte[] body, String secret) {
        if (header == null) {
            return false;
        }
        String t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                signatures.add(part.substring(3));
            }
        }
        if (t == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
            for (String signature : signatures) {
                if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The body's top-level id, revision and createdAt; null when one is missing. */
    private static Arrival parse(byte[] body, Instant arrived) throws IOException {
        String id = null;
        Long revision = null;
        Instant committed = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = parser.getText();
                    case "revision" -> revision = parser.getLongValue();
                    case "createdAt" -> committed = Instant.parse(parser.getText());
                    default -> {
                        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                            parser.skipChildren();
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return id == null || revision == null || committed == null
                ? null
                : new Arrival(0, id, revision, committed, arrived);
    }
}
