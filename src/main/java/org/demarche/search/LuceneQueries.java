package org.demarche.search;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A {@link SearchQuery} as a Lucene query on a statement's text: words on the analysed terms, prefixes
 * on the words as written ({@link TextAnalysis#WORDS}, so a stop word such as {@code the*} is a prefix
 * too), phrases on the pairs of neighbouring terms ({@link TextAnalysis#PAIRS}), where a two-word
 * phrase is a single term and its matches are counted without reading word positions.
 */
public final class LuceneQueries {

    private LuceneQueries() {
    }

    public static Query of(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean anyRequired = false;
        for (List<SearchQuery.Clause> group : query.required()) {
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
            boolean anyAlternative = false;
            for (SearchQuery.Clause clause : group) {
                Query one = clause(clause);
                if (one != null) {
                    alternatives.add(one, Occur.SHOULD);
                    anyAlternative = true;
                }
            }
            if (anyAlternative) {
                all.add(alternatives.build(), Occur.MUST);
                anyRequired = true;
            }
        }
        if (!anyRequired) {
            // Only stop words: nothing can match, as in PostgreSQL.
            return new MatchNoDocsQuery("only stop words");
        }
        for (SearchQuery.Clause clause : query.excluded()) {
            Query one = clause(clause);
            if (one != null) {
                all.add(one, Occur.MUST_NOT);
            }
        }
        return all.build();
    }

    /** The clause as analysed terms; null when analysis leaves nothing (stop words only, never a prefix). */
    private static Query clause(SearchQuery.Clause clause) {
        if (clause.prefix()) {
            return prefix(clause.words().get(0));
        }
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(String.join(" ", clause.words()));
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(StatementDocuments.TEXT, tokens.get(0).term()));
        }
        if (!TextAnalysis.neighbours(tokens)) {
            // A stop word inside the phrase: its gap is matched by position, as PostgreSQL does.
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            tokens.forEach(token -> phrase.add(new Term(StatementDocuments.TEXT, token.term()), token.position()));
            return phrase.build();
        }
        // Pairs are made from the terms, not by TextAnalysis.PAIRS, which would add a filler pair for a
        // stop word before the first word and so miss the phrase where no stop word precedes it.
        if (tokens.size() == 2) {
            return new TermQuery(pair(tokens, 0));
        }
        PhraseQuery.Builder pairs = new PhraseQuery.Builder();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            pairs.add(pair(tokens, i), i);
        }
        return pairs.build();
    }

    /**
     * Words that start with the prefix. The tokenizer may cut a run of letters in several words (as it does
     * ideographs); then the last is the prefix, and the ones before it must be there too.
     */
    private static Query prefix(String word) {
        List<String> words = TextAnalysis.words(word);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no word in prefix " + word);
        }
        Query last = new PrefixQuery(new Term(StatementDocuments.TEXT_WORDS, words.get(words.size() - 1)));
        if (words.size() == 1) {
            return last;
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(last, Occur.MUST);
        words.subList(0, words.size() - 1)
                .forEach(w -> all.add(new TermQuery(new Term(StatementDocuments.TEXT_WORDS, w)), Occur.MUST));
        return all.build();
    }

    private static Term pair(List<TextAnalysis.Token> tokens, int first) {
        return new Term(StatementDocuments.TEXT_PAIRS,
                TextAnalysis.pair(tokens.get(first).term(), tokens.get(first + 1).term()));
    }
}
