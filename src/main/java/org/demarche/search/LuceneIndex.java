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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NRTCachingDirectory;
import org.demarche.common.concurrent.GroupCommit;
import org.demarche.statement.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Lucene index of statements on the embedded set-up, on local disk beside the database, and its life
 * cycle: opened at start and brought up to date (rebuilt when missing, ahead of the database or laid out
 * differently), updated with the statements a commit touched, rebuilt on request. It holds only committed
 * data; {@link LuceneCommitFollower} says what to update after each commit.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "h2")
public class LuceneIndex {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);
    /** Commit data: the newest history revision whose changes the index holds. */
    private static final String REVISION = "revision";
    /** Commit data: when the index last committed, in milliseconds since the epoch. */
    private static final String COMMITTED_AT = "committedAt";

    private static final long CATCH_UP_MARGIN_MILLIS = 10 * 60 * 1000;
    /** Commit data: the document layout the index was written with. */
    private static final String LAYOUT = "layout";

    private static final int BATCH = 500;

    private final Path directory;
    /** Updates load from the database and write under this lock, so a later commit is never overwritten by an earlier one. */
    private final ReentrantLock updates = new ReentrantLock();
    /** The revision of the newest update written since the last index commit, or -1; guarded by {@link #updates}. */
    private long uncommitted = -1;

    /** Updates asked for at once, written together under {@link #updates}. */
    private final GroupCommit<Supplier<Collection<UUID>>, Void> grouped = new GroupCommit<>(updates, this::write);

    private IndexWriter writer;
    private SearcherManager searchers;
    /** Updates written: one more after each, once its documents are in the writer. */
    private final AtomicLong written = new AtomicLong();
    /** The most updates the searchers are known to hold (each refresh opens what was written before it). */
    private final AtomicLong searchable = new AtomicLong();

    public LuceneIndex(@ConfigProperty(name = "demarche.search.index-dir") String directory) {
        this.directory = Path.of(directory);
    }

    @PostConstruct
    void open() throws IOException {
        Files.createDirectories(directory);
        // Small new segments stay in memory until a commit writes them out: a refresh after each write opens
        // the segment it flushed, which on disk cost a file written, opened and checked every time.
        writer = new IndexWriter(
                new NRTCachingDirectory(FSDirectory.open(directory), 5.0, 64.0),
                new IndexWriterConfig(StatementDocuments.ANALYZER)
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
        long current = QuarkusTransaction.requiringNew().call(LuceneIndex::currentRevision);
        if (indexed < 0 || indexed > current || !StatementDocuments.LAYOUT.equals(stamp.get(LAYOUT))) {
            LOG.infof(
                    "Search index %s: rebuilding",
                    indexed < 0
                            ? "missing"
                            : indexed > current ? "ahead of the database" : "written in an older layout");
            rebuild();
            return;
        }
        long since = Long.parseLong(stamp.getOrDefault(COMMITTED_AT, "0")) - CATCH_UP_MARGIN_MILLIS;
        // In batches, each its own transaction: thousands of statements in one outlived the transaction
        // timeout on a loaded machine, and the app did not start.
        List<UUID> touched = List.copyOf(QuarkusTransaction.requiringNew().call(() -> touchedSince(indexed, since)));
        for (int start = 0; start < touched.size(); start += BATCH) {
            List<UUID> batch = touched.subList(start, Math.min(touched.size(), start + BATCH));
            update(() -> batch);
        }
        long statements = QuarkusTransaction.requiringNew().call(() -> Statement.count());
        if (writer.getDocStats().numDocs != statements) {
            LOG.infof(
                    "Search index holds %d statements, the database %d: rebuilding",
                    writer.getDocStats().numDocs, statements);
            rebuild();
        }
    }

    @PreDestroy
    void close() throws IOException {
        updates.lock();
        try {
            commitUpdates();
            searchers.close();
            writer.close();
            writer.getDirectory().close();
        } finally {
            updates.unlock();
        }
    }

    /**
     * Writes the current state of the statements the work names (run in a new transaction). They are
     * searchable when this returns (the next search refreshes the searchers, {@link #withSearcher});
     * {@link #commitUpdates} makes them durable. Updates asked for while another is being written wait for
     * it, then are written together ({@link GroupCommit}; one that fails is written again alone): under many
     * concurrent writes, fewer and larger index segments.
     */
    void update(Supplier<Collection<UUID>> statements) {
        grouped.submit(statements);
    }

    private List<Void> write(List<Supplier<Collection<UUID>>> batch) {
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> ids = new LinkedHashSet<>();
            batch.forEach(update -> ids.addAll(update.get()));
            reindex(ids);
        });
        return Collections.nCopies(batch.size(), null);
    }

    /** Rebuilds the index from the database, returning how many statements it holds. */
    long rebuild() {
        updates.lock();
        try {
            if (uncommitted >= 0) {
                commit(uncommitted); // so that a failed rebuild, rolled back, keeps them
            }
            writer.deleteAll();
            long revision = QuarkusTransaction.requiringNew().call(LuceneIndex::currentRevision);
            long count = 0;
            UUID after = null;
            while (true) {
                UUID from = after;
                List<Statement> batch = new ArrayList<>();
                QuarkusTransaction.requiringNew().run(() -> {
                    // Keyset by id in the database's own UUID order.
                    List<Statement> statements = (from == null
                                    ? Statement.<Statement>find("order by id")
                                    : Statement.<Statement>find("id > ?1 order by id", from))
                            .page(0, BATCH)
                            .list();
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
            searchers.maybeRefreshBlocking();
            LOG.infof("Search index rebuilt: %d statements", count);
            return count;
        } catch (IOException | RuntimeException e) {
            discardUncommitted();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        } finally {
            updates.unlock();
        }
    }

    long size() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /**
     * Work on the current searcher, which stays open for it even if the index is refreshed meanwhile. The
     * searchers are refreshed first when updates were written since they last were: a search sees every
     * update written before it began (a client's own writes included), and writes with no search between
     * them pay for no refresh (under writes alone, a refresh after each was 8% of the request threads' CPU).
     */
    <T> T withSearcher(SearcherWork<T> work) {
        try {
            long wanted = written.get();
            if (searchable.get() < wanted) {
                searchers.maybeRefreshBlocking(); // waits for a refresh under way, then opens what it missed
                searchable.accumulateAndGet(wanted, Math::max);
            }
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
    interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** After a failed rebuild: drops what it wrote, so the last committed index stays the one searched. */
    private void discardUncommitted() {
        uncommitted = -1; // what was written since the last commit is gone with the rollback
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
        List<?> rows = Panache.getEntityManager()
                .createNativeQuery("select cast(a.id as varchar(36)) from statement_aud a" + changed
                        + " union select cast(s.id as varchar(36)) from statement s where s.official_id in"
                        + " (select a.id from official_aud a" + changed + ")"
                        + " union select cast(x.statement_id as varchar(36)) from statement_source x where x.source_id in"
                        + " (select a.id from source_aud a" + changed + ")")
                .setParameter(1, revision)
                .setParameter(2, sinceMillis)
                .getResultList();
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
            written.incrementAndGet(); // searchable from the next search on
            uncommitted = revision;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the updates written since the last index commit durable, once a second. An update is searchable
     * as soon as it is written (a near-real-time reader of the writer); an index commit syncs every new file
     * to disk, tens of milliseconds here, and one per write held every other write's update behind it (about
     * 10 writes a second at most). Should the process stop in between, the start-up catch-up indexes what
     * the last commit did not hold ({@link #onStart}).
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void commitUpdates() throws IOException {
        updates.lock();
        try {
            if (uncommitted >= 0 && writer.isOpen()) {
                commit(uncommitted);
            }
        } finally {
            updates.unlock();
        }
    }

    private void commit(long revision) throws IOException {
        writer.setLiveCommitData(Map.of(
                        REVISION,
                        Long.toString(revision),
                        COMMITTED_AT,
                        Long.toString(System.currentTimeMillis()),
                        LAYOUT,
                        StatementDocuments.LAYOUT)
                .entrySet());
        writer.commit();
        uncommitted = -1;
    }

    private Map<String, String> commitData() throws IOException {
        if (!DirectoryReader.indexExists(writer.getDirectory())) {
            return Map.of();
        }
        try (DirectoryReader reader = DirectoryReader.open(writer.getDirectory())) {
            return reader.getIndexCommit().getUserData();
        }
    }

    static long currentRevision() {
        Long max = Panache.getEntityManager()
                .createQuery("select max(r.id) from Revision r", Long.class)
                .getSingleResult();
        return max == null ? 0 : max;
    }
}
