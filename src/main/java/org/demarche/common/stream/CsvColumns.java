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
 * carriage return) gets a leading apostrophe, and so does such text behind apostrophes, so that a
 * reader can always take the apostrophe off again ({@link #withoutFormulaPrefix}).
 */
public final class CsvColumns {

    private static final int NESTED_LEVELS = 1;

    private record Column(String header, JsonPointer pointer, boolean json) {}

    private final List<Column> columns = new ArrayList<>();

    public CsvColumns(ObjectMapper mapper, Type type) {
        collect(mapper, mapper.constructType(type), "", 0);
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** Whether the column holds JSON text (an array, a map or a deeper object) rather than a scalar. */
    public boolean holdsJson(String header) {
        return columns.stream().anyMatch(column -> column.header().equals(header) && column.json());
    }

    /** The cells of one record, in column order. */
    String[] row(JsonNode record) {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
            Column column = columns.get(i);
            JsonNode value = record.at(column.pointer());
            cells[i] = value.isMissingNode() || value.isNull()
                    ? ""
                    : column.json() || value.isContainerNode()
                            ? value.toString()
                            : value.isTextual() ? formulaSafe(value.textValue()) : value.asText();
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
        return type.isPrimitive()
                || type.isEnumType()
                || CharSequence.class.isAssignableFrom(raw)
                || Number.class.isAssignableFrom(raw)
                || Boolean.class == raw
                || UUID.class == raw
                || URI.class == raw
                || TemporalAccessor.class.isAssignableFrom(raw)
                || (!type.isContainerType()
                        && !type.isJavaLangObject()
                        && mapper.getSerializationConfig().introspect(type).findJsonValueAccessor() != null);
    }

    private static JsonPointer pointer(String dotted) {
        return JsonPointer.compile("/" + dotted.replace(".", "/"));
    }

    static String formulaSafe(String text) {
        return startsFormula(text) ? "'" + text : text;
    }

    /** The text of a cell {@link #formulaSafe} wrote: without the apostrophe it added, if it added one. */
    public static String withoutFormulaPrefix(String cell) {
        return cell.startsWith("'") && startsFormula(cell.substring(1)) ? cell.substring(1) : cell;
    }

    /** Whether the text, after any leading apostrophes, starts as a formula would. */
    private static boolean startsFormula(String text) {
        int first = 0;
        while (first < text.length() && text.charAt(first) == '\'') {
            first++;
        }
        return first < text.length() && "=+-@\t\r".indexOf(text.charAt(first)) >= 0;
    }
}
