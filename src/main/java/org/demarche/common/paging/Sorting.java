package org.demarche.common.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.demarche.common.ProblemException;

/** The sort fields one list offers, and which of them it uses when the client names none. */
public final class Sorting<E> {

    private final Map<String, SortField<E>> fields = new LinkedHashMap<>();
    private final String defaultSort;

    @SafeVarargs
    public Sorting(String defaultSort, SortField<E>... fields) {
        for (SortField<E> field : fields) {
            this.fields.put(field.name(), field);
        }
        this.defaultSort = defaultSort;
    }

    /** A chosen sort: the field and its direction. */
    public record Order<E>(SortField<E> field, boolean descending) {
        public String wireName() {
            return (descending ? "-" : "") + field.name();
        }
    }

    public Order<E> resolve(String sort) {
        String requested = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        boolean descending = requested.startsWith("-");
        String name = descending ? requested.substring(1) : requested;
        SortField<E> field = fields.get(name);
        if (field == null) {
            throw ProblemException.badRequest("Query parameter 'sort' must be one of " + names()
                    + " (with an optional leading '-'), not '" + sort + "'");
        }
        return new Order<>(field, descending);
    }

    public List<String> names() {
        return List.copyOf(fields.keySet());
    }
}
