package org.demarche.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.lucene.index.memory.MemoryIndex;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;

/**
 * Tells whether one statement matches saved statement searches, with the embedded engine's own document,
 * analysis and queries: the statement is indexed alone in memory (Lucene's {@link MemoryIndex}) and each
 * search's query run against it, so a saved search matches what the statement list would find. Searches
 * are handed out compiled ({@link CompiledSearch}), so callers see no Lucene type. A search for some
 * officials is first checked against the statement's speakers, which most watches fail (each asks for one
 * to three officials), without running its query, and without the statement's document, made only when
 * a search first needs it (it reads every relation of the statement, which for a statement read from the
 * history is a query each). Not for use by several threads at once.
 */
public final class StatementPercolator {

    private final Statement statement;
    private final List<String> speakers;
    /** Made when a search first needs it: the document reads all of the statement's relations. */
    private MemoryIndex index;
    /** Why the document could not be made, told again to every search that needs it. */
    private Unreadable unreadable;

    /**
     * The statement's document could not be made (a relation could not be read): a failure of the statement,
     * not of the search that needed it.
     */
    public static final class Unreadable extends RuntimeException {
        Unreadable(RuntimeException cause) {
            super("The statement's search document could not be made: " + cause.getMessage(), cause);
        }
    }

    public StatementPercolator(Statement statement) {
        this.statement = statement;
        this.speakers = StatementDocuments.speakers(statement);
    }

    /** A saved search, compiled once and run against many statements. */
    public static CompiledSearch compile(StatementCriteria criteria) {
        Collection<UUID> officials = criteria.officialIds();
        Set<String> speakers = officials == null
                ? null
                : officials.stream().map(UUID::toString).collect(Collectors.toUnmodifiableSet());
        return new CompiledSearch(LuceneQueries.matching(criteria), speakers);
    }

    public boolean matches(CompiledSearch search) {
        if (search.speakers != null && speakers.stream().noneMatch(search.speakers::contains)) {
            return false;
        }
        return index().search(search.query) > 0.0f;
    }

    private MemoryIndex index() {
        if (unreadable != null) {
            throw unreadable;
        }
        if (index == null) {
            try {
                index = MemoryIndex.fromDocument(StatementDocuments.of(statement), StatementDocuments.ANALYZER);
            } catch (RuntimeException e) {
                unreadable = new Unreadable(e);
                throw unreadable;
            }
        }
        return index;
    }
}
