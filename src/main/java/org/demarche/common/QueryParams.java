package org.demarche.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads filter values from query parameters. They arrive as text so that a bad value is a 400 problem
 * naming the parameter, not the 404 that JAX-RS gives a query parameter it cannot convert.
 */
public final class QueryParams {

    private QueryParams() {}

    /** An enum value in any case ({@code DIRECT_QUOTE} or {@code direct_quote}); null when absent. */
    public static <T extends Enum<T>> T enumValue(String name, String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter '" + name + "' must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", not '" + text + "'");
        }
    }

    public static UUID uuid(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter '" + name + "' must be a UUID, not '" + text + "'");
        }
    }

    /** A repeatable UUID parameter ({@code officialId=a&officialId=b}); null when absent. */
    public static List<UUID> uuids(String name, List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        for (String text : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    ids.add(uuid(name, part));
                }
            }
        }
        return ids.isEmpty() ? null : ids;
    }

    public static Boolean bool(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw ProblemException.badRequest(
                        "Query parameter '" + name + "' must be true or false, not '" + text + "'");
        };
    }

    /**
     * The trimmed value in NFC, as stored text is; null when absent. Text a database cannot store (NUL, lone
     * surrogates) is a 400.
     */
    public static String text(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!UnicodeText.isStorable(text)) {
            throw ProblemException.badRequest("A query parameter " + UnicodeText.PROBLEM);
        }
        return UnicodeText.nfc(text.trim());
    }

    /**
     * A case-insensitive "contains" pattern for {@code lower(x) like :p escape '\'}, with the
     * client's own wildcard characters escaped; null when absent.
     */
    public static String likePattern(String text) {
        String value = text(text);
        if (value == null) {
            return null;
        }
        return "%"
                + value.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
    }

    /** The trimmed text in lower case, for case-insensitive equality; null when absent. */
    public static String lowerCase(String text) {
        String value = text(text);
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
