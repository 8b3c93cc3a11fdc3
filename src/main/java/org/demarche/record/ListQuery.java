package org.demarche.record;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Page;
import org.demarche.common.paging.PageParams;
import org.demarche.common.paging.SortField;
import org.demarche.common.paging.Sorting;

/**
 * A filtered list of one entity type, read a page at a time with keyset paging. Filters are JPQL
 * conditions on the alias; the page query, the count and the cursor all honour the same filters.
 */
public final class ListQuery<E extends TrackedEntity> {

    private final Class<E> type;
    private final String alias;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private ListQuery(Class<E> type, String alias) {
        this.type = type;
        this.alias = alias;
    }

    public static <E extends TrackedEntity> ListQuery<E> of(Class<E> type, String alias) {
        return new ListQuery<>(type, alias);
    }

    /**
     * Adds a condition with one named parameter, unless the value is null (the filter is absent) or the
     * same condition with the same value is there already (lists apply updatedSince for every feature).
     */
    public ListQuery<E> where(String condition, String parameter, Object value) {
        if (value != null && conditions.contains(condition)) {
            if (!value.equals(parameters.get(parameter))) {
                throw new IllegalStateException("Condition " + condition + " given twice with different values");
            }
            return this;
        }
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Adds a condition with several named parameters, unless {@code values} is null (the filter is absent). */
    public ListQuery<E> where(String condition, Map<String, ?> values) {
        if (values != null) {
            conditions.add(condition);
            parameters.putAll(values);
        }
        return this;
    }

    /** Adds {@code expression like :pattern} for each pattern, unless {@code patterns} is null: all must hold. */
    public ListQuery<E> whereLikeEach(String expression, List<String> patterns) {
        if (patterns != null) {
            for (int i = 0; i < patterns.size(); i++) {
                where(expression + " like :like" + i, "like" + i, patterns.get(i));
            }
        }
        return this;
    }

    /** Adds a condition without parameters when {@code apply} holds. */
    public ListQuery<E> when(boolean apply, String condition) {
        if (apply) {
            conditions.add(condition);
        }
        return this;
    }

    public Page<E> page(PageParams params, Sorting<E> sorting) {
        int limit = params.pageSize();
        where(alias + ".updatedAt >= :updatedSince", "updatedSince", params.updatedSince);
        Sorting.Order<E> order = sorting.resolve(params.sort);
        EntityManager em = Panache.getEntityManager();

        List<String> pageConditions = new ArrayList<>(conditions);
        Map<String, Object> pageParameters = new HashMap<>(parameters);
        if (params.cursor != null) {
            Cursor cursor = params.cursor.forSort(order.wireName());
            String path = alias + "." + order.field().path();
            String after = order.descending() ? "<" : ">";
            pageConditions.add("(" + path + " " + after + " :cursorValue or (" + path + " = :cursorValue and " + alias
                    + ".id " + after + " :cursorId))");
            pageParameters.put("cursorValue", decode(order.field(), cursor.value()));
            pageParameters.put("cursorId", cursor.id());
        }
        String direction = order.descending() ? " desc" : " asc";
        String jpql = "select " + alias + " from " + type.getSimpleName() + " " + alias + where(pageConditions)
                + " order by " + alias + "." + order.field().path() + direction + ", " + alias + ".id" + direction;
        TypedQuery<E> pageQuery = em.createQuery(jpql, type).setMaxResults(limit + 1);
        pageParameters.forEach(pageQuery::setParameter);
        List<E> rows = pageQuery.getResultList();

        String nextCursor = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            E last = rows.get(limit - 1);
            nextCursor = new Cursor(
                            order.wireName(),
                            String.valueOf(order.field().value().apply(last)),
                            last.id)
                    .encode();
        }
        return new Page<>(List.copyOf(rows), params.streamed() ? Page.UNCOUNTED : count(em), nextCursor);
    }

    /**
     * The first {@code limit} matching records ordered by {@code orderBy} and then id, for callers that page
     * their own way (a timeline merges two lists, with its own conditions for where a page starts).
     */
    public List<E> first(int limit, String orderBy) {
        String jpql = "select " + alias + " from " + type.getSimpleName() + " " + alias + where(conditions)
                + " order by " + orderBy + ", " + alias + ".id";
        TypedQuery<E> query = Panache.getEntityManager().createQuery(jpql, type).setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * One stretch of the matching records' ids, ordered by {@code sortKey} (a JPQL expression on the alias)
     * with the id breaking ties in its own direction, together with how many records match, for callers that
     * page by offset. The matches are read once: a materialized CTE keeps each match's id and sort key, and
     * both the page and the count are taken from it (a page query and a count query would each read them).
     */
    public Stretch stretch(String sortKey, boolean descending, boolean tiesDescending, int offset, int limit) {
        String jpql = "with matches as materialized (select " + alias + ".id as id, " + sortKey + " as sortKey from "
                + type.getSimpleName() + " " + alias + where(conditions) + ")"
                + " select m.id, (select count(*) from matches) from matches m"
                + " order by m.sortKey" + (descending ? " desc" : "") + ", m.id" + (tiesDescending ? " desc" : "");
        TypedQuery<Object[]> query = Panache.getEntityManager()
                .createQuery(jpql, Object[].class)
                .setFirstResult(offset)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            // Past the last match there is no row to carry the count.
            return new Stretch(List.of(), offset == 0 ? 0 : count());
        }
        return new Stretch(rows.stream().map(row -> (UUID) row[0]).toList(), (Long) rows.get(0)[1]);
    }

    /** Ids of one stretch of the matches, and how many records match in all. */
    public record Stretch(List<UUID> ids, long total) {}

    /**
     * How many records match, and how many per value of each of {@code keys} (JPQL expressions on the
     * alias, each with one value per record), in one pass over the matches: a materialized CTE keeps every
     * key of each match and each key is counted from it. Values are given as text; records whose key is
     * null are not counted under that key.
     */
    public KeyCounts countsByEach(List<String> keys) {
        StringBuilder jpql = new StringBuilder("with matches as materialized (select ")
                .append(alias)
                .append(".id as id");
        for (int i = 0; i < keys.size(); i++) {
            jpql.append(", ").append(keys.get(i)).append(" as k").append(i);
        }
        jpql.append(" from ")
                .append(type.getSimpleName())
                .append(' ')
                .append(alias)
                .append(where(conditions))
                .append(") select -1, '', count(*) from matches");
        for (int i = 0; i < keys.size(); i++) {
            jpql.append(" union all select ")
                    .append(i)
                    .append(", cast(m.k")
                    .append(i)
                    .append(" as String), count(*)")
                    .append(" from matches m where m.k")
                    .append(i)
                    .append(" is not null group by m.k")
                    .append(i);
        }
        TypedQuery<Object[]> query = Panache.getEntityManager().createQuery(jpql.toString(), Object[].class);
        parameters.forEach(query::setParameter);
        long total = 0;
        List<Map<String, Long>> byKey = new ArrayList<>();
        keys.forEach(key -> byKey.add(new HashMap<>()));
        for (Object[] row : query.getResultList()) {
            int key = ((Number) row[0]).intValue();
            if (key < 0) {
                total = (Long) row[2];
            } else {
                byKey.get(key).put((String) row[1], (Long) row[2]);
            }
        }
        return new KeyCounts(total, byKey);
    }

    /** How many records match, and per key (in the order asked for) how many per value. */
    public record KeyCounts(long total, List<Map<String, Long>> byKey) {}

    /**
     * How many matching records there are per value of {@code key}, a JPQL expression on what {@code join}
     * (such as {@code "join s.topics ft"}) brings in; rows of [key, count]. The join must bring in each
     * value at most once per record (a join table's primary key does that), as rows are counted as they come.
     */
    public List<Object[]> countsBy(String key, String join) {
        TypedQuery<Object[]> query = Panache.getEntityManager()
                .createQuery(
                        "select " + key + ", count(*) from " + type.getSimpleName() + " " + alias + " " + join
                                + where(conditions) + " group by " + key,
                        Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** How many records match. */
    public long count() {
        return count(Panache.getEntityManager());
    }

    private long count(EntityManager em) {
        TypedQuery<Long> query = em.createQuery(
                "select count(" + alias + ") from " + type.getSimpleName() + " " + alias + where(conditions),
                Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String where(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static Object decode(SortField<?> field, String value) {
        try {
            return field.decode(value);
        } catch (DateTimeParseException e) {
            throw Cursor.notIssued("cursor");
        }
    }
}
