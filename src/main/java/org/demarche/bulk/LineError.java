package org.demarche.bulk;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why one line of an import was rejected. The field and message may quote the line (a slug that names
 * nothing, a field's name), so each is cut at {@value #MAX_TEXT} characters: a report stays small.
 */
@Schema(name = "ImportLineError")
public record LineError(
        @Schema(description = "Line number in the body, from 1", examples = "12")
        long line,

        @Schema(
                description = "Path of the offending field in the line's record; empty for the line as a whole",
                examples = "country")
        String field,

        @Schema(
                description = "What is wrong; a long value it quotes is cut with …",
                examples = "must be an ISO 3166-1 alpha-2 country code")
        String message) {

    static final int MAX_TEXT = 300;

    public LineError {
        field = cut(field);
        message = cut(message);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
