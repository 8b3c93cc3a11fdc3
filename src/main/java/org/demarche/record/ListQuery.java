package org.demarche.record;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        } catch (DateTimeParseException | NumberFormatException e) {
            throw Cursor.notIssued("cursor");
        }
    }
}
