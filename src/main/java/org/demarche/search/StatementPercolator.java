package org.demarche.search;

import org.apache.lucene.index.memory.MemoryIndex;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;

/**
 * Tells whether one statement matches saved statement searches, with the embedded engine's own document,
 * analysis and queries: the statement is indexed alone in memory (Lucene's {@link MemoryIndex}) and each
 * search's query run against it, so a saved search matches what the statement list would find. Searches
 * are handed out compiled ({@link CompiledSearch}), so callers see no Lucene type.
 */
public final class StatementPercolator {

    private final MemoryIndex index;

    public StatementPercolator(Statement statement) {
        this.index = MemoryIndex.fromDocument(StatementDocuments.of(statement), StatementDocuments.ANALYZER);
    }

    /** A saved search, compiled once and run against many statements. */
    public static CompiledSearch compile(StatementCriteria criteria) {
        return new CompiledSearch(LuceneQueries.matching(criteria));
    }

    public boolean matches(CompiledSearch search) {
        return index.search(search.query) > 0.0f;
    }
}
