package org.demarche.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.demarche.common.paging.Cursor;
import org.demarche.common.paging.Sorting;
import org.demarche.statement.Statement;

/**
 * The sort orders of statement lists as both search engines index them: each order's field holds a
 * long (days for statedOn, microseconds for instants), and list cursors carry it as the database lists
 * write it, so a cursor means the same on every engine.
 */
public final class SortKeys {

    private SortKeys() {}

    /** The indexed field the order sorts by. */
    public static String field(Sorting.Order<Statement> order) {
        return switch (order.field().name()) {
            case "statedOn" -> StatementDocuments.STATED_ON_START;
            case "createdAt" -> StatementDocuments.CREATED_AT;
            case "updatedAt" -> StatementDocuments.UPDATED_AT;
            default ->
                throw new IllegalArgumentException(
                        "No index sort for " + order.field().name());
        };
    }

    /** The indexed value a cursor of this order stopped at; 400 when it is not one this API issued. */
    public static long of(Cursor cursor, Sorting.Order<Statement> order) {
        try {
            return isDate(order)
                    ? LocalDate.parse(cursor.value()).toEpochDay()
                    : StatementDocuments.micros(Instant.parse(cursor.value()));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw Cursor.notIssued("cursor");
        }
    }

    /** An indexed value as a cursor carries it. */
    public static String cursorValue(Sorting.Order<Statement> order, long value) {
        return isDate(order)
                ? LocalDate.ofEpochDay(value).toString()
                : Instant.EPOCH.plus(value, ChronoUnit.MICROS).toString();
    }

    private static boolean isDate(Sorting.Order<Statement> order) {
        return order.field().name().equals("statedOn");
    }
}
