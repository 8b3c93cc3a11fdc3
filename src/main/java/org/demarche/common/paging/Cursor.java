package org.demarche.common.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.UUID;
import org.demarche.common.ProblemException;

/**
 * Where the next page starts: the sort it belongs to, and the sort value and id of the last record
 * returned. Keyset paging keeps pages stable under inserts and costs the same at any depth.
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

    public static Cursor decode(String text, String expectedSort) {
        return decode("cursor", text, expectedSort);
    }

    /** Reads a cursor sent in the named query parameter, answering 400 when it is not one for this sort. */
    public static Cursor decode(String parameter, String text, String expectedSort) {
        Cursor cursor;
        try {
            cursor = JSON.readValue(Base64.getUrlDecoder().decode(text), Cursor.class);
        } catch (IllegalArgumentException | IOException e) {
            throw ProblemException.badRequest("Query parameter '" + parameter + "' is not a cursor this API issued");
        }
        if (cursor.sort == null || cursor.value == null || cursor.id == null) {
            throw ProblemException.badRequest("Query parameter '" + parameter + "' is not a cursor this API issued");
        }
        if (!cursor.sort.equals(expectedSort)) {
            throw ProblemException.badRequest("Query parameter '" + parameter + "' was issued for sort '" + cursor.sort
                    + "'; keep the same sort while paging");
        }
        return cursor;
    }
}
