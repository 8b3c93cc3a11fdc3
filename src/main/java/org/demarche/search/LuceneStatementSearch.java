package org.demarche.search;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.Sorting;
import org.demarche.statement.CountKey;
import org.demarche.statement.FacetCounts;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.StatementSearch;

/**
 * Search on the embedded H2 set-up: lists, searches and facets read from the Lucene index on local disk
 * ({@link LuceneIndex}), which {@link LuceneCommitFollower} keeps following the database's commits.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class LuceneStatementSearch implements StatementSearch {

    private final LuceneIndex index;
    private final LuceneCommitFollower follower;

    public LuceneStatementSearch(LuceneIndex index, LuceneCommitFollower follower) {
        this.index = index;
        this.follower = follower;
    }

    @Override
    public Page<Statement> list(StatementCriteria criteria, Sorting.Order<Statement> order, Cursor cursor, int limit) {
        Query query = LuceneQueries.matching(criteria);
        return index.withSearcher(searcher -> {
            int maxDoc = searcher.getIndexReader().maxDoc();
            FieldDoc after = cursor == null || maxDoc == 0 ? null : after(cursor, order, maxDoc);
            TopMatches.Result top = TopMatches.sorted(searcher, query, sort(order), after, limit + 1);
            List<UUID> ids = ids(searcher, top.docs(), 0);
            String next = null;
            if (ids.size() > limit) {
                ids = ids.subList(0, limit);
                FieldDoc last = (FieldDoc) top.docs().scoreDocs[limit - 1];
                next = new Cursor(
                                order.wireName(),
                                SortKeys.cursorValue(order, (Long) last.fields[0]),
                                ids.get(limit - 1))
                        .encode();
            }
            return new Page<>(Statement.inOrder(ids), top.total(), next);
        });
    }

    /**
     * Where a cursor says the last page ended, as the index sorts it. The sort values (ending with the
     * unique id) decide alone; the document number is the last one there is, so that a document equal to
     * the cursor is never taken to come after it.
     */
    private static FieldDoc after(Cursor cursor, Sorting.Order<Statement> order, int maxDoc) {
        return new FieldDoc(maxDoc - 1, Float.NaN, new Object[] {
            SortKeys.of(cursor, order), new BytesRef(cursor.id().toString())
        });
    }

    @Override
    public Hits search(StatementCriteria criteria, Sorting.Order<Statement> order, int offset, int limit) {
        Query query = LuceneQueries.matching(criteria);
        return index.withSearcher(searcher -> {
            TopMatches.Result top = order == null
                    ? TopMatches.ranked(searcher, query, offset + limit)
                    : TopMatches.sorted(searcher, query, sort(order), null, offset + limit);
            return new Hits(ids(searcher, top.docs(), offset), top.total());
        });
    }

    @Override
    public FacetCounts facets(StatementCriteria criteria) {
        return index.withSearcher(searcher -> {
            FacetCollector collector = new FacetCollector();
            searcher.search(LuceneQueries.matching(criteria), collector);
            return collector.result();
        });
    }

    @Override
    public DatedCounts datedCounts(StatementCriteria criteria, CountKey key) {
        return index.withSearcher(searcher -> {
            DatedCountCollector collector = new DatedCountCollector(key);
            searcher.search(LuceneQueries.matching(criteria), collector);
            return collector.result();
        });
    }

    @Override
    public long rebuild() {
        return index.rebuild();
    }

    @Override
    public long size() {
        return index.size();
    }

    /**
     * Indexes the commits of a bulk write in larger steps, and all of them when it ends (see
     * {@link LuceneCommitFollower#inBulk}).
     */
    @Override
    public <T> T inBulk(Supplier<T> work) {
        return follower.inBulk(work);
    }

    /** The statement ids of the hits from {@code from} on, read from the id's doc values. */
    private static List<UUID> ids(IndexSearcher searcher, TopDocs top, int from) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<UUID> ids = new ArrayList<>();
        for (int i = from; i < top.scoreDocs.length; i++) {
            int doc = top.scoreDocs[i].doc;
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            SortedDocValues id = DocValues.getSorted(leaf.reader(), StatementDocuments.ID);
            if (!id.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("Search index document without an id: " + doc);
            }
            ids.add(UUID.fromString(id.lookupOrd(id.ordValue()).utf8ToString()));
        }
        return ids;
    }

    /** The order's field, then the id in the same direction, so every sort is total. */
    private static Sort sort(Sorting.Order<Statement> order) {
        return new Sort(
                sortField(order), new SortField(StatementDocuments.ID, SortField.Type.STRING, order.descending()));
    }

    @Override
    public String engine() {
        return "lucene";
    }

    /** Commits are indexed before their requests answer, so the index always holds the newest revision. */
    @Override
    public IndexState state() {
        long latest = QuarkusTransaction.requiringNew().call(LuceneIndex::currentRevision);
        return new IndexState(engine(), latest, latest);
    }

    private static SortField sortField(Sorting.Order<Statement> order) {
        return new SortField(SortKeys.field(order), SortField.Type.LONG, order.descending());
    }
}
