package org.demarche.statement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The periods statements are counted in over time. Constants are named as they travel. */
public enum CountInterval {
    day,
    /** ISO weeks, from Monday to Sunday. */
    week,
    month,
    year;

    /** The first day of the period holding {@code day}. */
    public LocalDate periodOf(LocalDate day) {
        return switch (this) {
            case day -> day;
            case week -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case month -> day.withDayOfMonth(1);
            case year -> day.withDayOfYear(1);
        };
    }

    /**
     * The period a statement dated from {@code start} to {@code end} (a partial date's span) counts in, or null
     * when its date is too coarse for this interval: a statement dated only to 2024 lies in no one month.
     */
    public LocalDate periodOf(LocalDate start, LocalDate end) {
        LocalDate period = periodOf(start);
        return period.equals(periodOf(end)) ? period : null;
    }
}
