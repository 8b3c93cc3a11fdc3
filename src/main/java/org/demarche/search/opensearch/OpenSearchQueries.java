package org.demarche.search.opensearch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.demarche.search.StatementDocuments;
import org.demarche.statement.SearchQuery;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.TextAnalysis;

/**
 * Statement criteria as an OpenSearch query, clause for clause the Lucene query of the embedded engine
 * ({@link org.demarche.search.LuceneQueries}): the text of {@code q} is analysed here, by the same
 * analyzers, and sent as terms; words match analysed terms, prefixes words as written (stop words
 * too), two-word phrases one pair term,
 * longer phrases a phrase of pairs, and phrases with a stop word inside a phrase on the text with its gap.
 */
public final class OpenSearchQueries {

    private OpenSearchQueries() {}

    public static Map<String, Object> of(StatementCriteria c) {
        List<Object> filters = new ArrayList<>();
        filter(filters, StatementDocuments.ID, c.ids());
        filter(filters, StatementDocuments.SPEAKER, c.officialIds());
        filter(filters, StatementDocuments.COUNTRY, c.country());
        filter(filters, StatementDocuments.TOPIC, c.topicIds());
        filter(
                filters,
                StatementDocuments.QUOTE_TYPE,
                c.quoteType() == null ? null : c.quoteType().name());
        filter(
                filters,
                StatementDocuments.MEDIUM,
                c.medium() == null ? null : c.medium().name());
        filter(filters, StatementDocuments.LANGUAGE, c.language());
        filter(
                filters,
                StatementDocuments.VERIFICATION,
                c.verification() == null ? null : c.verification().name());
        filter(
                filters,
                StatementDocuments.SOURCE,
                c.sourceId() == null ? null : c.sourceId().toString());
        filter(
                filters,
                StatementDocuments.EVENT,
                c.eventId() == null ? null : c.eventId().toString());
        filter(filters, StatementDocuments.OUTLET, c.outlet());
        filter(filters, StatementDocuments.MENTION, c.mention());
        if (c.from() != null) {
            filters.add(range(StatementDocuments.STATED_ON_END, "gte", c.from().toEpochDay()));
        }
        if (c.to() != null) {
            filters.add(range(StatementDocuments.STATED_ON_START, "lte", c.to().toEpochDay()));
        }
        if (c.updatedSince() != null) {
            filters.add(range(StatementDocuments.UPDATED_AT, "gte", StatementDocuments.micros(c.updatedSince())));
        }
        Object text = c.query() == null ? Map.of("match_all", Map.of()) : text(c.query());
        return Map.of("bool", Map.of("must", List.of(text), "filter", filters));
    }

    private static Object text(SearchQuery query) {
        List<Object> must = new ArrayList<>();
        for (List<SearchQuery.Clause> group : query.required()) {
            List<Object> alternatives = new ArrayList<>();
            for (SearchQuery.Clause clause : group) {
                Object one = clause(clause);
                if (one != null) {
                    alternatives.add(one);
                }
            }
            if (!alternatives.isEmpty()) {
                must.add(Map.of("bool", Map.of("should", alternatives)));
            }
        }
        if (must.isEmpty()) {
            // Only stop words: nothing can match, as on the embedded engine.
            return Map.of("match_none", Map.of());
        }
        List<Object> mustNot = new ArrayList<>();
        for (SearchQuery.Clause clause : query.excluded()) {
            Object one = clause(clause);
            if (one != null) {
                mustNot.add(one);
            }
        }
        return Map.of("bool", Map.of("must", must, "must_not", mustNot));
    }

    /** The clause as analysed terms; null when analysis leaves nothing (stop words only, never a prefix). */
    private static Object clause(SearchQuery.Clause clause) {
        if (clause.prefix()) {
            return prefix(clause.words().get(0));
        }
        String words = String.join(" ", clause.words());
        List<TextAnalysis.Token> tokens = TextAnalysis.tokens(words);
        if (tokens.isEmpty()) {
            return null;
        }
        if (tokens.size() == 1) {
            return Map.of("term", Map.of(StatementDocuments.TEXT, tokens.get(0).term()));
        }
        if (!TextAnalysis.neighbours(tokens)) {
            // A stop word inside the phrase: the index analyses the words again and keeps the gap.
            return Map.of("match_phrase", Map.of(StatementDocuments.TEXT, Map.of("query", words)));
        }
        if (tokens.size() == 2) {
            return Map.of(
                    "term",
                    Map.of(
                            StatementDocuments.TEXT_PAIRS,
                            TextAnalysis.pair(
                                    tokens.get(0).term(), tokens.get(1).term())));
        }
        // The pairs field's search analyzer pairs neighbouring terms given already analysed.
        String terms =
                String.join(" ", tokens.stream().map(TextAnalysis.Token::term).toList());
        return Map.of("match_phrase", Map.of(StatementDocuments.TEXT_PAIRS, Map.of("query", terms)));
    }

    /**
     * Words as written that start with the prefix, stop words included. Where the tokenizer cuts the prefix
     * in several words (as it does ideographs), the last is the prefix and the ones before must be there too.
     */
    private static Object prefix(String word) {
        List<String> words = TextAnalysis.words(word);
        if (words.isEmpty()) {
            return Map.of("match_none", Map.of());
        }
        List<Object> all = new ArrayList<>();
        all.add(Map.of("prefix", Map.of(StatementDocuments.TEXT_WORDS, Map.of("value", words.get(words.size() - 1)))));
        words.subList(0, words.size() - 1)
                .forEach(w -> all.add(Map.of("term", Map.of(StatementDocuments.TEXT_WORDS, w))));
        return all.size() == 1 ? all.get(0) : Map.of("bool", Map.of("must", all));
    }

    private static Object range(String field, String bound, long value) {
        return Map.of("range", Map.of(field, Map.of(bound, value)));
    }

    private static void filter(List<Object> filters, String field, String value) {
        if (value != null) {
            filters.add(Map.of("term", Map.of(field, value)));
        }
    }

    private static void filter(List<Object> filters, String field, Collection<?> values) {
        if (values != null) {
            filters.add(Map.of(
                    "terms", Map.of(field, values.stream().map(Object::toString).toList())));
        }
    }
}
