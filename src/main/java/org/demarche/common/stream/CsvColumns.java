package org.demarche.common.stream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Type;
import java.net.URI;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The CSV columns of a record type, derived from its JSON shape so a CSV row says what a JSON record
 * says: a scalar field is a column; a nested object's fields are columns named with dots
 * ({@code official.name}), one level deep; arrays, maps and anything deeper are one column holding
 * their JSON text. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) gets a leading apostrophe.
 */
final class CsvColumns {

    private static final int NESTED_LEVELS = 1;

    private record Column(String header, JsonPointer pointer, boolean json) {
    }

    private final List<Column> columns = new ArrayList<>();

    CsvColumns(ObjectMapper mapper, Type type) {
        collect(mapper, mapper.constructType(type), "", 0);
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** The cells of one record, in column order. */
    String[] row(JsonNode record) {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            Column column = columns.get(i);
            JsonNode value = record.at(column.pointer());
            cells[i] = value.isMissingNode() || value.isNull() ? ""
                    : column.json() || value.isContainerNode() ? value.toString()
                    : value.isTextual() ? formulaSafe(value.textValue())
                    : value.asText();
        }
        return cells;
    }

    private void collect(ObjectMapper mapper, JavaType type, String prefix, int level) {
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            if (!property.couldSerialize()) {
                continue;
            }
            String name = prefix + property.getName();
            JavaType propertyType = property.getPrimaryType();
            if (scalar(mapper, propertyType)) {
                columns.add(new Column(name, pointer(name), false));
            } else if (level < NESTED_LEVELS && !propertyType.isContainerType() && !propertyType.isJavaLangObject()) {
                collect(mapper, propertyType, name + ".", level + 1);
            } else {
                columns.add(new Column(name, pointer(name), true));
            }
        }
    }

    private static boolean scalar(ObjectMapper mapper, JavaType type) {
        Class<?> raw = type.getRawClass();
        return type.isPrimitive() || type.isEnumType() || CharSequence.class.isAssignableFrom(raw)
                || Number.class.isAssignableFrom(raw) || Boolean.class == raw || UUID.class == raw || URI.class == raw
                || TemporalAccessor.class.isAssignableFrom(raw)
                || (!type.isContainerType() && !type.isJavaLangObject()
                        && mapper.getSerializationConfig().introspect(type).findJsonValueAccessor() != null);
    }

    private static JsonPointer pointer(String dotted) {
        return JsonPointer.compile("/" + dotted.replace(".", "/"));
    }

    static String formulaSafe(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
