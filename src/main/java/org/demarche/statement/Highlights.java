package org.demarche.statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The highlight of a search hit: its text (or, for a long text, the stretch around the first match),
 * HTML-escaped, with every word that matches a searched word or prefix in {@code <mark>...</mark>}.
 * Words are compared after the same analysis as the index, so {@code ceasefires} marks
 * {@code Ceasefire}. Computed from the text and the query alone, so both engines mark the same words.
 */
public final class Highlights {

    private static final int WINDOW = 300;
    private static final int LEAD = 60;

    private Highlights() {}

    public static String of(SearchQuery query, String text) {
        Set<String> terms = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (List<SearchQuery.Clause> group : query.required()) {
            for (SearchQuery.Clause clause : group) {
                if (clause.prefix()) {
                    prefixes.addAll(TextAnalysis.words(clause.words().get(0)));
                } else {
                    TextAnalysis.tokens(String.join(" ", clause.words())).forEach(token -> terms.add(token.term()));
                }
            }
        }
        List<int[]> marks = new ArrayList<>();
        mark(TextAnalysis.ANALYZER, text, terms::contains, marks);
        mark(TextAnalysis.WORDS, text, word -> prefixes.stream().anyMatch(word::startsWith), marks);
        marks.sort(Comparator.comparingInt(mark -> mark[0]));
        int start = 0;
        int end = text.length();
        if (text.length() > WINDOW) {
            start = marks.isEmpty() ? 0 : wordStart(text, Math.max(0, marks.get(0)[0] - LEAD));
            end = wordEnd(text, Math.min(text.length(), start + WINDOW));
        }
        StringBuilder out = new StringBuilder(start > 0 ? "…" : "");
        int at = start;
        for (int[] mark : marks) {
            if (mark[0] < at || mark[1] > end) {
                continue;
            }
            escape(text.substring(at, mark[0]), out);
            out.append("<mark>");
            escape(text.substring(mark[0], mark[1]), out);
            out.append("</mark>");
            at = mark[1];
        }
        escape(text.substring(at, end), out);
        return end < text.length() ? out.append("…").toString() : out.toString();
    }

    /** Adds the offsets of the text's words, as the analyzer makes them, that match. */
    private static void mark(Analyzer analyzer, String text, Predicate<String> matches, List<int[]> marks) {
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (matches.test(term.toString())) {
                    marks.add(new int[] {offset.startOffset(), offset.endOffset()});
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int wordStart(String text, int from) {
        int at = from;
        while (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
            at--;
        }
        return at;
    }

    private static int wordEnd(String text, int from) {
        int at = from;
        while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && at - from < 40) {
            at++;
        }
        // Never cut a character in two.
        return at < text.length() && Character.isLowSurrogate(text.charAt(at)) ? at + 1 : at;
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
