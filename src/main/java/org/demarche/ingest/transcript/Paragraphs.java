package org.demarche.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.demarche.ingest.Span;

/** A transcript's paragraphs (lines that are not blank), without the stamps some transcripts put between them. */
final class Paragraphs {

    /** A line that is only a time stamp, as transcripts of recordings have: "(00:12)", "01:04:33". */
    private static final Pattern STAMP = Pattern.compile("\\s*\\(?\\d{1,2}:\\d{2}(?::\\d{2})?\\)?\\s*");

    private Paragraphs() {}

    /** Each paragraph from its first to its last character that is not white space. */
    static List<Span> of(String text) {
        List<Span> paragraphs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                Span line = trimmed(text, start, i);
                if (line != null && !STAMP.matcher(line.of(text)).matches()) {
                    paragraphs.add(line);
                }
                start = i + 1;
            }
        }
        return paragraphs;
    }

    static Span trimmed(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start < end ? new Span(start, end) : null;
    }
}
