package org.demarche.subscription;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on a free port of 127.0.0.1 for webhook tests. {@code /ok} answers 204, {@code /fail}
 * 500, {@code /moved} a 302 to {@code /ok}, {@code /slow} 200 after 3 seconds, {@code /down} 503 while
 * {@link #down} is set and 204 otherwise; every request is recorded.
 */
public final class Receiver implements AutoCloseable {

    public record Received(String path, Map<String, String> headers, String body) {}

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** Whether {@code /down} is down. */
    public volatile boolean down;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next request received, waiting up to 10 seconds. */
    public Received next() throws InterruptedException {
        return next(10);
    }

    /** The next request received, waiting up to this many seconds. */
    public Received next(int seconds) throws InterruptedException {
        Received next = received.poll(seconds, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing received");
        }
        return next;
    }

    /** The next request received within this many milliseconds, or null. */
    public Received poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    public boolean isEmpty() {
        return received.isEmpty();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        received.add(new Received(path, headers, body));
        switch (path) {
            case "/fail" -> exchange.sendResponseHeaders(500, -1);
            case "/down" -> exchange.sendResponseHeaders(down ? 503 : 204, -1);
            case "/moved" -> {
                exchange.getResponseHeaders().set("Location", url("/ok"));
                exchange.sendResponseHeaders(302, -1);
            }
            case "/slow" -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(200, -1);
            }
            default -> exchange.sendResponseHeaders(204, -1);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
