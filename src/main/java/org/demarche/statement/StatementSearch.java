package org.demarche.statement;

import java.util.List;
import java.util.UUID;
import org.demarche.common.paging.Sorting;

/**
 * Full-text search over statements with every statement filter. PostgreSQL answers from its own
 * text search index; the embedded H2 set-up from a Lucene index on local disk. Both read a
 * {@link org.demarche.search.SearchQuery} the same way.
 */
public interface StatementSearch {

    /** The ids of the matches from {@code offset}, by relevance ({@code order} null) or by the order; and how many match. */
    Hits search(StatementCriteria criteria, Sorting.Order<Statement> order, int offset, int limit);

    /** How the matching statements (all statements when the criteria have no query) spread over the facets. */
    FacetCounts facets(StatementCriteria criteria);

    /** Rebuilds the index from the database, returning how many statements it holds. */
    long rebuild();

    /** Which engine answers: {@code lucene} or {@code postgresql}. */
    String engine();

    record Hits(List<UUID> ids, long total) {
    }
}
