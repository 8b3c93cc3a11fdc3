package org.demarche.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Makes the schemas say exactly what a generated client may expect, once for every operation:
 *
 * <ul>
 *   <li>every property of a schema that answers use is required: the API writes a null rather than leave a
 *       field out, and a property that may be null says so ({@code @Schema(nullable = true)}). The few
 *       records that leave out null fields ({@code @JsonInclude(NON_NULL)}) list what they always have with
 *       {@code @Schema(requiredProperties = …)}, which is kept;
 *   <li>an object schema both bodies and answers use is split: bodies refer to a copy named
 *       {@code <name>Input}, which keeps the required list bean validation gave it. A body's own schema
 *       ({@code …Input}) that an answer carries, as ingest's proposals carry officials to create, stays as
 *       it is;
 *   <li>a PATCH body (application/merge-patch+json) gets a {@code <name>Patch} schema: the fields of the
 *       PUT body of the same path, all optional and nullable (null removes a field);
 *   <li>empty patterns (Hibernate Validator's {@code @URL} gives one) are dropped: they match anything, and
 *       some generators fail on them.
 * </ul>
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = ClientSchemas.PRIORITY)
public class ClientSchemas implements OASFilter {

    /** After the other filters, so it sees the problem answers and list formats they add. */
    static final int PRIORITY = 0;

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String INPUT = "Input";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().forEach(ClientSchemas::dropEmptyPatterns);
        openAPI.getPaths().getPathItems().values().forEach(item -> typePatch(item, openAPI.getComponents()));
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        List<Schema> bodies = new ArrayList<>();
        List<Schema> answers = new ArrayList<>();
        operations(openAPI).forEach(operation -> {
            if (operation.getRequestBody() != null) {
                schemas(operation.getRequestBody().getContent(), bodies::add);
            }
            if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> schemas(r.getContent(), answers::add));
            }
        });
        Set<String> answered = reachable(answers, components);
        // A body's own schema that an answer carries (ingest proposes officials to create) stays a body's.
        answered.removeIf(name -> name.endsWith(INPUT));
        Set<String> shared = new HashSet<>(reachable(bodies, components));
        shared.retainAll(answered);
        shared.removeIf(name -> components.get(name).getProperties() == null);
        splitInputs(shared, bodies, answered, openAPI.getComponents());
        answered.forEach(name -> requireAll(components.get(name)));
    }

    /** Bodies refer to an {@code <name>Input} copy of each shared schema, which keeps its own required list. */
    private static void splitInputs(Set<String> shared, List<Schema> bodies, Set<String> answered, Components all) {
        Map<String, Schema> components = all.getSchemas();
        if (shared.isEmpty()) {
            return;
        }
        Set<String> bodyOnly = reachable(bodies, components);
        bodyOnly.removeAll(answered);
        List<Schema> toRewrite = new ArrayList<>(bodies);
        bodyOnly.forEach(name -> toRewrite.add(components.get(name)));
        for (String name : shared) {
            Schema input = copy(components.get(name));
            all.addSchema(name + INPUT, input);
            // The answers' one is required in full below, not as bean validation wants a body.
            components.get(name).setRequired(null);
            toRewrite.add(input);
        }
        toRewrite.forEach(schema -> walk(schema, s -> {
            String target = refName(s);
            if (target != null && shared.contains(target)) {
                s.setRef(SCHEMAS + target + INPUT);
            }
        }));
    }

    /** Every property is required unless the schema lists its own. */
    private static void requireAll(Schema schema) {
        if (schema == null
                || schema.getProperties() == null
                || schema.getProperties().isEmpty()) {
            return;
        }
        if (schema.getRequired() == null || schema.getRequired().isEmpty()) {
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
        }
    }

    /** The merge-patch body of a PATCH: the PUT body's fields, all optional and nullable. */
    private static void typePatch(PathItem item, Components all) {
        Map<String, Schema> components = all.getSchemas();
        Operation patch = item.getPATCH();
        Operation put = item.getPUT();
        if (patch == null || put == null || patch.getRequestBody() == null || put.getRequestBody() == null) {
            return;
        }
        MediaType patchBody = patch.getRequestBody().getContent().getMediaType(MERGE_PATCH);
        MediaType putBody =
                put.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
        String input = putBody == null ? null : refName(putBody.getSchema());
        if (patchBody == null || input == null || components.get(input).getProperties() == null) {
            return;
        }
        String name = (input.endsWith(INPUT) ? input.substring(0, input.length() - INPUT.length()) : input) + "Patch";
        Map<String, Schema> properties = new LinkedHashMap<>();
        components.get(input).getProperties().forEach((field, schema) -> properties.put(field, nullable(schema)));
        all.addSchema(
                name,
                OASFactory.createSchema()
                        .type(List.of(Schema.SchemaType.OBJECT))
                        .description("A JSON Merge Patch (RFC 7396) of " + input + ": every field is optional; a field"
                                + " given replaces the stored one, null removes it, fields left out stay.")
                        .properties(properties));
        patchBody.setSchema(OASFactory.createSchema().ref(SCHEMAS + name));
    }

    /** A copy of a property's schema that also allows null. */
    private static Schema nullable(Schema property) {
        Schema copy = copy(property);
        if (copy.getRef() == null && copy.getType() != null && !copy.getType().isEmpty() && copy.getAnyOf() == null) {
            if (!copy.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new ArrayList<>(copy.getType());
                types.add(Schema.SchemaType.NULL);
                copy.setType(types);
            }
            return copy;
        }
        if (copy.getAnyOf() != null && copy.getAnyOf().stream().anyMatch(ClientSchemas::isNull)) {
            return copy;
        }
        Schema value = OASFactory.createSchema();
        if (copy.getRef() != null) {
            value.setRef(copy.getRef());
            copy.setRef(null);
        } else {
            value.setAll(copy.getAll());
            copy = OASFactory.createSchema().description(value.getDescription());
            value.setDescription(null);
        }
        copy.setType(null);
        return copy.anyOf(List.of(value, OASFactory.createSchema().type(List.of(Schema.SchemaType.NULL))));
    }

    private static boolean isNull(Schema schema) {
        return schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.NULL));
    }

    private static void dropEmptyPatterns(Schema root) {
        walk(root, schema -> {
            if (schema.getPattern() != null && schema.getPattern().isEmpty()) {
                schema.setPattern(null);
            }
        });
    }

    /** The names of the component schemas the given schemas refer to, directly or not. */
    private static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
        Set<String> names = new HashSet<>();
        List<Schema> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            walk(todo.remove(todo.size() - 1), schema -> {
                String name = refName(schema);
                if (name != null && components.containsKey(name) && names.add(name)) {
                    todo.add(components.get(name));
                }
            });
        }
        return names;
    }

    /** Visits a schema and every schema nested in it (not following references). */
    private static void walk(Schema schema, Consumer<Schema> visit) {
        if (schema == null) {
            return;
        }
        visit.accept(schema);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> walk(p, visit));
        }
        walk(schema.getItems(), visit);
        walk(schema.getAdditionalPropertiesSchema(), visit);
        walk(schema.getNot(), visit);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                .filter(Objects::nonNull)
                .forEach(list -> list.forEach(s -> walk(s, visit)));
    }

    /** A deep copy of a schema. */
    private static Schema copy(Schema schema) {
        Schema copy = OASFactory.createSchema();
        Map<String, Object> all = new LinkedHashMap<>();
        schema.getAll().forEach((key, value) -> all.put(key, copyValue(value)));
        copy.setAll(all);
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Schema schema) {
            return copy(schema);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ClientSchemas::copyValue).toList());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, copyValue(v)));
            return copy;
        }
        return value;
    }

    private static String refName(Schema schema) {
        return schema != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)
                ? schema.getRef().substring(SCHEMAS.length())
                : null;
    }

    private static void schemas(Content content, Consumer<Schema> sink) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().stream()
                    .map(MediaType::getSchema)
                    .filter(Objects::nonNull)
                    .forEach(sink);
        }
    }

    private static List<Operation> operations(OpenAPI openAPI) {
        List<Operation> operations = new ArrayList<>();
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> operations.addAll(item.getOperations().values()));
        return operations;
    }
}
