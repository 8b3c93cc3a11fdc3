package org.demarche.statement;

import java.util.Map;
import java.util.TreeMap;

/**
 * Raw facet counts from a search engine: for each facet, the number of matching statements per key
 * (an official or topic id, a country code, an enum name, a year).
 */
public record FacetCounts(long total, Map<String, Map<String, Long>> byFacet) {

    public static final String OFFICIAL = "official";
    public static final String COUNTRY = "country";
    public static final String TOPIC = "topic";
    public static final String QUOTE_TYPE = "quoteType";
    public static final String MEDIUM = "medium";
    public static final String YEAR = "year";

    public Map<String, Long> of(String facet) {
        return byFacet.getOrDefault(facet, new TreeMap<>());
    }
}
