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

/** A {@link SearchQuery} as a Lucene query on one analysed field. */
public final class LuceneQueries {

    private LuceneQueries() {
    }

    public static Query of(SearchQuery query, String field) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean anyRequired = false;
        for (List<SearchQuery.Clause> group : query.required()) {
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
            boolean anyAlternative = false;
            for (SearchQuery.Clause clause : group) {
                Query one = clause(clause, field);
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
            Query one = clause(clause, field);
            if (one != null) {
                all.add(one, Occur.MUST_NOT);
            }
        }
        return all.build();
    }

    /** The clause as analysed terms; null when analysis leaves nothing (stop words only). */
    private static Query clause(SearchQuery.Clause clause, String field) {
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(String.join(" ", clause.words()));
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            Term term = new Term(field, tokens.get(0).term());
            return clause.prefix() ? new PrefixQuery(term) : new TermQuery(term);
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (TextAnalysis.Token token : tokens) {
            phrase.add(new Term(field, token.term()), token.position());
        }
        return phrase.build();
    }
}
