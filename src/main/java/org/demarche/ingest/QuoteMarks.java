package org.demarche.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotations in a paragraph: straight ("…"), curly (“…”), low-high („…“), guillemets («…» and
 * »…«) and single curly quotes (‘…’) where the marks stand at word edges, so apostrophes are not taken
 * for quotes. Marks inside an open quotation other than its closing mark are part of its words.
 */
final class QuoteMarks {

    private QuoteMarks() {
    }

    static List<QuotedSpan> in(String text, Span paragraph) {
        List<QuotedSpan> quotes = new ArrayList<>();
        int open = -1;
        String closers = "";
        for (int i = paragraph.start(); i < paragraph.end(); i++) {
            char c = text.charAt(i);
            if (open < 0) {
                closers = closersOf(text, i, paragraph);
                if (!closers.isEmpty()) {
                    open = i;
                }
            } else if (closers.indexOf(c) >= 0 && (c != '’' || atWordEnd(text, i, paragraph))) {
                add(quotes, open, i + 1);
                open = -1;
            }
        }
        if (open >= 0) {
            int end = paragraph.end();
            while (end > open + 1 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            quotes.add(new QuotedSpan(trimmed(text, open + 1, end), new Span(open, end)));
        }
        return quotes;
    }

    private static void add(List<QuotedSpan> quotes, int open, int afterClose) {
        if (afterClose - open > 2) {
            quotes.add(new QuotedSpan(new Span(open + 1, afterClose - 1), new Span(open, afterClose)));
        }
    }

    /** The marks that close a quotation opened at i, or "" when the character there opens none. */
    private static String closersOf(String text, int i, Span paragraph) {
        return switch (text.charAt(i)) {
            case '"' -> "\"”";
            case '“' -> "”\"";
            case '„' -> "“”";
            case '«' -> "»";
            case '»' -> "«";
            case '‘' -> atWordStart(text, i, paragraph) ? "’" : "";
            default -> "";
        };
    }

    private static boolean atWordStart(String text, int i, Span paragraph) {
        boolean before = i == paragraph.start() || !Character.isLetterOrDigit(text.charAt(i - 1));
        return before && i + 1 < paragraph.end() && Character.isLetterOrDigit(text.charAt(i + 1));
    }

    private static boolean atWordEnd(String text, int i, Span paragraph) {
        return i + 1 == paragraph.end() || !Character.isLetterOrDigit(text.charAt(i + 1));
    }

    private static Span trimmed(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return new Span(start, end);
    }
}
