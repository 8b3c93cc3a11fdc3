package org.demarche.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Property-based hostile input over every write endpoint, with jqwik generating the cases from a fixed
 * seed (override with -Ddemarche.hostile.seed=..., scale with -Ddemarche.hostile.tries=...). The
 * property: every answer is a 2xx, or a 4xx problem+json that reveals no internals, never a 5xx; and
 * text that is accepted reads back exactly as sent, in Unicode normalization form C.
 */
@QuarkusTest
@SendsAdminKey
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String SEED = System.getProperty("demarche.hostile.seed", "20261125");
    private static final int TRIES = Integer.getInteger("demarche.hostile.tries", 40);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Writes \\uXXXX escapes, the only way to send a lone surrogate in valid UTF-8 JSON. */
    private static final ObjectMapper ESCAPING =
            new ObjectMapper().enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    /** Byte sequences that are not UTF-8: stray continuation, truncated, overlong, encoded surrogate, 0xFF. */
    private static final List<byte[]> NOT_UTF8 = List.of(
            new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xA0, (byte) 0xA1},
            new byte[] {(byte) 0xE2, 0x28, (byte) 0xA1},
            new byte[] {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82});

    /** A write endpoint: a valid body to start from, its free-text fields, and where the record reads back. */
    private record Write(
            String method, String path, Supplier<ObjectNode> validBody, List<String> textFields, String readBack) {

        String name() {
            return method + " " + path;
        }

        String contentType() {
            return method.equals("PATCH") ? "application/merge-patch+json" : "application/json; charset=UTF-8";
        }
    }

    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<Write> writes = new ArrayList<>();
    private int cases;
    private int textsReadBack;

    /** Runs before each test, once: REST Assured knows the app's port only from then on. */
    private void recordsToWriteOn() {
        if (!writes.isEmpty()) {
            return;
        }
        String official = Fixtures.official("Hostile " + Fixtures.unique(), "RU");
        String topic = Fixtures.topic("hostile-" + Fixtures.unique(), null);
        String source = Fixtures.source("Hostile Times");
        String statement = Fixtures.statement(official, "2024-11", List.of(topic), List.of(source));
        String position = Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", topic, "stance", "opposes", "validFrom", "2024-11"));
        String event =
                Fixtures.create("events", Map.of("kind", "briefing", "title", "Hostile briefing", "heldOn", "2024"));

        Supplier<ObjectNode> officialBody = () -> object(Map.of(
                "name",
                "Sergei Lavrov",
                "country",
                "RU",
                "title",
                "Minister",
                "organization",
                "MFA",
                "aliases",
                List.of("Lavrov")));
        Supplier<ObjectNode> topicBody = () -> object(
                Map.of("slug", "t-" + Fixtures.unique(), "name", "Ceasefire", "description", "A halt to fighting"));
        Supplier<ObjectNode> sourceBody = () -> object(Map.of(
                "url",
                "https://example.org/" + Fixtures.unique(),
                "outlet",
                "Caliber.Az",
                "title",
                "FM Lavrov",
                "citing",
                "Russian media",
                "authors",
                List.of("T. H.")));
        Supplier<ObjectNode> statementBody = () -> object(Map.of(
                "officialId",
                official,
                "text",
                "A truce is a road to nowhere.",
                "quoteType",
                "direct_quote",
                "statedOn",
                "2024-11-20",
                "venue",
                "Moscow",
                "notes",
                "n",
                "attribution",
                "MR LAVROV",
                "topicIds",
                List.of(topic),
                "sourceIds",
                List.of(source)));
        Supplier<ObjectNode> eventBody = () -> object(Map.of(
                "kind",
                "press_conference",
                "title",
                "Press conference after the talks",
                "heldOn",
                "2024-11-20",
                "venue",
                "Moscow",
                "hostId",
                official,
                "participantIds",
                List.of(official),
                "sourceIds",
                List.of(source)));
        // Each new position needs a topic of its own, or it would close (and clash with) the previous one.
        Supplier<ObjectNode> positionBody = () -> object(Map.of(
                "officialId",
                official,
                "topicId",
                Fixtures.topic("p-" + Fixtures.unique(), null),
                "stance",
                "conditional",
                "label",
                "Talks only on terms",
                "validFrom",
                "2024-11",
                "conditions",
                List.of("binding agreements")));
        Supplier<ObjectNode> positionReplacement = () -> object(Map.of(
                "officialId",
                official,
                "topicId",
                topic,
                "stance",
                "conditional",
                "label",
                "Talks only on terms",
                "validFrom",
                "2024-11"));

        add("officials", official, officialBody, officialBody, List.of("name", "title", "organization"));
        add("topics", topic, topicBody, topicBody, List.of("name", "description"));
        add("sources", source, sourceBody, sourceBody, List.of("outlet", "title", "citing"));
        add("events", event, eventBody, eventBody, List.of("title", "venue"));
        add("statements", statement, statementBody, statementBody, List.of("text", "venue", "notes", "attribution"));
        add("positions", position, positionBody, positionReplacement, List.of("label"));
        writes.add(new Write(
                "POST",
                "/api/v1/keys",
                () -> object(Map.of("name", "importer", "role", "editor")),
                List.of("name"),
                "/api/v1/keys"));
    }

    private void add(
            String resource,
            String id,
            Supplier<ObjectNode> createBody,
            Supplier<ObjectNode> replaceBody,
            List<String> textFields) {
        String collection = "/api/v1/" + resource;
        writes.add(new Write("POST", collection, createBody, textFields, collection));
        writes.add(new Write("PUT", collection + "/" + id, replaceBody, textFields, collection));
        writes.add(new Write("PATCH", collection + "/" + id, () -> NODES.objectNode(), textFields, collection));
    }

    @BeforeEach
    void seed() {
        recordsToWriteOn();
        JqwikSession.start(SEED);
    }

    @AfterEach
    void endSession() {
        JqwikSession.finish();
    }

    @AfterAll
    void report() {
        System.out.printf(
                "Hostile input (seed %s): %d cases, %d accepted texts read back exactly, statuses %s%n",
                SEED, cases, textsReadBack, statuses);
    }

    @Test
    void randomJsonOfAnyShapeIsRefusedOrAcceptedButNeverAServerError() {
        for (Write write : writes) {
            List<String> fields = fieldNames(write);
            Arbitrary<JsonNode> bodies = HostileJson.value(fields);
            for (int i = 0; i < TRIES; i++) {
                send(write, bytes(bodies.sample(), i % 2 == 0));
            }
        }
    }

    @Test
    void aValidBodyWithOneFieldOfAnyValueIsRefusedOrAcceptedButNeverAServerError() {
        for (Write write : writes) {
            List<String> fields = fieldNames(write);
            Arbitrary<JsonNode> values = HostileJson.value(fields);
            Arbitrary<String> field = Arbitraries.of(fields);
            for (int i = 0; i < TRIES; i++) {
                ObjectNode body = write.validBody().get();
                body.set(field.sample(), values.sample());
                send(write, bytes(body, i % 2 == 0));
            }
        }
    }

    @Test
    void hostileTextThatIsAcceptedReadsBackExactly() {
        Arbitrary<String> texts = HostileJson.text();
        for (Write write : writes) {
            for (int i = 0; i < TRIES; i++) {
                ObjectNode body = write.validBody().get();
                Map<String, String> sent = new TreeMap<>();
                for (String field : write.textFields()) {
                    String text = texts.sample();
                    sent.put(field, text);
                    body.put(field, text);
                }
                Response response = send(write, bytes(body, i % 2 == 0));
                if (response.statusCode() < 300) {
                    readsBackExactly(write, response, sent);
                }
            }
        }
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWithAProblem() {
        for (Write write : writes) {
            String field = write.textFields().get(0);
            for (byte[] invalid : NOT_UTF8) {
                ObjectNode body = write.validBody().get();
                body.put(field, "@@");
                String json = body.toString();
                int at = json.indexOf("@@");
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                raw.writeBytes(json.substring(0, at).getBytes(StandardCharsets.UTF_8));
                raw.writeBytes(invalid);
                raw.writeBytes(json.substring(at + 2).getBytes(StandardCharsets.UTF_8));
                Response response = send(write, raw.toByteArray());
                assertTrue(
                        response.statusCode() >= 400,
                        write.name() + " accepted bytes that are not UTF-8: " + hex(invalid));
            }
        }
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingItsPointer() {
        for (Write write : writes) {
            List<String> fields = fieldNames(write);
            String field = Arbitraries.of(fields).sample();
            ObjectNode body = write.validBody().get();
            String json = body.toString();
            // The same value twice: a value that does not fit would be refused before the second key is read.
            String twice = "{\"" + field + "\": " + body.get(field) + ", " + json.substring(1);
            if (json.equals("{}")) {
                twice = "{\"" + field + "\": \"a\", \"" + field + "\": \"b\"}";
            }
            Response response = send(write, twice.getBytes(StandardCharsets.UTF_8));
            assertEquals(400, response.statusCode(), write.name() + ": " + response.asString());
            String detail = response.jsonPath().getString("detail");
            assertTrue(detail.contains("'" + field + "' twice") && detail.contains("at /" + field), detail);
        }
        Response nested = send(
                writes.get(0),
                "{\"name\": \"N\", \"country\": \"RU\", \"offices\": [{\"title\": \"a\", \"title\": \"b\"}]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, nested.statusCode());
        assertTrue(nested.jsonPath().getString("detail").contains("at /offices/0/title"), nested.asString());
    }

    private Response send(Write write, byte[] body) {
        Response response = given().contentType(write.contentType())
                .body(body)
                .request(write.method(), write.path())
                .andReturn();
        cases++;
        statuses.merge(response.statusCode(), 1, Integer::sum);
        String context =
                write.name() + " (seed " + SEED + ") with " + abbreviate(new String(body, StandardCharsets.UTF_8))
                        + "\n answered " + response.statusCode() + " " + abbreviate(response.asString());
        int status = response.statusCode();
        assertTrue(status < 500, "server error for " + context);
        if (status >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0], context);
            JsonNode problem = parse(response.asByteArray(), context);
            assertEquals(status, problem.path("status").asInt(), context);
            assertFalse(problem.path("title").asText().isBlank(), context);
            String text = response.asString();
            for (String internal : List.of("Exception", "org.hibernate", "java.lang", "\tat ", "SQLState")) {
                assertFalse(text.contains(internal), "internals in " + context);
            }
        } else {
            assertTrue(status >= 200, context);
        }
        return response;
    }

    private void readsBackExactly(Write write, Response response, Map<String, String> sent) {
        String id = parse(response.asByteArray(), write.name()).path("id").asText();
        JsonNode stored = parse(
                given().get(write.readBack() + "/" + id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                write.name());
        sent.forEach((field, text) -> {
            assertEquals(
                    Normalizer.normalize(text, Normalizer.Form.NFC),
                    stored.path(field).asText(null),
                    write.name() + " changed " + field + " other than to NFC (seed " + SEED + ")");
            textsReadBack++;
        });
    }

    private List<String> fieldNames(Write write) {
        List<String> names = new ArrayList<>();
        write.validBody().get().fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            names.addAll(write.textFields());
        }
        return names;
    }

    private static ObjectNode object(Map<String, ?> fields) {
        return JSON.valueToTree(fields);
    }

    private static byte[] bytes(JsonNode body, boolean escapeNonAscii) {
        try {
            return (escapeNonAscii ? ESCAPING : JSON).writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(byte[] body, String context) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return fail("unreadable JSON in answer to " + context);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "... (" + text.length() + " chars)";
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format("%02X ", b));
        }
        return hex.toString().trim();
    }
}
