package org.demarche.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Reads free-text, UUID and boolean filter values from query parameters, which arrive as text so that a bad
 * value is a 400 problem naming the parameter. Country codes, partial dates, instants, page sizes, cursors and
 * enums arrive typed instead, converted by {@code common.http.QueryParameterTypes}.
 */
public final class QueryParams {

    private QueryParams() {}

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
