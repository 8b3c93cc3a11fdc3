package org.demarche.common.paging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * A field a list can be sorted by: its name on the wire, its path in JPQL, and how to read its value
 * from a record so that the next page can start after it.
 */
public record SortField<E>(String name, String path, Class<?> type, Function<E, ?> value) {

    public static <E> SortField<E> text(String name, String path, Function<E, String> value) {
        return new SortField<>(name, path, String.class, value);
    }

    public static <E> SortField<E> instant(String name, String path, Function<E, Instant> value) {
        return new SortField<>(name, path, Instant.class, value);
    }

    public static <E> SortField<E> date(String name, String path, Function<E, LocalDate> value) {
        return new SortField<>(name, path, LocalDate.class, value);
    }

    public static <E> SortField<E> number(String name, String path, Function<E, Long> value) {
        return new SortField<>(name, path, Long.class, value);
    }

    /** A value as a cursor carries it, in the field's type. */
    public Object decode(String text) {
        if (type == Long.class) {
            return Long.valueOf(text);
        }
        if (type == Instant.class) {
            return Instant.parse(text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        return text;
    }
}
