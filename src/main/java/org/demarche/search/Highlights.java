package org.demarche.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

/**
 * The highlight of a search hit: the best passages of its text, HTML-escaped, with the words that
 * matched in {@code <mark>...</mark>}. Computed from the text and the query alone, so both search
 * engines mark the same words.
 */
public final class Highlights {

    private static final int FRAGMENT_CHARS = 160;
    private static final int FRAGMENTS = 2;

    private Highlights() {
    }

    public static String of(SearchQuery query, String text) {
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(),
                new QueryScorer(LuceneQueries.of(query, "text"), "text"));
        highlighter.setTextFragmenter(new SimpleFragmenter(FRAGMENT_CHARS));
        highlighter.setMaxDocCharsToAnalyze(Integer.MAX_VALUE);
        try {
            String best = highlighter.getBestFragments(TextAnalysis.ANALYZER.tokenStream("text", text), text, FRAGMENTS, " … ");
            return best.isEmpty() ? SimpleHTMLEncoder.htmlEncode(text.substring(0, Math.min(text.length(), FRAGMENT_CHARS))) : best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidTokenOffsetsException e) {
            throw new IllegalStateException("The analyzer produced offsets outside the text", e);
        }
    }
}
