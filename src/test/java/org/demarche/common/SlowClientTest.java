package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.demarche.SendsAdminKey;
import org.demarche.TestKeys;
import org.demarche.common.http.RequestIds;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Clients that send their bodies slowly, hold many requests open or drop their connections: they get
 * 408 and 429/503 problems, hold no worker thread, and leave one DEBUG line in the log, not an ERROR.
 */
@QuarkusTest
@SendsAdminKey
@TestProfile(SlowClientTest.LowCaps.class)
class SlowClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Caps small enough to reach in a test. */
    public static class LowCaps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "demarche.in-flight.body-timeout",
                    "2s",
                    "demarche.in-flight.per-key",
                    "3",
                    "demarche.in-flight.per-address",
                    "6",
                    "demarche.in-flight.streams-per-client",
                    "1",
                    "demarche.in-flight.streams",
                    "2",
                    "quarkus.http.idle-timeout",
                    "10s",
                    // Requests may then come from addresses of their own (X-Forwarded-For).
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.allow-x-forwarded",
                    "true",
                    "quarkus.log.category.\"org.demarche.common.http.ClosedConnections\".level",
                    "DEBUG");
        }
    }

    @TestHTTPResource("/")
    URL server;

    /** A request from this address whose headers and the start of whose body are sent, the rest never. */
    private Socket partialBody(String path, String contentType, String key, String address, long length, String start)
            throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        socket.getOutputStream()
                .write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                                + "\r\nX-Forwarded-For: " + address + "\r\nContent-Type: " + contentType
                                + "\r\nContent-Length: " + length
                                + "\r\n\r\n" + start)
                        .getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return socket;
    }

    private Socket slowTopic(String key) throws IOException {
        return partialBody("/api/v1/topics", "application/json", key, "127.0.0.1", 100, "{");
    }

    private Socket slowImport(String key, String address) throws IOException {
        return partialBody("/api/v1/import?dryRun=true", "application/x-ndjson", key, address, 1_000_000, "{");
    }

    private static String answer(Socket socket) throws IOException {
        socket.setSoTimeout((int) PATIENCE.toMillis());
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The value of one of the server's in-flight gauges ({@code InFlightLimits}). */
    private static int inFlight(String gauge) {
        String metrics = given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher value = Pattern.compile("(?m)^demarche_http_" + gauge + "_in_flight (\\S+)$")
                .matcher(metrics);
        if (!value.find()) {
            throw new AssertionError("no gauge demarche_http_" + gauge + "_in_flight at /q/metrics");
        }
        return (int) Double.parseDouble(value.group(1));
    }

    /**
     * Waits until the server counts at least this many requests or streams under way. A test must not probe
     * for a cap with requests of its own meanwhile: a probe holds a place too, and may take the one the
     * request it waits for needs.
     */
    private static void awaitInFlight(String gauge, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (inFlight(gauge) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(inFlight(gauge) >= atLeast, gauge + " in flight: " + inFlight(gauge) + ", awaited " + atLeast);
    }

    private static String newKey() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("name", "slow " + UUID.randomUUID(), "role", "editor"))
                .post("/api/v1/keys")
                .then()
                .statusCode(201)
                .extract()
                .path("secret");
    }

    private static int createTopic(String key) {
        return given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "slow-" + UUID.randomUUID(), "name", "Slow"))
                .post("/api/v1/topics")
                .statusCode();
    }

    @Test
    void aSlowBodyIsA408ProblemAndHoldsNoWorker() throws Exception {
        String slowKey = newKey();
        try (Socket slow = slowTopic(slowKey)) {
            long started = System.nanoTime();
            // Meanwhile others read and write as usual.
            given().get("/api/v1/topics").then().statusCode(200);
            assertEquals(201, createTopic(TestKeys.ADMIN));
            String answer = answer(slow);
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("application/problem+json"), answer);
            assertTrue(answer.contains("Connection: close"), answer);
            assertTrue(
                    System.nanoTime() - started >= Duration.ofMillis(1500).toNanos(),
                    "answered at the timeout, not before");
        }
    }

    @Test
    void aBodyThatArrivesAfterIts408WritesNothing() throws Exception {
        String slug = "late-" + UUID.randomUUID();
        String body = "{\"slug\": \"" + slug + "\", \"name\": \"Late\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket late = partialBody(
                "/api/v1/topics",
                "application/json",
                TestKeys.ADMIN,
                "127.0.0.1",
                bytes.length,
                body.substring(0, 1))) {
            late.setSoTimeout((int) PATIENCE.toMillis());
            InputStream in = late.getInputStream();
            byte[] statusLine = in.readNBytes("HTTP/1.1 408".length());
            assertEquals("HTTP/1.1 408", new String(statusLine, StandardCharsets.UTF_8));
            // The rest of the body, while the server still reads and drops what comes before closing.
            late.getOutputStream().write(bytes, 1, bytes.length - 1);
            late.getOutputStream().flush();
            in.readAllBytes();
        }
        given().get("/api/v1/topics?name=Late&limit=100").then().statusCode(200).body("items.slug", not(hasItem(slug)));
    }

    @Test
    void aWriteSlowerThanTheBodyTimeoutGetsItsOwnAnswerNotA408() throws Exception {
        String slug = "slow-write-" + UUID.randomUUID();
        byte[] body = ("{\"slug\": \"" + slug + "\", \"name\": \"Slow write\"}").getBytes(StandardCharsets.UTF_8);
        WriteGate.close();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            long sent = System.nanoTime();
            socket.getOutputStream()
                    .write(("POST /api/v1/topics HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestKeys.ADMIN
                                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            // The whole body arrived at once; the write is held before it commits until well past the body timeout
            // (2 s after the body began), as a write waiting for the database under overload is.
            assertTrue(WriteGate.awaitHeld(PATIENCE.toSeconds()), "the write reached its transaction");
            long heldFor = Duration.ofMillis(3_500).toNanos() - (System.nanoTime() - sent);
            Thread.sleep(Math.max(0, heldFor / 1_000_000));
            WriteGate.open();
            String answer = answer(socket);
            assertTrue(answer.startsWith("HTTP/1.1 201"), "the write committed and says so: " + answer);
            assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, "one answer only: " + answer);
        } finally {
            WriteGate.open();
        }
        List<String> slugs = given().get("/api/v1/topics?name=Slow write&limit=100")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.slug");
        assertEquals(1, slugs.stream().filter(slug::equals).count(), "written once: " + slugs);
    }

    @Test
    void requestsInFlightAreCappedPerKey() throws Exception {
        String slowKey = newKey();
        List<Socket> open = new ArrayList<>();
        try {
            int before = inFlight("requests");
            for (int i = 0; i < 3; i++) {
                open.add(slowTopic(slowKey));
            }
            awaitInFlight("requests", before + 3);
            assertEquals(429, createTopic(slowKey));
            given().header("Authorization", "Bearer " + slowKey)
                    .contentType(ContentType.JSON)
                    .body(Map.of("slug", "refused", "name", "Refused"))
                    .post("/api/v1/topics")
                    .then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1");
            assertEquals(201, createTopic(TestKeys.ADMIN), "another key is not affected");
            try (Socket refused = slowTopic(slowKey)) {
                String answer = answer(refused);
                assertTrue(answer.startsWith("HTTP/1.1 429"), answer);
                assertTrue(answer.contains("Connection: close"), "the unread body's connection is closed: " + answer);
            }
        } finally {
            for (Socket socket : open) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int status;
        do {
            status = createTopic(slowKey);
        } while (status == 429 && System.nanoTime() < deadline);
        assertEquals(201, status, "closed connections give their places back");
    }

    @Test
    void streamsAreCappedPerKeyAndInAll() throws Exception {
        String first = newKey();
        String second = newKey();
        try (Socket firstImport = slowImport(first, "203.0.113.1")) {
            awaitInFlight("streams", 1);
            int status = given().header("Authorization", "Bearer " + first)
                    .header("X-Forwarded-For", "203.0.113.2")
                    .get("/api/v1/export")
                    .statusCode();
            assertEquals(429, status, "one stream per key");
            given().header("Authorization", "Bearer " + TestKeys.ADMIN)
                    .header("X-Forwarded-For", "203.0.113.1")
                    .accept("text/csv")
                    .get("/api/v1/officials")
                    .then()
                    .statusCode(429);
            try (Socket secondImport = slowImport(second, "203.0.113.3")) {
                awaitInFlight("streams", 2);
                status = given().header("X-Forwarded-For", "203.0.113.4")
                        .accept("text/csv")
                        .get("/api/v1/officials")
                        .statusCode();
                assertEquals(503, status, "two streams in all");
                given().header("X-Forwarded-For", "203.0.113.4")
                        .get("/api/v1/export")
                        .then()
                        .statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "1");
                given().header("X-Forwarded-For", "203.0.113.4")
                        .get("/api/v1/officials")
                        .then()
                        .statusCode(200);
            }
        }
    }

    @Test
    void aDroppedOrStalledConnectionIsOneDebugLineWithoutATrace() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord logged) {
                    // The request's logging context, read while the record is written on the request's thread.
                    logged.copyMdc();
                }
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            slowTopic(TestKeys.ADMIN).close();
            // An import dropped while it is being read: close once its first batch is committed.
            long before =
                    given().get("/api/v1/topics").then().extract().jsonPath().getLong("total");
            try (Socket importing = importOf600Topics("dropped")) {
                long waitUntil = System.nanoTime() + PATIENCE.toNanos();
                while (given().get("/api/v1/topics").then().extract().jsonPath().getLong("total") < before + 500
                        && System.nanoTime() < waitUntil) {
                    Thread.sleep(50);
                }
            }
            // An import that stops sending: the idle timeout closes its connection. The server frees the dropped
            // import's stream slot once it has seen the close: until then this import is refused with a 429 and
            // Retry-After, as any client's is, and is sent again.
            long admitted = System.nanoTime() + PATIENCE.toNanos();
            String answer;
            do {
                try (Socket stalled = importOf600Topics("stalled")) {
                    answer = answer(stalled);
                }
                if (answer.startsWith("HTTP/1.1 429")) {
                    Thread.sleep(100);
                }
            } while (answer.startsWith("HTTP/1.1 429") && System.nanoTime() < admitted);
            assertEquals("", answer, "closed without an answer");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (closedLines(records).size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            List<LogRecord> closed = closedLines(records);
            assertEquals(3, closed.size(), "one line for each dropped or stalled connection");
            closed.forEach(record -> assertEquals(null, record.getThrown()));
            closed.forEach(record -> assertTrue(
                    ((ExtLogRecord) record).getMdc(RequestIds.MDC_KEY) != null,
                    "the line carries the id of its request"));
            assertTrue(
                    records.stream().noneMatch(record -> record.getLevel().intValue() >= Level.WARNING.intValue()),
                    "nothing at WARN or ERROR");
        } finally {
            root.removeHandler(capture);
        }
    }

    /** An import whose 600 topic lines are sent, and then nothing more of its 1 MB body. */
    private Socket importOf600Topics(String slugPrefix) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            lines.append("{\"type\":\"topic\",\"slug\":\"")
                    .append(slugPrefix)
                    .append('-')
                    .append(i)
                    .append("\",\"name\":\"Dropped\"}\n");
        }
        return partialBody(
                "/api/v1/import", "application/x-ndjson", TestKeys.ADMIN, "127.0.0.1", 1_000_000, lines.toString());
    }

    private static List<LogRecord> closedLines(List<LogRecord> records) {
        return records.stream()
                .filter(record -> "org.demarche.common.http.ClosedConnections".equals(record.getLoggerName()))
                .toList();
    }
}
