package org.demarche.search;

import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;

/**
 * Tells whether one statement matches saved statement searches, with the embedded engine's own document,
 * analysis and queries: the statement is indexed alone in memory (Lucene's {@link MemoryIndex}) and each
 * search's query run against it, so a saved search matches what the statement list would find.
 */
public final class StatementPercolator {

    private final MemoryIndex index;

    public StatementPercolator(Statement statement) {
        this.index = MemoryIndex.fromDocument(StatementDocuments.of(statement), StatementDocuments.ANALYZER);
    }

    /** A saved search's query, built once and run against many statements. */
    public static Query query(StatementCriteria criteria) {
        return LuceneQueries.matching(criteria);
    }

    public boolean matches(Query query) {
        return index.search(query) > 0.0f;
    }
}
