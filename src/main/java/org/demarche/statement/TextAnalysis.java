package org.demarche.statement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * How statement text becomes searchable terms, the same way PostgreSQL's {@code demarche} text
 * search configuration does it: words, lower case, accents folded, English stop words dropped, and
 * the Snowball English stemmer, so {@code ceasefires} and {@code Ceasefire} are one term. Prefixes are
 * matched against {@link #WORDS} instead, every word as written, as {@code demarche_words} does.
 */
public final class TextAnalysis {

    private static final String PAIR_SEPARATOR = " ";

    public static final Analyzer ANALYZER = analyzer(false);
    /**
     * The same terms in pairs of neighbours ({@code "secur guarante"}), so that a phrase is looked up as
     * indexed pairs instead of matched word by word. Where a stop word was dropped, the pair holds a
     * filler ({@code "right _"}), so two words a stop word kept apart never make a pair.
     */
    public static final Analyzer PAIRS = analyzer(true);

    /**
     * Every word as written, in lower case with accents folded, none dropped or stemmed: a prefix is a prefix
     * of any word, so {@code the*} finds "the" and "theatre", and {@code negotiat*} finds "negotiations".
     */
    public static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };

    private static Analyzer analyzer(boolean pairs) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new SnowballFilter(stream, new EnglishStemmer());
                if (pairs) {
                    ShingleFilter shingles = new ShingleFilter(stream, 2, 2);
                    shingles.setOutputUnigrams(false);
                    shingles.setTokenSeparator(PAIR_SEPARATOR);
                    stream = shingles;
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private TextAnalysis() {}

    /** A term and its position, counting dropped stop words, so phrases keep their gaps. */
    public record Token(String term, int position) {}

    /** Two neighbouring terms as {@link #PAIRS} indexes them. */
    public static String pair(String first, String second) {
        return first + PAIR_SEPARATOR + second;
    }

    /** Whether the tokens stand next to each other, no stop word dropped between them. */
    public static boolean neighbours(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i + 1).position() != tokens.get(i).position() + 1) {
                return false;
            }
        }
        return true;
    }

    public static List<Token> tokens(String text) {
        return tokens(ANALYZER, text);
    }

    /** The words of a text as {@link #WORDS} indexes them. */
    public static List<String> words(String text) {
        return tokens(WORDS, text).stream().map(Token::term).toList();
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            int position = -1;
            while (stream.incrementToken()) {
                position += increment.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
