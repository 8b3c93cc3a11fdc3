package org.demarche.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds quotations in a paragraph: straight ("…"), curly (“…”), low-high („…“), guillemets («…» and
 * »…«) and single quotes (‘…’ and '…') where the marks stand at word edges, so apostrophes are not taken
 * for quotes. Marks inside an open quotation other than its closing mark are part of its words.
 */
final class QuoteMarks {

    private QuoteMarks() {}

    /**
     * The quotations of a paragraph. When the paragraph before left a quotation open and this one does not
     * open it again, words up to a closing mark are still quoted: some outlets mark only the end.
     */
    static List<QuotedSpan> in(String text, Span paragraph, boolean continuing) {
        List<QuotedSpan> quotes = new ArrayList<>();
        int open = -1;
        String closers = "";
        int first = paragraph.start();
        if (continuing && closersOf(text, first, paragraph).isEmpty()) {
            open = first - 1;
            closers = "\"”»’";
        }
        for (int i = first; i < paragraph.end(); i++) {
            char c = text.charAt(i);
            boolean carried = open >= 0 && open < first;
            if (open < 0 || carried && !closersOf(text, i, paragraph).isEmpty()) {
                closers = closersOf(text, i, paragraph);
                open = closers.isEmpty() ? -1 : i;
            } else if (closers.indexOf(c) >= 0
                    && (c != '’' && c != '\'' || atWordEnd(text, i, paragraph))
                    && (open >= first || atWordEnd(text, i, paragraph) && i > first && text.charAt(i - 1) != ' ')) {
                if (!text.substring(open + 1, i).isBlank()) {
                    quotes.add(new QuotedSpan(new Span(open + 1, i), new Span(carried ? first : open, i + 1)));
                }
                open = -1;
            }
        }
        if (open >= first) {
            int end = paragraph.end();
            while (end > open + 1 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (!text.substring(open + 1, end).isBlank()) {
                quotes.add(new QuotedSpan(trimmed(text, open + 1, end), new Span(open, end)));
            }
        }
        return quotes;
    }

    /** The marks that close a quotation opened at i, or "" when the character there opens none. */
    private static String closersOf(String text, int i, Span paragraph) {
        return switch (text.charAt(i)) {
            case '"' -> atWordStart(text, i, paragraph) ? "\"”" : "";
            case '“' -> "”\"";
            case '„' -> "“”";
            case '«' -> "»";
            case '»' -> "«";
            case '‘' -> atWordStart(text, i, paragraph) ? "’" : "";
            case '\'' -> atWordStart(text, i, paragraph) ? "'" : "";
            default -> "";
        };
    }

    /** A mark that opens: not after a letter or digit, and before a word (or another mark or an ellipsis). */
    private static boolean atWordStart(String text, int i, Span paragraph) {
        boolean before = i == paragraph.start() || !Character.isLetterOrDigit(text.charAt(i - 1));
        return before && i + 1 < paragraph.end() && !Character.isWhitespace(text.charAt(i + 1));
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
