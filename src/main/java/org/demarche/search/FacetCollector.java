package org.demarche.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.demarche.statement.FacetCounts;

/**
 * Counts the matching documents per facet value from doc values, reading three per match: the
 * official and the topics by ordinal per segment (turned into ids once per segment), and the country,
 * quote type, medium and year from one {@link FacetCode}.
 */
final class FacetCollector extends SimpleCollector {

    private final Map<String, Long> officials = new HashMap<>();
    private final Map<String, Long> topics = new HashMap<>();
    private final long[] countries = new long[FacetCode.COUNTRIES];
    private final long[] quoteTypes = new long[8];
    private final long[] media = new long[16];
    private final long[] years = new long[FacetCode.YEARS];
    private long total;

    private SortedDocValues official;
    private int[] officialTallies;
    private SortedSetDocValues topic;
    private int[] topicTallies;
    private NumericDocValues codes;

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        flush();
        official = DocValues.getSorted(context.reader(), StatementDocuments.OFFICIAL);
        officialTallies = new int[official.getValueCount()];
        topic = DocValues.getSortedSet(context.reader(), StatementDocuments.TOPIC);
        topicTallies = new int[(int) topic.getValueCount()];
        codes = DocValues.getNumeric(context.reader(), StatementDocuments.FACET_CODE);
    }

    @Override
    public void collect(int doc) throws IOException {
        total++;
        if (official.advanceExact(doc)) {
            officialTallies[official.ordValue()]++;
        }
        if (topic.advanceExact(doc)) {
            for (int i = topic.docValueCount(); i > 0; i--) {
                topicTallies[(int) topic.nextOrd()]++;
            }
        }
        if (codes.advanceExact(doc)) {
            long code = codes.longValue();
            quoteTypes[FacetCode.quoteType(code)]++;
            media[FacetCode.medium(code)]++;
            int year = FacetCode.year(code);
            if (year >= 0) {
                years[year]++;
            }
            countries[FacetCode.country(code)]++;
        }
    }

    @Override
    public void finish() throws IOException {
        flush();
    }

    /** Turns the ordinal counts of the segment just read into ids. */
    private void flush() throws IOException {
        if (officialTallies != null) {
            for (int ord = 0; ord < officialTallies.length; ord++) {
                if (officialTallies[ord] > 0) {
                    officials.merge(official.lookupOrd(ord).utf8ToString(), (long) officialTallies[ord], Long::sum);
                }
            }
            officialTallies = null;
        }
        if (topicTallies != null) {
            for (int ord = 0; ord < topicTallies.length; ord++) {
                if (topicTallies[ord] > 0) {
                    topics.merge(topic.lookupOrd(ord).utf8ToString(), (long) topicTallies[ord], Long::sum);
                }
            }
            topicTallies = null;
        }
    }

    FacetCounts result() {
        Map<String, Long> byCountry = new HashMap<>();
        for (int c = 1; c < countries.length; c++) {
            if (countries[c] > 0) {
                byCountry.put(FacetCode.countryName(c), countries[c]);
            }
        }
        Map<String, Long> byQuoteType = new HashMap<>();
        for (int q = 0; q < quoteTypes.length; q++) {
            if (quoteTypes[q] > 0) {
                byQuoteType.put(FacetCode.quoteTypeName(q), quoteTypes[q]);
            }
        }
        Map<String, Long> byMedium = new HashMap<>();
        for (int m = 1; m < media.length; m++) {
            if (media[m] > 0) {
                byMedium.put(FacetCode.mediumName(m), media[m]);
            }
        }
        Map<String, Long> byYear = new HashMap<>();
        for (int y = 0; y < years.length; y++) {
            if (years[y] > 0) {
                byYear.put(Integer.toString(y), years[y]);
            }
        }
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        counts.put(FacetCounts.OFFICIAL, officials);
        counts.put(FacetCounts.COUNTRY, byCountry);
        counts.put(FacetCounts.TOPIC, topics);
        counts.put(FacetCounts.QUOTE_TYPE, byQuoteType);
        counts.put(FacetCounts.MEDIUM, byMedium);
        counts.put(FacetCounts.YEAR, byYear);
        return new FacetCounts(total, counts);
    }
}
