package org.demarche.search;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;

/**
 * The first matches of a query and how many match in all ({@code total}), in as few passes over the
 * matches as the index allows. Lucene finds the first matches fastest when it may skip documents that
 * cannot be among them, but an exact count visits every match. So:
 * <ul>
 * <li>where the index knows the count without visiting the matches (no filter, a single word or a
 * two-word phrase, or a single filter on one value or one date range), one pass finds the first
 * matches, skipping;</li>
 * <li>otherwise a sorted list counts its matches in the pass that sorts them;</li>
 * <li>and a list ranked by relevance does the same when Lucene expects at most
 * {@value #ONE_PASS_CANDIDATES} candidates; above that, skipping while ranking saves more than the
 * second pass that counts costs (see docs/benchmarks.md).</li>
 * </ul>
 */
final class TopMatches {

    /** Up to this many candidates, scoring them all costs less than ranking with skips and counting again. */
    static final long ONE_PASS_CANDIDATES = 100_000;

    record Result(TopDocs docs, long total) {}

    private TopMatches() {}

    /** The first {@code n} matches after {@code after} in the sort. */
    static Result sorted(IndexSearcher searcher, Query query, Sort sort, FieldDoc after, int n) throws IOException {
        Expected expected = expected(searcher, query);
        int size = atMostEveryDocument(searcher, n);
        TopDocs top = searcher.search(
                query, new TopFieldCollectorManager(sort, size, after, expected.exact() ? size : Integer.MAX_VALUE));
        return new Result(top, expected.exact() ? expected.count() : top.totalHits.value);
    }

    /** The {@code n} most relevant matches; ties keep index order, which lets Lucene skip. */
    static Result ranked(IndexSearcher searcher, Query query, int n) throws IOException {
        return ranked(searcher, query, n, ONE_PASS_CANDIDATES);
    }

    /** The same with another threshold, so that tests and {@code OnePassBench} can take either way. */
    static Result ranked(IndexSearcher searcher, Query query, int n, long onePassCandidates) throws IOException {
        Expected expected = expected(searcher, query);
        if (expected.exact()) {
            return new Result(searcher.search(query, n), expected.count());
        }
        if (expected.count() <= onePassCandidates) {
            TopDocs top = searcher.search(
                    query, new TopScoreDocCollectorManager(atMostEveryDocument(searcher, n), null, Integer.MAX_VALUE));
            return new Result(top, top.totalHits.value);
        }
        return new Result(searcher.search(query, n), searcher.count(query));
    }

    /** No more places for matches than there are documents, as {@link IndexSearcher#search(Query, int)} does. */
    private static int atMostEveryDocument(IndexSearcher searcher, int n) {
        return Math.min(n, Math.max(1, searcher.getIndexReader().maxDoc()));
    }

    /** How many documents match, if every segment can tell without visiting them; else Lucene's estimate. */
    private record Expected(long count, boolean exact) {}

    private static Expected expected(IndexSearcher searcher, Query query) throws IOException {
        Weight weight = weight(searcher, query);
        long count = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            int known = weight.count(leaf);
            if (known < 0) {
                return new Expected(candidates(searcher, weight), false);
            }
            count += known;
        }
        return new Expected(count, true);
    }

    /** Lucene's estimate of how many documents it would have to look at for this query. */
    static long candidates(IndexSearcher searcher, Query query) throws IOException {
        return candidates(searcher, weight(searcher, query));
    }

    private static long candidates(IndexSearcher searcher, Weight weight) throws IOException {
        long candidates = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier != null) {
                candidates += supplier.cost();
            }
        }
        return candidates;
    }

    private static Weight weight(IndexSearcher searcher, Query query) throws IOException {
        return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1);
    }
}
