package org.demarche.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

/**
 * An article's text cut into paragraphs (by line breaks), quotations and sentences. A sentence does not
 * end inside a quotation, so a quote of several sentences and the words around it are one sentence.
 */
final class Article {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "prof", "no", "vs",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
            "e.g", "i.e", "inc", "corp", "jr", "sr");

    /** "J", "E.U", "U.A.E": initials, whose full stops end no sentence. */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{L}\\.)*\\p{L}");

    final String text;
    final List<Span> paragraphs = new ArrayList<>();
    final List<QuotedSpan> quotes = new ArrayList<>();
    final List<Span> sentences = new ArrayList<>();

    Article(String text) {
        this.text = text;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                if (!text.substring(start, i).isBlank()) {
                    Span paragraph = new Span(start, i);
                    boolean continuing = !quotes.isEmpty()
                            && !quotes.get(quotes.size() - 1).closed()
                            && !paragraphs.isEmpty()
                            && quotes.get(quotes.size() - 1).marks().end() >= lastParagraphEnd();
                    List<QuotedSpan> inParagraph = QuoteMarks.in(text, paragraph, continuing);
                    paragraphs.add(paragraph);
                    quotes.addAll(inParagraph);
                    splitSentences(paragraph, inParagraph);
                }
                start = i + 1;
            }
        }
    }

    private int lastParagraphEnd() {
        Span last = paragraphs.get(paragraphs.size() - 1);
        int end = last.end();
        while (end > last.start() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The first paragraph when it reads as a headline: short, with no closing full stop, and not alone. */
    Span headline() {
        if (paragraphs.size() < 2) {
            return null;
        }
        String first = paragraphs.get(0).of(text).strip();
        return first.length() <= 200 && ".!?\"”»".indexOf(first.charAt(first.length() - 1)) < 0
                ? paragraphs.get(0)
                : null;
    }

    Span sentenceAt(int offset) {
        return sentences.get(sentenceIndexAt(offset));
    }

    /** The sentence holding this offset, or the last one before it. */
    int sentenceIndexAt(int offset) {
        return Math.max(0, lastStartingBy(sentences, Span::start, offset));
    }

    Span paragraphAt(int offset) {
        return paragraphs.get(Math.max(0, lastStartingBy(paragraphs, Span::start, offset)));
    }

    /** The quotation whose marks hold this offset, if any. */
    QuotedSpan quoteAt(int offset) {
        int i = lastStartingBy(quotes, quote -> quote.marks().start(), offset);
        return i >= 0 && quotes.get(i).marks().contains(offset) ? quotes.get(i) : null;
    }

    /** Binary search in a list sorted by start: the index of the last element starting at or before offset, or -1. */
    private static <T> int lastStartingBy(List<T> sorted, ToIntFunction<T> start, int offset) {
        int low = 0;
        int high = sorted.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (start.applyAsInt(sorted.get(middle)) <= offset) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private void splitSentences(Span paragraph, List<QuotedSpan> inParagraph) {
        int start = skipSpace(paragraph.start(), paragraph.end());
        int i = start;
        int nextQuote = 0;
        while (i < paragraph.end()) {
            while (nextQuote < inParagraph.size()
                    && inParagraph.get(nextQuote).marks().start() < i) {
                nextQuote++;
            }
            QuotedSpan quote = nextQuote < inParagraph.size()
                            && inParagraph.get(nextQuote).marks().start() == i
                    ? inParagraph.get(nextQuote)
                    : null;
            int after;
            boolean terminal;
            if (quote != null) {
                after = quote.marks().end();
                terminal = endsWithTerminal(quote.words());
            } else {
                after = i + 1;
                terminal = ".!?".indexOf(text.charAt(i)) >= 0 && !abbreviationBefore(i);
            }
            if (terminal && startsSentence(after, paragraph.end())) {
                sentences.add(new Span(start, after));
                start = skipSpace(after, paragraph.end());
                after = start;
            }
            i = after;
        }
        if (start < paragraph.end()) {
            sentences.add(new Span(start, paragraph.end()));
        }
    }

    private boolean endsWithTerminal(Span words) {
        int end = words.end();
        return end > words.start() && ".!?".indexOf(text.charAt(end - 1)) >= 0;
    }

    private boolean startsSentence(int offset, int paragraphEnd) {
        if (offset >= paragraphEnd || !Character.isWhitespace(text.charAt(offset))) {
            return false;
        }
        int next = skipSpace(offset, paragraphEnd);
        if (next >= paragraphEnd) {
            return true;
        }
        char c = text.charAt(next);
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"“„«»‘(".indexOf(c) >= 0;
    }

    private boolean abbreviationBefore(int dot) {
        if (text.charAt(dot) != '.') {
            return false;
        }
        int start = dot;
        while (start > 0
                && !Character.isWhitespace(text.charAt(start - 1))
                && "(\"“«".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String word = text.substring(start, dot).toLowerCase();
        return ABBREVIATIONS.contains(word) || INITIALS.matcher(word).matches();
    }

    private int skipSpace(int offset, int end) {
        while (offset < end && Character.isWhitespace(text.charAt(offset))) {
            offset++;
        }
        return offset;
    }
}
