package org.demarche.search;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * {@code search_vector @@ to_tsquery('demarche', ...)} on the stored, generated {@code search_vector}
 * column and answers from its GIN index (see the postgresql migrations). Every instance shares that index, so nothing is
 * kept in the application. Relevance is {@code ts_rank_cd}.
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
        ListQuery<Statement> query = matching(criteria);
        String orderBy = order == null
                ? "function('demarche_rank', s.searchVector, :tsquery) desc, s.id"
                : "s." + order.field().path() + (order.descending() ? " desc, s.id desc" : ", s.id");
        return new Hits(query.ids(orderBy, offset, limit), query.count());
    }

    @Override
    public FacetCounts facets(StatementCriteria criteria) {
        ListQuery<Statement> query = matching(criteria);
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put(FacetCounts.OFFICIAL, counts(query, "s.official.id", ""));
        facets.put(FacetCounts.COUNTRY, counts(query, "s.official.country", ""));
        facets.put(FacetCounts.TOPIC, counts(query, "ft.id", "join s.topics ft"));
        facets.put(FacetCounts.QUOTE_TYPE, counts(query, "s.quoteType", ""));
        facets.put(FacetCounts.MEDIUM, counts(query, "s.medium", ""));
        facets.put(FacetCounts.YEAR, counts(query, "extract(year from s.statedOnStart)", ""));
        return new FacetCounts(query.count(), facets);
    }

    private static ListQuery<Statement> matching(StatementCriteria criteria) {
        ListQuery<Statement> query = criteria.filter(ListQuery.of(Statement.class, "s"));
        return criteria.query() == null ? query
                : query.where("function('demarche_match', s.searchVector, :tsquery) = true", "tsquery", TsQueries.of(criteria.query()));
    }

    private static Map<String, Long> counts(ListQuery<Statement> query, String key, String join) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : query.countsBy(key, join)) {
            if (row[0] != null) {
                counts.put(row[0] instanceof Enum<?> e ? e.name() : row[0].toString(), (Long) row[1]);
            }
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
