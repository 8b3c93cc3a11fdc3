package org.demarche.common;

import java.util.Locale;
import java.util.Set;

/** An assigned ISO 3166-1 alpha-2 country code in upper case ({@code RU}), as a filter takes it. */
public record Country(String code) {

    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public Country {
        if (!isCode(code)) {
            throw new IllegalArgumentException("Not a country code: " + code);
        }
    }

    /** Whether the text is an assigned ISO 3166-1 alpha-2 code in upper case. */
    public static boolean isCode(String text) {
        return CODES.contains(text);
    }

    /** The code of a country filter, or null when there is none. */
    public static String codeOf(Country country) {
        return country == null ? null : country.code;
    }
}
