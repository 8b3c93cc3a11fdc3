package org.demarche.statement;

import java.util.ArrayList;
import java.util.List;
import org.demarche.common.ProblemException;
import org.demarche.common.UnicodeText;

/**
 * A parsed {@code q}: groups that must all match (a group is one clause, or several joined by OR) and
 * clauses that must not. Clauses are words, prefixes ({@code cease*}) and phrases ({@code "legally
 * binding"}). Words are letters and digits; other characters separate them, so {@code cease-fire}
 * is the phrase "cease fire".
 */
public record SearchQuery(List<List<Clause>> required, List<Clause> excluded) {

    /** Longest {@code q} accepted; longer ones are refused rather than searched. */
    public static final int MAX_LENGTH = 500;
    /** Most words, phrases and prefixes in one {@code q}. */
    public static final int MAX_CLAUSES = 32;

    /** A word, a prefix or a phrase: {@code words} in order, {@code prefix} when the last one ends in '*'. */
    public record Clause(List<String> words, boolean prefix) {
        public boolean isPhrase() {
            return words.size() > 1;
        }
    }

    /** Parses a {@code q} parameter, answering 400 with the reason when it is not a valid query. */
    public static SearchQuery parse(String q) {
        if (q.length() > MAX_LENGTH) {
            throw invalid("it is " + q.length() + " characters long; the most is " + MAX_LENGTH);
        }
        // In NFC, as stored text is, so that a decomposed accent is the same letter as a composed one.
        return new Parser(UnicodeText.nfc(q)).parse();
    }

    private static ProblemException invalid(String reason) {
        return ProblemException.badRequest("Query parameter 'q' is not a valid search: " + reason + ". Words are"
                + " ANDed; \"a phrase\" in double quotes, -word excludes, word* is a prefix, OR joins alternatives.");
    }

    private static final class Parser {
        private final String text;
        private int at;
        private int clauses;

        Parser(String text) {
            this.text = text;
        }

        SearchQuery parse() {
            List<List<Clause>> required = new ArrayList<>();
            List<Clause> excluded = new ArrayList<>();
            List<Clause> group = null;
            boolean orPending = false;
            while (skipSpace()) {
                if (startsWithOr()) {
                    if (group == null || orPending) {
                        throw invalid("OR must stand between two words or phrases");
                    }
                    at += 2;
                    orPending = true;
                    continue;
                }
                boolean exclude = text.charAt(at) == '-';
                if (exclude) {
                    at++;
                    if (at >= text.length() || Character.isWhitespace(text.charAt(at))) {
                        throw invalid("a '-' must be followed by the word or phrase to exclude");
                    }
                }
                Clause clause = clause();
                if (clause == null) {
                    if (orPending) {
                        throw invalid("OR must stand between two words or phrases");
                    }
                    continue;
                }
                if (++clauses > MAX_CLAUSES) {
                    throw invalid("it has more than " + MAX_CLAUSES + " words, phrases and prefixes");
                }
                if (exclude) {
                    if (orPending) {
                        throw invalid("an excluded word or phrase cannot be an alternative in OR");
                    }
                    excluded.add(clause);
                    group = null;
                } else if (orPending) {
                    group.add(clause);
                    orPending = false;
                } else {
                    group = new ArrayList<>(List.of(clause));
                    required.add(group);
                }
            }
            if (orPending) {
                throw invalid("OR must stand between two words or phrases");
            }
            if (required.isEmpty()) {
                throw invalid(
                        excluded.isEmpty() ? "it has no word to look for" : "it only excludes; add a word to look for");
            }
            return new SearchQuery(required.stream().map(List::copyOf).toList(), List.copyOf(excluded));
        }

        /** Moves past whitespace; false at the end. */
        private boolean skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return at < text.length();
        }

        private boolean startsWithOr() {
            return text.startsWith("OR", at)
                    && (at + 2 == text.length() || Character.isWhitespace(text.charAt(at + 2)));
        }

        /** A phrase in quotes or a word (perhaps a prefix); null when it holds no letter or digit. */
        private Clause clause() {
            if (text.charAt(at) == '"') {
                int end = text.indexOf('"', at + 1);
                if (end < 0) {
                    throw invalid("a double quote is not closed");
                }
                List<String> words = words(text.substring(at + 1, end));
                at = end + 1;
                return words.isEmpty() ? null : new Clause(words, false);
            }
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && text.charAt(at) != '"') {
                at++;
            }
            String token = text.substring(start, at);
            boolean prefix = token.endsWith("*");
            String body = prefix ? token.substring(0, token.length() - 1) : token;
            if (body.indexOf('*') >= 0) {
                throw invalid("'*' may only end a word, as in cease*");
            }
            List<String> words = words(body);
            if (words.isEmpty()) {
                if (prefix) {
                    throw invalid("'*' must follow the start of a word, as in cease*");
                }
                return null;
            }
            if (prefix && words.size() > 1) {
                throw invalid("'*' may only end a single word, as in cease*");
            }
            return new Clause(words, prefix);
        }

        /** The runs of letters, digits and combining marks in a piece of text. */
        private static List<String> words(String text) {
            List<String> words = new ArrayList<>();
            StringBuilder word = new StringBuilder();
            text.codePoints().forEach(c -> {
                if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
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
    }
}
