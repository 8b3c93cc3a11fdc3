package org.demarche.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.demarche.Fixtures;
import org.demarche.SendsAdminKey;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document gives generated clients what they need to type answers strictly: a schema for every
 * success answer, every field that is always there required, every field that may be null nullable, typed
 * merge patches, one server, no empty pattern. The last test holds real answers to the document, so it stays
 * true as the records change.
 */
@QuarkusTest
@SendsAdminKey
class OpenApiClientSchemasTest {

    private Map<String, Object> doc;
    private Map<String, Object> schemas;

    @BeforeEach
    void readDocument() {
        doc = given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        schemas = map(map(doc.get("components")).get("schemas"));
    }

    @Test
    void everySuccessAnswerWithABodyHasASchemaAndEveryAnswerSchemaRequiresItsFields() {
        int answers = 0;
        for (var path : map(doc.get("paths")).entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : map(path.getValue()).entrySet()) {
                String where = operation.getKey() + " " + path.getKey();
                for (var response :
                        map(map(operation.getValue()).get("responses")).entrySet()) {
                    Map<String, Object> content = map(map(response.getValue()).get("content"));
                    if (!response.getKey().startsWith("2") || content == null) {
                        continue;
                    }
                    for (var media : content.entrySet()) {
                        Map<String, Object> schema = map(map(media.getValue()).get("schema"));
                        assertNotNull(
                                schema, where + " " + response.getKey() + " " + media.getKey() + " has no schema");
                        if (media.getKey().equals("application/json") && schema.get("$ref") != null) {
                            answers++;
                            Map<String, Object> target = resolve(schema);
                            if (target.get("properties") != null) {
                                assertFalse(
                                        list(target.get("required")).isEmpty(),
                                        where + " answers " + schema.get("$ref") + " without required fields");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(answers > 40, "only " + answers + " JSON answers with a schema");
        assertEquals(
                List.of(
                        "id",
                        "name",
                        "kind",
                        "aliases",
                        "country",
                        "title",
                        "organization",
                        "wikidataId",
                        "offices",
                        "createdAt",
                        "updatedAt",
                        "version"),
                list(map(schemas.get("Official")).get("required")));
        assertEquals(
                "#/components/schemas/Official",
                path("paths", "/api/v1/officials", "post", "responses", "201", "content", "application/json", "schema")
                        .get("$ref"));
    }

    @Test
    void patchBodiesAreTypedMergePatchesWithEveryFieldOptionalAndNullable() {
        for (String thing : List.of("officials", "topics", "sources", "events", "statements", "positions")) {
            Map<String, Object> body = path(
                    "paths",
                    "/api/v1/" + thing + "/{id}",
                    "patch",
                    "requestBody",
                    "content",
                    "application/merge-patch+json",
                    "schema");
            Map<String, Object> patch = resolve(body);
            assertNull(patch.get("required"), thing + " patch requires fields");
            Map<String, Object> properties = map(patch.get("properties"));
            assertFalse(properties.isEmpty(), thing + " patch has no fields");
            properties.forEach((field, schema) -> assertTrue(nullable(map(schema)), thing + " patch " + field));
        }
        assertTrue(map(map(schemas.get("OfficialPatch")).get("properties")).containsKey("wikidataId"));
    }

    @Test
    void oneServerNoEmptyPatternAndTheHeadersClientsRead() {
        List<Object> servers = list(doc.get("servers"));
        assertEquals(1, servers.size());
        assertNotNull(map(servers.get(0)).get("description"));
        assertFalse(doc.toString().matches("(?s).*pattern=[,}].*"), "an empty pattern is left");
        Map<String, Object> official = path("paths", "/api/v1/officials");
        assertTrue(
                map(path(official, "post", "responses", "201").get("headers")).containsKey("Location"));
        assertTrue(map(path(official, "get", "responses", "200").get("headers")).containsKey("Link"));
        assertTrue(map(path(official, "get", "responses", "429").get("headers")).containsKey("Retry-After"));
        assertTrue(map(path("paths", "/api/v1/statements", "get", "responses", "503")
                        .get("headers"))
                .containsKey("Retry-After"));
        // Bodies keep bean validation's required fields; answers have all of theirs.
        assertEquals(List.of("title"), list(map(schemas.get("OfficeTermInput")).get("required")));
        assertEquals(5, list(map(schemas.get("OfficeTerm")).get("required")).size());
    }

    @Test
    void realAnswersHaveEveryRequiredFieldAndNullsOnlyWhereTheDocumentAllowsThem() {
        String official = Fixtures.official("Schema " + Fixtures.unique(), "FR");
        String topic = Fixtures.topic("schema-" + Fixtures.unique(), null);
        String source = Fixtures.source("Schema Outlet");
        String event = Fixtures.create(
                "events",
                Map.of(
                        "kind",
                        "meeting",
                        "title",
                        "Schema meeting",
                        "heldOn",
                        "2024",
                        "hostId",
                        official,
                        "participantIds",
                        List.of(official),
                        "sourceIds",
                        List.of(source)));
        String statement = Fixtures.create(
                "statements",
                Map.of(
                        "officialId",
                        official,
                        "text",
                        "Schema words " + Fixtures.unique(),
                        "quoteType",
                        "paraphrase",
                        "statedOn",
                        "2024",
                        "eventId",
                        event,
                        "inReplyTo",
                        Map.of("question", "Why?")));
        String plain = Fixtures.statement(official, "2024", List.of(topic), List.of(source));
        String position = Fixtures.create(
                "positions",
                Map.of("officialId", official, "topicId", topic, "stance", "supports", "validFrom", "2024"));
        given().contentType(ContentType.JSON)
                .body(Map.of("offices", List.of(Map.of("title", "Envoy"))))
                .contentType("application/merge-patch+json")
                .patch("/api/v1/officials/" + official)
                .then()
                .statusCode(200);
        for (String[] read : new String[][] {
            {"/api/v1/officials/{id}", "/api/v1/officials/" + official},
            {"/api/v1/topics/{id}", "/api/v1/topics/" + topic},
            {"/api/v1/sources/{id}", "/api/v1/sources/" + source},
            {"/api/v1/statements/{id}", "/api/v1/statements/" + statement},
            {"/api/v1/statements/{id}", "/api/v1/statements/" + plain},
            {"/api/v1/events/{id}", "/api/v1/events/" + event},
            {"/api/v1/events", "/api/v1/events?officialId=" + official},
            {"/api/v1/events/{eventId}/statements", "/api/v1/events/" + event + "/statements"},
            {"/api/v1/positions/{id}", "/api/v1/positions/" + position},
            {"/api/v1/officials", "/api/v1/officials?country=FR&limit=200"},
            {"/api/v1/statements", "/api/v1/statements?officialId=" + official},
            {"/api/v1/positions", "/api/v1/positions?officialId=" + official},
            {"/api/v1/officials/{id}/history", "/api/v1/officials/" + official + "/history"},
            {"/api/v1/officials/{officialId}/timeline", "/api/v1/officials/" + official + "/timeline"},
        }) {
            Response answer = given().accept(ContentType.JSON).get(read[1]);
            assertEquals(200, answer.statusCode(), read[1]);
            conforms(answer.jsonPath().get(""), schemaOf(read[0], "get", "200", "application/json"), read[1]);
        }
        Response missing = given().get("/api/v1/officials/" + UUID.randomUUID());
        assertEquals(404, missing.statusCode());
        conforms(missing.jsonPath().get(""), map(schemas.get("Problem")), "404");
        Response invalid = given().contentType(ContentType.JSON)
                .body(Map.of("name", "x", "country", "ZZ"))
                .post("/api/v1/officials");
        assertEquals(422, invalid.statusCode());
        conforms(invalid.jsonPath().get(""), map(schemas.get("Problem")), "422");
    }

    @Test
    void everyAnswerRecordRequiresTheFieldsJacksonAlwaysWrites() throws Exception {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.demarche");
        int checked = 0;
        for (JavaClass javaClass : classes) {
            Class<?> type = javaClass.reflect();
            Schema annotation = type.getAnnotation(Schema.class);
            String name = annotation == null || annotation.name().isEmpty() ? type.getSimpleName() : annotation.name();
            Map<String, Object> schema = map(schemas.get(name));
            if (!type.isRecord() || schema == null || name.endsWith("Input") || schema.get("properties") == null) {
                continue;
            }
            List<String> components = Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName)
                    .toList();
            if (!map(schema.get("properties")).keySet().equals(Set.copyOf(components))) {
                continue; // another record of that name (Key, State…), not the one the document describes
            }
            checked++;
            List<Object> required = list(schema.get("required"));
            List<String> declared = annotation == null ? List.of() : List.of(annotation.requiredProperties());
            for (RecordComponent component : type.getRecordComponents()) {
                JsonInclude field = type.getDeclaredField(component.getName()).getAnnotation(JsonInclude.class);
                JsonInclude include = field != null ? field : type.getAnnotation(JsonInclude.class);
                boolean alwaysWritten = include == null || include.value() == JsonInclude.Include.ALWAYS;
                // A field Jackson leaves out when null is required only where the record says it is never null.
                assertEquals(
                        alwaysWritten || declared.contains(component.getName()),
                        required.contains(component.getName()),
                        name + "." + component.getName() + (alwaysWritten ? " is always written" : " may be left out"));
                if (component.getType().isPrimitive()) {
                    assertFalse(
                            nullable(map(map(schema.get("properties")).get(component.getName()))),
                            name + "." + component.getName() + " is a primitive, never null");
                }
            }
        }
        assertTrue(checked > 30, "only " + checked + " answer records found");
    }

    /** Fails unless a JSON value has every field its schema requires and is null only where it may be. */
    private void conforms(Object value, Map<String, Object> schema, String where) {
        if (value == null) {
            assertTrue(nullable(schema), where + " is null, which the document does not allow");
            return;
        }
        Map<String, Object> target = resolve(schema);
        for (Object branch : list(target.get("anyOf"))) {
            if (!isNullType(map(branch))) {
                conforms(value, map(branch), where);
            }
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> properties = map(target.get("properties"));
            for (Object required : list(target.get("required"))) {
                assertTrue(object.containsKey(required), where + " has no " + required);
            }
            if (properties != null) {
                object.forEach((field, fieldValue) -> {
                    Map<String, Object> property = map(properties.get(field));
                    if (property == null) {
                        fail(where + "." + field + " is not in the document");
                    }
                    conforms(fieldValue, property, where + "." + field);
                });
            }
        } else if (value instanceof List<?> items && target.get("items") != null) {
            for (int i = 0; i < items.size(); i++) {
                conforms(items.get(i), map(target.get("items")), where + "[" + i + "]");
            }
        }
    }

    private boolean nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type == null && schema.get("$ref") == null && schema.get("anyOf") == null) {
            return true; // any JSON value
        }
        if (type instanceof List<?> types && types.contains("null")) {
            return true;
        }
        if (list(schema.get("anyOf")).stream().anyMatch(branch -> isNullType(map(branch)))) {
            return true;
        }
        return schema.get("$ref") != null && !resolve(schema).equals(schema) && nullable(resolve(schema));
    }

    private static boolean isNullType(Map<String, Object> schema) {
        return "null".equals(schema.get("type")) || List.of("null").equals(schema.get("type"));
    }

    private Map<String, Object> schemaOf(String path, String method, String status, String media) {
        return path("paths", path, method, "responses", status, "content", media, "schema");
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : map(schemas.get(((String) ref).substring("#/components/schemas/".length())));
    }

    private Map<String, Object> path(Object... keys) {
        Map<String, Object> at = keys[0] instanceof Map<?, ?> ? map(keys[0]) : map(doc.get((String) keys[0]));
        for (int i = 1; i < keys.length; i++) {
            at = map(at.get((String) keys[i]));
            assertNotNull(at, "no " + keys[i] + " in " + List.of(keys));
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? new ArrayList<>() : (List<Object>) value;
    }
}
