package org.demarche.search;

import java.util.Set;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;

/**
 * A saved statement search made ready to be run against one statement after another
 * ({@link StatementPercolator}). Opaque outside this package: what it is made of is the embedded engine's
 * business, so its users need not know the engine.
 */
public final class CompiledSearch {

    /** Finds no statement: for a saved search that no longer makes one. */
    public static final CompiledSearch NOTHING = new CompiledSearch(new MatchNoDocsQuery(), Set.of());

    final Query query;
    /** The ids of the officials one of whom a statement must speak for, or null when any may. */
    final Set<String> speakers;

    CompiledSearch(Query query, Set<String> speakers) {
        this.query = query;
        this.speakers = speakers;
    }
}
