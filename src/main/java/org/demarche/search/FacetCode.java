package org.demarche.search;

import java.util.Arrays;
import org.demarche.statement.Medium;
import org.demarche.statement.QuoteType;

/**
 * A statement's country, quote type, medium and year in one number, so that counting facets reads
 * one value per match instead of four. Bits from the lowest: the year plus one (14 bits, 0 for a year
 * outside 0000-9999), the quote type (3 bits), the medium plus one (4 bits, 0 for none), and the
 * country's two letters A-Z (10 bits; officials are only stored with ISO 3166-1 alpha-2 codes, and
 * any other code would be 0, not counted).
 */
final class FacetCode {

    /** Changes whenever a code would read differently: part of the index layout. */
    static final String VERSION = "1 " + Arrays.toString(QuoteType.values()) + Arrays.toString(Medium.values());
    /** How many numbers each part can hold: the sizes of the tallies that count them. */
    static final int YEARS = 10_000;

    static final int QUOTE_TYPES_ROOM = 1 << 3;
    static final int MEDIA_ROOM = 1 << 4;
    static final int COUNTRIES = 26 * 26 + 1;

    private static final int QUOTE_TYPE_SHIFT = 14;
    private static final int MEDIUM_SHIFT = 17;
    private static final int COUNTRY_SHIFT = 21;
    private static final QuoteType[] QUOTE_TYPES = QuoteType.values();
    private static final Medium[] MEDIA = Medium.values();

    private FacetCode() {}

    static long of(String country, QuoteType quoteType, Medium medium, int year) {
        long yearPart = year >= 0 && year < YEARS ? year + 1 : 0;
        long mediumPart = medium == null ? 0 : medium.ordinal() + 1;
        return yearPart
                | (long) quoteType.ordinal() << QUOTE_TYPE_SHIFT
                | mediumPart << MEDIUM_SHIFT
                | (long) country(country) << COUNTRY_SHIFT;
    }

    /** The year, or -1 when it is not counted. */
    static int year(long code) {
        return (int) (code & 0x3FFF) - 1;
    }

    static int quoteType(long code) {
        return (int) (code >>> QUOTE_TYPE_SHIFT & (QUOTE_TYPES_ROOM - 1));
    }

    static String quoteTypeName(int quoteType) {
        return QUOTE_TYPES[quoteType].name();
    }

    /** The medium's ordinal plus one; 0 when the statement has none. */
    static int medium(long code) {
        return (int) (code >>> MEDIUM_SHIFT & (MEDIA_ROOM - 1));
    }

    static String mediumName(int medium) {
        return MEDIA[medium - 1].name();
    }

    /** The country's number; 0 for none that can be counted. */
    static int country(long code) {
        return (int) (code >>> COUNTRY_SHIFT & 0x3FF);
    }

    static String countryName(int country) {
        int letters = country - 1;
        return new String(new char[] {(char) ('A' + letters / 26), (char) ('A' + letters % 26)});
    }

    private static int country(String code) {
        if (code.length() != 2 || !letter(code.charAt(0)) || !letter(code.charAt(1))) {
            return 0;
        }
        return (code.charAt(0) - 'A') * 26 + (code.charAt(1) - 'A') + 1;
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
