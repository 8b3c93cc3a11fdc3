package org.demarche.search.opensearch;

import static org.demarche.search.StatementDocuments.lowerCase;
import static org.demarche.search.StatementDocuments.micros;

import java.util.LinkedHashMap;
import java.util.Map;
import org.demarche.search.StatementDocuments;
import org.demarche.statement.Statement;

/**
 * A statement as an OpenSearch document: the same fields, names and values as the Lucene document
 * ({@link StatementDocuments}), with the year of statedOn for the year facet. The text is analysed by
 * the index (search/opensearch-index.json) as the Lucene analyzer does it.
 */
final class OpenSearchDocuments {

    /** Bumped when documents change shape; part of the index layout, so a change rebuilds at start. */
    static final String VERSION = "2";

    static final String YEAR = "year";

    private OpenSearchDocuments() {}

    static Map<String, Object> of(Statement statement) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(StatementDocuments.ID, statement.id.toString());
        doc.put(StatementDocuments.TEXT, statement.text);
        doc.put(StatementDocuments.TEXT_WORDS, statement.text);
        doc.put(StatementDocuments.TEXT_PAIRS, statement.text);
        doc.put(StatementDocuments.SPEAKER, StatementDocuments.speakers(statement));
        doc.put(StatementDocuments.COUNTRY, statement.official.country);
        doc.put(
                StatementDocuments.TOPIC,
                statement.topics.stream().map(topic -> topic.id.toString()).toList());
        doc.put(StatementDocuments.QUOTE_TYPE, statement.quoteType.name());
        doc.put(StatementDocuments.MEDIUM, statement.medium == null ? null : statement.medium.name());
        doc.put(StatementDocuments.LANGUAGE, statement.language == null ? null : lowerCase(statement.language));
        doc.put(StatementDocuments.VERIFICATION, statement.verification.name());
        doc.put(
                StatementDocuments.SOURCE,
                statement.sources.stream().map(source -> source.id.toString()).toList());
        doc.put(
                StatementDocuments.OUTLET,
                statement.sources.stream()
                        .map(source -> lowerCase(source.outlet))
                        .toList());
        doc.put(StatementDocuments.EVENT, statement.event == null ? null : statement.event.id.toString());
        doc.put(StatementDocuments.MENTION, statement.mentions);
        doc.put(StatementDocuments.STATED_ON_START, statement.statedOnStart.toEpochDay());
        doc.put(StatementDocuments.STATED_ON_END, statement.statedOnEnd.toEpochDay());
        doc.put(YEAR, statement.statedOnStart.getYear());
        doc.put(StatementDocuments.CREATED_AT, micros(statement.createdAt));
        doc.put(StatementDocuments.UPDATED_AT, micros(statement.updatedAt));
        return doc;
    }
}
