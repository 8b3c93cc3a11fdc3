package org.demarche.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Names as words for lookups as a user types: NFC, accents and other marks folded to ASCII where Unicode
 * has a fold (Lucene's ASCII folding: Ş to S, ø to o, ß to ss, ł to l), lower case, split at anything that
 * is neither a letter nor a digit (other scripts keep their letters: Шойгу is шойгу). A record keeps the words of all its names as one key, each word
 * after a space, so that a word start is found with {@code like '% lav%'} on H2 and PostgreSQL alike.
 */
public final class NameWords {

    /** At most this many words in a lookup. */
    public static final int MAX_WORDS = 10;

    private NameWords() {}

    /** The folded words of a text, in order. */
    public static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        // Folded before lower case: İ folds to I, where lower case would give i and a combining dot.
        String folded = fold(UnicodeText.nfc(text)).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        folded.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                // A mark no letter took in: dropped, as folding drops the others.
            } else if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
            } else if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** The key of a record's names: every word of each, each word after a space ({@code " sergei lavrov"}). */
    public static String key(Collection<String> names) {
        StringBuilder key = new StringBuilder();
        for (String name : names) {
            of(name).forEach(word -> key.append(' ').append(word));
        }
        return key.toString();
    }

    /** A {@code like} pattern finding keys with a word that starts with this folded word. */
    public static String wordStart(String word) {
        return "% " + word + "%";
    }

    /**
     * The words of a lookup parameter as {@code like} patterns, or null when it is absent; a 400 when it has no
     * letter or digit or more than {@value #MAX_WORDS} words.
     */
    public static List<String> lookup(String parameter, String text) {
        String value = QueryParams.text(text);
        if (value == null) {
            return null;
        }
        List<String> words = of(value);
        if (words.isEmpty()) {
            throw ProblemException.badRequest(
                    "Query parameter '" + parameter + "' must have a letter or digit, not '" + text + "'");
        }
        if (words.size() > MAX_WORDS) {
            throw ProblemException.badRequest(
                    "Query parameter '" + parameter + "' takes at most " + MAX_WORDS + " words, not " + words.size());
        }
        return words.stream().map(NameWords::wordStart).toList();
    }

    private static String fold(String text) {
        char[] input = text.toCharArray();
        // Folding may lengthen text fourfold at most (one char to up to four).
        char[] output = new char[input.length * 4];
        int length = ASCIIFoldingFilter.foldToASCII(input, 0, output, 0, input.length);
        return new String(output, 0, length);
    }
}
