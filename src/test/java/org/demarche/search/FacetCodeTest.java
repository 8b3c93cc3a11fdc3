package org.demarche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.demarche.statement.Medium;
import org.demarche.statement.QuoteType;
import org.junit.jupiter.api.Test;

/** Every value a facet code holds reads back as it went in. */
class FacetCodeTest {

    @Test
    void everyQuoteTypeMediumCountryAndYearReadsBack() {
        for (QuoteType quoteType : QuoteType.values()) {
            for (Medium medium : Medium.values()) {
                for (String country : new String[] {"AA", "RU", "US", "ZZ"}) {
                    for (int year : new int[] {0, 1, 2024, 9999}) {
                        long code = FacetCode.of(country, quoteType, medium, year);
                        assertEquals(quoteType.name(), FacetCode.quoteTypeName(FacetCode.quoteType(code)));
                        assertEquals(medium.name(), FacetCode.mediumName(FacetCode.medium(code)));
                        assertEquals(country, FacetCode.countryName(FacetCode.country(code)));
                        assertEquals(year, FacetCode.year(code));
                    }
                }
            }
        }
    }

    @Test
    void noMediumAndYearsOutsideFourDigitsAreNotCounted() {
        long code = FacetCode.of("RU", QuoteType.summary, null, 10_000);
        assertEquals(0, FacetCode.medium(code));
        assertEquals(-1, FacetCode.year(code));
        assertEquals(-1, FacetCode.year(FacetCode.of("RU", QuoteType.summary, null, -1)));
        assertEquals("RU", FacetCode.countryName(FacetCode.country(code)));
    }
}
