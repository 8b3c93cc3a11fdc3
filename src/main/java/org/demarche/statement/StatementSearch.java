package org.demarche.statement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.Sorting;

/**
 * Statement lists, full-text search and facets with every statement filter. The embedded H2 set-up
 * answers from a Lucene index on local disk, the PostgreSQL set-up from OpenSearch, which every
 * instance shares. Both read a {@link SearchQuery} the same way.
 */
public interface StatementSearch {

    /**
     * A page of at most {@code limit} statements matching the filters (the criteria have no query), in the
     * order, after the cursor (from the first when it is null), with keyset cursors, so every match can be
     * paged through.
     */
    Page<Statement> list(StatementCriteria criteria, Sorting.Order<Statement> order, Cursor after, int limit);

    /** The ids of the matches from {@code offset}, by relevance ({@code order} null) or by the order; and how many match. */
    Hits search(StatementCriteria criteria, Sorting.Order<Statement> order, int offset, int limit);

    /** How the matching statements (all statements when the criteria have no query) spread over the facets. */
    FacetCounts facets(StatementCriteria criteria);

    /**
     * How many statements match, and how many per span of statedOn (its first and last day) and value of
     * {@code key}, in one grouped pass over the matches; the service sorts the spans into periods.
     */
    DatedCounts datedCounts(StatementCriteria criteria, CountKey key);

    /** Rebuilds the index from the database, returning how many statements it holds. */
    long rebuild();

    /** How many statements the engine can find; fails when it cannot answer. */
    long size();

    /** Which engine answers: {@code lucene} or {@code opensearch}. */
    String engine();

    /** How far the index has followed the database's changes. */
    IndexState state();

    /**
     * Runs a bulk write, many transactions on this thread (an import): an engine that follows commits may
     * then follow them in larger steps, and has followed every one when the work ends.
     */
    default <T> T inBulk(Supplier<T> work) {
        return work.get();
    }

    record Hits(List<UUID> ids, long total) {}

    /** How many statements match, and how many per span and key. */
    record DatedCounts(long total, List<DatedCount> counts) {}

    /**
     * Matching statements dated from {@code start} to {@code end} with this key: an official or topic id, a
     * country code, a quote type's name, the official's and a topic's id separated by a space when counted by
     * stance, or "" when not split.
     */
    record DatedCount(LocalDate start, LocalDate end, String key, long count) {}

    /** The index holds every change up to history revision {@code indexedThrough}; {@code latestChange} is the newest. */
    record IndexState(String engine, long indexedThrough, long latestChange) {

        public boolean caughtUp() {
            return indexedThrough >= latestChange;
        }
    }
}
