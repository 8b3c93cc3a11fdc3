package org.demarche.ops;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Stopping the app (SIGTERM) lets a request in flight finish: a client reading a long export slowly
 * gets all of it although the stop came in the middle, and the process exits afterwards.
 */
@EnabledIfSystemProperty(named = "demarche.it.db", matches = "h2")
class ShutdownIT {

    private static final Path DATA = Path.of("target/it/shutdown").toAbsolutePath();
    /** With their long texts, an export of some 27 MB: more than the sockets between app and client buffer. */
    private static final int STATEMENTS = 6000;

    private static final String TEXT = "A long statement that fills the export. ".repeat(110);

    /** An import file: one official, then the statements, each with a text of some 4 400 characters. */
    private static String statements() {
        StringBuilder file =
                new StringBuilder("{\"type\":\"official\",\"name\":\"Shutdown Tester\",\"country\":\"IS\"}\n");
        for (int i = 0; i < STATEMENTS; i++) {
            file.append("{\"type\":\"statement\",\"official\":{\"name\":\"Shutdown Tester\",\"country\":\"IS\"},")
                    .append("\"text\":\"Number ")
                    .append(i)
                    .append(". ")
                    .append(TEXT)
                    .append("\",\"quoteType\":\"direct_quote\",\"statedOn\":\"2025-01\"}\n");
        }
        return file.toString();
    }

    @Test
    void aRequestInFlightFinishesWhenTheAppIsStopped() throws Exception {
        Directories.deleteTree(DATA);
        Map<String, String> environment = Map.of("DEMARCHE_DATA_DIR", DATA.toString());
        try (AppInstance loader =
                AppInstance.launch("shutdown-load", environment).awaitReady()) {
            loader.admin()
                    .contentType("application/x-ndjson")
                    .body(statements().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/import")
                    .then()
                    .statusCode(200)
                    .body("created", equalTo(STATEMENTS + 1));
        }

        try (AppInstance app = AppInstance.launch("shutdown", environment).awaitReady()) {
            HttpResponse<InputStream> export = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.baseUri() + "/api/v1/export"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, export.statusCode());
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
                assertTrue(lines.readLine().contains("\"type\":\"official\""));
                // The client stops reading, so the export waits on it, and the app is told to stop meanwhile.
                app.requestStop();
                assertFalse(app.exitsWithin(Duration.ofSeconds(2)), "the app waits for the export in flight");
                long statements = lines.lines()
                        .filter(line -> line.startsWith("{\"type\":\"statement\""))
                        .count();
                assertEquals(STATEMENTS, statements, "the whole export arrived");
            }
            assertTrue(app.exitsWithin(Duration.ofSeconds(30)), "the app exits once the export is done");
        }
    }
}
