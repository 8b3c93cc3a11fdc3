package org.demarche.ops;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the packaged app ({@code target/quarkus-app}, or the directory in the system property
 * {@code demarche.app.dir}) in its own process, for what only several processes or a restart can show.
 * Its output goes to {@code target/it/<name>.log}.
 */
final class AppInstance implements AutoCloseable {

    /** The admin key every instance is given (DEMARCHE_ADMIN_KEY). */
    static final String ADMIN_KEY = "it-admin-key-0123456789abcdef0123456789";

    private static final Path APP = Path.of(System.getProperty("demarche.app.dir", "target/quarkus-app"));
    private static final Path LOGS = Path.of("target/it");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private AppInstance(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Launches an instance on a free port with the admin key, no sample data and no rate limits, plus the
     * given environment (which wins); it is not ready yet: see {@link #awaitReady()}.
     */
    static AppInstance launch(String name, Map<String, String> environment) {
        try {
            Files.createDirectories(LOGS);
            int port = freePort();
            Path log = LOGS.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx512m",
                            "-jar",
                            APP.resolve("quarkus-run.jar").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = new HashMap<>(Map.of(
                    "DEMARCHE_PORT",
                    Integer.toString(port),
                    "DEMARCHE_ADMIN_KEY",
                    ADMIN_KEY,
                    "DEMARCHE_SAMPLE_DATA",
                    "false",
                    "DEMARCHE_RATE_LIMIT_ENABLED",
                    "false"));
            env.putAll(environment);
            builder.environment().putAll(env);
            return new AppInstance(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /** Waits until /q/health/ready answers 200, failing with the end of the log if the process dies or takes over 2 minutes. */
    AppInstance awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (ready()) {
                return this;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError(name + " was not ready within 2 minutes:\n" + logTail());
    }

    private boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** A request to this instance, with no key. */
    RequestSpecification anonymous() {
        return given().baseUri(baseUri());
    }

    /** A request to this instance with the admin key. */
    RequestSpecification admin() {
        return anonymous().header("Authorization", "Bearer " + ADMIN_KEY);
    }

    /**
     * Waits until every change committed so far is searchable on this instance: at once on the embedded
     * index, a moment after a commit or a start on OpenSearch, which follows the database. Polls the index
     * state, not searches (which count against the search limit), failing after a generous minute.
     */
    void awaitSearchCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        String state = admin().get("/api/v1/admin/search-index")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        while (!JsonPath.from(state).getBoolean("caughtUp")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + ": the search index did not catch up within a minute: " + state);
            }
            Thread.sleep(50);
            state = admin().get("/api/v1/admin/search-index")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
        }
    }

    /** Creates a record with the admin key and answers its id. */
    String create(String resource, Map<String, ?> body) {
        return admin().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/" + resource)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Stops the instance as an operator would (SIGTERM), waiting for it to exit. */
    void stop() {
        requestStop();
        awaitExit();
    }

    /** Sends SIGTERM and returns at once: the instance finishes what it is doing and exits. */
    void requestStop() {
        process.destroy();
    }

    /** Kills the process as a crash would (SIGKILL): nothing is finished, and it is gone when this returns. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Whether the process has exited within this time. */
    boolean exitsWithin(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
