package org.demarche.search;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.common.paging.ListQuery;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.Sorting;
import org.demarche.statement.FacetCounts;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.StatementSearch;
import org.demarche.statement.StatementService;

/**
 * Lists and search on PostgreSQL. Lists are plain queries. The text condition is {@code demarche_match},
 * which the planner inlines into
 * {@code search_vector @@ demarche_tsquery(...)} (each clause analysed by its own configuration, see
 * {@link TsQueries}) on the stored, generated {@code search_vector}
 * column and answers from its GIN index (see the postgresql migrations). Every instance shares that index, so nothing is
 * kept in the application. Relevance is {@code ts_rank_cd}, computed for every match.
 *
 * <p>The cost of a search grows with the number of matches, as each one is ranked and counted (the total is
 * exact). So each answer reads the matches once: a page of a search takes its ids and the total from one
 * statement, and facets take the total and five of the six facets from one statement; only the topics, many
 * per statement, are counted in a second.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class PostgresStatementSearch implements StatementSearch {

    @Override
    public Page<Statement> list(StatementCriteria criteria, PageParams page) {
        return criteria.filter(ListQuery.of(Statement.class, "s")).page(page, StatementService.SORTING);
    }

    @Override
    public Hits search(StatementCriteria criteria, Sorting.Order<Statement> order, int offset, int limit) {
        ListQuery.Stretch stretch = order == null
                ? matching(criteria).stretch("function('demarche_rank', s.searchVector, :tsquery)", true, false, offset, limit)
                : matching(criteria).stretch("s." + order.field().path(), order.descending(), order.descending(), offset,
                        limit);
        return new Hits(stretch.ids(), stretch.total());
    }

    @Override
    public FacetCounts facets(StatementCriteria criteria) {
        ListQuery<Statement> query = matching(criteria);
        ListQuery.KeyCounts counts = query.countsByEach(List.of("s.official.id", "s.official.country", "s.quoteType",
                "s.medium", "extract(year from s.statedOnStart)"));
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put(FacetCounts.OFFICIAL, counts.byKey().get(0));
        facets.put(FacetCounts.COUNTRY, counts.byKey().get(1));
        // Topics are many per statement, so they are counted over the join table rather than in the pass above.
        facets.put(FacetCounts.TOPIC, topicCounts(query));
        facets.put(FacetCounts.QUOTE_TYPE, counts.byKey().get(2));
        facets.put(FacetCounts.MEDIUM, counts.byKey().get(3));
        facets.put(FacetCounts.YEAR, counts.byKey().get(4));
        return new FacetCounts(counts.total(), facets);
    }

    private static ListQuery<Statement> matching(StatementCriteria criteria) {
        ListQuery<Statement> query = criteria.filter(ListQuery.of(Statement.class, "s"));
        return criteria.query() == null ? query
                : query.where("function('demarche_match', s.searchVector, :tsquery) = true", "tsquery", TsQueries.of(criteria.query()));
    }

    private static Map<String, Long> topicCounts(ListQuery<Statement> query) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : query.countsBy("ft.id", "join s.topics ft")) {
            counts.put(row[0].toString(), (Long) row[1]);
        }
        return counts;
    }

    @Override
    public long rebuild() {
        // The GIN index is maintained by PostgreSQL within each transaction; there is nothing to rebuild.
        return Statement.count();
    }

    @Override
    public long size() {
        return QuarkusTransaction.requiringNew().call(() -> Statement.count());
    }

    @Override
    public String engine() {
        return "postgresql";
    }
}
