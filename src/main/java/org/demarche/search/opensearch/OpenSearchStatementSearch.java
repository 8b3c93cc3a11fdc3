package org.demarche.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.Sorting;
import org.demarche.record.FeedLease;
import org.demarche.search.SortKeys;
import org.demarche.search.StatementDocuments;
import org.demarche.statement.CountKey;
import org.demarche.statement.FacetCounts;
import org.demarche.statement.Statement;
import org.demarche.statement.StatementCriteria;
import org.demarche.statement.StatementSearch;

/**
 * Search on the PostgreSQL set-up: OpenSearch, shared by every instance, answers lists, searches and
 * facets with the embedded engine's semantics; {@link IndexFollower} keeps it following the database.
 * Totals are exact ({@code track_total_hits}); list pages continue with {@code search_after} on the
 * sort value and the id, as the embedded engine's cursors do.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class OpenSearchStatementSearch implements StatementSearch {

    /** Most values counted per facet of officials and topics; the API shows the top 50. */
    private static final int FACET_VALUES = 1_000;

    private static final int COMPOSITE_PAGE = 10_000;

    private final SearchCluster cluster;
    private final StatementIndex index;
    private final IndexFollower follower;

    public OpenSearchStatementSearch(SearchCluster cluster, StatementIndex index, IndexFollower follower) {
        this.cluster = cluster;
        this.index = index;
        this.follower = follower;
    }

    @Override
    public Page<Statement> list(StatementCriteria criteria, Sorting.Order<Statement> order, Cursor cursor, int limit) {
        Map<String, Object> body = request(criteria, order, limit + 1);
        if (cursor != null) {
            body.put(
                    "search_after",
                    List.of(SortKeys.of(cursor, order), cursor.id().toString()));
        }
        JsonNode hits = search(body).path("hits");
        List<UUID> ids = ids(hits);
        String next = null;
        if (ids.size() > limit) {
            ids = ids.subList(0, limit);
            long last = hits.path("hits").get(limit - 1).path("sort").get(0).asLong();
            next = new Cursor(order.wireName(), SortKeys.cursorValue(order, last), ids.get(limit - 1)).encode();
        }
        return new Page<>(
                Statement.inOrder(ids), hits.path("total").path("value").asLong(), next);
    }

    @Override
    public Hits search(StatementCriteria criteria, Sorting.Order<Statement> order, int offset, int limit) {
        Map<String, Object> body = request(criteria, order, limit);
        body.put("from", offset);
        JsonNode hits = search(body).path("hits");
        return new Hits(ids(hits), hits.path("total").path("value").asLong());
    }

    @Override
    public FacetCounts facets(StatementCriteria criteria) {
        Map<String, Object> aggregations = new LinkedHashMap<>();
        aggregations.put(FacetCounts.OFFICIAL, terms(StatementDocuments.SPEAKER, FACET_VALUES));
        aggregations.put(FacetCounts.COUNTRY, terms(StatementDocuments.COUNTRY, FACET_VALUES));
        aggregations.put(FacetCounts.TOPIC, terms(StatementDocuments.TOPIC, FACET_VALUES));
        aggregations.put(FacetCounts.QUOTE_TYPE, terms(StatementDocuments.QUOTE_TYPE, 100));
        aggregations.put(FacetCounts.MEDIUM, terms(StatementDocuments.MEDIUM, 100));
        aggregations.put(FacetCounts.YEAR, terms(OpenSearchDocuments.YEAR, FACET_VALUES));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", OpenSearchQueries.of(criteria));
        body.put("size", 0);
        body.put("track_total_hits", true);
        body.put("aggs", aggregations);
        JsonNode answer = search(body);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String facet : aggregations.keySet()) {
            Map<String, Long> values = new HashMap<>();
            answer.path("aggregations")
                    .path(facet)
                    .path("buckets")
                    .forEach(bucket -> values.put(
                            bucket.path("key").asText(),
                            bucket.path("doc_count").asLong()));
            counts.put(facet, values);
        }
        return new FacetCounts(answer.path("hits").path("total").path("value").asLong(), counts);
    }

    /**
     * A composite aggregation over (statedOnStart, statedOnEnd, key), read a page of buckets at a time: the
     * grouped counts the embedded engine collects in one pass. By stance, the key is the official and the topic.
     */
    @Override
    public DatedCounts datedCounts(StatementCriteria criteria, CountKey key) {
        List<Object> sources = new ArrayList<>();
        sources.add(Map.of("start", Map.of("terms", Map.of("field", StatementDocuments.STATED_ON_START))));
        sources.add(Map.of("end", Map.of("terms", Map.of("field", StatementDocuments.STATED_ON_END))));
        String field = switch (key) {
            case none -> null;
            case official -> StatementDocuments.SPEAKER;
            case country -> StatementDocuments.COUNTRY;
            case topic, stance -> StatementDocuments.TOPIC;
            case quoteType -> StatementDocuments.QUOTE_TYPE;
        };
        boolean byOfficialToo = key == CountKey.stance;
        if (byOfficialToo) {
            sources.add(Map.of("official", Map.of("terms", Map.of("field", StatementDocuments.SPEAKER))));
        }
        if (field != null) {
            sources.add(Map.of("key", Map.of("terms", Map.of("field", field))));
        }
        List<DatedCount> counts = new ArrayList<>();
        long total = 0;
        JsonNode after = null;
        do {
            Map<String, Object> composite = new LinkedHashMap<>();
            composite.put("size", COMPOSITE_PAGE);
            composite.put("sources", sources);
            if (after != null) {
                composite.put("after", after);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("query", OpenSearchQueries.of(criteria));
            body.put("size", 0);
            body.put("track_total_hits", true);
            body.put("aggs", Map.of("spans", Map.of("composite", composite)));
            JsonNode answer = search(body);
            total = answer.path("hits").path("total").path("value").asLong();
            JsonNode spans = answer.path("aggregations").path("spans");
            spans.path("buckets")
                    .forEach(bucket -> counts.add(new DatedCount(
                            LocalDate.ofEpochDay(
                                    bucket.path("key").path("start").asLong()),
                            LocalDate.ofEpochDay(bucket.path("key").path("end").asLong()),
                            (byOfficialToo ? bucket.path("key").path("official").asText() + " " : "")
                                    + (field == null
                                            ? ""
                                            : bucket.path("key").path("key").asText()),
                            bucket.path("doc_count").asLong())));
            after = spans.path("buckets").size() < COMPOSITE_PAGE ? null : spans.get("after_key");
        } while (after != null);
        return new DatedCounts(total, counts);
    }

    private static Map<String, Object> terms(String field, int size) {
        return Map.of(
                "terms",
                Map.of(
                        "field",
                        field,
                        "size",
                        size,
                        "order",
                        List.of(Map.of("_count", "desc"), Map.of("_key", "asc"))));
    }

    /** A search for the criteria, by relevance when the order is null, else by the order and then the id. */
    private static Map<String, Object> request(StatementCriteria criteria, Sorting.Order<Statement> order, int size) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", OpenSearchQueries.of(criteria));
        body.put("size", size);
        body.put("track_total_hits", true);
        body.put("_source", false);
        if (order != null) {
            String direction = order.descending() ? "desc" : "asc";
            body.put(
                    "sort",
                    List.of(Map.of(SortKeys.field(order), direction), Map.of(StatementDocuments.ID, direction)));
        }
        return body;
    }

    private JsonNode search(Map<String, Object> body) {
        JsonNode answer = cluster.call("POST", "/" + index.alias() + "/_search", body);
        if (answer == null) {
            throw new SearchUnavailableException("the search index is not built yet", null);
        }
        return answer;
    }

    private static List<UUID> ids(JsonNode hits) {
        List<UUID> ids = new ArrayList<>();
        hits.path("hits").forEach(hit -> ids.add(UUID.fromString(hit.path("_id").asText())));
        return ids;
    }

    @Override
    public long rebuild() {
        return follower.rebuild();
    }

    @Override
    public long size() {
        JsonNode count = cluster.call("GET", "/" + index.alias() + "/_count", null);
        if (count == null) {
            throw new SearchUnavailableException("the search index is not built yet", null);
        }
        return count.path("count").asLong();
    }

    @Override
    public IndexState state() {
        FeedLease lease = follower.lease();
        return new IndexState(engine(), lease.position(), lease.latest());
    }

    @Override
    public String engine() {
        return "opensearch";
    }
}
