package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.demarche.SendsAdminKey;
import org.demarche.TestKeys;
import org.junit.jupiter.api.Test;

/** What every response carries, and what is refused before a request reaches a resource. */
@QuarkusTest
@SendsAdminKey
class HttpGuardsTest {

    @Test
    void everyResponseCarriesSecurityHeaders() {
        given().get("/api/v1/topics")
                .then()
                .statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/api/v1/nowhere").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void keyResponsesAreNeverCached() {
        given().get("/api/v1/keys").then().statusCode(200).header("Cache-Control", "no-store");
    }

    @Test
    void anyOriginMayRead() {
        given().header("Origin", "https://reader.example")
                .get("/api/v1/officials")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
        given().header("Origin", "https://reader.example")
                .header("Access-Control-Request-Method", "GET")
                .options("/api/v1/officials")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD");
    }

    @Test
    void onlyConfiguredOriginsMayWrite() {
        given().header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/officials")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "From elsewhere", "country", "RU"))
                .post("/api/v1/officials")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");

        given().header("Origin", "https://newsroom.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/officials")
                .then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "https://newsroom.example")
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
        given().header("Origin", "https://newsroom.example")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "From the newsroom", "country", "RU"))
                .post("/api/v1/officials")
                .then()
                .statusCode(201)
                .header("Access-Control-Allow-Origin", "https://newsroom.example");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        String huge = "x".repeat(1024 * 1024 + 1);
        given().contentType(ContentType.JSON)
                .body("{\"name\": \"" + huge + "\", \"country\": \"RU\"}")
                .post("/api/v1/officials")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    /**
     * A refused body that the client goes on sending: its answer still arrives. Closing a connection with
     * unread bytes resets it, and the client may lose the answer before reading it, so the server reads
     * and drops the rest first.
     */
    @Test
    void aBodyRefusedWhileItIsSentStillGetsItsAnswer() throws Exception {
        byte[] body = ("{\"name\": \"" + "x".repeat(1536 * 1024) + "\", \"country\": \"RU\"}")
                .getBytes(StandardCharsets.UTF_8);
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Socket socket = new Socket(api.getHost(), api.getPort())) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/officials HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                                + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 413"), "attempt " + attempt + ": " + answer);
            }
        }
    }

    @TestHTTPResource("/api/v1/")
    URI api;

    /** Sends a body of unknown length, which java.net.http sends in chunks (after offering HTTP/2, which is refused). */
    private HttpResponse<String> postChunked(String path, String contentType, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(api.resolve(path))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChunkedBodyIsA411ProblemExceptForAnImport() throws Exception {
        HttpResponse<String> refused =
                postChunked("officials", "application/json", "{\"name\": \"Chunked\", \"country\": \"RU\"}");
        assertEquals(411, refused.statusCode());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<String> imported = postChunked(
                "import",
                "application/x-ndjson",
                "{\"type\": \"topic\", \"slug\": \"chunked-import\", \"name\": \"Chunked\"}\n");
        assertEquals(200, imported.statusCode(), imported.body());
    }
}
