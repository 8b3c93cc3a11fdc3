package org.demarche.common.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import org.demarche.common.ProblemException;

/**
 * Where the next page starts: the sort it belongs to, and the sort value and id of the last record
 * returned. Keyset paging keeps pages stable under inserts and costs the same at any depth. A query
 * parameter of this type ({@code cursor}, {@code since}) is read by {@link #parse}.
 */
public record Cursor(String sort, String value, UUID id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException("A cursor could not be written", e);
        }
    }

    /** Reads a cursor sent in the named query parameter, answering 400 when it is not one this API issued. */
    public static Cursor parse(String parameter, String text) {
        Cursor cursor;
        try {
            cursor = JSON.readValue(Base64.getUrlDecoder().decode(text), Cursor.class);
        } catch (IllegalArgumentException | IOException e) {
            throw notIssued(parameter);
        }
        if (cursor.sort == null || cursor.value == null || cursor.id == null) {
            throw notIssued(parameter);
        }
        return cursor;
    }

    /** This cursor, sent in {@code cursor}, if it was issued for the sort; 400 when it was not. */
    public Cursor forSort(String expectedSort) {
        return forSort("cursor", expectedSort);
    }

    /** This cursor, sent in the named query parameter, if it was issued for the sort; 400 when it was not. */
    public Cursor forSort(String parameter, String expectedSort) {
        if (!sort.equals(expectedSort)) {
            throw ProblemException.badRequest("Query parameter '" + parameter + "' was issued for sort '" + sort
                    + "'; keep the same sort while paging");
        }
        return this;
    }

    /** The 400 for a value in the named query parameter that no page of this API gave out as a cursor. */
    public static ProblemException notIssued(String parameter) {
        return ProblemException.badRequest("Query parameter '" + parameter + "' is not a cursor this API issued");
    }
}
