package org.demarche.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar date known to the year, the month or the day ({@code 2024}, {@code 2024-11}, {@code 2024-11-20}).
 * It stands for a period: sorting uses its first day, range filters its whole span.
 */
public record PartialDate(String text, LocalDate start, LocalDate end) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public static final String FORMAT_MESSAGE = "must be a date like 2024, 2024-11 or 2024-11-20";

    /** Parses the text, or returns empty if it is not a real partial date ({@code 2024-13} is not). */
    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                Year y = Year.of(year);
                return Optional.of(
                        new PartialDate(text, y.atDay(1), y.atMonth(12).atEndOfMonth()));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return Optional.of(new PartialDate(text, month.atDay(1), month.atEndOfMonth()));
            }
            LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
            return Optional.of(new PartialDate(text, day, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Parses a value the caller has already validated. */
    public static PartialDate of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("Not a partial date: " + text));
    }
}
