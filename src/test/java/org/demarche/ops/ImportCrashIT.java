package org.demarche.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * An import killed mid-way (SIGKILL, as a crash) leaves whole batches and nothing else: after a restart
 * every batch committed before the kill is kept, every stored statement is complete, with its topic,
 * source and mention, the stored lines are whole batches of 500, and sending the file again stores the
 * rest and finds the committed part unchanged. Runs on the database the app was built for.
 */
class ImportCrashIT {

    private static final int STATEMENTS = 6000;
    private static final String HEADER_LINES = String.join(
                    "\n",
                    "{\"type\":\"official\",\"name\":\"Crash Tester\",\"country\":\"IS\"}",
                    "{\"type\":\"topic\",\"slug\":\"crash-topic\",\"name\":\"Crash\"}",
                    "{\"type\":\"source\",\"url\":\"https://example.org/crash\",\"outlet\":\"Crash Courier\"}")
            + "\n";

    private static String statementLine(int i) {
        return "{\"type\":\"statement\",\"official\":{\"name\":\"Crash Tester\",\"country\":\"IS\"},\"text\":\"Words number "
                + i + "\",\"quoteType\":\"direct_quote\",\"statedOn\":\"2025-01\",\"topics\":[\"crash-topic\"],"
                + "\"sources\":[\"https://example.org/crash\"],\"mentions\":[\"UA\"]}\n";
    }

    private static String file() {
        StringBuilder file = new StringBuilder(HEADER_LINES);
        for (int i = 0; i < STATEMENTS; i++) {
            file.append(statementLine(i));
        }
        return file.toString();
    }

    /** The file, sent at about 200 KB (900 lines) a second, so that the import is still reading when it is killed. */
    private static InputStream slowly(byte[] bytes) {
        return new InputStream() {
            private int sent;

            @Override
            public int read() {
                return sent < bytes.length ? bytes[sent++] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= bytes.length) {
                    return -1;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                int n = Math.min(Math.min(length, 4096), bytes.length - sent);
                System.arraycopy(bytes, sent, buffer, offset, n);
                sent += n;
                return n;
            }
        };
    }

    @Test
    void aKilledImportLeavesWholeBatchesAndSendingItAgainCompletesIt() throws Exception {
        Map<String, String> environment = Databases.empty("import-crash");
        byte[] file = file().getBytes(StandardCharsets.UTF_8);

        AppInstance crashing = AppInstance.launch("import-crash", environment).awaitReady();
        HttpRequest request = HttpRequest.newBuilder(URI.create(crashing.baseUri() + "/api/v1/import"))
                .header("Authorization", "Bearer " + AppInstance.ADMIN_KEY)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> slowly(file)), file.length))
                .build();
        CompletableFuture<HttpResponse<String>> importing =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (crashing.anonymous()
                .get("/api/v1/changes?limit=1")
                .then()
                .extract()
                .jsonPath()
                .getList("items")
                .isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "a first batch commits within a minute");
            assertTrue(!importing.isDone(), "the import is still running when its first batch commits");
            Thread.sleep(20);
        }
        Thread.sleep(300);
        int committedBeforeKill = statements(export(crashing)).size();
        assertTrue(!importing.isDone(), "the import is still running when it is killed");
        crashing.kill();
        assertTrue(
                importing
                        .handle((response, failure) -> failure != null || response.statusCode() != 200)
                        .get(),
                "the client saw the import fail");

        try (AppInstance restarted =
                AppInstance.launch("import-crash-restarted", environment).awaitReady()) {
            List<JsonNode> exported = export(restarted);
            List<JsonNode> statements = statements(exported);
            int stored = statements.size();
            assertTrue(stored < STATEMENTS, "not all statements were committed: " + stored);
            assertTrue(
                    stored >= committedBeforeKill,
                    "every batch committed before the kill (" + committedBeforeKill + " statements) is kept: "
                            + stored);
            assertEquals(0, (stored + 3) % 500, "the committed lines are whole batches of 500: " + stored);
            String topic = exported.stream()
                    .filter(line -> line.get("type").asText().equals("topic"))
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asText();
            for (JsonNode statement : statements) {
                assertEquals(topic, statement.get("topicIds").get(0).asText(), statement.toString());
                assertEquals(1, statement.get("sourceIds").size(), statement.toString());
                assertEquals("UA", statement.get("mentions").get(0).asText(), statement.toString());
            }
            restarted.awaitSearchCaughtUp();
            assertEquals(stored, statementCount(restarted), "the search index caught up with the database");

            JsonPath again = restarted
                    .admin()
                    .contentType("application/x-ndjson")
                    .body(file)
                    .post("/api/v1/import")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(STATEMENTS - stored, again.getInt("created"), again.prettify());
            assertEquals(stored + 3, again.getInt("unchanged"), again.prettify());
            assertEquals(0, again.getInt("rejected"));
        }
    }

    /** The statements the instance finds by a word of their text: what is committed and in the search index. */
    private static int statementCount(AppInstance instance) {
        return instance.anonymous()
                .queryParam("q", "words")
                .queryParam("limit", 1)
                .get("/api/v1/statements")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("total");
    }

    /** The instance's full NDJSON export, read from the database. */
    private static List<JsonNode> export(AppInstance instance) {
        return instance.anonymous()
                .get("/api/v1/export")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .map(ImportCrashIT::json)
                .toList();
    }

    private static List<JsonNode> statements(List<JsonNode> export) {
        return export.stream()
                .filter(line -> line.get("type").asText().equals("statement"))
                .toList();
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("The export is NDJSON: " + line, e);
        }
    }
}
