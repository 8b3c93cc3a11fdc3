package org.demarche.search;

import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A saved statement search made ready to be run against one statement after another
 * ({@link StatementPercolator}). Opaque outside this package: what it is made of is the embedded engine's
 * business, so its users need not know the engine.
 */
public final class CompiledSearch {

    /** Finds no statement: for a saved search that no longer makes one. */
    public static final CompiledSearch NOTHING = new CompiledSearch(new MatchNoDocsQuery());

    final Query query;

    CompiledSearch(Query query) {
        this.query = query;
    }
}
