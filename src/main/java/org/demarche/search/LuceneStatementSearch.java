package org.demarche.search;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.demarche.common.RecordChanged;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.Sorting;
import org.demarche.official.Official;
import org.demarche.source.Source;
import org.demarche.statement.FacetCounts;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.StatementSearch;
import org.demarche.statement.StatementService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Search on the embedded H2 set-up: a Lucene index on local disk beside the database. It holds only
 * committed data: it is updated right after each commit that changes a statement (or the official
 * country or source outlet a statement is filtered by), and rebuilt at start when it does not match
 * the database (missing, left behind by a crash, or the database restored from a backup).
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class LuceneStatementSearch implements StatementSearch {

    private static final Logger LOG = Logger.getLogger(LuceneStatementSearch.class);
    /** Commit data: the newest history revision whose changes the index holds. */
    private static final String REVISION = "revision";
    /** Commit data: when the index last committed, in milliseconds since the epoch. */
    private static final String COMMITTED_AT = "committedAt";
    private static final long CATCH_UP_MARGIN_MILLIS = 10 * 60 * 1000;
    /** Commit data: the document layout the index was written with. */
    private static final String LAYOUT = "layout";
    private static final int BATCH = 500;
    /** Transaction resource: the changes a transaction made that the index must follow once it commits. */
    private static final Object PENDING = new Object();
    /**
     * In a bulk write, committed changes are indexed together once they name this many records, or at the
     * first commit this long after the oldest of them: fewer, larger index segments, which Lucene merges
     * far less often than one per transaction, while search never lags far behind.
     */
    private static final int BULK_STEP = 10_000;
    private static final long BULK_STEP_NANOS = 5_000_000_000L;

    private final Path directory;
    /** Updates load from the database and write under this lock, so a later commit is never overwritten by an earlier one. */
    private final ReentrantLock updates = new ReentrantLock();
    private IndexWriter writer;
    private SearcherManager searchers;
    /** The changes committed on a thread in a bulk write ({@link #inBulk}) and not indexed yet. */
    private final ThreadLocal<BulkStep> bulkCommitted = new ThreadLocal<>();
    /** Every bulk write's step, so that a step waiting on a paused client is indexed on time all the same. */
    private final Set<BulkStep> bulkSteps = ConcurrentHashMap.newKeySet();

    /** Changes a bulk write committed and has not indexed; guarded by its own monitor. */
    private static final class BulkStep {
        final Set<RecordChanged> changes = new LinkedHashSet<>();
        long since;
    }

    private final TransactionSynchronizationRegistry transactions;

    public LuceneStatementSearch(@ConfigProperty(name = "demarche.search.index-dir") String directory,
            TransactionSynchronizationRegistry transactions) {
        this.directory = Path.of(directory);
        this.transactions = transactions;
    }

    @PostConstruct
    void open() throws IOException {
        Files.createDirectories(directory);
        writer = new IndexWriter(FSDirectory.open(directory), new IndexWriterConfig(StatementDocuments.ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, null);
    }

    /**
     * Once the schema and the sample data are in place, brings the index up to date: a full rebuild when
     * it is missing or ahead of the database (a restored backup); otherwise the statements touched by
     * revisions after the one it records, or in the minutes before its last commit (a commit whose
     * index update a crash cut off can be older than a later commit's).
     */
    void onStart(@Observes @Priority(5000) StartupEvent event) throws IOException {
        Map<String, String> stamp = commitData();
        long indexed = stamp.containsKey(REVISION) ? Long.parseLong(stamp.get(REVISION)) : -1;
        long current = QuarkusTransaction.requiringNew().call(LuceneStatementSearch::currentRevision);
        if (indexed < 0 || indexed > current || !StatementDocuments.LAYOUT.equals(stamp.get(LAYOUT))) {
            LOG.infof("Search index %s: rebuilding", indexed < 0 ? "missing"
                    : indexed > current ? "ahead of the database" : "written in an older layout");
            rebuild();
            return;
        }
        long since = Long.parseLong(stamp.getOrDefault(COMMITTED_AT, "0")) - CATCH_UP_MARGIN_MILLIS;
        updates.lock();
        try {
            QuarkusTransaction.requiringNew().run(() -> reindex(touchedSince(indexed, since)));
        } finally {
            updates.unlock();
        }
        long statements = QuarkusTransaction.requiringNew().call(() -> Statement.count());
        if (writer.getDocStats().numDocs != statements) {
            LOG.infof("Search index holds %d statements, the database %d: rebuilding", writer.getDocStats().numDocs,
                    statements);
            rebuild();
        }
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
        writer.getDirectory().close();
    }

    /**
     * Notes a change to a statement, or to the official or source statements are filtered by, for the
     * end of its transaction. A transaction's changes are indexed together right after it commits, in one
     * index commit, however many records it wrote (an import writes hundreds at a time).
     */
    void onChange(@Observes RecordChanged change) {
        if (change.type() != Statement.class && change.type() != Official.class && change.type() != Source.class) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<RecordChanged> pending = (Set<RecordChanged>) transactions.getResource(PENDING);
        if (pending == null) {
            Set<RecordChanged> changes = new LinkedHashSet<>();
            transactions.putResource(PENDING, changes);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        followCommit(changes);
                    }
                }
            });
            pending = changes;
        }
        pending.add(change);
    }

    private void followCommit(Set<RecordChanged> changes) {
        BulkStep step = bulkCommitted.get();
        if (step == null) {
            indexCommitted(changes);
            return;
        }
        synchronized (step) {
            if (step.changes.isEmpty()) {
                step.since = System.nanoTime();
            }
            step.changes.addAll(changes);
            if (step.changes.size() >= BULK_STEP) {
                indexStep(step);
            }
        }
    }

    /** Indexes every bulk step whose oldest commit is five seconds old, even while its import waits for its client. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void indexWaitingSteps() {
        for (BulkStep step : bulkSteps) {
            synchronized (step) {
                if (!step.changes.isEmpty() && System.nanoTime() - step.since >= BULK_STEP_NANOS) {
                    indexStep(step);
                }
            }
        }
    }

    private void indexStep(BulkStep step) {
        indexCommitted(step.changes);
        step.changes.clear();
    }

    /**
     * Indexes the commits of a bulk write in steps of {@value #BULK_STEP} records or five seconds, and the
     * rest when it ends. Should the process stop in between, the start-up catch-up indexes what was
     * committed (see {@link #onStart}).
     */
    @Override
    public <T> T inBulk(Supplier<T> work) {
        BulkStep step = new BulkStep();
        bulkCommitted.set(step);
        bulkSteps.add(step);
        try {
            return work.get();
        } finally {
            bulkCommitted.remove();
            bulkSteps.remove(step);
            synchronized (step) {
                if (!step.changes.isEmpty()) {
                    indexStep(step);
                }
            }
        }
    }

    private void indexCommitted(Set<RecordChanged> changes) {
        updates.lock();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Set<UUID> affected = new LinkedHashSet<>();
                changes.forEach(change -> affected.addAll(affected(change)));
                reindex(affected);
            });
        } finally {
            updates.unlock();
        }
    }

    @Override
    public Page<Statement> list(StatementCriteria criteria, PageParams page) {
        int limit = page.pageSize();
        Sorting.Order<Statement> order = StatementService.SORTING.resolve(page.sort);
        Cursor cursor = page.cursor == null || page.cursor.isBlank() ? null : Cursor.decode(page.cursor, order.wireName());
        Query query = query(criteria);
        return withSearcher(searcher -> {
            int maxDoc = searcher.getIndexReader().maxDoc();
            FieldDoc after = cursor == null || maxDoc == 0 ? null : after(cursor, order, maxDoc);
            TopMatches.Result top = TopMatches.sorted(searcher, query, sort(order), after, limit + 1);
            List<UUID> ids = ids(searcher, top.docs(), 0);
            String next = null;
            if (ids.size() > limit) {
                ids = ids.subList(0, limit);
                FieldDoc last = (FieldDoc) top.docs().scoreDocs[limit - 1];
                next = new Cursor(order.wireName(), SortKeys.cursorValue(order, (Long) last.fields[0]), ids.get(limit - 1)).encode();
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
        return new FieldDoc(maxDoc - 1, Float.NaN,
                new Object[] {SortKeys.of(cursor, order), new BytesRef(cursor.id().toString())});
    }

    @Override
    public Hits search(StatementCriteria criteria, Sorting.Order<Statement> order, int offset, int limit) {
        Query query = query(criteria);
        return withSearcher(searcher -> {
            TopMatches.Result top = order == null ? TopMatches.ranked(searcher, query, offset + limit)
                    : TopMatches.sorted(searcher, query, sort(order), null, offset + limit);
            return new Hits(ids(searcher, top.docs(), offset), top.total());
        });
    }

    @Override
    public FacetCounts facets(StatementCriteria criteria) {
        return withSearcher(searcher -> {
            FacetCollector collector = new FacetCollector();
            searcher.search(query(criteria), collector);
            return collector.result();
        });
    }

    @Override
    public long rebuild() {
        updates.lock();
        try {
            writer.deleteAll();
            long revision = QuarkusTransaction.requiringNew().call(LuceneStatementSearch::currentRevision);
            long count = 0;
            UUID after = null;
            while (true) {
                UUID from = after;
                List<Statement> batch = new ArrayList<>();
                QuarkusTransaction.requiringNew().run(() -> {
                    // Keyset by id in the database's own UUID order.
                    List<Statement> statements = (from == null ? Statement.<Statement>find("order by id")
                            : Statement.<Statement>find("id > ?1 order by id", from)).page(0, BATCH).list();
                    statements.forEach(this::add);
                    batch.addAll(statements);
                });
                if (batch.isEmpty()) {
                    break;
                }
                count += batch.size();
                after = batch.get(batch.size() - 1).id;
            }
            commit(revision);
            LOG.infof("Search index rebuilt: %d statements", count);
            return count;
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            updates.unlock();
        }
    }

    @Override
    public long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Work on the current searcher, which stays open for it even if the index is refreshed meanwhile. */
    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
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
        return new Sort(sortField(order), new SortField(StatementDocuments.ID, SortField.Type.STRING, order.descending()));
    }

    @Override
    public String engine() {
        return "lucene";
    }

    /** Commits are indexed before their requests answer, so the index always holds the newest revision. */
    @Override
    public IndexState state() {
        long latest = QuarkusTransaction.requiringNew().call(LuceneStatementSearch::currentRevision);
        return new IndexState(engine(), latest, latest);
    }

    /** After a failed rebuild: drops what it wrote, so the last committed index stays the one searched. */
    private void discardUncommitted() {
        try {
            searchers.close();
            writer.rollback();
            writer.getDirectory().close();
            open();
        } catch (IOException e) {
            LOG.error("The search index could not be reopened after a failed rebuild", e);
        }
    }

    /** Statements whose documents revisions after {@code revision}, or since {@code sinceMillis}, may have changed. */
    private static Set<UUID> touchedSince(long revision, long sinceMillis) {
        String changed = " join revision r on r.id = a.rev where a.rev > ?1 or r.changed_at >= ?2";
        List<?> rows = Panache.getEntityManager().createNativeQuery(
                "select cast(a.id as varchar(36)) from statement_aud a" + changed
                + " union select cast(s.id as varchar(36)) from statement s where s.official_id in"
                + " (select a.id from official_aud a" + changed + ")"
                + " union select cast(x.statement_id as varchar(36)) from statement_source x where x.source_id in"
                + " (select a.id from source_aud a" + changed + ")")
                .setParameter(1, revision).setParameter(2, sinceMillis).getResultList();
        Set<UUID> ids = new HashSet<>();
        rows.forEach(id -> ids.add(UUID.fromString((String) id)));
        return ids;
    }

    private void add(Statement statement) {
        try {
            writer.addDocument(StatementDocuments.of(statement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Collection<UUID> affected(RecordChanged change) {
        if (change.type() == Statement.class) {
            return List.of(change.id());
        }
        String jpql = change.type() == Official.class
                ? "select s.id from Statement s where s.official.id = ?1"
                : "select s.id from Statement s join s.sources x where x.id = ?1";
        return Panache.getEntityManager().createQuery(jpql, UUID.class).setParameter(1, change.id()).getResultList();
    }

    private void reindex(Collection<UUID> ids) {
        try {
            long revision = currentRevision();
            List<UUID> all = new ArrayList<>(ids);
            for (int start = 0; start < all.size(); start += BATCH) {
                List<UUID> batch = all.subList(start, Math.min(all.size(), start + BATCH));
                Map<UUID, Statement> found = new HashMap<>();
                Statement.<Statement>list("id in ?1", batch).forEach(s -> found.put(s.id, s));
                for (UUID id : batch) {
                    Term term = new Term(StatementDocuments.ID, id.toString());
                    Statement statement = found.get(id);
                    if (statement == null) {
                        writer.deleteDocuments(term);
                    } else {
                        writer.updateDocument(term, StatementDocuments.of(statement));
                    }
                }
            }
            commit(revision);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(long revision) throws IOException {
        writer.setLiveCommitData(Map.of(REVISION, Long.toString(revision),
                COMMITTED_AT, Long.toString(System.currentTimeMillis()), LAYOUT, StatementDocuments.LAYOUT).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private Map<String, String> commitData() throws IOException {
        if (!DirectoryReader.indexExists(writer.getDirectory())) {
            return Map.of();
        }
        try (DirectoryReader reader = DirectoryReader.open(writer.getDirectory())) {
            return reader.getIndexCommit().getUserData();
        }
    }

    private static long currentRevision() {
        Long max = Panache.getEntityManager().createQuery("select max(r.id) from Revision r", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }

    public static Query query(StatementCriteria c) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(c.query() == null ? new MatchAllDocsQuery() : LuceneQueries.of(c.query()),
                Occur.MUST);
        filter(query, StatementDocuments.OFFICIAL, c.officialIds());
        filter(query, StatementDocuments.COUNTRY, c.country());
        filter(query, StatementDocuments.TOPIC, c.topicIds());
        filter(query, StatementDocuments.QUOTE_TYPE, c.quoteType() == null ? null : c.quoteType().name());
        filter(query, StatementDocuments.MEDIUM, c.medium() == null ? null : c.medium().name());
        filter(query, StatementDocuments.LANGUAGE, c.language());
        filter(query, StatementDocuments.VERIFICATION, c.verification() == null ? null : c.verification().name());
        filter(query, StatementDocuments.SOURCE, c.sourceId() == null ? null : c.sourceId().toString());
        filter(query, StatementDocuments.OUTLET, c.outlet());
        filter(query, StatementDocuments.MENTION, c.mention());
        if (c.from() != null) {
            range(query, StatementDocuments.STATED_ON_END, c.from().toEpochDay(), Long.MAX_VALUE);
        }
        if (c.to() != null) {
            range(query, StatementDocuments.STATED_ON_START, Long.MIN_VALUE, c.to().toEpochDay());
        }
        if (c.updatedSince() != null) {
            range(query, StatementDocuments.UPDATED_AT, StatementDocuments.micros(c.updatedSince()), Long.MAX_VALUE);
        }
        return query.build();
    }

    /**
     * A date range: where it leads, Lucene walks its points; where another clause matches far fewer
     * documents (a word, a country), it checks just those documents' values instead of collecting every
     * document in the range first.
     */
    private static void range(BooleanQuery.Builder query, String field, long from, long to) {
        query.add(new IndexOrDocValuesQuery(LongPoint.newRangeQuery(field, from, to),
                NumericDocValuesField.newSlowRangeQuery(field, from, to)), Occur.FILTER);
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, value)), Occur.FILTER);
        }
    }

    /** One value is a term query, which the index can count without visiting its matches. */
    private static void filter(BooleanQuery.Builder query, String field, Collection<UUID> values) {
        if (values != null && values.size() == 1) {
            filter(query, field, values.iterator().next().toString());
        } else if (values != null) {
            Set<BytesRef> terms = new HashSet<>();
            values.forEach(value -> terms.add(new BytesRef(value.toString())));
            query.add(new TermInSetQuery(field, terms), Occur.FILTER);
        }
    }

    private static SortField sortField(Sorting.Order<Statement> order) {
        return new SortField(SortKeys.field(order), SortField.Type.LONG, order.descending());
    }
}
