package org.demarche.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.demarche.statement.SearchQuery;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.TextAnalysis;

/**
 * A {@link SearchQuery} as a Lucene query on a statement's text: words on the analysed terms, prefixes
 * on the words as written ({@link TextAnalysis#WORDS}, so a stop word such as {@code the*} is a prefix
 * too), phrases on the pairs of neighbouring terms ({@link TextAnalysis#PAIRS}), where a two-word
 * phrase is a single term and its matches are counted without reading word positions.
 */
public final class LuceneQueries {

    private LuceneQueries() {}

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
        return new Term(
                StatementDocuments.TEXT_PAIRS,
                TextAnalysis.pair(
                        tokens.get(first).term(), tokens.get(first + 1).term()));
    }

    /** Statement criteria as one Lucene query: the text of {@code q}, and each filter as a filter clause. */
    public static Query matching(StatementCriteria c) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(c.query() == null ? new MatchAllDocsQuery() : LuceneQueries.of(c.query()), Occur.MUST);
        filter(query, StatementDocuments.ID, c.ids());
        filter(query, StatementDocuments.SPEAKER, c.officialIds());
        filter(query, StatementDocuments.COUNTRY, c.country());
        filter(query, StatementDocuments.TOPIC, c.topicIds());
        filter(
                query,
                StatementDocuments.QUOTE_TYPE,
                c.quoteType() == null ? null : c.quoteType().name());
        filter(
                query,
                StatementDocuments.MEDIUM,
                c.medium() == null ? null : c.medium().name());
        filter(query, StatementDocuments.LANGUAGE, c.language());
        filter(
                query,
                StatementDocuments.VERIFICATION,
                c.verification() == null ? null : c.verification().name());
        filter(
                query,
                StatementDocuments.SOURCE,
                c.sourceId() == null ? null : c.sourceId().toString());
        filter(
                query,
                StatementDocuments.EVENT,
                c.eventId() == null ? null : c.eventId().toString());
        filter(query, StatementDocuments.OUTLET, c.outlet());
        filter(query, StatementDocuments.MENTION, c.mention());
        if (c.from() != null) {
            range(query, StatementDocuments.STATED_ON_END, c.from().toEpochDay(), Long.MAX_VALUE);
        }
        if (c.to() != null) {
            range(query, StatementDocuments.STATED_ON_START, Long.MIN_VALUE, c.to().toEpochDay());
        }
        if (c.updatedSince() != null) {
            range(query, StatementDocuments.UPDATED_AT, StatementDocuments.micros(c.updatedSince()), Long.MAX_VALUE);
        }
        return query.build();
    }

    /**
     * A date range: where it leads, Lucene walks its points; where another clause matches far fewer
     * documents (a word, a country), it checks just those documents' values instead of collecting every
     * document in the range first.
     */
    private static void range(BooleanQuery.Builder query, String field, long from, long to) {
        query.add(
                new IndexOrDocValuesQuery(
                        LongPoint.newRangeQuery(field, from, to),
                        NumericDocValuesField.newSlowRangeQuery(field, from, to)),
                Occur.FILTER);
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /** One value is a term query, which the index can count without visiting its matches. */
    private static void filter(BooleanQuery.Builder query, String field, Collection<UUID> values) {
        if (values != null && values.size() == 1) {
            filter(query, field, values.iterator().next().toString());
        } else if (values != null) {
            Set<BytesRef> terms = new HashSet<>();
            values.forEach(value -> terms.add(new BytesRef(value.toString())));
            query.add(new TermInSetQuery(field, terms), Occur.FILTER);
        }
    }
}
